// Build cache: a RUN-heavy Containerfile built by whole `node dist/index.js build` processes on an
// empty local store each time (a fresh runner), without a cache and with a warm registry cache,
// per engine (podman, buildah), reps interleaved, medians printed. docker's daemon has one store
// for everything on the machine, so it cannot start empty here without wiping it: its cache path
// is exercised by argv tests and left out of the timing.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { testbed } from '../test/helpers/testbed.js';
import { startRegistry } from '../test/helpers/registry-process.js';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..');
const REPS = Number(process.env.CIA_BENCH_REPS || 3);

/** Three RUN steps of busy shell work (busybox sh counting), each a layer the cache can hand back. */
const CONTAINERFILE = [
  'ARG BASE_IMAGE',
  'FROM ${BASE_IMAGE}',
  ...[1, 2, 3].map((n) => `RUN i=0; while [ $i -lt 600000 ]; do i=$((i+1)); done; echo ${n} $i > /step${n}`),
  '',
].join('\n');

function emptyStore(): { conf: string; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'cia-bench-store-'));
  const conf = join(dir, 'storage.conf');
  writeFileSync(conf, `[storage]\ndriver = "vfs"\ngraphroot = "${dir}/graph"\nrunroot = "${dir}/run"\n`);
  return { conf, dir };
}

async function buildOnce(engine: string, work: string, repository: string, cache: string | undefined): Promise<number> {
  const store = emptyStore();
  const inputs: Record<string, string> = {
    INPUT_CONTAINER_COMMAND: engine,
    INPUT_WORK_DIR: work,
    INPUT_IMAGES: JSON.stringify([{ context: 'app', repository, build_args: [`BASE_IMAGE=${testbed().baseImage}`] }]),
    ...(cache && { INPUT_CACHE: 'true', INPUT_CACHE_REPOSITORY: cache }),
  };
  const start = performance.now();
  await run(process.execPath, [join(root, 'dist', 'index.js'), 'build'], {
    env: { ...process.env, ...inputs, GITHUB_EVENT_NAME: 'push', CONTAINERS_STORAGE_CONF: store.conf, GITHUB_OUTPUT: '/dev/null' },
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = performance.now() - start;
  rmSync(store.dir, { recursive: true, force: true });
  return ms;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export async function buildBench(): Promise<void> {
  const registry = await startRegistry();
  const work = mkdtempSync(join(tmpdir(), 'cia-bench-build-'));
  mkdirSync(join(work, 'app'));
  writeFileSync(join(work, 'app', 'Containerfile'), CONTAINERFILE);
  try {
    console.log(`a RUN-heavy Containerfile (3 RUN steps), built on an empty local store each time; ${REPS} reps, interleaved, medians`);
    for (const engine of ['podman', 'buildah']) {
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
  } finally {
    rmSync(work, { recursive: true, force: true });
    await registry.stop();
  }
}
