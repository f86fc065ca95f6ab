import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import type { Manifest, RegistryClient } from './client.js';
import { VerifyingStream } from './digest.js';
import { isDigest, refName, type RepositoryRef } from './reference.js';
import { blobsOf, isIndex, parseJson, subsetIndex, type Descriptor, type ImageManifestJson, type IndexJson } from './manifest.js';
import { verifyTags } from './verify.js';
import { withRetry } from './retry.js';
import type { RegistrySession } from './session.js';

export type { RepositoryRef } from './reference.js';

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
  /** The subject the destination indexed the top manifest under (`OCI-Subject` on its PUT). */
  readonly subject?: string;
}

/**
 * Copies one image (an index with its children, or one manifest) and puts its tags: resolve the
 * source to a digest once; skip everything when every tag already has it; per blob HEAD, mount,
 * else stream; children before the index; tags last; then check every tag resolves to the digest.
 */
export function copyImage(session: RegistrySession, from: RepositoryRef, to: RepositoryRef, options: CopyOptions): Promise<CopyResult> {
  return new ImageCopy(session, from, to, options).run();
}

/** One copy in progress: its two registries, its options and what it moved so far. */
class ImageCopy {
  readonly #src: RegistryClient;
  readonly #dst: RegistryClient;
  readonly #label: string;
  readonly stats: CopyStats = { blobsCopied: 0, blobsMounted: 0, blobsSkipped: 0, bytesMoved: 0, manifestsPut: 0 };

  constructor(
    readonly session: RegistrySession,
    readonly from: RepositoryRef,
    readonly to: RepositoryRef,
    readonly options: CopyOptions,
  ) {
    this.#src = session.client(from.registry);
    this.#dst = session.client(to.registry);
    this.#label = `${refName(from, options.source)}`;
  }

  #retry<T>(what: string, step: () => Promise<T>): Promise<T> {
    return withRetry(what, step, this.session.retry, this.session.logger);
  }

  async run(): Promise<CopyResult> {
    const { options, to } = this;
    const sourceDigest = await this.#resolveSource();
    const subset = options.platforms && options.platforms.length > 0;
    if (!subset && !options.knownChanged && options.tags.length > 0) {
      const current = await Promise.all(options.tags.map((tag) => this.#dst.headManifest(to.repository, tag)));
      if (current.every((head) => head?.digest === sourceDigest)) {
        return { ...this.stats, digest: sourceDigest, mediaType: current[0]?.mediaType ?? '', status: 'unchanged' };
      }
    }
    const root = await this.#src.getManifest(this.from.repository, sourceDigest);
    const top = isIndex(root.mediaType, root.bytes) ? await this.#copyIndex(root) : root;
    if (!isIndex(root.mediaType, root.bytes)) await this.#copyBlobs(parseJson<ImageManifestJson>(root.bytes, `manifest ${this.#label}`));
    const { digest, subject } = await this.#putTop(top);
    return { ...this.stats, digest, mediaType: top.mediaType, status: 'copied', ...(subject && { subject }) };
  }

  /** A sha256 pin is the canonical digest; another algorithm's pin is checked against the bytes first. */
  async #resolveSource(): Promise<string> {
    const { source } = this.options;
    if (source.startsWith('sha256:')) return source;
    const digest = isDigest(source)
      ? (await this.#src.getManifest(this.from.repository, source)).digest
      : (await this.#src.headManifest(this.from.repository, source))?.digest;
    if (!digest) throw new Error(`${this.#label} not found`);
    return digest;
  }

  /** The children (a platform subset of them, in a new smaller index) go in before the index. */
  async #copyIndex(root: Manifest): Promise<Manifest> {
    const { manifest, children } = subsetIndex(root, this.options.platforms ?? [], this.#label);
    await Promise.all(children.map((child) => this.#copyManifestTree(child)));
    return manifest;
  }

  /**
   * The top manifest goes in by its first tag (one request less than by digest, then by tag):
   * everything it references is in place by now, so the tag never names an incomplete image.
   * Tags the registry did not confirm with Docker-Content-Digest are checked with a HEAD.
   */
  async #putTop(top: Manifest): Promise<{ digest: string; subject?: string }> {
    const { to, options } = this;
    const references = options.tags.length > 0 ? options.tags : [top.digest];
    let digest = top.digest;
    let subject: string | undefined;
    const unconfirmed: string[] = [];
    for (const reference of references) {
      const put = await this.#dst.putManifestConfirmed(to.repository, reference, top);
      digest = put.digest;
      subject ??= put.subject;
      if (!put.confirmed) unconfirmed.push(reference);
      this.stats.manifestsPut++;
    }
    await verifyTags(this.#dst, to.repository, unconfirmed, digest, 'after the copy');
    return { digest, subject };
  }

  async #copyManifestTree(descriptor: Descriptor): Promise<void> {
    const { from, to } = this;
    const child = await this.#src.getManifest(from.repository, descriptor.digest);
    if (isIndex(child.mediaType, child.bytes)) {
      await Promise.all(parseJson<IndexJson>(child.bytes, 'index').manifests.map((m) => this.#copyManifestTree(m)));
    } else {
      await this.#copyBlobs(parseJson<ImageManifestJson>(child.bytes, `manifest ${descriptor.digest}`));
    }
    // Children go in by digest, before the index that names them.
    await this.#dst.putManifest(to.repository, child.digest, child);
    this.stats.manifestsPut++;
  }

  async #copyBlobs(manifest: ImageManifestJson): Promise<void> {
    await Promise.all(blobsOf(manifest).map((blob) => this.#ensureBlob(blob)));
  }

  async #ensureBlob(blob: Descriptor): Promise<void> {
    const { session, from, to } = this;
    if (session.hasBlob(to.registry, blob.digest, to.repository)) {
      this.stats.blobsSkipped++;
      return;
    }
    const mountable = session.holderOf(to.registry, blob.digest) !== undefined || from.registry === to.registry;
    if (blob.size > SMALL_BLOB || mountable) {
      if ((await this.#dst.headBlob(to.repository, blob.digest)) !== undefined) {
        this.stats.blobsSkipped++;
        session.recordBlob(to.registry, blob.digest, to.repository);
        return;
      }
    }
    // One transfer per destination registry and blob at a time: an image sharing a layer with
    // one being copied waits for it, then mounts it.
    const transfer = () => this.#retry(`copy blob ${blob.digest}`, () => this.#transfer(blob));
    await session.uploads.run(`${to.registry}@${blob.digest}`, transfer);
    if (!session.hasBlob(to.registry, blob.digest, to.repository)) await transfer();
  }

  /** Mount from a repository of the same registry when one holds the blob, else stream it. */
  async #transfer(blob: Descriptor): Promise<void> {
    const { session, from, to } = this;
    const mountFrom = session.holderOf(to.registry, blob.digest) ?? (from.registry === to.registry ? from.repository : undefined);
    if (mountFrom !== undefined && mountFrom !== to.repository && (await this.#dst.mountBlob(to.repository, blob.digest, mountFrom))) {
      this.stats.blobsMounted++;
    } else {
      await this.#stream(blob);
    }
    session.recordBlob(to.registry, blob.digest, to.repository);
  }

  async #stream(blob: Descriptor): Promise<void> {
    let sent = 0;
    let piping: Promise<void> = Promise.resolve();
    let counter: Transform | undefined;
    const onBytes = this.options.onBytes;
    // The source download starts only once the destination opened its upload session.
    const open = async () => {
      const response = await this.#src.getBlob(this.from.repository, blob.digest);
      const verify = new VerifyingStream(blob.digest, blob.size, `blob ${blob.digest} of ${this.#label}`);
      // Counting in a transform (not a 'data' listener) keeps the stream paused until the upload reads it.
      counter = new Transform({
        transform(chunk: Buffer, _encoding, callback) {
          sent += chunk.length;
          onBytes?.(chunk.length);
          callback(null, chunk);
        },
      });
      piping = pipeline(response.body, verify, counter);
      // Awaited below, after the upload; this keeps an early failure from going unhandled meanwhile.
      piping.catch(() => undefined);
      return counter;
    };
    let uploadError: unknown;
    try {
      await this.#dst.uploadBlob(this.to.repository, blob.digest, blob.size, open);
    } catch (error) {
      uploadError = error;
      // A refused upload must not leave the download hanging until its idle timeout.
      counter?.destroy(error as Error);
    }
    // The source's own failure (a digest mismatch) says more than the PUT it aborted: it goes first.
    await piping;
    if (uploadError !== undefined) throw uploadError;
    this.stats.blobsCopied++;
    this.stats.bytesMoved += sent;
  }
}
