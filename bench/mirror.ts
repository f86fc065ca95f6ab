// Mirror: a bulk set (30 images, ~120 MiB, shared base layers, some two-platform) and a
// metadata-heavy set (100 small images), each copied cold and re-run with nothing changed:
// native (the mirror command) against `skopeo sync --all` and `skopeo copy --all` per image,
// every tool into its own fresh registry, in the same run. Requests per side come from
// counting proxies in a separate re-run, so the timings carry no proxy overhead.
import { execFile } from 'node:child_process';
import { noExec } from '../src/exec.js';
import { randomFillSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { mirror, type MirroredTag } from '../src/commands/mirror.js';
import { silentLogger } from '../src/logger.js';
import { RegistrySession } from '../src/registry/session.js';
import { startFaultProxy } from '../test/helpers/fault-proxy.js';
import { pushSynthetic } from '../test/helpers/images.js';
import { startRegistry, type RegistryProcess } from '../test/helpers/registry-process.js';

const run = promisify(execFile);
const MiB = 1024 * 1024;
const layer = (size: number) => gzipSync(randomFillSync(Buffer.alloc(size)), { level: 0 });

export interface DataSet {
  readonly name: string;
  readonly images: string[];
  readonly uniqueBytes: number;
  readonly tags: number;
}

export async function bulk(registry: string): Promise<DataSet> {
  const session = new RegistrySession();
  const base = [layer(12 * MiB), layer(6 * MiB), layer(2 * MiB)];
  let uniqueBytes = base.reduce((n, b) => n + b.length, 0);
  const images: string[] = [];
  let tags = 0;
  for (let i = 0; i < 30; i++) {
    const sizes = [[2 * MiB], [3 * MiB, 256 * 1024], [4 * MiB, 512 * 1024, 64 * 1024]][i % 3];
    const platforms = i % 6 === 0 ? ['linux/amd64', 'linux/arm64'] : ['linux/amd64'];
    await pushSynthetic(session, registry, `bulk/img${i}`, { shared: base, layers: sizes, platforms, tags: ['v1'] });
    uniqueBytes += sizes.reduce((a, b) => a + b, 0) * platforms.length;
    images.push(`bulk/img${i}`);
    tags++;
  }
  session.close();
  return { name: 'bulk (30 images, shared bases, 5 two-platform)', images, uniqueBytes, tags };
}

export async function small(registry: string): Promise<DataSet> {
  const session = new RegistrySession();
  const base = [layer(64 * 1024)];
  const images: string[] = [];
  for (let i = 0; i < 100; i++) {
    await pushSynthetic(session, registry, `small/img${i}`, { shared: base, layers: [2048], tags: ['v1'] });
    images.push(`small/img${i}`);
  }
  session.close();
  return { name: 'metadata-heavy (100 small images)', images, uniqueBytes: base[0].length + 100 * 2100, tags: 100 };
}

async function nativeMirror(set: DataSet, from: string, to: string): Promise<{ ms: number; mirrored: MirroredTag[] }> {
  const work = mkdtempSync(join(tmpdir(), 'cia-bench-mirror-'));
  const list = set.images.map((image) => ({ src_repository: `${from}/${image}`, src_tag: 'v1', dest_repository: `${to}/${image}` }));
  const start = performance.now();
  const result = await mirror({
    env: { ...process.env, RUNNER_TEMP: work },
    logger: silentLogger,
    read: (name) =>
      ({ 'work-dir': work, mirror: JSON.stringify(list), parallel: process.env.CIA_BENCH_PARALLEL ?? '' })[name as string] ?? '',
    exec: noExec,
  });
  const ms = performance.now() - start;
  rmSync(work, { recursive: true, force: true });
  if (result.failure) throw new Error(result.failure);
  return { ms, mirrored: JSON.parse(result.outputs.mirrored ?? '[]') as MirroredTag[] };
}

export async function skopeoSync(set: DataSet, from: string, to: string, xdg: string): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'cia-bench-sync-'));
  const file = join(dir, 'sync.yaml');
  writeFileSync(file, `${from}:\n  tls-verify: false\n  images:\n${set.images.map((i) => `    ${i}: ["v1"]\n`).join('')}`);
  const start = performance.now();
  await run('skopeo', ['sync', '--all', '--src', 'yaml', '--dest', 'docker', '--dest-tls-verify=false', file, to], {
    env: { ...process.env, XDG_DATA_HOME: xdg },
    maxBuffer: 64 * MiB,
  });
  const ms = performance.now() - start;
  rmSync(dir, { recursive: true, force: true });
  return ms;
}

async function skopeoCopyEach(set: DataSet, from: string, to: string, xdg: string): Promise<number> {
  const start = performance.now();
  for (const image of set.images) {
    await run(
      'skopeo',
      [
        'copy',
        '--all',
        '--preserve-digests',
        '--src-tls-verify=false',
        '--dest-tls-verify=false',
        `docker://${from}/${image}:v1`,
        `docker://${to}/${image}:v1`,
      ],
      { env: { ...process.env, XDG_DATA_HOME: xdg } },
    );
  }
  return performance.now() - start;
}

/** Bytes of the distinct blobs (layers and configs) the set's images reference, read from the registry. */
async function distinctBlobBytes(registry: string, images: readonly string[]): Promise<number> {
  const session = new RegistrySession();
  const sizes = new Map<string, number>();
  const client = session.client(registry);
  const walk = async (image: string, reference: string): Promise<void> => {
    const manifest = JSON.parse((await client.getManifest(image, reference)).bytes.toString()) as {
      manifests?: { digest: string }[];
      config?: { digest: string; size: number };
      layers?: { digest: string; size: number }[];
    };
    for (const child of manifest.manifests ?? []) await walk(image, child.digest);
    for (const blob of [...(manifest.config ? [manifest.config] : []), ...(manifest.layers ?? [])]) sizes.set(blob.digest, blob.size);
  };
  for (const image of images) await walk(image, 'v1');
  session.close();
  return [...sizes.values()].reduce((a, b) => a + b, 0);
}

export async function mirrorBench(): Promise<void> {
  const source = await startRegistry();
  const started: RegistryProcess[] = [source];
  try {
    for (const make of [bulk, small]) {
      const made = await make(source.registry);
      const set = { ...made, uniqueBytes: await distinctBlobBytes(source.registry, made.images) };
      const [native, sync, copy] = await Promise.all([startRegistry(), startRegistry(), startRegistry()]);
      started.push(native, sync, copy);
      const xdg = mkdtempSync(join(tmpdir(), 'cia-bench-xdg-'));
      const syncCold = await skopeoSync(set, source.registry, sync.registry, xdg);
      const copyCold = await skopeoCopyEach(set, source.registry, copy.registry, mkdtempSync(join(tmpdir(), 'cia-bench-xdg-')));
      const cold = await nativeMirror(set, source.registry, native.registry);
      const syncRerun = await skopeoSync(set, source.registry, sync.registry, xdg);
      const rerun = await nativeMirror(set, source.registry, native.registry);
      rmSync(xdg, { recursive: true, force: true });
      if (!rerun.mirrored.every((m) => m.status === 'unchanged')) throw new Error('the re-run copied something');

      // Requests per side of a native re-run, through counting proxies.
      const [src, dst] = await Promise.all([startFaultProxy(source.registry), startFaultProxy(native.registry)]);
      await nativeMirror(set, src.registry, dst.registry);
      const perSide = (log: { method: string; path: string }[]) => log.filter((e) => e.path !== '/v2/');
      const srcHeads = perSide(src.log);
      const dstHeads = perSide(dst.log);
      await Promise.all([src.close(), dst.close()]);

      const bytes = cold.mirrored.reduce((n, m) => n + m.bytes, 0);
      const fasterSkopeo = Math.min(syncCold, copyCold);
      console.log(`\n${set.name}: ${set.tags} tags, ${(set.uniqueBytes / MiB).toFixed(1)} MiB of distinct blobs`);
      console.log(
        `  cold:   native ${(cold.ms / 1000).toFixed(2)} s | skopeo sync --all ${(syncCold / 1000).toFixed(2)} s | skopeo copy --all per image ${(copyCold / 1000).toFixed(2)} s -> ${(fasterSkopeo / cold.ms).toFixed(2)}x faster than the faster skopeo way`,
      );
      console.log(
        `  re-run: native ${(rerun.ms / 1000).toFixed(2)} s | skopeo sync --all ${(syncRerun / 1000).toFixed(2)} s -> ${(syncRerun / rerun.ms).toFixed(2)}x faster`,
      );
      console.log(
        `  re-run requests: source ${srcHeads.length} (${[...new Set(srcHeads.map((e) => e.method))].join(',')}), destination ${dstHeads.length} (${[...new Set(dstHeads.map((e) => e.method))].join(',')}) for ${set.tags} tags (plus one /v2/ ping per side)`,
      );
      console.log(`  bytes uploaded ${bytes} <= distinct blob bytes ${set.uniqueBytes}: ${bytes <= set.uniqueBytes ? 'yes' : 'NO'}`);
    }
  } finally {
    await Promise.all(started.map((r) => r.stop()));
  }
}
