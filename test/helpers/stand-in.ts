// A loopback HTTP server that records every request and answers as a test says: a hostile or odd
// registry, token server, forge or storage host.
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
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
}

export async function standIn(handle: (url: URL, res: ServerResponse, method: string) => void): Promise<StandIn> {
  const port = await freePort();
  const seen: Recorded[] = [];
  const server = createServer((req, res) => {
    seen.push({ method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers });
    req.resume();
    handle(new URL(req.url ?? '/', `http://127.0.0.1:${port}`), res, req.method ?? 'GET');
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${port}`, host: `127.0.0.1:${port}`, seen, server };
}
