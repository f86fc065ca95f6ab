import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { READY_PREFIX, SERVE_ARGUMENT, type ProxyConfig } from './config.js';

/**
 * What the speculative registry's process may see of the step's environment: no input, no token.
 * RUNNER_TRACKING_ID is how a GitHub runner finds a job's leftover processes to stop at its end.
 */
const KEPT_ENV = [
  'RUNNER_TRACKING_ID',
  'PATH',
  'HOME',
  'TMPDIR',
  'DOCKER_CONFIG',
  'REGISTRY_AUTH_FILE',
  'XDG_RUNTIME_DIR',
  'XDG_CONFIG_HOME',
  'SSL_CERT_FILE',
  'SSL_CERT_DIR',
  'NODE_EXTRA_CA_CERTS',
  'HTTPS_PROXY',
  'HTTP_PROXY',
  'NO_PROXY',
  'https_proxy',
  'http_proxy',
  'no_proxy',
];

/** The file in a `use` directory that names its speculative registry's process. */
export const PID_FILE = 'speculative-registry.pid';
const START_TIMEOUT_MS = 60_000;

export interface RunningProxy {
  /** `127.0.0.1:<port>`. */
  readonly address: string;
  readonly pid: number;
  readonly logFile: string;
}

/**
 * Starts the job's speculative registry as a process of its own that outlives this step (a
 * composite action has no post step): a runner stops it with the job's other processes, and it
 * stops itself after its lifetime. The registries of earlier `use` runs of the job (their
 * directories) are stopped first.
 */
export async function startSpeculativeRegistry(
  config: ProxyConfig,
  dir: string,
  entry: string,
  earlier: readonly string[] = [],
): Promise<RunningProxy> {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  for (const previous of new Set([dir, ...earlier])) stopPrevious(join(previous, PID_FILE));
  const logFile = join(dir, 'speculative-registry.log');
  const log = openSync(logFile, 'a', 0o600);
  const logStart = statSync(logFile).size;
  const env = Object.fromEntries(KEPT_ENV.flatMap((name) => (process.env[name] === undefined ? [] : [[name, process.env[name]]])));
  const child = spawn(process.execPath, [entry, SERVE_ARGUMENT], { detached: true, stdio: ['pipe', 'pipe', log], env });
  closeSync(log);
  // A child that dies before reading its configuration must not take this process with an EPIPE.
  child.stdin!.on('error', () => {});
  child.stdin!.end(JSON.stringify(config));
  let timer: NodeJS.Timeout | undefined;
  try {
    const address = await new Promise<string>((resolve, reject) => {
      let out = '';
      timer = setTimeout(() => reject(new Error(`it did not listen within ${START_TIMEOUT_MS / 1000} s`)), START_TIMEOUT_MS);
      child.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString('utf8');
        const line = out
          .split('\n')
          .slice(0, -1)
          .find((l) => l.startsWith(READY_PREFIX));
        if (line) resolve(line.slice(READY_PREFIX.length).trim());
      });
      child.once('error', reject);
      child.once('exit', (code, signal) => reject(new Error(`it exited (${signal ?? `code ${code}`})`)));
    });
    writeFileSync(join(dir, PID_FILE), `${child.pid}\n`, { mode: 0o600 });
    return { address, pid: child.pid!, logFile };
  } catch (error) {
    child.kill();
    const tail = readFileSync(logFile).subarray(logStart).toString('utf8').trim().split('\n').slice(-5).join('\n');
    throw new Error(`the speculative registry did not start: ${(error as Error).message}${tail ? `\n${tail}` : ''}`);
  } finally {
    clearTimeout(timer);
    child.stdout!.destroy();
    child.removeAllListeners();
    child.unref();
  }
}

/** Stops the process the pid file names, if it is still a speculative registry. */
function stopPrevious(pidFile: string): void {
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  const cmdline = `/proc/${pid}/cmdline`;
  // A reused pid is someone else's process: only ours is stopped (where /proc tells; elsewhere it ends with its lifetime).
  if (!Number.isInteger(pid) || pid <= 0 || !existsSync(cmdline) || !readFileSync(cmdline, 'utf8').includes(SERVE_ARGUMENT)) return;
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    // gone in between
  }
}
