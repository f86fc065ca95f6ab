import { randomBytes } from 'node:crypto';
import type { RegistryClient } from '../registry/client.js';
import { RegistryError } from '../registry/errors.js';
import type { RepositoryRef } from '../registry/copy.js';
import { refName } from '../registry/reference.js';
import { deleteAccepted, holdsThroughSettle, type TagDeleter } from '../registry/tag-delete/tag-deleter.js';
import { putDummy } from '../registry/tag-delete/dummy.js';
import { discard, readBody, type HttpResponse } from '../registry/transport.js';

/** What writing throw-away manifests into the namespace showed. */
export interface WriteFacts {
  /** A manifest could be pushed: every other field was measured. */
  readonly writable: boolean;
  /** `safe`: a tag DELETE removes that tag alone; `destructive`: the manifest with every tag; `no`: refused or without effect. */
  readonly tagDelete: 'safe' | 'destructive' | 'no';
  /** A DELETE by digest removes the manifest and every tag on it (what the dummy-manifest path needs). */
  readonly digestDelete: boolean;
  readonly referrersApi: boolean;
  readonly blobMount: boolean;
  readonly chunkedUpload: boolean;
  /** What doctor wrote and could not remove. */
  readonly leftBehind: readonly string[];
  /** How a measurement came out where its status alone does not tell (a DELETE accepted without effect). */
  readonly notes: readonly string[];
}

export const NOT_WRITTEN: WriteFacts = {
  writable: false,
  tagDelete: 'no',
  digestDelete: false,
  referrersApi: false,
  blobMount: false,
  chunkedUpload: false,
  leftBehind: [],
  notes: [],
};

const ok = deleteAccepted;

/**
 * Pushes one throw-away manifest (two tags) into `probe`, then measures on it: the referrers
 * API, a blob mount into `mount`, a chunked upload, a tag DELETE, a DELETE by digest; then
 * removes everything it wrote that the registry lets it remove. The push failing is thrown: the
 * caller tells a refused login from a namespace it may not write.
 */
export async function probeWrites(
  client: RegistryClient,
  probe: RepositoryRef,
  mount: RepositoryRef,
  deleter: TagDeleter,
): Promise<WriteFacts> {
  const name = `cia-doctor-${randomBytes(6).toString('hex')}`;
  /** Every tag written, the cleanup's list. */
  const tags = [name, `${name}-b`];
  const notes: string[] = [];
  const digest = await putDummy(client, probe.repository, tags);
  let facts: Omit<WriteFacts, 'leftBehind' | 'notes' | 'writable'> = NOT_WRITTEN;
  const leftBehind: string[] = [];
  const blobs: string[] = [];
  try {
    const manifest = await client.getManifest(probe.repository, digest);
    const parsed = JSON.parse(manifest.bytes.toString('utf8')) as { config: { digest: string }; layers: { digest: string }[] };
    const config = parsed.config.digest;
    blobs.push(config, ...parsed.layers.map((layer) => layer.digest));
    const configBytes = await readBody(await client.getBlob(probe.repository, config));
    const referrersApi = await measure(
      notes,
      'referrers API',
      async () => (await client.getReferrers(probe.repository, digest)) !== undefined,
    );
    const blobMount = await measure(notes, 'blob mount', () => client.mountBlob(mount.repository, config, probe.repository));
    if (blobMount && !(await deleteBlob(client, mount.repository, config)))
      leftBehind.push(`${refName(mount)}@${config} (blob mounted by the probe)`);
    const chunkedUpload = await measure(notes, 'chunked upload', () =>
      chunkedUploadWorks(client, probe.repository, config, configBytes, notes),
    );
    const tagDelete = await measureTagDelete(client, probe.repository, tags, notes);
    const digestDelete = await measureDigestDelete(
      client,
      probe.repository,
      tagDelete === 'destructive' ? undefined : tags[1],
      tags,
      notes,
    );
    facts = { tagDelete, digestDelete, referrersApi, blobMount, chunkedUpload };
  } finally {
    // Whatever happened above, what was written goes where the registry allows, or is listed.
    leftBehind.push(...(await removeWritten(client, probe, { tags, digest, blobs }, facts, deleter)));
  }
  return { writable: true, ...facts, leftBehind: [...new Set(leftBehind)], notes };
}

/**
 * Removes the probe's tags by the ways just shown to work, else the vendor's API, then its
 * manifests by digest (a registry that deletes tags and digests apart, go-containerregistry's,
 * still holds them after) and the dummy's blobs. Returns what is still there; never throws.
 */
async function removeWritten(
  client: RegistryClient,
  probe: RepositoryRef,
  written: { readonly tags: readonly string[]; readonly digest: string; readonly blobs: readonly string[] },
  facts: Pick<WriteFacts, 'tagDelete' | 'digestDelete'>,
  deleter: TagDeleter,
): Promise<string[]> {
  const { tags, digest } = written;
  const quietly = async <T>(step: () => Promise<T>) => step().catch(() => undefined);
  const resolves = async (reference: string) => (await quietly(() => client.headManifest(probe.repository, reference))) !== undefined;
  const left: string[] = [];
  const heads = await Promise.all(tags.map((tag) => quietly(() => client.headManifest(probe.repository, tag))));
  const digests = new Set([digest, ...heads.flatMap((head) => (head ? [head.digest] : []))]);
  for (const [i, tag] of tags.entries()) {
    const head = heads[i];
    if (!head) continue;
    if (facts.tagDelete === 'safe') await quietly(() => client.deleteManifest(probe.repository, tag));
    else if (facts.digestDelete) await quietly(() => client.deleteManifest(probe.repository, head.digest));
    if (await resolves(tag)) await quietly(() => deleter.deleteByVendor(probe, tag));
    if (await resolves(tag)) left.push(refName(probe, tag));
  }
  for (const manifest of digests) {
    if (!(await resolves(manifest))) continue;
    await quietly(() => client.deleteManifest(probe.repository, manifest));
    if (await resolves(manifest)) left.push(`${refName(probe)}@${manifest}`);
  }
  // The dummy's blobs, once nothing refers to them (where blob DELETE is refused they stay, unlisted: no tag or manifest names them).
  if (left.length === 0) for (const blob of written.blobs) await quietly(() => deleteBlob(client, probe.repository, blob));
  return left;
}

/** A measurement that fails for another reason than "unsupported" is `false`, with why noted. */
async function measure(notes: string[], what: string, run: () => Promise<boolean>): Promise<boolean> {
  try {
    return await run();
  } catch (error) {
    notes.push(`${what}: ${(error as Error).message}`);
    return false;
  }
}

async function deleteBlob(client: RegistryClient, repository: string, digest: string): Promise<boolean> {
  const response = await client.request([client.scope(repository, ['pull', 'push', 'delete'])], () => ({
    method: 'DELETE',
    url: client.url(`/v2/${repository}/blobs/${digest}`),
  }));
  await discard(response);
  return ok(response.status) || response.status === 404;
}

/**
 * The blob's bytes (already in the repository, so nothing new is stored) sent as a POST, two
 * PATCHes with Content-Range, and a closing PUT ?digest=: what large layers need where a
 * registry caps a single request's body.
 */
async function chunkedUploadWorks(
  client: RegistryClient,
  repository: string,
  digest: string,
  bytes: Buffer,
  notes: string[],
): Promise<boolean> {
  const scopes = [client.scope(repository, ['pull', 'push'])];
  const step = async (method: string, url: URL, body?: Buffer, range?: string): Promise<HttpResponse> =>
    client.request(scopes, () => ({
      method,
      url,
      headers: {
        'content-length': body?.length ?? 0,
        ...(body && { 'content-type': 'application/octet-stream' }),
        ...(range && { 'content-range': range }),
      },
      body,
    }));
  const next = async (response: HttpResponse, expected: number, what: string): Promise<URL | undefined> => {
    const location = response.headers.location;
    await discard(response);
    if (response.status === expected && typeof location === 'string') return new URL(location, response.url);
    notes.push(`chunked upload: ${what} answered HTTP ${response.status}${location ? '' : ' without a Location'}`);
    return undefined;
  };
  const opened = await step('POST', client.url(`/v2/${repository}/blobs/uploads/`));
  // A registry asking for chunks of at least OCI-Chunk-Min-Length gets the blob in one chunk when it is smaller than two.
  const minChunk = Number(opened.headers['oci-chunk-min-length'] ?? 0);
  let url = await next(opened, 202, 'POST');
  const half = minChunk * 2 > bytes.length ? bytes.length : Math.ceil(bytes.length / 2);
  const chunks =
    half === bytes.length
      ? [[0, bytes.length]]
      : [
          [0, half],
          [half, bytes.length],
        ];
  for (const [from, to] of chunks) {
    if (!url) return false;
    url = await next(await step('PATCH', url, bytes.subarray(from, to), `${from}-${to - 1}`), 202, `PATCH ${from}-${to - 1}`);
  }
  if (!url) return false;
  url.searchParams.set('digest', digest);
  const put = await step('PUT', url);
  await discard(put);
  if (put.status !== 201) {
    notes.push(`chunked upload: the closing PUT answered HTTP ${put.status}`);
    return false;
  }
  return (await client.headBlob(repository, digest)) === bytes.length;
}

/**
 * DELETE of the first tag, then the second watched for DELETE_SETTLE_MS: a registry may remove
 * the whole manifest late. A DELETE answered 2xx that leaves the tag resolving is `no`.
 */
async function measureTagDelete(
  client: RegistryClient,
  repository: string,
  tags: readonly string[],
  notes: string[],
): Promise<WriteFacts['tagDelete']> {
  const status = await client.deleteManifest(repository, tags[0]).catch(statusOf);
  if (!ok(status)) {
    notes.push(`tag DELETE answered HTTP ${status}`);
    return 'no';
  }
  if (await client.headManifest(repository, tags[0])) {
    notes.push(`tag DELETE answered HTTP ${status}, yet the tag still resolves`);
    return 'no';
  }
  return (await holdsThroughSettle(client, repository, tags[1])) ? 'safe' : 'destructive';
}

/** A registry's refusal as its status (a 401 for a login that may push but not delete); other errors are thrown. */
function statusOf(error: unknown): number {
  if (error instanceof RegistryError && error.status !== undefined) return error.status;
  throw error;
}

/**
 * A DELETE by digest of a manifest with a tag on it (a fresh dummy, its tag added to `written`,
 * when the tag DELETE took the first): both must go.
 */
async function measureDigestDelete(
  client: RegistryClient,
  repository: string,
  tag: string | undefined,
  written: string[],
  notes: string[],
): Promise<boolean> {
  const onTag = tag ?? `${written[0]}-c`;
  if (!tag) written.push(onTag);
  const digest = tag ? (await client.headManifest(repository, tag))?.digest : await putDummy(client, repository, [onTag]);
  if (!digest) return false;
  const status = await client.deleteManifest(repository, digest).catch(statusOf);
  // A 404 is a retry after a DELETE that worked but answered 500, as the tag deleter's probe reads it.
  if (!ok(status) && status !== 404) {
    notes.push(`DELETE by digest answered HTTP ${status}`);
    return false;
  }
  const [byTag, byDigest] = await Promise.all([client.headManifest(repository, onTag), client.headManifest(repository, digest)]);
  if (byTag || byDigest) {
    notes.push(`DELETE by digest answered HTTP ${status}, yet the manifest still resolves${byTag ? ` by its tag ${onTag}` : ''}`);
    return false;
  }
  return true;
}
