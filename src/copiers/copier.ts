import type { RepositoryRef } from '../registry/reference.js';

/** What the mirror's `engine` input may name: what copies images between registries. */
export const COPIERS = ['native', 'skopeo'] as const;
export type CopierName = (typeof COPIERS)[number];

/** One planned image to copy: the source pinned by digest, so what was planned is what is copied. */
export interface CopyRequest {
  readonly from: RepositoryRef;
  readonly to: RepositoryRef;
  /** The source image's digest. */
  readonly source: string;
  /** The digest the destination must end up with (another one for a platform subset). */
  readonly digest: string;
  /** Destination tags; none copies the image by digest alone. */
  readonly tags: readonly string[];
  /** A subset of an index's platforms, where only those are copied. */
  readonly platforms?: readonly string[];
  /** Called with the bytes of every blob moved. */
  readonly onBytes?: (bytes: number) => void;
}

export interface CopyOutcome {
  /** Bytes moved, where the copier knows them (skopeo does not say). */
  readonly bytesMoved: number;
  /** What the copy did, for the log. */
  readonly detail: string;
}

/**
 * What copies a planned image between registries: the registry core (`native`) or skopeo, as
 * the mirror's `engine` input chooses. A copier is not a build engine (docker, podman, buildah).
 */
export interface ImageCopier {
  readonly name: CopierName;
  copy(request: CopyRequest): Promise<CopyOutcome>;
}
