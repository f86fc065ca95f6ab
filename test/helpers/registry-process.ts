// Starts a real distribution registry (Debian's docker-registry) on a free loopback port, with
// the auth and delete settings a test needs, and stops it afterwards.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';

export interface RegistryProcess {
  readonly registry: string;
  readonly port: number;
  readonly dir: string;
  stop(): Promise<void>;
}

export interface RegistryProcessOptions {
  readonly deleteEnabled?: boolean;
  readonly htpasswd?: string;
  readonly token?: { realm: string; service: string; issuer: string; rootCertBundle: string };
  /** Listen here instead of a free port on 127.0.0.1 (a registry named without a port: `127.0.0.77:80`). */
  readonly listen?: { readonly host: string; readonly port: number };
  /** Serve HTTPS with this certificate and key (PEM files). */
  readonly tls?: { certificate: string; key: string };
  /** Another build of distribution reading the same configuration (v3 from go-tools.sh); Debian's 2.8 by default. */
  readonly binary?: string;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export async function startRegistry(options: RegistryProcessOptions = {}): Promise<RegistryProcess> {
  const host = options.listen?.host ?? '127.0.0.1';
  const port = options.listen?.port ?? (await freePort());
  const dir = mkdtempSync(join(tmpdir(), 'cia-registry-'));
  const config: Record<string, unknown> = {
    version: 0.1,
    log: { level: 'warn', accesslog: { disabled: true } },
    storage: { filesystem: { rootdirectory: join(dir, 'data') }, delete: { enabled: options.deleteEnabled ?? true } },
    http: { addr: `${host}:${port}`, ...(options.tls && { tls: options.tls }) },
  };
  if (options.htpasswd) config.auth = { htpasswd: { realm: 'test', path: options.htpasswd } };
  if (options.token)
    config.auth = {
      token: {
        realm: options.token.realm,
        service: options.token.service,
        issuer: options.token.issuer,
        rootcertbundle: options.token.rootCertBundle,
      },
    };
  writeFileSync(join(dir, 'config.yml'), stringify(config));
  const child: ChildProcess = spawn(options.binary ?? 'docker-registry', ['serve', join(dir, 'config.yml')], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  const registry = port === 80 ? host : `${host}:${port}`;
  for (let i = 0; ; i++) {
    try {
      if (options.tls) {
        // Any TLS answer means it listens; the certificate is checked by the tests themselves.
        await new Promise<void>((resolve, reject) =>
          connect(port, host, () => resolve())
            .on('error', reject)
            .unref(),
        );
        break;
      }
      const response = await fetch(`http://${registry}/v2/`);
      if (response.status === 200 || response.status === 401) break;
    } catch {
      // not listening yet
    }
    if (i > 100 || child.exitCode !== null) throw new Error(`registry did not start: ${stderr}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    registry,
    port,
    dir,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** go-containerregistry's in-memory registry (`crane registry serve`), a third implementation of the API. */
export async function startCraneRegistry(crane: string): Promise<RegistryProcess> {
  const port = await freePort();
  const registry = `127.0.0.1:${port}`;
  const child: ChildProcess = spawn(crane, ['registry', 'serve', '--address', registry], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => (stderr = (stderr + c.toString()).slice(-4000)));
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`http://${registry}/v2/`)).status === 200) break;
    } catch {
      // not listening yet
    }
    if (i > 100 || child.exitCode !== null) throw new Error(`crane registry did not start: ${stderr}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    registry,
    port,
    dir: '',
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
