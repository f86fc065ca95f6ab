import { createHash, type Hash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { isValidDigest } from './reference.js';

export function sha256(bytes: Uint8Array): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
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

export function assertDigest(digest: string): void {
  if (!isValidDigest(digest) || !digest.startsWith('sha256:')) throw new Error(`unsupported digest "${digest}" (only sha256 is supported)`);
}

/**
 * Passes bytes through while hashing and counting them; fails the stream at its end when the
 * digest or size differ. The last chunk is only released after the check, so a corrupted blob
 * can never complete an upload that streams from it.
 */
export class VerifyingStream extends Transform {
  readonly #hash: Hash = createHash('sha256');
  #size = 0;
  /** The latest chunk, held back until the next arrives: the last bytes leave only once verified. */
  #held?: Buffer;

  constructor(
    readonly expectedDigest: string,
    readonly expectedSize: number | undefined,
    readonly what: string,
  ) {
    super();
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
    const actual = `sha256:${this.#hash.digest('hex')}`;
    if (actual !== this.expectedDigest) {
      callback(new DigestMismatchError(this.expectedDigest, actual, this.what));
      return;
    }
    callback(null, this.#held);
  }
}
