import http, { type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import https from 'node:https';
import type { Readable } from 'node:stream';
import tls from 'node:tls';
import type { LookupFunction, Socket } from 'node:net';
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
  /** How slowly a blob body may move before the transfer is given up (THROUGHPUT_FLOOR when unset). */
  readonly throughputFloor?: ThroughputFloor;
  /** Cancels every request of the run, in flight or to come (one image failed: the others stop). */
  readonly signal?: AbortSignal;
}

/** What bounds one request in time, told when its response arrived and when it is over. */
interface RequestBounds {
  response(response: IncomingMessage): void;
  end(): void;
}

/** Metadata responses are at most a few MiB: 30 s is far beyond any honest registry. */
export const METADATA_DEADLINE_MS = 30_000;

/** A blob body must move at least `bytesPerSecond`, averaged over each window of `windowMs`. */
export interface ThroughputFloor {
  readonly bytesPerSecond: number;
  readonly windowMs: number;
}

/**
 * 64 KiB/s (about 0.5 Mbit/s) over 30 s: a link that slow still moves 1 GiB in under 5 hours, a
 * fast transfer may pause for most of a window, and a drip under the idle timeout fails within 30 s
 * whatever size its manifest declares (docs/registries.md, "Time bounds").
 */
export const THROUGHPUT_FLOOR: ThroughputFloor = { bytesPerSecond: 64 * 1024, windowMs: 30_000 };

/** The bytes one transfer moved in its current window, judged against the floor when the window ends. */
export class ThroughputWatch {
  #moved = 0;

  constructor(readonly floor: ThroughputFloor) {}

  add(bytes: number): void {
    this.#moved += bytes;
  }

  /**
   * Ends the window: the rate it saw (bytes/s) when that was under the floor and the peer is to
   * blame, else undefined. `peerBehind` false: our side held the body back (a slow source feeding
   * an upload, a download read slowly), which the other transfer's own watch judges.
   */
  endWindow(peerBehind = true): number | undefined {
    const rate = (this.#moved * 1000) / this.floor.windowMs;
    this.#moved = 0;
    return peerBehind && rate < this.floor.bytesPerSecond ? rate : undefined;
  }
}

/** `12 B/s`, `63.9 KiB/s`, `1.5 MiB/s`. */
export function formatRate(bytesPerSecond: number): string {
  if (bytesPerSecond < 1024) return `${Math.round(bytesPerSecond)} B/s`;
  if (bytesPerSecond < 1024 * 1024) return `${(bytesPerSecond / 1024).toFixed(1)} KiB/s`;
  return `${(bytesPerSecond / 1024 / 1024).toFixed(1)} MiB/s`;
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
  /**
   * A blob transfer, named for errors (`blob sha256:…`): no total deadline (a declared size is
   * the server's word), the throughput floor while a body moves instead.
   */
  readonly transfer?: string;
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
  'ESLOWBODY',
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
  readonly throughputFloor: ThroughputFloor;
  readonly signal?: AbortSignal;
  /** The resolver the connections use (the system's unless given): a bare TLS handshake uses it too. */
  readonly lookup?: LookupFunction;

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
    this.throughputFloor = options.throughputFloor ?? THROUGHPUT_FLOOR;
    const { bytesPerSecond, windowMs } = this.throughputFloor;
    if (!(bytesPerSecond > 0 && windowMs > 0))
      throw new Error(`a throughput floor needs a positive rate and window, got ${bytesPerSecond} B/s over ${windowMs} ms`);
    this.signal = options.signal;
    this.lookup = options.lookup;
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
      const response = await this.#sendOnce(request, url, headers);
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

  #sendOnce(request: HttpRequest, url: URL, headers: Record<string, string | number>): Promise<HttpResponse> {
    const { method, body } = request;
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
      const abort = (error: Error) => {
        req.destroy(error);
        res?.destroy(error);
      };
      const bounds =
        request.transfer !== undefined
          ? this.#boundTransfer(req, `${request.transfer}: ${method} ${redactUrl(url)}`, abort)
          : this.#boundMetadata(request.deadlineMs ?? this.metadataDeadlineMs, `${method} ${redactUrl(url)}`, abort);
      req.setTimeout(this.idleTimeoutMs, () =>
        req.destroy(
          Object.assign(new Error(`idle timeout after ${this.idleTimeoutMs} ms: ${method} ${redactUrl(url)}`), { code: 'ETIMEDOUT' }),
        ),
      );
      req.on('error', fail);
      req.on('close', () => {
        if (!res) bounds.end();
      });
      req.on('response', (response) => {
        res = response;
        bounds.response(response);
        response.on('close', () => bounds.end());
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

  /** Headers and body of a metadata request within one total deadline. */
  #boundMetadata(deadlineMs: number, what: string, abort: (error: Error) => void): RequestBounds {
    // Not retried (no network error code): a server that drips its answer would only do it again.
    const deadline = setTimeout(
      () => abort(Object.assign(new Error(`deadline of ${deadlineMs} ms for headers and body exceeded: ${what}`), { code: 'EDEADLINE' })),
      deadlineMs,
    );
    deadline.unref();
    return { response: () => undefined, end: () => clearTimeout(deadline) };
  }

  /**
   * A blob transfer: while a body moves (the upload's, then the download's) each window must carry
   * the floor's bytes, unless our own side held it back; between the request's last byte and the
   * response's headers, the idle timeout's length at most (a registry dripping its headers).
   * Counted on the socket, so a body nobody reads yet is not started early.
   */
  #boundTransfer(req: http.ClientRequest, what: string, abort: (error: Error) => void): RequestBounds {
    const { windowMs } = this.throughputFloor;
    const watch = new ThroughputWatch(this.throughputFloor);
    let socket: Socket | undefined;
    let res: IncomingMessage | undefined;
    let counted = 0;
    let window: NodeJS.Timeout | undefined;
    let headers: NodeJS.Timeout | undefined;
    const moved = () => (socket ? socket.bytesRead + socket.bytesWritten : 0);
    // An upload waiting on its source has nothing buffered; a download read slowly has bytes unread.
    const peerBehind = () => (res ? res.readableLength === 0 : req.writableLength > 0);
    const endWindow = () => {
      const now = moved();
      watch.add(now - counted);
      counted = now;
      const rate = watch.endWindow(peerBehind());
      if (rate === undefined) return;
      const floor = formatRate(this.throughputFloor.bytesPerSecond);
      const message = `${what}: ${formatRate(rate)} over the last ${windowMs / 1000} s, under the floor of ${floor}; given up`;
      abort(Object.assign(new Error(message), { code: 'ESLOWBODY' }));
    };
    const startWindows = () => {
      clearInterval(window);
      counted = moved();
      watch.endWindow(false);
      window = setInterval(endWindow, windowMs).unref();
    };
    req.on('socket', (s: Socket) => {
      socket = s;
      startWindows();
    });
    req.on('finish', () => {
      if (res) return;
      clearInterval(window);
      headers = setTimeout(() => {
        const error = new Error(`${what}: no response within ${this.idleTimeoutMs} ms of the request's last byte`);
        abort(Object.assign(error, { code: 'ETIMEDOUT' }));
      }, this.idleTimeoutMs).unref();
    });
    const end = () => {
      clearInterval(window);
      clearTimeout(headers);
    };
    return {
      response: (response) => {
        res = response;
        clearTimeout(headers);
        startWindows();
      },
      end,
    };
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
