import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { isDigest, type Manifest } from './client.js';
import { sha256, VerifyingStream } from './digest.js';
import { blobsOf, isIndex, parseJson, platformMatches, type Descriptor, type ImageManifestJson, type IndexJson } from './manifest.js';
import { withRetry } from './retry.js';
import type { RegistrySession } from './session.js';

/** A repository in a registry: `registry` host[:port], `repository` path. */
export interface RepositoryRef {
  readonly registry: string;
  readonly repository: string;
}

export interface CopyOptions {
  /** Tag or digest to copy. */
  readonly source: string;
  /** Tags to put in the destination, last, once everything they point to is in place. */
  readonly tags: readonly string[];
  /** Copy only these platforms of an index (a new, smaller index: its digest differs). */
  readonly platforms?: readonly string[];
  /** Reports bytes streamed so far, for progress lines on long copies. */
  readonly onBytes?: (bytes: number) => void;
  /** The caller already found the destination tags behind: skip looking again. */
  readonly knownChanged?: boolean;
}

/** Blobs this small are uploaded without a HEAD first: a HEAD costs as much as the upload saves. */
const SMALL_BLOB = 1024 * 1024;

export interface CopyStats {
  blobsCopied: number;
  blobsMounted: number;
  blobsSkipped: number;
  bytesMoved: number;
  manifestsPut: number;
}

export interface CopyResult extends CopyStats {
  readonly digest: string;
  readonly mediaType: string;
  readonly status: 'copied' | 'unchanged';
}

/**
 * Copies one image (an index with its children, or one manifest) and puts its tags: resolve the
 * source to a digest once; skip everything when every tag already has it; per blob HEAD, mount,
 * else stream; children before the index; tags last; then check every tag resolves to the digest.
 */
export async function copyImage(
  session: RegistrySession,
  from: RepositoryRef,
  to: RepositoryRef,
  options: CopyOptions,
): Promise<CopyResult> {
  const src = session.client(from.registry);
  const dst = session.client(to.registry);
  const retry = <T>(what: string, step: () => Promise<T>) => withRetry(what, step, session.retry, session.logger);
  const dstLimit = <T>(task: () => Promise<T>) => session.limiter(to.registry).run(task);
  const stats: CopyStats = { blobsCopied: 0, blobsMounted: 0, blobsSkipped: 0, bytesMoved: 0, manifestsPut: 0 };
  const label = `${from.registry}/${from.repository}:${options.source}`;

  // A sha256 pin is the canonical digest; another algorithm's pin is checked against the bytes first.
  const sourceDigest = options.source.startsWith('sha256:')
    ? options.source
    : isDigest(options.source)
      ? (await retry(`GET ${label}`, () => src.getManifest(from.repository, options.source))).digest
      : (await retry(`HEAD ${label}`, () => src.headManifest(from.repository, options.source)))?.digest;
  if (!sourceDigest) throw new Error(`${label} not found`);

  const subset = options.platforms && options.platforms.length > 0;
  if (!subset && !options.knownChanged && options.tags.length > 0) {
    const current = await Promise.all(
      options.tags.map((tag) => dstLimit(() => retry(`HEAD ${to.repository}:${tag}`, () => dst.headManifest(to.repository, tag)))),
    );
    if (current.every((head) => head?.digest === sourceDigest)) {
      return { ...stats, digest: sourceDigest, mediaType: current[0]?.mediaType ?? '', status: 'unchanged' };
    }
  }

  const root = await retry(`GET ${label}`, () => src.getManifest(from.repository, sourceDigest));
  let top: Manifest = root;
  if (isIndex(root.mediaType, root.bytes)) {
    const index = parseJson<IndexJson & Record<string, unknown>>(root.bytes, `index ${label}`);
    let children = index.manifests;
    if (subset) {
      children = children.filter((child) => options.platforms!.some((p) => platformMatches(p, child.platform)));
      const missing = options.platforms!.filter((p) => !children.some((child) => platformMatches(p, child.platform)));
      if (missing.length) throw new Error(`${label} has no ${missing.join(', ')} image`);
      if (children.length !== index.manifests.length) {
        const bytes = Buffer.from(JSON.stringify({ ...index, manifests: children }));
        top = { bytes, mediaType: root.mediaType, digest: sha256(bytes) };
      }
    }
    await Promise.all(children.map((child) => copyManifestTree(child)));
  } else {
    await copyBlobs(parseJson<ImageManifestJson>(root.bytes, `manifest ${label}`));
  }
  // The top manifest goes in by its first tag (one request less than by digest, then by tag):
  // everything it references is in place by now, so the tag never names an incomplete image.
  const references = options.tags.length > 0 ? options.tags : [top.digest];
  let digest = top.digest;
  const unconfirmed: string[] = [];
  for (const reference of references) {
    const put = await dstLimit(() =>
      retry(`PUT ${to.repository}:${reference}`, () => dst.putManifestConfirmed(to.repository, reference, top)),
    );
    digest = put.digest;
    if (!put.confirmed) unconfirmed.push(reference);
    stats.manifestsPut++;
  }
  // Tags the registry did not confirm with Docker-Content-Digest are checked with a HEAD.
  for (const tag of unconfirmed) {
    const head = await retry(`HEAD ${to.repository}:${tag}`, () => dst.headManifest(to.repository, tag));
    if (head?.digest !== digest)
      throw new Error(`${to.registry}/${to.repository}:${tag} resolves to ${head?.digest ?? 'nothing'} after the copy, not ${digest}`);
  }
  return { ...stats, digest, mediaType: top.mediaType, status: 'copied' };

  async function copyManifestTree(descriptor: Descriptor): Promise<void> {
    const child = await retry(`GET ${from.repository}@${descriptor.digest}`, () => src.getManifest(from.repository, descriptor.digest));
    if (isIndex(child.mediaType, child.bytes)) {
      await Promise.all(parseJson<IndexJson>(child.bytes, 'index').manifests.map((m) => copyManifestTree(m)));
    } else {
      await copyBlobs(parseJson<ImageManifestJson>(child.bytes, `manifest ${descriptor.digest}`));
    }
    // Children go in by digest, before the index that names them.
    await dstLimit(() => retry(`PUT ${to.repository}@${child.digest}`, () => dst.putManifest(to.repository, child.digest, child)));
    stats.manifestsPut++;
  }

  async function copyBlobs(manifest: ImageManifestJson): Promise<void> {
    await Promise.all(blobsOf(manifest).map((blob) => ensureBlob(blob)));
  }

  async function ensureBlob(blob: Descriptor): Promise<void> {
    if (session.hasBlob(to.registry, blob.digest, to.repository)) {
      stats.blobsSkipped++;
      return;
    }
    const mountable = session.holderOf(to.registry, blob.digest) !== undefined || from.registry === to.registry;
    if (blob.size > SMALL_BLOB || mountable) {
      if ((await dstLimit(() => retry(`HEAD blob ${blob.digest}`, () => dst.headBlob(to.repository, blob.digest)))) !== undefined) {
        stats.blobsSkipped++;
        session.recordBlob(to.registry, blob.digest, to.repository);
        return;
      }
    }
    // One transfer per destination registry and blob at a time: an image sharing a layer with
    // one being copied waits for it, then mounts it.
    await session.uploads.run(`${to.registry}@${blob.digest}`, () =>
      dstLimit(() => retry(`copy blob ${blob.digest}`, () => transfer(blob))),
    );
    if (!session.hasBlob(to.registry, blob.digest, to.repository))
      await dstLimit(() => retry(`copy blob ${blob.digest}`, () => transfer(blob)));
  }

  /** Mount from a repository of the same registry when one holds the blob, else stream it. */
  async function transfer(blob: Descriptor): Promise<void> {
    const mountFrom = session.holderOf(to.registry, blob.digest) ?? (from.registry === to.registry ? from.repository : undefined);
    if (mountFrom !== undefined && mountFrom !== to.repository && (await dst.mountBlob(to.repository, blob.digest, mountFrom))) {
      stats.blobsMounted++;
    } else {
      await stream(blob);
    }
    session.recordBlob(to.registry, blob.digest, to.repository);
  }

  async function stream(blob: Descriptor): Promise<void> {
    let sent = 0;
    let piping: Promise<void> = Promise.resolve();
    let counter: Transform | undefined;
    // The source download starts only once the destination opened its upload session.
    const open = async () => {
      const response = await src.getBlob(from.repository, blob.digest, blob.size);
      const verify = new VerifyingStream(blob.digest, blob.size, `blob ${blob.digest} of ${label}`);
      // Counting in a transform (not a 'data' listener) keeps the stream paused until the upload reads it.
      counter = new Transform({
        transform(chunk: Buffer, _encoding, callback) {
          sent += chunk.length;
          options.onBytes?.(chunk.length);
          callback(null, chunk);
        },
      });
      piping = pipeline(response.body, verify, counter);
      // Awaited below, after the upload; this keeps an early failure from going unhandled meanwhile.
      piping.catch(() => undefined);
      return counter;
    };
    const uploading = dst.uploadBlob(to.repository, blob.digest, blob.size, open);
    let uploadError: unknown;
    try {
      await uploading;
    } catch (error) {
      uploadError = error;
      // A refused upload must not leave the download hanging until its idle timeout.
      counter?.destroy(error as Error);
    }
    // The source's own failure (a digest mismatch) says more than the PUT it aborted: it goes first.
    await piping;
    if (uploadError !== undefined) throw uploadError;
    stats.blobsCopied++;
    stats.bytesMoved += sent;
  }
}
