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
const EMPTY_LAYER_DIGEST = sha256(EMPTY_LAYER);

export const DUMMY_LABEL = 'org.container-image-actions.deleted-tag';

/** Names the project's own dummies in their config, whatever tool reads it. */
export const DUMMY_CONFIG_LABEL = 'org.container-image-actions.dummy';
const HOUR_MS = 3_600_000;

/**
 * A dummy's config: the label and a `created` time, so that any cleanup reading ages (an older
 * release of this action included) can tell how old a dummy left on a tag is. The time is the
 * hour the dummy was made in, so one config blob serves every dummy of that hour and is uploaded
 * once per repository and hour; the manifest's annotation holds the exact time.
 */
function dummyConfig(now: Date): Buffer {
  return Buffer.from(
    JSON.stringify({
      architecture: 'amd64',
      os: 'linux',
      created: new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS).toISOString(),
      config: { Labels: { [DUMMY_CONFIG_LABEL]: 'true' } },
      rootfs: { type: 'layers', diff_ids: [sha256(EMPTY_TAR)] },
    }),
  );
}

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
  const layerDigest = EMPTY_LAYER_DIGEST;
  const config = dummyConfig(now);
  const bytes = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: MediaType.OciManifest,
      config: { mediaType: MediaType.OciConfig, size: config.length, digest: sha256(config) },
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
      { digest: sha256(config), bytes: config },
      { digest: layerDigest, bytes: EMPTY_LAYER },
    ],
  };
}

/**
 * Whether a manifest is one of our dummies: a tag left on one by an interrupted deletion must be
 * finished off, never promoted. The annotation and the one empty layer must both be there (a
 * manifest with nothing in it but our annotation holds nothing to lose); the config varies with
 * the hour, and older releases used one without `created`.
 */
export function isDummy(manifest: { bytes: Buffer }): boolean {
  try {
    const parsed = JSON.parse(manifest.bytes.toString('utf8')) as {
      layers?: { digest?: string }[];
      annotations?: Record<string, string>;
    };
    const layers = Array.isArray(parsed.layers) ? parsed.layers : [];
    return typeof parsed.annotations?.[DUMMY_LABEL] === 'string' && layers.length === 1 && layers[0]?.digest === EMPTY_LAYER_DIGEST;
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
 * Puts one dummy on every tag of `tags` and returns its digest; its two blobs are uploaded unless
 * `present` (digests the repository is known to hold; added to) has them. (A PUT refused while
 * another process re-uploads the same blob is retried by the client: docs/registries.md, "Blobs".)
 */
export async function putDummy(
  client: RegistryClient,
  repository: string,
  tags: readonly string[],
  present: Set<string> = new Set(),
): Promise<string> {
  const dummy = dummyManifest(tags[0]);
  for (const blob of dummy.blobs) {
    if (present.has(blob.digest)) continue;
    if ((await client.headBlob(repository, blob.digest)) === undefined) {
      // An upload is several requests: retried whole, from a new session.
      const upload = () => client.uploadBlob(repository, blob.digest, blob.bytes.length, Readable.from([blob.bytes]));
      await withRetry(`upload ${blob.digest}`, upload, client.retry, client.logger);
    }
    present.add(blob.digest);
  }
  for (const tag of tags) await client.putManifest(repository, tag, dummy);
  return dummy.digest;
}
