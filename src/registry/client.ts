import type { Readable } from 'node:stream';
import { silentLogger, type Logger } from '../logger.js';
import { Authenticator, outsideOf } from './auth/authenticator.js';
import type { CredentialStore } from './auth/credentials.js';
import { checkDigest, DigestMismatchError, sha256, verifyBytes } from './digest.js';
import { CredentialScopeError, parseJsonBody, redactUrl, RegistryError } from './errors.js';
import { parseNextLink, parseRetryAfter } from './http-headers.js';
import type { AdaptiveLimiter } from './adaptive-limiter.js';
import type { RateLimits } from './rate-limit.js';
import { MANIFEST_ACCEPT, MediaType } from './media-types.js';
import { checkDescriptors } from './manifest.js';
import { isDigest, isValidPath, isValidTag, refName, ReferenceError, type RepositoryRef } from './reference.js';
import { DEFAULT_RETRY, withRetry, type RetryPolicy } from './retry.js';
import { discard, errorFrom, isNetworkError, readBody, type HttpRequest, type HttpResponse, type Transport } from './transport.js';

/** A manifest as the registry stored it: the exact bytes (the digest covers them) and their type. */
export interface Manifest {
  readonly bytes: Buffer;
  readonly mediaType: string;
  readonly digest: string;
}

/** What a manifest PUT learnt: the digest, whether the registry confirmed it, the subject it indexed. */
export interface ManifestPut {
  readonly digest: string;
  readonly confirmed: boolean;
  readonly subject?: string;
}

export interface ManifestHead {
  readonly digest: string;
  readonly mediaType: string;
  readonly size: number;
}

/** A referrer as the referrers API and the fallback index list it. */
export interface ReferrerDescriptor {
  readonly mediaType: string;
  readonly digest: string;
  readonly size: number;
  readonly artifactType?: string;
  readonly annotations?: Record<string, string>;
}

export const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
export const MAX_TAG_PAGES = 1000;
/** Tags read from one repository at most: a listing beyond it is cut (and says so), never held whole. */
export const MAX_TAGS_READ = 100_000;
const MAX_TAG_PAGE_BYTES = 16 * 1024 * 1024;

/** A repository's tags as far as they were read: `complete` is false where `maxTags` cut the listing. */
export interface TagListing {
  readonly tags: string[];
  readonly complete: boolean;
}

export interface TagListingOptions {
  readonly pageSize?: number;
  readonly maxPages?: number;
  readonly maxTags?: number;
}
/** A manifest PUT refused with these while another PUT of a blob or child it names is under way. */
const LINK_RACE_CODES = ['MANIFEST_BLOB_UNKNOWN', 'BLOB_UNKNOWN', 'DIGEST_INVALID'];
/** Chunk size once a monolithic upload was refused as too large; halved on each further 413. */
const FIRST_CHUNK_BYTES = 1024 * 1024;
const MIN_CHUNK_BYTES = 64 * 1024;

export interface RegistryClientOptions {
  readonly transport: Transport;
  readonly credentials: CredentialStore;
  readonly logger?: Logger;
  /** The action a DELETE asks for: `delete`, or `*` where a registry refuses that name (Quay). */
  readonly deleteAction?: string;
  /** Idempotent requests are retried by the client itself, with this policy (and its abort signal). */
  readonly retry?: RetryPolicy;
  /** Requests in flight to this registry at once, shared by everything of a run (a session's). */
  readonly limiter?: AdaptiveLimiter;
  /** Where the registry's word on its pull quota is kept (the session's). */
  readonly rateLimits?: RateLimits;
}

type Action = 'pull' | 'push' | 'delete';

/** The distribution API of one registry: manifests, blobs and tags, authenticated and verified. */
export class RegistryClient {
  readonly transport: Transport;
  readonly auth: Authenticator;
  readonly logger: Logger;
  readonly #credentials: CredentialStore;
  readonly #deleteAction: string;
  readonly retry: RetryPolicy;
  readonly #limiter?: AdaptiveLimiter;
  readonly #rateLimits?: RateLimits;
  /** Set once a monolithic PUT was refused as too large: later uploads go in chunks. */
  #chunked = false;
  #chunkBytes = FIRST_CHUNK_BYTES;
  #minChunkBytes = MIN_CHUNK_BYTES;
  #largeBodyFailures = 0;

  constructor(
    readonly registry: string,
    options: RegistryClientOptions,
  ) {
    this.transport = options.transport;
    this.logger = options.logger ?? silentLogger;
    this.auth = new Authenticator(registry, options.transport, options.credentials, this.logger);
    this.#credentials = options.credentials;
    this.#deleteAction = options.deleteAction ?? 'delete';
    this.retry = options.retry ?? DEFAULT_RETRY;
    this.#limiter = options.limiter;
    this.#rateLimits = options.rateLimits;
  }

  /** A repository of this registry, as the value the rest of the code passes around. */
  ref(repository: string): RepositoryRef {
    return { registry: this.registry, repository };
  }

  url(path: string): URL {
    return new URL(path, this.transport.baseUrl(this.registry));
  }

  /**
   * `/v2/<repository>/<kind>/<reference>`, refused before any request unless the repository is a
   * repository name and the reference a tag or a digest: a digest from a hostile registry such as
   * `sha256:x/../../../victim/manifests/latest` would otherwise reach another repository.
   */
  #resourceUrl(repository: string, kind: 'manifests' | 'blobs' | 'referrers', reference: string, query = ''): URL {
    this.#checkRepository(repository);
    const what = `${kind === 'manifests' ? 'manifest' : kind === 'blobs' ? 'blob' : 'referrers of'} ${refName(this.ref(repository))}`;
    if (kind !== 'manifests' || isDigest(reference)) checkDigest(reference, what);
    else if (!isValidTag(reference))
      throw new ReferenceError(refName(this.ref(repository), reference), `"${reference}" is not a valid tag`);
    return this.url(`/v2/${repository}/${kind}/${reference}${query}`);
  }

  #uploadsUrl(repository: string, query = ''): URL {
    this.#checkRepository(repository);
    return this.url(`/v2/${repository}/blobs/uploads/${query}`);
  }

  /** The registry's login goes only to its own origin: an upload Location elsewhere gets none. */
  #isOwnOrigin(url: URL): boolean {
    return url.origin === this.url('/').origin;
  }

  #checkRepository(repository: string): void {
    if (!isValidPath(repository))
      throw new ReferenceError(refName(this.ref(repository)), 'repository path components are [a-z0-9] separated by ".", "_", "__" or "-"');
  }

  scope(repository: string, actions: readonly Action[]): string {
    const names = actions.map((a) => (a === 'delete' ? this.#deleteAction : a));
    return `repository:${repository}:${[...new Set(names)].join(',')}`;
  }

  /**
   * Sends with the token for `scopes`; on a 401 re-authenticates once with what the challenge
   * asks for. `make` builds the request anew, so a body can be sent again.
   */
  request(scopes: readonly string[], make: () => HttpRequest, options: { readonly sizeBound?: boolean } = {}): Promise<HttpResponse> {
    return this.#limit(async () => {
      let transfer = options.sizeBound === true;
      const made = () => {
        const request = make();
        // A body on its way (a blob) makes the answer's time a matter of size, not of the link.
        transfer ||= request.transfer !== undefined || (request.body !== undefined && !Buffer.isBuffer(request.body));
        return request;
      };
      const timing = { latencyMs: 0 };
      try {
        const response = await this.#request(scopes, made, timing);
        this.#answered(response, timing.latencyMs, transfer);
        return response;
      } catch (error) {
        this.#unanswered(error, timing.latencyMs, transfer);
        throw error;
      }
    });
  }

  /** What an answer tells the registry's window (its status, its time, a Retry-After) and the run's quota record. */
  #answered(response: HttpResponse, latencyMs: number, transfer: boolean): void {
    const retryAfterMs = parseRetryAfter(header(response, 'retry-after'));
    this.#limiter?.feedback({ status: response.status, latencyMs, transfer, retryAfterMs });
    this.#rateLimits?.note(this.registry, response.headers);
  }

  /** No answer at all (a reset, a refused connection): as much a sign of overload as a 503. */
  #unanswered(error: unknown, latencyMs: number, transfer: boolean): void {
    if (isNetworkError(error)) this.#limiter?.feedback({ status: 0, latencyMs, transfer });
  }

  /** Each request holds one of the registry's places until its response (a blob PUT: its whole body) arrives. */
  #limit<T>(send: () => Promise<T>): Promise<T> {
    return this.#limiter ? this.#limiter.run(send) : send();
  }

  /**
   * One idempotent operation, retried on network errors, 429 and 5xx (transport.ts and retry.ts):
   * callers never wrap single requests. Blob transfers (getBlob, mountBlob, uploadBlob) are parts
   * of a copy, which retries them whole.
   */
  #attempt<T>(what: string, step: () => Promise<T>): Promise<T> {
    return withRetry(what, step, this.retry, this.logger);
  }

  /** `timing.latencyMs`: how long the registry took to answer, token requests left out. */
  async #request(scopes: readonly string[], make: () => HttpRequest, timing: { latencyMs: number }): Promise<HttpResponse> {
    const send = async (request: HttpRequest) => {
      const started = performance.now();
      try {
        return await this.transport.send(request);
      } finally {
        timing.latencyMs = performance.now() - started;
      }
    };
    const first = make();
    this.#refuseWriteOutsideLogin(scopes, first);
    // A URL a registry handed back (an upload Location) on another origin gets no login, as a
    // redirect off the host gets none.
    if (!this.#isOwnOrigin(first.url)) return send(first);
    const header = await this.auth.authorization(scopes);
    const response = await send(withAuth(first, header));
    if (response.status !== 401) return response;
    if (response.url.host !== first.url.host) {
      // A storage host behind a redirect asking for credentials: its challenge is not the
      // registry's, and answering it would hand the registry's login to a stranger.
      await discard(response);
      throw new RegistryError(
        first.method,
        redactUrl(response.url),
        401,
        [],
        `${response.url.host} asked for credentials after a redirect from ${first.url.host}; nothing was sent to it`,
      );
    }
    const retry = await this.auth.reauthorize(scopes, response, header);
    if (retry === undefined) return response;
    await discard(response);
    return send(withAuth(make(), retry));
  }

  /**
   * Where the registry's login is restricted to some repositories, a push or delete anywhere else
   * is refused unsent (whatever led to it: a plan, or a name a registry handed back). Reads keep
   * the login (a mirror's source on the same registry): the pattern says where images may go.
   */
  #refuseWriteOutsideLogin(scopes: readonly string[], request: HttpRequest): void {
    const allowed = this.#credentials.repositoryScope(this.registry);
    if (!allowed) return;
    for (const scope of scopes) {
      const outside = outsideOf(allowed, this.registry, scope);
      if (outside?.actions.some((action) => action !== 'pull'))
        throw new CredentialScopeError(request.method, redactUrl(request.url), outside.name, allowed.source);
    }
  }

  async headManifest(repository: string, reference: string): Promise<ManifestHead | undefined> {
    return this.#attempt(`HEAD ${refName(this.ref(repository), reference)}`, () => this.#headManifestOnce(repository, reference));
  }

  async getManifest(repository: string, reference: string): Promise<Manifest> {
    return this.#attempt(`GET ${refName(this.ref(repository), reference)}`, () => this.#getManifestOnce(repository, reference));
  }

  /**
   * PUTs the exact bytes; says whether the registry confirmed the digest (Docker-Content-Digest):
   * a confirmed tag needs no HEAD to verify it; and the subject it indexed the manifest under
   * (`OCI-Subject`), which a registry with the referrers API sends for a manifest with a `subject`.
   */
  async putManifestConfirmed(repository: string, reference: string, manifest: Pick<Manifest, 'bytes' | 'mediaType'>): Promise<ManifestPut> {
    return this.#attempt(`PUT ${refName(this.ref(repository), reference)}`, () =>
      this.#putManifestConfirmedOnce(repository, reference, manifest),
    );
  }

  /** DELETE of a manifest by digest, or of a tag where the registry supports it; returns the status. */
  async deleteManifest(repository: string, reference: string): Promise<number> {
    return this.#attempt(`DELETE ${refName(this.ref(repository), reference)}`, () => this.#deleteManifestOnce(repository, reference));
  }

  /** Size of a blob in the repository, or undefined when it is not there. */
  async headBlob(repository: string, digest: string): Promise<number | undefined> {
    return this.#attempt(`HEAD ${refName(this.ref(repository), digest)}`, () => this.#headBlobOnce(repository, digest));
  }

  /**
   * Every tag of a repository, following `Link: rel="next"` pages; an error where there are more
   * than `maxTags` (callers that can act on part of a list use `readTags`).
   */
  async listTags(repository: string, pageSize = 1000, maxPages = MAX_TAG_PAGES): Promise<string[]> {
    const listing = await this.readTags(repository, { pageSize, maxPages });
    if (!listing.complete)
      throw new RegistryError(
        'GET',
        redactUrl(this.url(`/v2/${repository}/tags/list`)),
        200,
        [],
        `${repository} has more than ${MAX_TAGS_READ} tags; stopped`,
      );
    return listing.tags;
  }

  /**
   * A repository's tags, page by page (`Link: rel="next"`, never to another origin, never the same
   * page twice, at most `maxPages`), keeping at most `maxTags`: memory stays bounded whatever a
   * registry pages. A failure starts the listing over.
   */
  async readTags(repository: string, options: TagListingOptions = {}): Promise<TagListing> {
    return this.#attempt(`list ${refName(this.ref(repository))}`, () => this.#readTagsOnce(repository, options));
  }

  async #headManifestOnce(repository: string, reference: string): Promise<ManifestHead | undefined> {
    const url = this.#resourceUrl(repository, 'manifests', reference);
    const response = await this.request([this.scope(repository, ['pull'])], () => ({
      method: 'HEAD',
      url,
      headers: { accept: MANIFEST_ACCEPT },
    }));
    if (response.status === 404) {
      // Even a HEAD's empty body must be read, or its keep-alive socket stays taken.
      await discard(response);
      return undefined;
    }
    if (response.status !== 200) throw await errorFrom('HEAD', response);
    await discard(response);
    const announced = header(response, 'docker-content-digest');
    if (!announced) return this.#headFromGet(repository, reference);
    const digest = checkDigest(announced, `Docker-Content-Digest of HEAD ${refName(this.ref(repository), reference)}`);
    return { digest, mediaType: header(response, 'content-type') ?? '', size: Number(header(response, 'content-length') ?? 0) };
  }

  /** Registries that leave Docker-Content-Digest off a HEAD get a GET instead. */
  async #headFromGet(repository: string, reference: string): Promise<ManifestHead> {
    const manifest = await this.#getManifestOnce(repository, reference);
    return { digest: manifest.digest, mediaType: manifest.mediaType, size: manifest.bytes.length };
  }

  async #getManifestOnce(repository: string, reference: string): Promise<Manifest> {
    const url = this.#resourceUrl(repository, 'manifests', reference);
    const response = await this.request([this.scope(repository, ['pull'])], () => ({
      method: 'GET',
      url,
      headers: { accept: MANIFEST_ACCEPT },
    }));
    if (response.status !== 200) throw await errorFrom('GET', response);
    const declared = Number(header(response, 'content-length') ?? 0);
    if (declared > MAX_MANIFEST_BYTES) {
      response.body.destroy();
      throw new RegistryError('GET', redactUrl(url), 200, [], `manifest of ${declared} bytes is over the ${MAX_MANIFEST_BYTES}-byte limit`);
    }
    const bytes = await readBody(response, MAX_MANIFEST_BYTES);
    const digest = sha256(bytes);
    const announced = header(response, 'docker-content-digest');
    const what = `manifest ${refName(this.ref(repository), reference)}`;
    // A pin in any supported algorithm is checked against the bytes; an unknown algorithm is refused.
    if (isDigest(reference)) verifyBytes(reference, bytes, what);
    if (announced) verifyBytes(checkDigest(announced, `Docker-Content-Digest of ${what}`), bytes, what);
    const mediaType = header(response, 'content-type')?.split(';')[0].trim() || mediaTypeOf(bytes);
    return { bytes, mediaType, digest };
  }

  /** PUTs the exact bytes; returns their digest, checked against what the registry says it stored. */
  async putManifest(repository: string, reference: string, manifest: Pick<Manifest, 'bytes' | 'mediaType'>): Promise<string> {
    return (await this.putManifestConfirmed(repository, reference, manifest)).digest;
  }

  async #putManifestConfirmedOnce(
    repository: string,
    reference: string,
    manifest: Pick<Manifest, 'bytes' | 'mediaType'>,
  ): Promise<ManifestPut> {
    const url = this.#resourceUrl(repository, 'manifests', reference);
    const response = await this.request([this.scope(repository, ['pull', 'push'])], () => ({
      method: 'PUT',
      url,
      headers: { 'content-type': manifest.mediaType, 'content-length': manifest.bytes.length },
      body: manifest.bytes,
    }));
    if (response.status !== 201 && response.status !== 200) {
      const error = await errorFrom('PUT', response);
      // distribution 2.8 rewrites a link file (truncate, then write) each time a blob or manifest
      // it names is put again; a PUT reading it meanwhile is refused (docs/registries.md, "Blobs").
      if (response.status === 400 && LINK_RACE_CODES.some((code) => error.hasCode(code))) throw retryable(error);
      throw error;
    }
    await discard(response);
    const digest = sha256(manifest.bytes);
    const stored = header(response, 'docker-content-digest');
    if (stored?.startsWith('sha256:') && stored !== digest)
      throw new DigestMismatchError(digest, stored, `manifest put as ${refName(this.ref(repository), reference)}`);
    const subject = header(response, 'oci-subject');
    return { digest, confirmed: stored === digest, ...(subject && { subject }) };
  }

  async #deleteManifestOnce(repository: string, reference: string): Promise<number> {
    const url = this.#resourceUrl(repository, 'manifests', reference);
    const response = await this.request([this.scope(repository, ['pull', 'delete'])], () => ({ method: 'DELETE', url }));
    if (response.status >= 500 || response.status === 429 || response.status === 401) throw await errorFrom('DELETE', response);
    await discard(response);
    return response.status;
  }

  async #headBlobOnce(repository: string, digest: string): Promise<number | undefined> {
    const url = this.#resourceUrl(repository, 'blobs', digest);
    const response = await this.request([this.scope(repository, ['pull'])], () => ({ method: 'HEAD', url, followRedirects: true }));
    if (response.status === 404) {
      // Even a HEAD's empty body must be read, or its keep-alive socket stays taken.
      await discard(response);
      return undefined;
    }
    if (response.status !== 200) throw await errorFrom('HEAD', response);
    await discard(response);
    return Number(header(response, 'content-length') ?? 0);
  }

  /**
   * A blob's bytes as a stream (redirects to storage hosts followed without the token), bounded by
   * the transport's throughput floor, never by the size a manifest declares.
   */
  async getBlob(repository: string, digest: string): Promise<HttpResponse> {
    const url = this.#resourceUrl(repository, 'blobs', digest);
    const response = await this.request([this.scope(repository, ['pull'])], () => ({
      method: 'GET',
      url,
      followRedirects: true,
      transfer: `blob ${digest}`,
    }));
    if (response.status !== 200) throw await errorFrom('GET', response);
    return response;
  }

  /**
   * Cross-repository mount: true when the registry linked the blob (201). A 202 means it opened
   * an upload session instead; we cancel it and the caller uploads.
   */
  async mountBlob(repository: string, digest: string, from: string): Promise<boolean> {
    this.#checkRepository(from);
    checkDigest(digest, `blob mounted into ${refName(this.ref(repository))}`);
    const url = this.#uploadsUrl(repository, `?mount=${encodeURIComponent(digest)}&from=${encodeURIComponent(from)}`);
    const response = await this.request(
      [this.scope(repository, ['pull', 'push']), this.scope(from, ['pull'])],
      () => ({
        method: 'POST',
        url,
        headers: { 'content-length': 0 },
      }),
      { sizeBound: true },
    );
    if (response.status >= 500 || response.status === 429) throw await errorFrom('POST', response);
    await discard(response);
    if (response.status === 201) return true;
    if (response.status === 202) await this.#cancelUpload(response, [this.scope(repository, ['pull', 'push'])]);
    // A refused mount (202, or 401/403/404 where the source is not readable) means: upload instead.
    return false;
  }

  async #cancelUpload(response: HttpResponse, scopes: readonly string[]): Promise<void> {
    const location = header(response, 'location');
    if (!location) return;
    const url = new URL(location, response.url);
    try {
      const cancel = await this.request(scopes, () => ({ method: 'DELETE', url }));
      await discard(cancel);
    } catch {
      // An abandoned session expires on its own.
    }
  }

  /**
   * Uploads one blob: POST then PUT ?digest= (two requests); in chunks with Content-Range once
   * the registry refused a monolithic PUT as too large. `open` is called once the upload session
   * exists, so a source download never waits on the destination.
   */
  async uploadBlob(repository: string, digest: string, size: number, open: Readable | (() => Promise<Readable>)): Promise<void> {
    checkDigest(digest, `blob uploaded to ${refName(this.ref(repository))}`);
    const scopes = [this.scope(repository, ['pull', 'push'])];
    const start = this.#uploadsUrl(repository);
    const opened = await this.request(scopes, () => ({ method: 'POST', url: start, headers: { 'content-length': 0 } }));
    if (opened.status !== 202) throw await errorFrom('POST', opened);
    await discard(opened);
    const minChunk = Number(header(opened, 'oci-chunk-min-length') ?? 0);
    if (minChunk > this.#minChunkBytes) this.#minChunkBytes = minChunk;
    const location = uploadLocation(opened);
    const source = () => (typeof open === 'function' ? open() : Promise.resolve(open));
    if (this.#chunked) return this.#uploadChunks(scopes, location, digest, await source());

    const put = withDigest(location, digest);
    const authorization = this.#isOwnOrigin(put) ? await this.auth.authorization(scopes) : undefined;
    let response: HttpResponse;
    let body: Readable | undefined;
    try {
      // The registry's place is taken before the source is opened: a download never sits paused
      // (and idle-times out) while its upload waits for a place.
      response = await this.#limit(async () => {
        body = await source();
        return this.transport.send(
          withAuth(
            {
              method: 'PUT',
              url: put,
              headers: { 'content-type': 'application/octet-stream', 'content-length': size },
              body,
              transfer: `blob ${digest}`,
            },
            authorization,
          ),
        );
      });
      this.#answered(response, 0, true);
    } catch (error) {
      this.#unanswered(error, 0, true);
      // A proxy refusing a large body often answers 413 and closes before reading it: the client
      // may only see the broken pipe. Twice in a row on a large body reads as that limit.
      if (isNetworkError(error) && size > this.#chunkBytes && ++this.#largeBodyFailures >= 2) {
        this.#chunked = true;
        this.logger.info(`${this.registry}: large blob uploads keep breaking off; uploading in chunks of ${this.#chunkBytes} bytes`);
      }
      throw error;
    }
    if (response.status === 201) {
      await discard(response);
      return;
    }
    if (response.status === 413) {
      // A proxy in front of the registry limits body sizes: chunks from now on.
      this.#chunked = true;
      this.logger.info(
        `${this.registry}: a monolithic blob upload was refused as too large; uploading in chunks of ${this.#chunkBytes} bytes`,
      );
      body?.destroy();
      throw retryable(await errorFrom('PUT', response));
    }
    throw await errorFrom('PUT', response);
  }

  async #uploadChunks(scopes: readonly string[], first: URL, digest: string, body: Readable): Promise<void> {
    let location = first;
    let offset = 0;
    let pending: Buffer[] = [];
    let pendingSize = 0;
    const send = async () => {
      const chunk = Buffer.concat(pending, pendingSize);
      pending = [];
      pendingSize = 0;
      const url = location;
      const response = await this.request(scopes, () => ({
        method: 'PATCH',
        url,
        headers: {
          'content-type': 'application/octet-stream',
          'content-length': chunk.length,
          'content-range': `${offset}-${offset + chunk.length - 1}`,
        },
        body: chunk,
        transfer: `blob ${digest}`,
      }));
      if (response.status === 413 && this.#chunkBytes > this.#minChunkBytes) {
        this.#chunkBytes = Math.max(this.#minChunkBytes, Math.floor(this.#chunkBytes / 2));
        body.destroy();
        throw retryable(await errorFrom('PATCH', response, `chunks are now ${this.#chunkBytes} bytes`));
      }
      if (response.status !== 202) throw await errorFrom('PATCH', response);
      await discard(response);
      offset += chunk.length;
      location = uploadLocation(response);
    };
    for await (const data of body) {
      pending.push(data as Buffer);
      pendingSize += (data as Buffer).length;
      while (pendingSize >= this.#chunkBytes) await send();
    }
    if (pendingSize > 0) await send();
    const url = withDigest(location, digest);
    // The registry checks the whole blob before it answers: the time is its size, not the link.
    const done = await this.request(scopes, () => ({ method: 'PUT', url, headers: { 'content-length': 0 } }), { sizeBound: true });
    if (done.status !== 201) throw await errorFrom('PUT', done);
    await discard(done);
  }

  /**
   * The OCI 1.1 referrers of a manifest (`GET /v2/<name>/referrers/<digest>`, every page), or
   * undefined where the registry has no such API: it answers 404 (the spec forbids a 404 from a
   * registry that has it). `artifactType` filters, where the registry applies the filter.
   */
  async getReferrers(repository: string, digest: string, artifactType?: string): Promise<ReferrerDescriptor[] | undefined> {
    return this.#attempt(`GET referrers of ${refName(this.ref(repository), digest)}`, () =>
      this.#getReferrersOnce(repository, digest, artifactType),
    );
  }

  async #getReferrersOnce(repository: string, digest: string, artifactType?: string): Promise<ReferrerDescriptor[] | undefined> {
    const found: ReferrerDescriptor[] = [];
    const query = artifactType ? `?artifactType=${encodeURIComponent(artifactType)}` : '';
    const first = this.#resourceUrl(repository, 'referrers', digest, query);
    let url: URL | undefined = first;
    const seen = new Set<string>();
    while (url) {
      if (seen.has(url.toString()) || seen.size >= MAX_TAG_PAGES)
        throw new RegistryError('GET', redactUrl(url), 200, [], 'referrers pagination loops');
      refuseOtherOrigin(url, first, `the referrers of ${digest}`);
      seen.add(url.toString());
      const current: URL = url;
      const response = await this.request([this.scope(repository, ['pull'])], () => ({
        method: 'GET',
        url: current,
        headers: { accept: MediaType.OciIndex },
      }));
      if (response.status === 404) {
        await discard(response);
        return undefined;
      }
      if (response.status !== 200) throw await errorFrom('GET', response);
      const page = parseJsonBody<{ manifests?: ReferrerDescriptor[] }>(await readBody(response, MAX_MANIFEST_BYTES), 'GET', current);
      checkDescriptors(page, `the referrers of ${refName(this.ref(repository), digest)}`);
      for (const descriptor of Array.isArray(page.manifests) ? page.manifests : []) found.push(descriptor);
      url = parseNextLink(header(response, 'link'), current);
    }
    // A registry that ignored the filter (no OCI-Filters-Applied) still gives only what was asked.
    return artifactType ? found.filter((d) => d.artifactType === artifactType) : found;
  }

  async #readTagsOnce(repository: string, options: TagListingOptions): Promise<TagListing> {
    const { pageSize = 1000, maxPages = MAX_TAG_PAGES, maxTags = MAX_TAGS_READ } = options;
    const tags: string[] = [];
    this.#checkRepository(repository);
    const first = this.url(`/v2/${repository}/tags/list?n=${pageSize}`);
    let url: URL | undefined = first;
    const seen = new Set<string>();
    while (url) {
      if (seen.has(url.toString())) throw new RegistryError('GET', redactUrl(url), 200, [], 'tag list pagination loops');
      if (seen.size >= maxPages)
        throw new RegistryError('GET', redactUrl(url), 200, [], `the tag list of ${repository} goes on past ${maxPages} pages; stopped`);
      refuseOtherOrigin(url, first, `the tag list of ${repository}`);
      seen.add(url.toString());
      const current: URL = url;
      const response = await this.request([this.scope(repository, ['pull'])], () => ({ method: 'GET', url: current }));
      if (response.status === 404) {
        await discard(response);
        return { tags, complete: true };
      }
      if (response.status !== 200) throw await errorFrom('GET', response);
      const page = parseJsonBody<{ tags?: unknown }>(await readBody(response, MAX_TAG_PAGE_BYTES), 'GET', current);
      // One loop, not a spread: a page of 130k tags would overflow the call stack as arguments.
      for (const tag of Array.isArray(page.tags) ? page.tags : []) {
        // A name no tag may have (`a/../b`) is the registry's noise, never something to act on.
        if (typeof tag !== 'string' || !isValidTag(tag)) continue;
        if (tags.length >= maxTags) return { tags, complete: false };
        tags.push(tag);
      }
      url = parseNextLink(header(response, 'link'), current);
    }
    return { tags, complete: true };
  }
}

/**
 * A `Link` next page is fetched with this registry's credentials (redirects drop them off-host,
 * `Link` does not): a page on another origin is refused rather than handed the login.
 */
function refuseOtherOrigin(url: URL, first: URL, what: string): void {
  if (url.origin !== first.origin)
    throw new RegistryError('GET', redactUrl(url), 200, [], `${what} points its next page at another origin (${url.origin}); refused`);
}

/** Marks an error worth another attempt although its status is not a temporary one. */
function retryable<E extends Error>(error: E): E {
  return Object.assign(error, { retryable: true });
}

function withAuth(request: HttpRequest, authorization: string | undefined): HttpRequest {
  if (!authorization) return request;
  return { ...request, headers: { ...request.headers, authorization } };
}

function header(response: HttpResponse, name: string): string | undefined {
  const value = response.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Location is relative to the request URL, and its query (upload state) must be kept. */
function uploadLocation(response: HttpResponse): URL {
  const location = header(response, 'location');
  if (!location) throw new RegistryError('POST', redactUrl(response.url), response.status, [], 'upload response without a Location');
  return new URL(location, response.url);
}

function withDigest(location: URL, digest: string): URL {
  const url = new URL(location);
  url.searchParams.set('digest', digest);
  return url;
}

function mediaTypeOf(bytes: Buffer): string {
  try {
    return String((JSON.parse(bytes.toString('utf8')) as { mediaType?: string }).mediaType ?? '');
  } catch {
    return '';
  }
}
