// Test images: synthetic ones pushed through the registry API (random layers, one or several
// platforms), and independent views of what a registry holds, read with skopeo.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { sha256 } from '../../src/registry/digest.js';
import { MediaType } from '../../src/registry/media-types.js';
import type { RegistrySession } from '../../src/registry/session.js';

export interface SyntheticImage {
  readonly digest: string;
  readonly childDigests: string[];
  readonly layerDigests: string[];
}

export interface SyntheticOptions {
  /** Sizes of unique random layers, in bytes (before gzip, which random data does not shrink). */
  readonly layers: readonly number[];
  /** Layers (bytes) shared with other images: pass the same Buffers to share. */
  readonly shared?: readonly Buffer[];
  /** Two or more: an OCI index with one image per platform. */
  readonly platforms?: readonly string[];
  readonly tags: readonly string[];
  /** Config labels (every platform). */
  readonly labels?: Readonly<Record<string, string>>;
  /** Config `created` time (default: the epoch). */
  readonly created?: string;
}

async function putBlob(session: RegistrySession, registry: string, repository: string, bytes: Buffer): Promise<string> {
  const digest = sha256(bytes);
  const client = session.client(registry);
  if ((await client.headBlob(repository, digest)) === undefined)
    await client.uploadBlob(repository, digest, bytes.length, Readable.from([bytes]));
  return digest;
}

async function pushImage(
  session: RegistrySession,
  registry: string,
  repository: string,
  platform: string,
  layers: Buffer[],
  options: Pick<SyntheticOptions, 'labels' | 'created'> = {},
): Promise<{ digest: string; bytes: Buffer; layerDigests: string[] }> {
  const [os, architecture, variant] = platform.split('/');
  const layerDescriptors = [];
  for (const layer of layers)
    layerDescriptors.push({
      mediaType: MediaType.OciLayerGzip,
      size: layer.length,
      digest: await putBlob(session, registry, repository, layer),
    });
  const config = Buffer.from(
    JSON.stringify({
      architecture,
      os,
      ...(variant && { variant }),
      created: options.created ?? new Date(0).toISOString(),
      rootfs: { type: 'layers', diff_ids: layers.map((l) => sha256(l)) },
      config: options.labels ? { Labels: options.labels } : {},
    }),
  );
  const configDigest = await putBlob(session, registry, repository, config);
  const bytes = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: MediaType.OciManifest,
      config: { mediaType: MediaType.OciConfig, size: config.length, digest: configDigest },
      layers: layerDescriptors,
    }),
  );
  const digest = await session.client(registry).putManifest(repository, sha256(bytes), { bytes, mediaType: MediaType.OciManifest });
  return { digest, bytes, layerDigests: layerDescriptors.map((l) => l.digest) };
}

/** Pushes an image with random layers; returns its digest (the index's, for several platforms). */
export async function pushSynthetic(
  session: RegistrySession,
  registry: string,
  repository: string,
  options: SyntheticOptions,
): Promise<SyntheticImage> {
  const platforms = options.platforms ?? ['linux/amd64'];
  const images = [];
  for (const platform of platforms) {
    const layers = [...(options.shared ?? []), ...options.layers.map((size) => gzipSync(randomBytes(size), { level: 0 }))];
    images.push({ platform, ...(await pushImage(session, registry, repository, platform, layers, options)) });
  }
  const client = session.client(registry);
  if (platforms.length === 1) {
    for (const tag of options.tags) await client.putManifest(repository, tag, { bytes: images[0].bytes, mediaType: MediaType.OciManifest });
    return { digest: images[0].digest, childDigests: [], layerDigests: images[0].layerDigests };
  }
  const index = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: MediaType.OciIndex,
      manifests: images.map((image) => {
        const [os, architecture, variant] = image.platform.split('/');
        return {
          mediaType: MediaType.OciManifest,
          size: image.bytes.length,
          digest: image.digest,
          platform: { architecture, os, ...(variant && { variant }) },
        };
      }),
    }),
  );
  let digest = sha256(index);
  for (const tag of options.tags) digest = await client.putManifest(repository, tag, { bytes: index, mediaType: MediaType.OciIndex });
  if (options.tags.length === 0) await client.putManifest(repository, digest, { bytes: index, mediaType: MediaType.OciIndex });
  return { digest, childDigests: images.map((i) => i.digest), layerDigests: images.flatMap((i) => i.layerDigests) };
}

const run = promisify(execFile);
// skopeo runs asynchronously: a token server in this same process must stay free to answer it.
const SKOPEO_ENV = { ...process.env, XDG_DATA_HOME: '/tmp/cia-skopeo-data' };

/** The raw manifest bytes as skopeo (an independent client) reads them. */
export async function skopeoRaw(ref: string, authfile?: string): Promise<Buffer> {
  const { stdout } = await run(
    'skopeo',
    ['inspect', '--raw', '--tls-verify=false', ...(authfile ? ['--authfile', authfile] : []), `docker://${ref}`],
    { encoding: 'buffer', env: SKOPEO_ENV, maxBuffer: 64 * 1024 * 1024 },
  );
  return stdout;
}

export async function skopeoTags(ref: string, authfile?: string): Promise<string[]> {
  const { stdout } = await run(
    'skopeo',
    ['list-tags', '--tls-verify=false', ...(authfile ? ['--authfile', authfile] : []), `docker://${ref}`],
    { encoding: 'utf8', env: SKOPEO_ENV },
  );
  return ((JSON.parse(stdout) as { Tags: string[] }).Tags ?? []).sort();
}

export async function skopeoCopy(src: string, dst: string): Promise<void> {
  await run(
    'skopeo',
    ['copy', '--all', '--preserve-digests', '--src-tls-verify=false', '--dest-tls-verify=false', `docker://${src}`, `docker://${dst}`],
    { env: SKOPEO_ENV },
  );
}
