import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import type { RegistryClient } from '../client.js';
import { sha256 } from '../digest.js';
import { withRetry } from '../retry.js';
import { MediaType } from '../media-types.js';

/** An empty tar archive (two zero blocks) is the smallest valid layer. */
const EMPTY_TAR = Buffer.alloc(1024);
const EMPTY_LAYER = gzipSync(EMPTY_TAR, { level: 9 });

export const DUMMY_LABEL = 'org.container-image-actions.deleted-tag';

/** The same config for every dummy: its blobs are uploaded once per repository. */
const DUMMY_CONFIG = Buffer.from(
  JSON.stringify({
    architecture: 'amd64',
    os: 'linux',
    config: { Labels: { 'org.container-image-actions.dummy': 'true' } },
    rootfs: { type: 'layers', diff_ids: [sha256(EMPTY_TAR)] },
  }),
);

export interface DummyManifest {
  readonly bytes: Buffer;
  readonly mediaType: string;
  readonly digest: string;
  readonly blobs: readonly { digest: string; bytes: Buffer }[];
}

/**
 * A manifest no other tag can share: its annotations carry the tag, the time and a nonce.
 * Putting it on a tag and deleting it by digest removes that tag alone (docs/registries.md, "Deleting one tag").
 */
export function dummyManifest(tag: string, now = new Date()): DummyManifest {
  const layerDigest = sha256(EMPTY_LAYER);
  const bytes = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: MediaType.OciManifest,
      config: { mediaType: MediaType.OciConfig, size: DUMMY_CONFIG.length, digest: sha256(DUMMY_CONFIG) },
      layers: [{ mediaType: MediaType.OciLayerGzip, size: EMPTY_LAYER.length, digest: layerDigest }],
      annotations: {
        [DUMMY_LABEL]: tag,
        'org.container-image-actions.deleted-at': now.toISOString(),
        'org.container-image-actions.nonce': randomBytes(12).toString('hex'),
      },
    }),
  );
  return {
    bytes,
    mediaType: MediaType.OciManifest,
    digest: sha256(bytes),
    blobs: [
      { digest: sha256(DUMMY_CONFIG), bytes: DUMMY_CONFIG },
      { digest: layerDigest, bytes: EMPTY_LAYER },
    ],
  };
}

/**
 * Whether a manifest is one of our dummies: a tag left on one by an interrupted deletion must be
 * finished off, never promoted. Both the annotation and the fixed config must be there.
 */
export function isDummy(manifest: { bytes: Buffer }): boolean {
  try {
    const parsed = JSON.parse(manifest.bytes.toString('utf8')) as { config?: { digest?: string }; annotations?: Record<string, string> };
    return parsed.annotations?.[DUMMY_LABEL] !== undefined && parsed.config?.digest === sha256(DUMMY_CONFIG);
  } catch {
    return false;
  }
}

/** When the dummy was put on its tag (its annotation), or undefined for a manifest that is no dummy. */
export function dummyTime(manifest: { bytes: Buffer }): number | undefined {
  if (!isDummy(manifest)) return undefined;
  const parsed = JSON.parse(manifest.bytes.toString('utf8')) as { annotations?: Record<string, string> };
  const time = Date.parse(parsed.annotations?.['org.container-image-actions.deleted-at'] ?? '');
  return Number.isNaN(time) ? undefined : time;
}

/**
 * Puts one dummy on every tag of `tags` and returns its digest; its two blobs are uploaded where
 * `hasBlobs` says the repository may lack them. (A PUT refused while another process re-uploads
 * the same blob is retried by the client: docs/registries.md, "Blobs".)
 */
export async function putDummy(client: RegistryClient, repository: string, tags: readonly string[], hasBlobs = false): Promise<string> {
  const dummy = dummyManifest(tags[0]);
  if (!hasBlobs) {
    for (const blob of dummy.blobs) {
      if ((await client.headBlob(repository, blob.digest)) !== undefined) continue;
      // An upload is several requests: retried whole, from a new session.
      const upload = () => client.uploadBlob(repository, blob.digest, blob.bytes.length, Readable.from([blob.bytes]));
      await withRetry(`upload ${blob.digest}`, upload, client.retry, client.logger);
    }
  }
  for (const tag of tags) await client.putManifest(repository, tag, dummy);
  return dummy.digest;
}
