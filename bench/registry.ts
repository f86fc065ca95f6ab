// Registry core: copy a synthetic set (shared base layers, unique layers, some two-platform
// images) between two local registries, natively (one process, shared session) and with
// `skopeo copy --all` per image (Zuul's way), each into its own fresh registry; then a 1 GiB
// single-layer copy in a child process, reporting its peak RSS.
import { execFile } from 'node:child_process';
import { randomFillSync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { copyImage } from '../src/registry/copy.js';
import { RegistrySession } from '../src/registry/session.js';
import { pushSynthetic } from '../test/helpers/images.js';
import { startRegistry } from '../test/helpers/registry-process.js';
import { createHash } from 'node:crypto';

const run = promisify(execFile);
const MiB = 1024 * 1024;

function randomLayer(size: number): Buffer {
  return gzipSync(randomFillSync(Buffer.alloc(size)), { level: 0 });
}

export async function registryBench(): Promise<void> {
  const [source, nativeDst, skopeoDst] = await Promise.all([startRegistry(), startRegistry(), startRegistry()]);
  const seed = new RegistrySession();
  try {
    // 24 images: three shared base layers, 1-3 unique layers each, every fourth two-platform.
    const base = [randomLayer(6 * MiB), randomLayer(2 * MiB), randomLayer(512 * 1024)];
    const names: string[] = [];
    let uniqueBytes = base.reduce((n, b) => n + b.length, 0);
    for (let i = 0; i < 24; i++) {
      const sizes = [[256 * 1024], [1 * MiB, 64 * 1024], [3 * MiB, 128 * 1024, 16 * 1024]][i % 3];
      const platforms = i % 4 === 0 ? ['linux/amd64', 'linux/arm64'] : ['linux/amd64'];
      await pushSynthetic(seed, source.registry, `set/img${i}`, { shared: base, layers: sizes, platforms, tags: ['v1'] });
      names.push(`set/img${i}`);
      uniqueBytes += sizes.reduce((a, b) => a + b, 0) * platforms.length;
    }
    console.log(
      `data set: ${names.length} images, ${(uniqueBytes / MiB).toFixed(0)} MiB of unique layers, 3 shared base layers, ${names.filter((_, i) => i % 4 === 0).length} two-platform`,
    );

    // skopeo first, with a private blob-info cache so no earlier run helps it.
    const xdg = mkdtempSync(join(tmpdir(), 'cia-bench-xdg-'));
    const t0 = performance.now();
    for (const name of names) {
      await run(
        'skopeo',
        [
          'copy',
          '--all',
          '--preserve-digests',
          '--src-tls-verify=false',
          '--dest-tls-verify=false',
          `docker://${source.registry}/${name}:v1`,
          `docker://${skopeoDst.registry}/${name}:v1`,
        ],
        { env: { ...process.env, XDG_DATA_HOME: xdg } },
      );
    }
    const skopeoMs = performance.now() - t0;
    rmSync(xdg, { recursive: true, force: true });

    let requests = 0;
    const session = new RegistrySession({ transport: { onRequest: () => requests++ } });
    const t1 = performance.now();
    const results = await Promise.all(
      names.map((name) =>
        copyImage(
          session,
          { registry: source.registry, repository: name },
          { registry: nativeDst.registry, repository: name },
          { source: 'v1', tags: ['v1'] },
        ),
      ),
    );
    const nativeMs = performance.now() - t1;
    session.close();

    const check = new RegistrySession();
    for (const [i, name] of names.entries()) {
      const viaSkopeo = await check.client(skopeoDst.registry).headManifest(name, 'v1');
      if (viaSkopeo?.digest !== results[i].digest) throw new Error(`${name}: native ${results[i].digest} != skopeo ${viaSkopeo?.digest}`);
    }
    check.close();
    const moved = results.reduce((n, r) => n + r.bytesMoved, 0);
    const mounted = results.reduce((n, r) => n + r.blobsMounted, 0);
    console.log(`copy set, skopeo copy --all per image: ${(skopeoMs / 1000).toFixed(2)} s`);
    console.log(
      `copy set, native (one process):        ${(nativeMs / 1000).toFixed(2)} s  (${requests} requests, ${(moved / MiB).toFixed(1)} MiB streamed, ${mounted} blobs mounted)`,
    );
    console.log(`ratio: native is ${(skopeoMs / nativeMs).toFixed(2)}x faster than skopeo (target >= 1.5x); digests identical`);

    await bigLayer(source.registry, nativeDst.registry);
  } finally {
    seed.close();
    await Promise.all([source.stop(), nativeDst.stop(), skopeoDst.stop()]);
  }
}

/** Pushes a 1 GiB layer without holding it in memory, then copies it in a child process. */
async function bigLayer(from: string, to: string): Promise<void> {
  const size = 1024 * MiB;
  // The same generated stream twice: once for its digest, once for the upload.
  const generate = (seed: number) =>
    Readable.from(
      (function* () {
        const block = Buffer.alloc(4 * MiB);
        for (let i = 0; i < size / block.length; i++) {
          block.writeUInt32LE(seed + i, 0);
          block.fill(i % 251, 4);
          yield Buffer.from(block);
        }
      })(),
    );
  const digestHash = createHash('sha256');
  for await (const part of generate(7)) digestHash.update(part as Buffer);
  const digest = `sha256:${digestHash.digest('hex')}`;
  const session = new RegistrySession();
  const client = session.client(from);
  await client.uploadBlob('big/layer', digest, size, generate(7));
  const config = Buffer.from(
    JSON.stringify({ architecture: 'amd64', os: 'linux', rootfs: { type: 'layers', diff_ids: [digest] }, config: {} }),
  );
  const configDigest = `sha256:${createHash('sha256').update(config).digest('hex')}`;
  await client.uploadBlob('big/layer', configDigest, config.length, Readable.from([config]));
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: { mediaType: 'application/vnd.oci.image.config.v1+json', size: config.length, digest: configDigest },
      layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar', size, digest }],
    }),
  );
  await client.putManifest('big/layer', 'v1', { bytes: manifest, mediaType: 'application/vnd.oci.image.manifest.v1+json' });
  session.close();

  const { stdout } = await run(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, 'copy-one.ts'), from, 'big/layer', to, 'big/layer', 'v1'],
    { maxBuffer: 1024 * 1024 },
  );
  const result = JSON.parse(stdout) as { seconds: number; maxRssMiB: number; bytesMoved: number };
  console.log(
    `1 GiB single layer: ${result.seconds.toFixed(1)} s (${(result.bytesMoved / MiB / result.seconds).toFixed(0)} MiB/s), peak RSS ${result.maxRssMiB.toFixed(0)} MiB (target < 150 MB)`,
  );
}
