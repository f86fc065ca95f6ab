import { createHash, type Hash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { isValidDigest } from './reference.js';

export function sha256(bytes: Uint8Array): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

/** The algorithms whose digests are verified on every read; any other is refused by name. */
export const DIGEST_ALGORITHMS = ['sha256', 'sha512'] as const;
export type DigestAlgorithm = (typeof DIGEST_ALGORITHMS)[number];

/** The algorithm of a digest, refusing one this client cannot verify (a pin it cannot check is no pin). */
export function algorithmOf(digest: string, what = 'digest'): DigestAlgorithm {
  const algorithm = digest.slice(0, digest.indexOf(':'));
  if (!(DIGEST_ALGORITHMS as readonly string[]).includes(algorithm)) {
    throw new UnsupportedDigestError(
      `${what}: digest algorithm "${algorithm || digest}" cannot be verified; supported: ${DIGEST_ALGORITHMS.join(', ')}`,
    );
  }
  return algorithm as DigestAlgorithm;
}

export class UnsupportedDigestError extends Error {
  override name = 'UnsupportedDigestError';
}

/** The digest of `bytes` in the algorithm `like` uses. */
export function digestLike(like: string, bytes: Uint8Array, what?: string): string {
  const algorithm = algorithmOf(like, what);
  return `${algorithm}:${createHash(algorithm).update(bytes).digest('hex')}`;
}

/** Throws DigestMismatchError unless `bytes` hash to `expected` (sha256 or sha512). */
export function verifyBytes(expected: string, bytes: Uint8Array, what: string): void {
  const actual = digestLike(expected, bytes, what);
  if (actual !== expected) throw new DigestMismatchError(expected, actual, what);
}

/** The content did not hash to the digest it was asked for or announced with. */
export class DigestMismatchError extends Error {
  constructor(
    readonly expected: string,
    readonly actual: string,
    readonly what: string,
  ) {
    super(`digest mismatch for ${what}: expected ${expected}, got ${actual}`);
    this.name = 'DigestMismatchError';
  }
}

/**
 * A digest read from the network (a descriptor, a header) that is not `algorithm:hex`: it would
 * go into a URL path, where `sha256:x/../../other/manifests/latest` reaches another repository.
 */
export class InvalidDigestError extends Error {
  constructor(
    readonly digest: unknown,
    readonly what: string,
  ) {
    const shown = typeof digest === 'string' ? JSON.stringify(digest.length > 120 ? `${digest.slice(0, 117)}...` : digest) : String(digest);
    super(`${what}: ${shown} is not a digest (algorithm:hex; sha256 takes 64 lowercase hex digits); nothing was requested with it`);
    this.name = 'InvalidDigestError';
  }
}

/** `value` as a digest, or InvalidDigestError naming `what` carried it. */
export function checkDigest(value: unknown, what: string): string {
  if (typeof value !== 'string' || !isValidDigest(value)) throw new InvalidDigestError(value, what);
  return value;
}

/**
 * Passes bytes through while hashing and counting them; fails the stream at its end when the
 * digest or size differ. The last chunk is only released after the check, so a corrupted blob
 * can never complete an upload that streams from it.
 */
export class VerifyingStream extends Transform {
  readonly #hash: Hash;
  readonly #algorithm: DigestAlgorithm;
  #size = 0;
  /** The latest chunk, held back until the next arrives: the last bytes leave only once verified. */
  #held?: Buffer;

  constructor(
    readonly expectedDigest: string,
    readonly expectedSize: number | undefined,
    readonly what: string,
  ) {
    super();
    this.#algorithm = algorithmOf(expectedDigest, what);
    this.#hash = createHash(this.#algorithm);
  }

  get bytes(): number {
    return this.#size;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.#size += chunk.length;
    if (this.expectedSize !== undefined && this.#size > this.expectedSize) {
      callback(new Error(`${this.what}: more than the expected ${this.expectedSize} bytes`));
      return;
    }
    this.#hash.update(chunk);
    const previous = this.#held;
    this.#held = chunk;
    callback(null, previous);
  }

  override _flush(callback: TransformCallback): void {
    if (this.expectedSize !== undefined && this.#size !== this.expectedSize) {
      callback(new Error(`${this.what}: got ${this.#size} bytes, expected ${this.expectedSize}`));
      return;
    }
    const actual = `${this.#algorithm}:${this.#hash.digest('hex')}`;
    if (actual !== this.expectedDigest) {
      callback(new DigestMismatchError(this.expectedDigest, actual, this.what));
      return;
    }
    callback(null, this.#held);
  }
}
