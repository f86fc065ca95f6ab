// A loopback HTTP (or HTTPS) server that records every request and answers as a test says: a
// hostile or odd registry, token server, forge, storage host or download site. A handler reads
// the request's headers from `res.req.headers`.
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { freePort } from './registry-process.js';

export interface Recorded {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
}

export interface StandIn {
  readonly origin: string;
  readonly host: string;
  readonly seen: Recorded[];
  readonly server: Server;
  /** Stops listening and ends every connection (a keep-alive one would hold the close open). */
  close(): Promise<void>;
}

export interface StandInOptions {
  /** Serve HTTPS with this key and certificate (PEM). */
  readonly tls?: { readonly key: Buffer | string; readonly cert: Buffer | string };
}

export type StandInHandler = (url: URL, res: ServerResponse, method: string) => void;

export async function standIn(handle: StandInHandler, options: StandInOptions = {}): Promise<StandIn> {
  const port = await freePort();
  const scheme = options.tls ? 'https' : 'http';
  const seen: Recorded[] = [];
  const listener = (req: IncomingMessage, res: ServerResponse) => {
    seen.push({ method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers });
    req.resume();
    handle(new URL(req.url ?? '/', `${scheme}://127.0.0.1:${port}`), res, req.method ?? 'GET');
  };
  // An https.Server is a tls.Server, yet it has every http.Server method a test calls.
  const server = (options.tls ? createHttpsServer(options.tls, listener) : createServer(listener)) as Server;
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    origin: `${scheme}://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    seen,
    server,
    close: () => closeServer(server),
  };
}

/** Closes `server` after ending its connections, kept-alive ones included. */
export function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
}
