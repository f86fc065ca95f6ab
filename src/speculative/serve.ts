import type { Logger } from '../logger.js';
import { openRunSession } from '../commands/run-session.js';
import { createExec } from '../runtime/exec.js';
import { READY_PREFIX, type ProxyConfig } from './config.js';
import { speculativeRegistry } from './server.js';

/**
 * The speculative registry's own process (docs/speculative.md): reads its configuration from
 * standard input, listens on a loopback port, prints that port once, then logs to standard error
 * (a file in the runner's temporary directory) until its lifetime ends or the runner stops it.
 */
export async function serveSpeculativeRegistry(): Promise<void> {
  const config = JSON.parse(await readAll(process.stdin)) as ProxyConfig;
  const line = (text: string) => process.stderr.write(`${new Date().toISOString()} ${text}\n`);
  const logger: Logger = {
    debug() {},
    info: line,
    warning: line,
    error: line,
    group: (_title, fn) => fn(),
    mask() {},
  };
  const { session } = openRunSession({
    credentials: new Map(),
    logins: new Map(config.logins),
    env: process.env,
    exec: createExec(logger),
    logger,
    transport: { insecureRegistries: config.insecureRegistries, ca: config.ca },
  });
  const { server, preload } = speculativeRegistry(session, config.repositories, line);
  const missing = await preload();
  if (missing.length) {
    for (const problem of missing) line(`missing: ${problem}`);
    session.close();
    process.exit(1);
  }
  const stop = (why: string) => {
    line(`stopping: ${why}`);
    session.close();
    server.close();
    process.exit(0);
  };
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.once(signal, () => stop(signal));
  setTimeout(() => stop(`its lifetime of ${Math.round(config.lifetimeMs / 60_000)} min ended`), config.lifetimeMs);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  line(`serving ${config.repositories.map((r) => r.prefix).join(', ')} on 127.0.0.1:${port}`);
  process.stdout.write(`${READY_PREFIX}127.0.0.1:${port}\n`);
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}
