import type { Manifest, RegistryClient } from './client.js';
import { verifyBytes } from './digest.js';
import {
  isIndex,
  parseJson,
  platformMatches,
  platformString,
  type Descriptor,
  type ImageManifestJson,
  type IndexJson,
  type Platform,
} from './manifest.js';
import { isImageConfigType, isManifestType } from './media-types.js';
import { withRetry } from './retry.js';
import { readBody } from './transport.js';

export interface ImageConfig {
  readonly created?: string;
  readonly labels: Readonly<Record<string, string>>;
}

const MAX_CONFIG_BYTES = 4 * 1024 * 1024;

/** The fields of an image config this client reads. */
interface ImageConfigJson {
  readonly created?: string;
  readonly os?: string;
  readonly architecture?: string;
  readonly variant?: string;
  readonly 'os.version'?: string;
  readonly config?: { readonly Labels?: Record<string, string> | null };
}

/**
 * The config of an image (for an index, of its linux/amd64 image, else its first): labels and
 * creation time, which say which change built it and how old it is.
 */
export async function readImageConfig(client: RegistryClient, repository: string, reference: string): Promise<ImageConfig> {
  return imageConfigOf(client, repository, await client.getManifest(repository, reference), reference);
}

/** readImageConfig for a manifest already read (its bytes are not fetched again). */
export async function imageConfigOf(
  client: RegistryClient,
  repository: string,
  top: Manifest,
  reference: string = top.digest,
): Promise<ImageConfig> {
  let manifest = top;
  if (isIndex(manifest.mediaType, manifest.bytes)) {
    const children = parseJson<IndexJson>(manifest.bytes, 'index').manifests.filter((m) => m.platform?.architecture !== 'unknown');
    const child = children.find((m) => platformMatches('linux/amd64', m.platform)) ?? children[0];
    if (!child) return { labels: {} };
    manifest = await client.getManifest(repository, child.digest);
  }
  const { config } = parseJson<ImageManifestJson>(manifest.bytes, 'manifest');
  const parsed = await readConfigBlob(client, repository, config, `config of ${repository}:${reference}`);
  return { created: parsed.created, labels: parsed.config?.Labels ?? {} };
}

/** A manifest does not hold an image of the platform it was asked for: what it holds instead. */
export class WrongPlatformError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WrongPlatformError';
  }
}

/**
 * The image of `platform` in a manifest already read (`label` names where it came from), as an
 * index names it: media type, size and digest of the image manifest's own bytes, platform from its
 * config, never from what an index or a HEAD claims. An index (a tag holding a multi-platform image,
 * or buildx's list with attestations) gives its one entry for the platform, read by digest; none or
 * several such entries, an index within an index, an artifact, or a config of another platform
 * throw a WrongPlatformError.
 */
export async function readPlatformImage(
  client: RegistryClient,
  repository: string,
  manifest: Manifest,
  label: string,
  platform: string,
): Promise<Descriptor> {
  let image = manifest;
  let where = label;
  if (isIndex(manifest.mediaType, manifest.bytes)) {
    const entry = indexEntryFor(manifest, label, platform);
    image = await client.getManifest(repository, entry.digest);
    where = `${label} (its ${platform} entry ${entry.digest})`;
    if (isIndex(image.mediaType, image.bytes)) throw new WrongPlatformError(`${where} is an index inside an index, not an image`);
  }
  const body = parseJson<ImageManifestJson>(image.bytes, `manifest ${where}`);
  const mediaType = body.mediaType ?? image.mediaType;
  if (!isManifestType(mediaType))
    throw new WrongPlatformError(`${where} is a ${mediaType || 'manifest of no media type'}, not an image manifest`);
  if (!body.config || !isImageConfigType(body.config.mediaType))
    throw new WrongPlatformError(`${where} is not a container image (its config is ${body.config?.mediaType ?? 'missing'})`);
  const config = await readConfigBlob(client, repository, body.config, `config of ${where}`);
  const found = configPlatform(config);
  if (!platformMatches(platform, found))
    throw new WrongPlatformError(`${where} holds a ${platformString(found) ?? 'platform-less'} image, not ${platform}`);
  return { mediaType, digest: image.digest, size: image.bytes.length, platform: found };
}

/** The one entry of an index for a platform (BuildKit's attestation entries are `unknown/unknown`). */
function indexEntryFor(index: Manifest, label: string, platform: string): Descriptor {
  const entries = parseJson<IndexJson>(index.bytes, `index ${label}`).manifests;
  const matching = entries.filter((m) => platformMatches(platform, m.platform));
  if (matching.length === 1) return matching[0];
  const held = entries.map((m) => platformString(m.platform) ?? 'no platform').join(', ');
  throw new WrongPlatformError(
    matching.length === 0
      ? `${label} is an index with no ${platform} image (it holds ${held || 'nothing'})`
      : `${label} is an index with ${matching.length} ${platform} images (${held}): which one is meant is not known`,
  );
}

/** Windows images name their build in `os.version`; an index entry carries it too. */
type ImagePlatform = Platform & { readonly 'os.version'?: string };

function configPlatform(config: ImageConfigJson): ImagePlatform | undefined {
  const { os, architecture, variant } = config;
  if (typeof os !== 'string' || typeof architecture !== 'string') return undefined;
  const osVersion = config['os.version'];
  return { os, architecture, ...(variant && { variant }), ...(osVersion && { 'os.version': osVersion }) };
}

/** A config blob, at most MAX_CONFIG_BYTES, checked against its digest and parsed. */
async function readConfigBlob(client: RegistryClient, repository: string, config: Descriptor, what: string): Promise<ImageConfigJson> {
  if (config.size > MAX_CONFIG_BYTES)
    throw new Error(`${what}: ${config.size} bytes is over the ${MAX_CONFIG_BYTES}-byte limit of a config`);
  // The blob and its body are read whole again on a transient failure (a reset mid-body too).
  const read = async () => readBody(await client.getBlob(repository, config.digest), MAX_CONFIG_BYTES);
  const bytes = await withRetry(`config ${config.digest}`, read, client.retry, client.logger);
  verifyBytes(config.digest, bytes, what);
  return parseJson<ImageConfigJson>(bytes, 'image config');
}
