/** What an engine needs to build one image: every path absolute, every value already validated. */
export interface BuildSpec {
  /** Working directory of the build (the image's context dir). */
  readonly contextDir: string;
  /** The container file, passed with --file always. */
  readonly containerFile: string;
  /** The build PATH (Zuul's `path`), whose files the build can COPY. */
  readonly buildPath: string;
  /** Full local references, `repository:tag`. */
  readonly tags: readonly string[];
  readonly buildArgs: readonly string[];
  readonly target?: string;
  /** `key=value` items. */
  readonly labels: readonly string[];
  /** Empty: the engine's own platform (or `platform`). */
  readonly platforms: readonly string[];
  /** One platform built as a single image (a per-platform job of a split build). */
  readonly platform?: string;
  /** Where the engine writes the built image id. */
  readonly iidFile: string;
  /** A registry build cache: read always, written on trusted events only. */
  readonly cache?: BuildCache;
  /** A 0600 auth file the build reads registry logins from (the cache's). */
  readonly authFile?: string;
  /** A directory of CA files (`*.crt`) podman and buildah trust besides the system's (ca-file). */
  readonly certDir?: string;
  /** buildx's attestation flags (`--provenance=…`, `--sbom=…`), made as OCI artifacts; undefined: buildx's default. */
  readonly attestations?: readonly string[];
  /** SOURCE_DATE_EPOCH: the image's time, for engines that can set it (a reproducible rebuild). */
  readonly sourceDateEpoch?: number;
}

export interface BuildCache {
  /** `registry/repository`, no tag. */
  readonly repository: string;
  readonly write: boolean;
}

/** The tag docker's image cache and buildx's registry cache live under, in the cache repository. */
export const CACHE_TAG = 'buildcache';

export interface BuiltImage {
  /** Local image id (for a multi-platform image, the id of its manifest list). */
  readonly imageId: string;
  readonly platforms: readonly string[];
}

export type EngineName = 'docker' | 'podman' | 'buildah';
export const ENGINE_NAMES: readonly EngineName[] = ['docker', 'podman', 'buildah'];
