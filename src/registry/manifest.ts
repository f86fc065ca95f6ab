import { checkDigest, sha256 } from './digest.js';
import { isIndexType } from './media-types.js';

export interface Platform {
  readonly os: string;
  readonly architecture: string;
  readonly variant?: string;
}

export interface Descriptor {
  readonly mediaType: string;
  readonly digest: string;
  readonly size: number;
  readonly platform?: Platform;
  readonly annotations?: Record<string, string>;
}

export interface ImageManifestJson {
  readonly mediaType?: string;
  readonly config: Descriptor;
  readonly layers: readonly Descriptor[];
}

export interface IndexJson {
  readonly mediaType?: string;
  readonly manifests: readonly Descriptor[];
}

/**
 * A manifest, index or referrers list, its descriptors' digests checked against the grammar as
 * it is parsed: each one becomes a URL path, even for a child no platform filter keeps.
 */
export function parseJson<T>(bytes: Buffer, what: string): T {
  let parsed: unknown;
  try {
    parsed = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    throw new Error(`${what} is not valid JSON: ${(error as Error).message}`, { cause: error });
  }
  checkDescriptors(parsed, what);
  return parsed as T;
}

/** Keys holding descriptors: lists in manifests (`layers`, OCI 1.1 `blobs`), indexes and referrers lists; single ones. */
const DESCRIPTOR_LISTS = ['manifests', 'layers', 'blobs'] as const;
const DESCRIPTORS = ['config', 'subject'] as const;

/**
 * Every descriptor's digest, wherever one is given, must be `algorithm:hex` (one left out never
 * reaches a URL: the client refuses a blob or manifest URL without a valid reference).
 */
export function checkDescriptors(body: unknown, what: string): void {
  if (!isObject(body)) return;
  const check = (descriptor: unknown, where: string) => {
    if (isObject(descriptor) && 'digest' in descriptor) checkDigest(descriptor.digest, `${what}, ${where}`);
  };
  for (const key of DESCRIPTOR_LISTS) {
    const list = body[key];
    if (Array.isArray(list)) list.forEach((descriptor, i) => check(descriptor, `${key}[${i}]`));
  }
  for (const key of DESCRIPTORS) check(body[key], key);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function isIndex(mediaType: string, bytes: Buffer): boolean {
  if (isIndexType(mediaType)) return true;
  // An OCI index may leave mediaType out of its body; its `manifests` key says what it is.
  const body = parseJson<{ manifests?: unknown; config?: unknown }>(bytes, 'manifest');
  return Array.isArray(body.manifests) && body.config === undefined;
}

export function platformString(platform: Platform | undefined): string | undefined {
  if (!platform) return undefined;
  return [platform.os, platform.architecture, platform.variant].filter(Boolean).join('/');
}

/** `linux/arm64` matches `linux/arm64/v8` as docker does; a variant given must match. */
export function platformMatches(wanted: string, platform: Platform | undefined): boolean {
  if (!platform) return false;
  const [os, architecture, variant] = wanted.split('/');
  if (platform.os !== os || platform.architecture !== architecture) return false;
  // As containerd normalises: an arm64 image without a variant is v8, an arm one v7 (podman and
  // buildah often write none, buildx writes it).
  return variant === undefined || (platform.variant ?? DEFAULT_VARIANTS[architecture]) === variant;
}

const DEFAULT_VARIANTS: Readonly<Record<string, string>> = { arm64: 'v8', arm: 'v7' };

/** Every blob an image manifest references: its config, then its layers. */
export function blobsOf(manifest: ImageManifestJson): Descriptor[] {
  return [manifest.config, ...manifest.layers];
}

/** What a copy of some platforms of an index writes: its top manifest and the children it names. */
export interface IndexSubset {
  readonly manifest: { readonly bytes: Buffer; readonly mediaType: string; readonly digest: string };
  readonly children: readonly Descriptor[];
}

/**
 * The index a copy of only `platforms` writes: the index itself when every platform is kept (or
 * none is asked for), else a new index of the kept children, whose digest differs. Mirror plans
 * with the same function copy writes with, so the planned digest is the written one.
 */
export function subsetIndex(root: IndexSubset['manifest'], platforms: readonly string[], label: string): IndexSubset {
  const index = parseJson<IndexJson & Record<string, unknown>>(root.bytes, `index ${label}`);
  if (platforms.length === 0) return { manifest: root, children: index.manifests };
  const children = index.manifests.filter((child) => platforms.some((p) => platformMatches(p, child.platform)));
  const missing = platforms.filter((p) => !children.some((child) => platformMatches(p, child.platform)));
  if (missing.length) throw new Error(`${label} has no ${missing.join(', ')} image`);
  if (children.length === index.manifests.length) return { manifest: root, children };
  const bytes = Buffer.from(JSON.stringify({ ...index, manifests: children }));
  return { manifest: { bytes, mediaType: root.mediaType, digest: sha256(bytes) }, children };
}
