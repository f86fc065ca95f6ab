import { Readable } from 'node:stream';
import { z } from 'zod';
import type { IntermediateRegistry } from '../config/inputs/promotion.js';
import { sha256 } from '../registry/digest.js';
import { parseJson } from '../registry/manifest.js';
import { MediaType } from '../registry/media-types.js';
import { isValidDigest, parseReference, refName, type RepositoryRef } from '../registry/reference.js';
import type { RegistryClient } from '../registry/client.js';
import { readBody } from '../registry/transport.js';

/**
 * A change record: what a gate (or an intermediate-mode check) uploaded for one change, so that
 * any repository's job can find the change's images without knowing its image list. It is a
 * small OCI artifact in the organisation's changes registry (docs/speculative.md, "Change
 * records"): `<changes-registry>/<owner>/<name>:change_<N>`, one JSON layer.
 */
export const RECORD_ARTIFACT_TYPE = 'application/vnd.container-image-actions.change.v1+json';
const EMPTY_CONFIG = Buffer.from('{}');
const MAX_RECORD_BYTES = 1024 * 1024;

const RecordImage = z.object({
  /** The final reference a consumer asks for: `quay.io/acme/base:latest`. */
  reference: z.string(),
  /** Where the change's image is: `quay.io/acme/base:change_42_latest`, or in the intermediate registry. */
  speculative: z.string(),
  digest: z.string().refine(isValidDigest, 'not a digest'),
});

const Record = z.object({
  version: z.literal(1),
  /** The forge repository, `owner/name`. */
  repository: z.string(),
  change: z.number().int().positive(),
  url: z.string().optional(),
  revision: z.string().optional(),
  /** The pipeline that uploaded it: the event name (`merge_group`, `pull_request`, …). */
  pipeline: z.string(),
  images: z.array(RecordImage),
});

export type ChangeRecord = z.infer<typeof Record>;
export type RecordImage = z.infer<typeof RecordImage>;

/** Where a change's record lives: its forge repository's path under the changes registry, lowercased; tag `change_<N>`. */
export function recordLocation(changes: IntermediateRegistry, forgeRepository: string, change: number): RepositoryRef & { tag: string } {
  const path = [changes.namespace, forgeRepository.toLowerCase()].filter(Boolean).join('/');
  return { registry: changes.registry, repository: path, tag: `change_${change}` };
}

/** Pushes the record (config, layer, manifest); a newer upload of the same change overwrites the tag. */
export async function pushRecord(client: RegistryClient, where: RepositoryRef & { tag: string }, record: ChangeRecord): Promise<string> {
  const layer = Buffer.from(JSON.stringify(Record.parse(record)));
  const blobs = [EMPTY_CONFIG, layer].map((bytes) => ({ bytes, digest: sha256(bytes) }));
  for (const blob of blobs) {
    if ((await client.headBlob(where.repository, blob.digest)) === undefined)
      await client.uploadBlob(where.repository, blob.digest, blob.bytes.length, Readable.from([blob.bytes]));
  }
  const manifest = {
    schemaVersion: 2,
    mediaType: MediaType.OciManifest,
    artifactType: RECORD_ARTIFACT_TYPE,
    config: { mediaType: 'application/vnd.oci.empty.v1+json', digest: blobs[0].digest, size: EMPTY_CONFIG.length },
    layers: [{ mediaType: RECORD_ARTIFACT_TYPE, digest: blobs[1].digest, size: layer.length }],
    annotations: { 'org.opencontainers.image.title': `${record.repository}#${record.change}` },
  };
  return client.putManifest(where.repository, where.tag, {
    bytes: Buffer.from(JSON.stringify(manifest)),
    mediaType: MediaType.OciManifest,
  });
}

/** The record of a change, undefined where none was pushed; a record that is not one is an error naming it. */
export async function readRecord(client: RegistryClient, where: RepositoryRef & { tag: string }): Promise<ChangeRecord | undefined> {
  const name = refName(where, where.tag);
  if (!(await client.headManifest(where.repository, where.tag))) return undefined;
  const manifest = await client.getManifest(where.repository, where.tag);
  const json = parseJson<{ artifactType?: string; layers?: { mediaType?: string; digest: string; size: number }[] }>(manifest.bytes, name);
  const layer = json.layers?.find((l) => l.mediaType === RECORD_ARTIFACT_TYPE);
  if (json.artifactType !== RECORD_ARTIFACT_TYPE || !layer || layer.size > MAX_RECORD_BYTES)
    throw new Error(`${name} is not a change record (artifact type ${json.artifactType ?? 'none'})`);
  const response = await client.getBlob(where.repository, layer.digest);
  const bytes = await readBody(response, MAX_RECORD_BYTES);
  if (sha256(bytes) !== layer.digest) throw new Error(`${name}: the record's layer does not match its digest ${layer.digest}`);
  const parsed = Record.safeParse(JSON.parse(bytes.toString('utf8')));
  if (!parsed.success)
    throw new Error(`${name}: not a change record: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  for (const image of parsed.data.images) {
    parseReference(image.reference);
    parseReference(image.speculative);
  }
  return parsed.data;
}
