import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import type { RegistryClient } from '../client.js';
import { sha256 } from '../digest.js';
import { MediaType } from '../media-types.js';
import { readBody } from '../transport.js';

/** An empty tar archive (two zero blocks) is the smallest valid layer. */
const EMPTY_TAR = Buffer.alloc(1024);
const EMPTY_LAYER = gzipSync(EMPTY_TAR, { level: 9 });

export const DUMMY_LABEL = 'org.container-image-actions.deleted-tag';

export interface DummyManifest {
  readonly bytes: Buffer;
  readonly mediaType: string;
  readonly digest: string;
  readonly blobs: readonly { digest: string; bytes: Buffer }[];
}

/**
 * A manifest no other tag can share: its config carries the tag, the time and a nonce. Putting
 * it on a tag and deleting it by digest removes that tag alone (REFERENCE §3).
 */
export function dummyManifest(tag: string, now = new Date()): DummyManifest {
  const config = Buffer.from(
    JSON.stringify({
      architecture: 'amd64',
      os: 'linux',
      config: { Labels: { [DUMMY_LABEL]: tag, 'org.container-image-actions.deleted-at': now.toISOString(), 'org.container-image-actions.nonce': randomBytes(12).toString('hex') } },
      rootfs: { type: 'layers', diff_ids: [sha256(EMPTY_TAR)] },
    }),
  );
  const configDigest = sha256(config);
  const layerDigest = sha256(EMPTY_LAYER);
  const bytes = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: MediaType.DockerManifest,
      config: { mediaType: MediaType.DockerConfig, size: config.length, digest: configDigest },
      layers: [{ mediaType: MediaType.DockerLayerGzip, size: EMPTY_LAYER.length, digest: layerDigest }],
    }),
  );
  return {
    bytes,
    mediaType: MediaType.DockerManifest,
    digest: sha256(bytes),
    blobs: [
      { digest: configDigest, bytes: config },
      { digest: layerDigest, bytes: EMPTY_LAYER },
    ],
  };
}

/**
 * Whether a manifest is one of our dummies: a tag left on one by an interrupted deletion must be
 * finished off, never promoted. The shape (one empty layer of exactly our bytes) is checked
 * first, then the config's label, so a real image is never taken for one.
 */
export async function isDummy(client: RegistryClient, repository: string, manifest: { bytes: Buffer; mediaType: string }): Promise<boolean> {
  if (manifest.mediaType !== MediaType.DockerManifest) return false;
  const parsed = JSON.parse(manifest.bytes.toString('utf8')) as { config?: { digest?: string }; layers?: { digest?: string }[] };
  if (parsed.layers?.length !== 1 || parsed.layers[0].digest !== sha256(EMPTY_LAYER) || !parsed.config?.digest) return false;
  const response = await client.getBlob(repository, parsed.config.digest);
  const config = JSON.parse((await readBody(response, 64 * 1024)).toString('utf8')) as { config?: { Labels?: Record<string, string> } };
  return config.config?.Labels?.[DUMMY_LABEL] !== undefined;
}

/** Uploads a dummy's blobs (where missing) and puts it on `tag`; returns its digest. */
export async function putDummy(client: RegistryClient, repository: string, tag: string): Promise<string> {
  const dummy = dummyManifest(tag);
  for (const blob of dummy.blobs) {
    if ((await client.headBlob(repository, blob.digest)) === undefined) {
      await client.uploadBlob(repository, blob.digest, blob.bytes.length, Readable.from([blob.bytes]));
    }
  }
  return client.putManifest(repository, tag, dummy);
}
