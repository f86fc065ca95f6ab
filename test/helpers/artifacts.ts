// Supply-chain artifacts as signing and SBOM tools push them, made by hand: a cosign-shaped
// signature (simplesigning layer) under cosign's `sha256-<hex>.sig` tag or with a `subject`, an
// SPDX SBOM artifact with a `subject`, and the OCI 1.1 fallback index under `sha256-<hex>`.
import { Readable } from 'node:stream';
import { sha256 } from '../../src/registry/digest.js';
import { mapLimited } from '../../src/registry/limiter.js';
import { MediaType } from '../../src/registry/media-types.js';
import { fallbackTag } from '../../src/registry/referrers.js';
import type { RegistrySession } from '../../src/registry/session.js';

export const COSIGN_SIGNATURE_LAYER = 'application/vnd.dev.cosign.simplesigning.v1+json';
export const COSIGN_SIGNATURE_ARTIFACT = 'application/vnd.dev.cosign.artifact.sig.v1+json';
export const SPDX = 'application/spdx+json';
const EMPTY_CONFIG = 'application/vnd.oci.empty.v1+json';

export interface PushedArtifact {
  readonly digest: string;
  readonly bytes: Buffer;
  readonly mediaType: string;
  readonly artifactType: string;
}

async function blob(session: RegistrySession, registry: string, repository: string, bytes: Buffer) {
  const digest = sha256(bytes);
  const client = session.client(registry);
  if ((await client.headBlob(repository, digest)) === undefined)
    await client.uploadBlob(repository, digest, bytes.length, Readable.from([bytes]));
  return { digest, size: bytes.length };
}

interface Subject {
  readonly digest: string;
  readonly mediaType: string;
  readonly size: number;
}

/**
 * A cosign signature: a simplesigning payload naming the image, as one layer with the signature
 * in an annotation. With `subject` it is an OCI 1.1 referrer; without, it goes under cosign's tag.
 */
export async function pushSignature(
  session: RegistrySession,
  registry: string,
  repository: string,
  signed: Subject,
  options: { tag?: string; subject?: boolean; note?: string } = {},
): Promise<PushedArtifact> {
  const payload = Buffer.from(
    JSON.stringify({
      critical: {
        identity: { 'docker-reference': `${registry}/${repository}` },
        image: { 'docker-manifest-digest': signed.digest },
        type: 'cosign container image signature',
      },
      optional: { note: options.note ?? 'test' },
    }),
  );
  const layer = await blob(session, registry, repository, payload);
  // A created time makes an old signature look as old as a leaked tag would: cleanup must still spare it.
  const config = await blob(
    session,
    registry,
    repository,
    Buffer.from('{"architecture":"","created":"2020-01-01T00:00:00Z","os":"","rootfs":{"type":"layers","diff_ids":[]},"config":{}}'),
  );
  const manifest = {
    schemaVersion: 2,
    mediaType: MediaType.OciManifest,
    ...(options.subject && { artifactType: COSIGN_SIGNATURE_ARTIFACT }),
    config: { mediaType: MediaType.OciConfig, ...config },
    layers: [
      {
        mediaType: COSIGN_SIGNATURE_LAYER,
        ...layer,
        annotations: { 'dev.cosignproject.cosign/signature': Buffer.from(`sig-${signed.digest}-${options.note ?? ''}`).toString('base64') },
      },
    ],
    ...(options.subject && { subject: { mediaType: signed.mediaType, digest: signed.digest, size: signed.size } }),
  };
  return put(session, registry, repository, manifest, options.tag, options.subject ? COSIGN_SIGNATURE_ARTIFACT : COSIGN_SIGNATURE_LAYER);
}

/** An SPDX SBOM as an OCI 1.1 artifact: empty config, the document as its layer, `subject` the image. */
export async function pushSbom(
  session: RegistrySession,
  registry: string,
  repository: string,
  subject: Subject,
  name = `sbom of ${subject.digest}`,
): Promise<PushedArtifact> {
  const document = Buffer.from(JSON.stringify({ spdxVersion: 'SPDX-2.3', name, packages: [{ name: 'busybox' }] }));
  const layer = await blob(session, registry, repository, document);
  const config = await blob(session, registry, repository, Buffer.from('{}'));
  const manifest = {
    schemaVersion: 2,
    mediaType: MediaType.OciManifest,
    artifactType: SPDX,
    config: { mediaType: EMPTY_CONFIG, ...config },
    layers: [{ mediaType: SPDX, ...layer }],
    subject: { mediaType: subject.mediaType, digest: subject.digest, size: subject.size },
  };
  return put(session, registry, repository, manifest, undefined, SPDX);
}

async function put(
  session: RegistrySession,
  registry: string,
  repository: string,
  manifest: object,
  tag: string | undefined,
  artifactType: string,
): Promise<PushedArtifact> {
  const bytes = Buffer.from(JSON.stringify(manifest));
  const digest = await session.client(registry).putManifest(repository, tag ?? sha256(bytes), { bytes, mediaType: MediaType.OciManifest });
  return { digest, bytes, mediaType: MediaType.OciManifest, artifactType };
}

/** What a client without the referrers API writes for a subject: an index of its referrers under `sha256-<hex>`. */
export async function putFallbackIndex(
  session: RegistrySession,
  registry: string,
  repository: string,
  subject: string,
  referrers: readonly PushedArtifact[],
): Promise<string> {
  const bytes = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: MediaType.OciIndex,
      manifests: referrers.map((r) => ({ mediaType: r.mediaType, digest: r.digest, size: r.bytes.length, artifactType: r.artifactType })),
    }),
  );
  return session
    .client(registry)
    .putManifest(repository, `sha256-${subject.slice('sha256:'.length)}`, { bytes, mediaType: MediaType.OciIndex });
}

/**
 * `count` small artifacts referring to `subject`, sharing one config and one layer (only an
 * annotation differs): hundreds of referrers for the price of one manifest PUT each.
 */
export async function pushManyArtifacts(
  session: RegistrySession,
  registry: string,
  repository: string,
  subject: Subject,
  count: number,
  artifactType = 'application/vnd.example.note.v1',
): Promise<PushedArtifact[]> {
  const config = await blob(session, registry, repository, Buffer.from('{}'));
  const layer = await blob(session, registry, repository, Buffer.from('a note'));
  return mapLimited(
    Array.from({ length: count }, (_, i) => i),
    session.limiter(registry).limit,
    (i) =>
      put(
        session,
        registry,
        repository,
        {
          schemaVersion: 2,
          mediaType: MediaType.OciManifest,
          artifactType,
          config: { mediaType: EMPTY_CONFIG, ...config },
          layers: [{ mediaType: 'text/plain', ...layer }],
          subject: { mediaType: subject.mediaType, digest: subject.digest, size: subject.size },
          annotations: { 'org.example.note': String(i) },
        },
        undefined,
        artifactType,
      ),
  );
}

/** The digests the OCI 1.1 fallback index of `subject` lists, sorted; undefined when there is none. */
export async function indexEntries(
  session: RegistrySession,
  registry: string,
  repository: string,
  subject: string,
): Promise<string[] | undefined> {
  const client = session.client(registry);
  if (!(await client.headManifest(repository, fallbackTag(subject)))) return undefined;
  const index = JSON.parse((await client.getManifest(repository, fallbackTag(subject))).bytes.toString()) as {
    manifests: { digest: string }[];
  };
  return index.manifests.map((m) => m.digest).sort();
}
