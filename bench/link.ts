// The link between the tools and a registry: loopback as it is, or a wide-area link emulated by
// Toxiproxy (this kernel has no netem): every registry reached through its own proxy, each byte
// stream delayed by half the round trip in each direction, so a request and its answer take one
// round trip more than on loopback. Connections are set up with the proxy at once (a real link
// pays a round trip for TCP, and more for TLS): this link favours whoever opens many connections.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { goTool } from '../test/helpers/go-tools.js';
import { freePort } from '../test/helpers/registry-process.js';

export interface Link {
  readonly name: string;
  /** The address to reach `registry` (host:port) through this link. */
  via(registry: string): Promise<string>;
  close(): Promise<void>;
}

export const loopback: Link = { name: 'loopback', via: async (registry) => registry, close: async () => undefined };

export async function startWanLink(roundTripMs: number): Promise<Link> {
  const apiPort = await freePort();
  const server: ChildProcess = spawn(goTool('toxiproxy', 'server'), ['-host', '127.0.0.1', '-port', String(apiPort)], {
    stdio: ['ignore', 'ignore', 'ignore'],
  });
  const api = `http://127.0.0.1:${apiPort}`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${api}/version`)).ok) break;
    } catch {
      // not listening yet
    }
    if (i > 100 || server.exitCode !== null) throw new Error('toxiproxy did not start');
    await new Promise((r) => setTimeout(r, 50));
  }
  const post = async (path: string, body: unknown) => {
    const response = await fetch(`${api}${path}`, {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json' },
    });
    if (!response.ok) throw new Error(`toxiproxy ${path}: HTTP ${response.status} ${await response.text()}`);
  };
  let proxies = 0;
  return {
    name: `${roundTripMs} ms round trip (Toxiproxy)`,
    async via(registry) {
      const name = `r${proxies++}`;
      const listen = `127.0.0.1:${await freePort()}`;
      await post('/proxies', { name, listen, upstream: registry, enabled: true });
      for (const stream of ['upstream', 'downstream'])
        await post(`/proxies/${name}/toxics`, {
          name: `latency_${stream}`,
          type: 'latency',
          stream,
          attributes: { latency: roundTripMs / 2, jitter: 0 },
        });
      return listen;
    },
    close: () =>
      new Promise<void>((resolve) => {
        if (server.exitCode !== null) return resolve();
        server.once('exit', () => resolve());
        server.kill('SIGTERM');
      }),
  };
}

/** The bundle the benchmarks run: dist/ of the checkout, or CIA_BENCH_DIST (another build, to compare two). */
export const BUNDLE = process.env.CIA_BENCH_DIST
  ? join(process.env.CIA_BENCH_DIST, 'index.js')
  : join(import.meta.dirname, '..', 'dist', 'index.js');
