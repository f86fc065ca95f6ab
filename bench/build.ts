// Build cache: a RUN-heavy Containerfile built by whole `node dist/index.js build` processes on an
// empty local store each time (a fresh runner), without a cache and with a warm registry cache,
// per engine, reps interleaved, medians printed. docker's empty store is a daemon of its own per
// build (its classic builder: the cache image pulled for --cache-from).
import { execFile, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startFaultProxy } from '../test/helpers/fault-proxy.js';
import { startRegistry } from '../test/helpers/registry-process.js';
import { testbed } from '../test/helpers/testbed.js';
import { BUNDLE } from './link.js';

const run = promisify(execFile);
const REPS = Number(process.env.CIA_BENCH_REPS || 3);

/** Three RUN steps of busy shell work (busybox sh counting), each a layer the cache can hand back. */
const CONTAINERFILE = [
  'ARG BASE_IMAGE',
  'FROM ${BASE_IMAGE}',
  ...[1, 2, 3].map((n) => `RUN i=0; while [ $i -lt 1000000 ]; do i=$((i+1)); done; echo ${n} $i > /step${n}`),
  '',
].join('\n');

/**
 * docker's empty store: a daemon of its own (own data root, own socket, no bridge), started before
 * the timed build and removed after it; the machine's daemon and its images are left alone.
 */
async function emptyDocker(): Promise<{ env: Record<string, string>; stop: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'cia-bench-dockerd-'));
  const host = `unix://${dir}/docker.sock`;
  const daemon = spawn(
    'dockerd',
    [
      '--data-root',
      `${dir}/data`,
      '--exec-root',
      `${dir}/exec`,
      '--host',
      host,
      '--pidfile',
      `${dir}/pid`,
      '--bridge=none',
      '--iptables=false',
      '--ip6tables=false',
    ],
    { stdio: 'ignore' },
  );
  for (let i = 0; ; i++) {
    try {
      await run('docker', ['info'], { env: { ...process.env, DOCKER_HOST: host } });
      break;
    } catch (error) {
      if (i > 100) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    env: { DOCKER_HOST: host },
    stop: async () => {
      const exited = new Promise((r) => daemon.once('exit', r));
      daemon.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function emptyStore(): { conf: string; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'cia-bench-store-'));
  const conf = join(dir, 'storage.conf');
  writeFileSync(conf, `[storage]\ndriver = "vfs"\ngraphroot = "${dir}/graph"\nrunroot = "${dir}/run"\n`);
  return { conf, dir };
}

async function buildOnce(engine: string, work: string, repository: string, cache: string | undefined): Promise<number> {
  const store = emptyStore();
  const docker = engine === 'docker' ? await emptyDocker() : undefined;
  const inputs: Record<string, string> = {
    INPUT_CONTAINER_COMMAND: engine,
    INPUT_WORK_DIR: work,
    INPUT_IMAGES: JSON.stringify([{ context: 'app', repository, build_args: [`BASE_IMAGE=${testbed().baseImage}`] }]),
    ...(cache && { INPUT_CACHE: 'true', INPUT_CACHE_REPOSITORY: cache }),
  };
  const start = performance.now();
  await run(process.execPath, [BUNDLE, 'build'], {
    env: {
      ...process.env,
      ...inputs,
      GITHUB_EVENT_NAME: 'push',
      CONTAINERS_STORAGE_CONF: store.conf,
      GITHUB_OUTPUT: '/dev/null',
      ...docker?.env,
    },
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = performance.now() - start;
  await docker?.stop();
  rmSync(store.dir, { recursive: true, force: true });
  return ms;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** One `node dist/index.js upload` process of a gate (change 42), with extra inputs. */
async function upload(work: string, images: string, extra: Record<string, string>, env: Record<string, string> = {}): Promise<number> {
  const start = performance.now();
  await run(process.execPath, [BUNDLE, 'upload'], {
    env: {
      ...process.env,
      INPUT_WORK_DIR: work,
      INPUT_IMAGES: images,
      INPUT_CHANGE: '42',
      GITHUB_EVENT_NAME: 'push',
      GITHUB_OUTPUT: '/dev/null',
      ...Object.fromEntries(Object.entries(extra).map(([k, v]) => [`INPUT_${k.toUpperCase().replace(/-/g, '_')}`, v])),
      ...env,
    },
    maxBuffer: 64 * 1024 * 1024,
  });
  return performance.now() - start;
}

/**
 * The split flow (an amd64 job and an arm64 job as separate processes at once, as two runners
 * would run them, then the merge) against one job building both platforms. This machine is
 * amd64: its arm64 job still runs under qemu, so the gain shown is only the parallelism; on a
 * native arm64 runner that job loses the qemu cost too. The merge's requests are counted.
 */
async function splitBench(registry: string): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'cia-bench-split-'));
  mkdirSync(join(work, 'app'));
  writeFileSync(
    join(work, 'app', 'Containerfile'),
    ['ARG BASE_IMAGE', 'FROM ${BASE_IMAGE}', 'RUN i=0; while [ $i -lt 150000 ]; do i=$((i+1)); done; uname -m > /arch', ''].join('\n'),
  );
  const one: number[] = [];
  const split: number[] = [];
  const merges: number[] = [];
  let requests = '';
  for (let rep = 0; rep < REPS; rep++) {
    const list = (name: string, host: string) =>
      JSON.stringify([
        {
          context: 'app',
          repository: `${host}/bench/${name}-${rep}`,
          build_args: [`BASE_IMAGE=${testbed().baseImage}`],
          arch: ['linux/amd64', 'linux/arm64'],
        },
      ]);
    const oneStore = emptyStore();
    one.push(await upload(work, list('one', registry), { 'container-command': 'podman' }, { CONTAINERS_STORAGE_CONF: oneStore.conf }));
    rmSync(oneStore.dir, { recursive: true, force: true });
    const images = list('split', registry);
    const start = performance.now();
    // Two runners: a store each (one store would let the jobs' local tags overwrite each other).
    const stores = [emptyStore(), emptyStore()];
    await Promise.all(
      ['linux/amd64', 'linux/arm64'].map((platform, i) =>
        upload(work, images, { 'container-command': 'podman', platform }, { CONTAINERS_STORAGE_CONF: stores[i].conf }),
      ),
    );
    for (const store of stores) rmSync(store.dir, { recursive: true, force: true });
    const proxy = await startFaultProxy(registry);
    try {
      // The merge through a counting proxy, under the same repository's name.
      const viaProxy = images.replaceAll(registry, proxy.registry);
      merges.push(await upload(work, viaProxy, { merge: 'true' }));
      split.push(performance.now() - start);
      // Up to the index's PUT (a confirmed PUT needs no check after it); the per-platform tags' deletion follows.
      const put = proxy.log.findIndex((e) => e.method === 'PUT' && e.path.endsWith('/manifests/change_42_latest'));
      const merge = proxy.log.slice(0, put + 1).filter((e) => e.path !== '/v2/');
      requests =
        `${merge.length} requests (${merge.map((e) => e.method).join(' ')}) for 2 platforms and 1 tag, at most 2 + 3; ` +
        `then ${proxy.log.length - put - 1} for the safe deletion of the per-platform tags`;
    } finally {
      await proxy.close();
    }
  }
  rmSync(work, { recursive: true, force: true });
  console.log(
    `  split flow (2 platform jobs at once, then merge) ${(median(split) / 1000).toFixed(2)} s (merge ${(median(merges) / 1000).toFixed(2)} s) | ` +
      `one job, both platforms ${(median(one) / 1000).toFixed(2)} s -> ${(median(one) / median(split)).toFixed(2)}x; merge: ${requests}`,
  );
}

export async function buildBench(): Promise<void> {
  const registry = await startRegistry();
  const work = mkdtempSync(join(tmpdir(), 'cia-bench-build-'));
  mkdirSync(join(work, 'app'));
  writeFileSync(join(work, 'app', 'Containerfile'), CONTAINERFILE);
  try {
    console.log(`a RUN-heavy Containerfile (3 RUN steps), built on an empty local store each time; ${REPS} reps, interleaved, medians`);
    for (const engine of ['podman', 'buildah', 'docker']) {
      const cache = `${registry.registry}/bench/${engine}-cache`;
      const repository = `${registry.registry}/bench/${engine}`;
      // Warm the cache once: what the last trusted build left.
      await buildOnce(engine, work, repository, cache);
      const cold: number[] = [];
      const warm: number[] = [];
      for (let rep = 0; rep < REPS; rep++) {
        cold.push(await buildOnce(engine, work, repository, undefined));
        warm.push(await buildOnce(engine, work, repository, cache));
      }
      const [c, w] = [median(cold), median(warm)];
      console.log(
        `  ${engine.padEnd(7)} no cache ${(c / 1000).toFixed(2)} s | warm registry cache ${(w / 1000).toFixed(2)} s -> ${(c / w).toFixed(2)}x faster`,
      );
    }
    await splitBench(registry.registry);
  } finally {
    rmSync(work, { recursive: true, force: true });
    await registry.stop();
  }
}
