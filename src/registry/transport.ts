import http, { type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import https from 'node:https';
import type { Readable } from 'node:stream';
import tls from 'node:tls';
import type { LookupFunction } from 'node:net';
import { findChallenge, parseChallenges } from './auth/challenge.js';
import { parseOciErrors, redactUrl, RegistryError } from './errors.js';
import { parseRetryAfter } from './http-headers.js';
import { apiHost, isLoopback } from './reference.js';

export interface TransportOptions {
  /** host[:port] reached over plain HTTP (loopback always is, as docker does). */
  readonly insecureRegistries?: readonly string[];
  /** Extra CA certificates (PEM) trusted besides the system ones. */
  readonly ca?: string;
  /** CA certificates (PEM) trusted for one registry alone, by registry (host[:port]). */
  readonly registryCa?: Readonly<Record<string, string>>;
  /** A socket with no activity for this long fails the request (connect included). */
  readonly idleTimeoutMs?: number;
  /** Called for every request sent: tests and benchmarks count them. */
  readonly onRequest?: (method: string, url: URL) => void;
  /** Name resolution, for split-horizon DNS (and tests that give a TLS registry a name). */
  readonly lookup?: LookupFunction;
  /**
   * Total time for one metadata request, headers and body (manifests, tag pages, tokens, pings):
   * a server dripping a body byte by byte keeps a socket busy forever without tripping the idle timeout.
   */
  readonly metadataDeadlineMs?: number;
  /** Cancels every request of the run, in flight or to come (one image failed: the others stop). */
  readonly signal?: AbortSignal;
}

/** Metadata responses are at most a few MiB: 30 s is far beyond any honest registry. */
export const METADATA_DEADLINE_MS = 30_000;

/** A blob gets 10 minutes plus its size at 256 KiB/s: generous for slow links, still bounded. */
export function blobDeadlineMs(size: number | undefined): number {
  return 600_000 + Math.ceil((size ?? 16 * 1024 ** 3) / (256 * 1024)) * 1000;
}

export interface HttpResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: IncomingMessage;
  /** The URL that answered, after redirects (Location headers are relative to it). */
  readonly url: URL;
}

export interface HttpRequest {
  readonly method: string;
  readonly url: URL;
  readonly headers?: Record<string, string | number>;
  /** A buffer, or a stream (which cannot be replayed: redirects are not followed for it). */
  readonly body?: Buffer | Readable;
  /** Follow redirects (GET/HEAD of blobs go to storage hosts). */
  readonly followRedirects?: boolean;
  /** Total time for headers and body; the transport's metadata deadline when unset. */
  readonly deadlineMs?: number;
}

const MAX_REDIRECTS = 5;
const NETWORK_ERROR_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'ECONNABORTED',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'ERR_STREAM_PREMATURE_CLOSE',
  'UND_ERR_SOCKET',
  'ERR_HTTP_PARSER',
  'HPE_INVALID_CONSTANT',
]);

/** Errors below HTTP (reset, refused, stalled, cut short): always worth another attempt. */
export function isNetworkError(error: unknown): boolean {
  // Duck-typed, not `instanceof Error`: errors from node's own realm fail that test inside a VM
  // context (jest), and a network error must be recognised wherever it was made.
  if (typeof error !== 'object' || error === null) return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  return (
    (typeof code === 'string' && NETWORK_ERROR_CODES.has(code)) ||
    (typeof message === 'string' && /socket hang up|aborted|premature close|idle timeout/i.test(message))
  );
}

/**
 * HTTP for registries: keep-alive connections, a socket idle timeout so a stall cannot hang a
 * job, redirects that drop Authorization when they leave the host, plain HTTP only where allowed.
 */
export class Transport {
  readonly #insecure: Set<string>;
  readonly #httpAgent: http.Agent;
  readonly #httpsAgent: https.Agent;
  /** Per API host (as URL.host spells it): agents trusting that registry's own CAs too. */
  readonly #registryAgents = new Map<string, https.Agent>();
  readonly idleTimeoutMs: number;
  readonly #onRequest?: (method: string, url: URL) => void;
  readonly metadataDeadlineMs: number;
  readonly signal?: AbortSignal;

  constructor(options: TransportOptions = {}) {
    this.#insecure = new Set(options.insecureRegistries ?? []);
    // A private CA is trusted in addition to the system's roots, not instead of them.
    const common = { keepAlive: true, maxSockets: 64, ...(options.lookup && { lookup: options.lookup }) };
    this.#httpAgent = new http.Agent(common);
    const roots = [...tls.rootCertificates, ...(options.ca ? [options.ca] : [])];
    this.#httpsAgent = new https.Agent({ ...common, ...(options.ca && { ca: roots }) });
    for (const [registry, ca] of Object.entries(options.registryCa ?? {}))
      this.#registryAgents.set(new URL(`https://${apiHost(registry)}`).host, new https.Agent({ ...common, ca: [...roots, ca] }));
    this.idleTimeoutMs = options.idleTimeoutMs ?? 60_000;
    this.#onRequest = options.onRequest;
    this.metadataDeadlineMs = options.metadataDeadlineMs ?? METADATA_DEADLINE_MS;
    this.signal = options.signal;
  }

  /** `http(s)://<api host>` of a registry. */
  baseUrl(registry: string): URL {
    const host = apiHost(registry);
    const plain = isLoopback(registry) || this.#insecure.has(registry) || this.#insecure.has(host);
    return new URL(`${plain ? 'http' : 'https'}://${host}`);
  }

  async send(request: HttpRequest): Promise<HttpResponse> {
    let url = request.url;
    let headers = { ...request.headers };
    for (let hop = 0; ; hop++) {
      const response = await this.#sendOnce(request.method, url, headers, request.body, request.deadlineMs ?? this.metadataDeadlineMs);
      const location = response.headers.location;
      if (!request.followRedirects || !location || ![301, 302, 303, 307, 308].includes(response.status) || request.body) return response;
      if (hop >= MAX_REDIRECTS) throw new RegistryError(request.method, redactUrl(request.url), response.status, [], 'too many redirects');
      response.body.resume();
      const next = new URL(location, url);
      // Blob storage (S3, a CDN) must never see the registry's token.
      if (next.host !== url.host) {
        headers = Object.fromEntries(Object.entries(headers).filter(([k]) => k.toLowerCase() !== 'authorization'));
      }
      url = next;
    }
  }

  #sendOnce(
    method: string,
    url: URL,
    headers: Record<string, string | number>,
    body: Buffer | Readable | undefined,
    deadlineMs: number,
  ): Promise<HttpResponse> {
    this.signal?.throwIfAborted();
    this.#onRequest?.(method, url);
    const secure = url.protocol === 'https:';
    const lib = secure ? https : http;
    return new Promise((resolve, reject) => {
      const req = lib.request(url, {
        method,
        headers: { 'user-agent': 'container-image-actions', ...headers },
        agent: secure ? (this.#registryAgents.get(url.host) ?? this.#httpsAgent) : this.#httpAgent,
        ...(this.signal && { signal: this.signal }),
      });
      const fail = (error: Error) => reject(error);
      let res: IncomingMessage | undefined;
      // Not retried (no network error code): a server that drips its answer would only do it again.
      const deadline = setTimeout(() => {
        const error = Object.assign(new Error(`deadline of ${deadlineMs} ms for headers and body exceeded: ${method} ${redactUrl(url)}`), {
          code: 'EDEADLINE',
        });
        req.destroy(error);
        res?.destroy(error);
      }, deadlineMs);
      deadline.unref();
      req.setTimeout(this.idleTimeoutMs, () =>
        req.destroy(
          Object.assign(new Error(`idle timeout after ${this.idleTimeoutMs} ms: ${method} ${redactUrl(url)}`), { code: 'ETIMEDOUT' }),
        ),
      );
      req.on('error', fail);
      req.on('close', () => {
        if (!res) clearTimeout(deadline);
      });
      req.on('response', (response) => {
        res = response;
        response.on('close', () => clearTimeout(deadline));
        // From here on errors surface through the body stream.
        req.off('error', fail);
        req.on('error', (error) => response.destroy(error));
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: response, url });
      });
      if (body === undefined) req.end();
      else if (Buffer.isBuffer(body)) req.end(body);
      else {
        body.on('error', (error) => req.destroy(error));
        body.pipe(req);
      }
    });
  }

  /** Sockets handed to a request and not yet given back: a body left unread keeps one. */
  busySockets(): number {
    const count = (agent: http.Agent) => Object.values(agent.sockets).reduce((n, list) => n + (list?.length ?? 0), 0);
    return count(this.#httpAgent) + count(this.#httpsAgent) + [...this.#registryAgents.values()].reduce((n, a) => n + count(a), 0);
  }

  close(): void {
    this.#httpAgent.destroy();
    this.#httpsAgent.destroy();
    for (const agent of this.#registryAgents.values()) agent.destroy();
  }
}

/** Reads a whole (small) body, refusing more than `limit` bytes; a broken body names its URL. */
export async function readBody(response: HttpResponse, limit = 4 * 1024 * 1024): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of response.body) {
      size += (chunk as Buffer).length;
      if (size > limit) {
        response.body.destroy();
        throw new Error(`response body larger than ${limit} bytes from ${redactUrl(response.url)}`);
      }
      chunks.push(chunk as Buffer);
    }
  } catch (error) {
    if (size > limit) throw error;
    // A Content-Length lie or a reset mid-body: the code stays, so retries still see a network error.
    const code = (error as NodeJS.ErrnoException).code;
    throw Object.assign(
      new Error(`reading the response of ${redactUrl(response.url)} after ${size} bytes: ${(error as Error).message}`, { cause: error }),
      { code },
    );
  }
  return Buffer.concat(chunks);
}

/** Drains an unneeded body so the keep-alive connection can be reused. */
export async function discard(response: HttpResponse): Promise<void> {
  try {
    for await (const _ of response.body);
  } catch {
    // The request is done with; a broken body changes nothing.
  }
}

/** Turns an unexpected response into a RegistryError with the OCI error codes of its body. */
export async function errorFrom(method: string, response: HttpResponse, detail?: string): Promise<RegistryError> {
  let text = '';
  try {
    text = (await readBody(response, 64 * 1024)).toString('utf8');
  } catch {
    // The status alone still says what happened.
  }
  let why = detail;
  if (response.status === 401) {
    // The challenge says whether the credentials are wrong or merely lack a permission.
    const bearer = findChallenge(parseChallenges(response.headers['www-authenticate']), 'bearer');
    if (bearer?.params.error === 'insufficient_scope')
      why = [detail, `insufficient_scope: the credentials do not grant ${bearer.params.scope ?? 'the needed access'}`]
        .filter(Boolean)
        .join('; ');
  }
  const error = new RegistryError(method, redactUrl(response.url), response.status, parseOciErrors(text), why);
  const retryAfter = parseRetryAfter(response.headers['retry-after'] as string | undefined);
  return Object.assign(error, { retryAfterMs: retryAfter });
}
