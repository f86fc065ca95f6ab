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
  /** A socket with no activity for this long fails the request (connect included). */
  readonly idleTimeoutMs?: number;
  /** Called for every request sent: tests and benchmarks count them. */
  readonly onRequest?: (method: string, url: URL) => void;
  /** Name resolution, for split-horizon DNS (and tests that give a TLS registry a name). */
  readonly lookup?: LookupFunction;
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
}

const MAX_REDIRECTS = 5;
const NETWORK_ERROR_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'ECONNABORTED', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ERR_STREAM_PREMATURE_CLOSE', 'UND_ERR_SOCKET', 'ERR_HTTP_PARSER', 'HPE_INVALID_CONSTANT']);

/** Errors below HTTP (reset, refused, stalled, cut short): always worth another attempt. */
export function isNetworkError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as NodeJS.ErrnoException).code;
  return (code !== undefined && NETWORK_ERROR_CODES.has(code)) || /socket hang up|aborted|premature close|idle timeout/i.test(error.message);
}

/**
 * HTTP for registries: keep-alive connections, a socket idle timeout so a stall cannot hang a
 * job, redirects that drop Authorization when they leave the host, plain HTTP only where allowed.
 */
export class Transport {
  readonly #insecure: Set<string>;
  readonly #httpAgent: http.Agent;
  readonly #httpsAgent: https.Agent;
  readonly idleTimeoutMs: number;
  readonly #onRequest?: (method: string, url: URL) => void;

  constructor(options: TransportOptions = {}) {
    this.#insecure = new Set(options.insecureRegistries ?? []);
    // A private CA is trusted in addition to the system's roots, not instead of them.
    const common = { keepAlive: true, maxSockets: 64, ...(options.lookup && { lookup: options.lookup }) };
    this.#httpAgent = new http.Agent(common);
    this.#httpsAgent = new https.Agent({ ...common, ...(options.ca && { ca: [...tls.rootCertificates, options.ca] }) });
    this.idleTimeoutMs = options.idleTimeoutMs ?? 60_000;
    this.#onRequest = options.onRequest;
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
      const response = await this.#sendOnce(request.method, url, headers, request.body);
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

  #sendOnce(method: string, url: URL, headers: Record<string, string | number>, body: Buffer | Readable | undefined): Promise<HttpResponse> {
    this.#onRequest?.(method, url);
    const secure = url.protocol === 'https:';
    const lib = secure ? https : http;
    return new Promise((resolve, reject) => {
      const req = lib.request(url, { method, headers: { 'user-agent': 'container-image-actions', ...headers }, agent: secure ? this.#httpsAgent : this.#httpAgent });
      const fail = (error: Error) => reject(error);
      req.setTimeout(this.idleTimeoutMs, () => req.destroy(Object.assign(new Error(`idle timeout after ${this.idleTimeoutMs} ms: ${method} ${redactUrl(url)}`), { code: 'ETIMEDOUT' })));
      req.on('error', fail);
      req.on('response', (res) => {
        // From here on errors surface through the body stream.
        req.off('error', fail);
        req.on('error', (error) => res.destroy(error));
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: res, url });
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
    return count(this.#httpAgent) + count(this.#httpsAgent);
  }

  close(): void {
    this.#httpAgent.destroy();
    this.#httpsAgent.destroy();
  }
}

/** Reads a whole (small) body, refusing more than `limit` bytes. */
export async function readBody(response: HttpResponse, limit = 4 * 1024 * 1024): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response.body) {
    size += (chunk as Buffer).length;
    if (size > limit) {
      response.body.destroy();
      throw new Error(`response body larger than ${limit} bytes from ${redactUrl(response.url)}`);
    }
    chunks.push(chunk as Buffer);
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
    if (bearer?.params.error === 'insufficient_scope') why = [detail, `insufficient_scope: the credentials do not grant ${bearer.params.scope ?? 'the needed access'}`].filter(Boolean).join('; ');
  }
  const error = new RegistryError(method, redactUrl(response.url), response.status, parseOciErrors(text), why);
  const retryAfter = parseRetryAfter(response.headers['retry-after'] as string | undefined);
  return Object.assign(error, { retryAfterMs: retryAfter });
}
