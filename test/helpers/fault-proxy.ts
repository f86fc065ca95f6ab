// A reverse proxy on loopback between a client and a real registry that injects faults on the
// requests a test picks: connection resets (before or mid-body), 5xx, 429 with Retry-After,
// truncated or corrupted bodies, stalls, and 413 for large bodies. It keeps a log of every
// request, so tests can assert what reached the registry and in which order.
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { Transform } from 'node:stream';
import { freePort } from './registry-process.js';

export type Fault =
  | { kind: 'status'; status: number; retryAfter?: string }
  | { kind: 'reset' }
  | { kind: 'reset-mid-body' }
  | { kind: 'truncate' }
  | { kind: 'stall'; ms: number }
  | { kind: 'corrupt' }
  | { kind: 'too-large'; limit: number }
  /** Answer this instead of the registry (a hostile or odd registry's own words). */
  | { kind: 'respond'; status: number; headers?: Record<string, string>; body?: string | Buffer | ((req: IncomingMessage) => string) }
  /** A tag DELETE that deletes the manifest by digest, with every tag on it (as some registries do). */
  | { kind: 'destructive-untag' }
  /** The registry's answer, its body sent one byte every `everyMs`. */
  | { kind: 'drip'; everyMs: number }
  /** The registry's headers with a Content-Length larger than the body, then the connection closes. */
  | { kind: 'lie-length' }
  /** Rewrite the registry's body (same status, Content-Length fixed up). */
  | { kind: 'rewrite'; body: (original: Buffer) => Buffer };

export interface FaultRule {
  readonly method?: string;
  readonly path?: RegExp;
  /** How many matching requests get the fault (default 1; Infinity for all). */
  times?: number;
  /** Matching requests to let through before the fault applies. */
  skip?: number;
  readonly fault: Fault;
}

export interface ProxyLogEntry {
  readonly method: string;
  readonly path: string;
  readonly status?: number;
  readonly fault?: Fault['kind'];
  readonly contentLength?: number;
  /** When the request arrived (ms since the epoch). */
  readonly at: number;
}

export interface FaultProxy {
  readonly registry: string;
  readonly rules: FaultRule[];
  readonly log: ProxyLogEntry[];
  /** Serve tag lists in pages of this size with `Link` headers, as distribution 3 and hosted registries do (2.8 does not). */
  paginate?: number;
  /** Called before forwarding each request; throwing or awaiting here lets tests interleave. */
  onRequest?: (method: string, path: string) => void | Promise<void>;
  close(): Promise<void>;
}

export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const port = await freePort();
  const sockets = new Set<Socket>();
  const proxy: FaultProxy = {
    registry: `127.0.0.1:${port}`,
    rules: [],
    log: [],
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
  const [targetHost, targetPort] = target.split(':');

  const pick = (method: string, path: string): Fault | undefined => {
    for (const rule of proxy.rules) {
      if (rule.method && rule.method !== method) continue;
      if (rule.path && !rule.path.test(path)) continue;
      if ((rule.skip ?? 0) > 0) {
        rule.skip = (rule.skip ?? 0) - 1;
        continue;
      }
      if ((rule.times ?? 1) <= 0) continue;
      rule.times = (rule.times ?? 1) - 1;
      return rule.fault;
    }
    return undefined;
  };

  const server = http.createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const method = req.method ?? 'GET';
    const path = req.url ?? '/';
    try {
      await proxy.onRequest?.(method, path);
    } catch {
      req.socket.destroy();
      return;
    }
    const listing = /^\/v2\/(.+)\/tags\/list(\?.*)?$/.exec(path);
    if (proxy.paginate && method === 'GET' && listing) {
      const up = await fetch(`http://${target}/v2/${listing[1]}/tags/list`, {
        headers: req.headers.authorization ? { authorization: req.headers.authorization } : {},
      });
      const all = ((await up.json()) as { tags?: string[] }).tags ?? [];
      all.sort();
      const query = new URLSearchParams(listing[2]?.slice(1) ?? '');
      const n = Math.min(Number(query.get('n') ?? proxy.paginate), proxy.paginate);
      const last = query.get('last');
      const start = last ? all.findIndex((t) => t > last) : 0;
      const page = start < 0 ? [] : all.slice(start, start + n);
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (start >= 0 && start + n < all.length)
        headers.link = `</v2/${listing[1]}/tags/list?n=${n}&last=${encodeURIComponent(page[page.length - 1])}>; rel="next"`;
      proxy.log.push({ method, path, status: up.status, at: Date.now() });
      res.writeHead(up.status, headers);
      res.end(JSON.stringify({ name: listing[1], tags: page }));
      req.resume();
      return;
    }
    const fault = pick(method, path);
    const contentLength = req.headers['content-length'] ? Number(req.headers['content-length']) : undefined;
    const at = Date.now();
    const log = (status?: number) => proxy.log.push({ method, path, status, fault: fault?.kind, contentLength, at });
    if (fault?.kind === 'reset') {
      log();
      req.socket.destroy();
      return;
    }
    if (fault?.kind === 'status') {
      req.resume();
      log(fault.status);
      res.writeHead(fault.status, { 'content-type': 'application/json', ...(fault.retryAfter && { 'retry-after': fault.retryAfter }) });
      res.end(JSON.stringify({ errors: [{ code: 'UNAVAILABLE', message: 'injected by the fault proxy' }] }));
      return;
    }
    if (fault?.kind === 'respond') {
      req.resume();
      log(fault.status);
      res.writeHead(fault.status, fault.headers ?? {});
      res.end(typeof fault.body === 'function' ? fault.body(req) : (fault.body ?? ''));
      return;
    }
    const untag = /^\/v2\/(.+)\/manifests\/([^/:]+)$/.exec(path);
    if (fault?.kind === 'destructive-untag' && method === 'DELETE' && untag) {
      req.resume();
      const auth: Record<string, string> = req.headers.authorization ? { authorization: req.headers.authorization } : {};
      const accept =
        'application/vnd.oci.image.index.v1+json, application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.list.v2+json, application/vnd.docker.distribution.manifest.v2+json';
      const head = await fetch(`http://${target}${path}`, { method: 'HEAD', headers: { ...auth, accept } });
      const digest = head.headers.get('docker-content-digest');
      const status = digest
        ? (await fetch(`http://${target}/v2/${untag[1]}/manifests/${digest}`, { method: 'DELETE', headers: auth })).status
        : 404;
      log(status);
      res.writeHead(status).end();
      return;
    }
    if (fault?.kind === 'too-large' && (contentLength ?? 0) > fault.limit) {
      req.resume();
      log(413);
      res.writeHead(413, { 'content-type': 'text/plain', connection: 'close' });
      res.end('request entity too large');
      return;
    }
    const upstream = http.request({ host: targetHost, port: Number(targetPort), method, path, headers: req.headers }, (up) => {
      log(up.statusCode);
      if (fault?.kind === 'drip' || fault?.kind === 'lie-length' || fault?.kind === 'rewrite') {
        const chunks: Buffer[] = [];
        up.on('data', (c: Buffer) => chunks.push(c));
        up.on('end', () => {
          const original = Buffer.concat(chunks);
          const body = fault.kind === 'rewrite' ? fault.body(original) : original;
          const length = fault.kind === 'lie-length' ? body.length + 1000 : body.length;
          res.writeHead(up.statusCode ?? 502, { ...up.headers, 'content-length': String(length) });
          if (fault.kind !== 'drip') {
            res.write(body);
            if (fault.kind === 'lie-length') res.destroy();
            else res.end();
            return;
          }
          let i = 0;
          const timer = setInterval(() => {
            if (res.destroyed || i >= body.length) {
              clearInterval(timer);
              res.end();
              return;
            }
            res.write(body.subarray(i, i + 1));
            i++;
          }, fault.everyMs);
          res.on('close', () => clearInterval(timer));
        });
        return;
      }
      res.writeHead(up.statusCode ?? 502, up.headers);
      if (fault?.kind === 'stall') {
        // Headers, then silence: the client's idle timeout must fire.
        setTimeout(() => res.destroy(), fault.ms);
        up.resume();
        return;
      }
      if (fault?.kind === 'reset-mid-body' || fault?.kind === 'truncate') {
        const total = Number(up.headers['content-length'] ?? 0);
        let sent = 0;
        up.on('data', (chunk: Buffer) => {
          const room = Math.floor(total / 2) - sent;
          if (room > 0) res.write(chunk.subarray(0, room));
          sent += chunk.length;
          if (sent >= total / 2) {
            up.destroy();
            if (fault.kind === 'truncate') res.socket?.end();
            else res.destroy();
          }
        });
        return;
      }
      if (fault?.kind === 'corrupt') {
        let flipped = false;
        up.pipe(
          new Transform({
            transform(chunk: Buffer, _e, callback) {
              if (!flipped && chunk.length > 0) {
                const copy = Buffer.from(chunk);
                copy[Math.floor(copy.length / 2)] ^= 0xff;
                flipped = true;
                callback(null, copy);
              } else callback(null, chunk);
            },
          }),
        ).pipe(res);
        return;
      }
      up.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return proxy;
}
