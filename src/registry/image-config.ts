import type { RegistryClient } from './client.js';
import { verifyBytes } from './digest.js';
import { isIndex, parseJson, platformMatches, type ImageManifestJson, type IndexJson } from './manifest.js';
import { withRetry } from './retry.js';
import { readBody } from './transport.js';

export interface ImageConfig {
  readonly created?: string;
  readonly labels: Readonly<Record<string, string>>;
}

const MAX_CONFIG_BYTES = 4 * 1024 * 1024;

/**
 * The config of an image (for an index, of its linux/amd64 image, else its first): labels and
 * creation time, which say which change built it and how old it is.
 */
export async function readImageConfig(client: RegistryClient, repository: string, reference: string): Promise<ImageConfig> {
  let manifest = await client.getManifest(repository, reference);
  if (isIndex(manifest.mediaType, manifest.bytes)) {
    const children = parseJson<IndexJson>(manifest.bytes, 'index').manifests.filter((m) => m.platform?.architecture !== 'unknown');
    const child = children.find((m) => platformMatches('linux/amd64', m.platform)) ?? children[0];
    if (!child) return { labels: {} };
    manifest = await client.getManifest(repository, child.digest);
  }
  const { config } = parseJson<ImageManifestJson>(manifest.bytes, 'manifest');
  // The blob and its body are read whole again on a transient failure (a reset mid-body too).
  const read = async () => readBody(await client.getBlob(repository, config.digest, config.size), MAX_CONFIG_BYTES);
  const bytes = await withRetry(`config ${config.digest}`, read, client.retry, client.logger);
  verifyBytes(config.digest, bytes, `config of ${repository}:${reference}`);
  const parsed = parseJson<{ created?: string; config?: { Labels?: Record<string, string> | null } }>(bytes, 'image config');
  return { created: parsed.created, labels: parsed.config?.Labels ?? {} };
}
