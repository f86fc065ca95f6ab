// A real Gitea (built from its Go module by scripts/go-tools.sh) on a free loopback port: SQLite,
// no SSH, its container registry on the same origin, one admin user with a password and an API
// token made through Gitea's own CLI. Gitea refuses root unless told otherwise (the test bed runs
// as root), and without embedded assets reads templates/ and options/ from beside its work path.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { goTool } from './go-tools.js';
import { freePort } from './registry-process.js';

export interface Gitea {
  /** `127.0.0.1:<port>`: the registry and the forge share the origin. */
  readonly registry: string;
  readonly url: string;
  readonly user: string;
  readonly password: string;
  /** An API token with every scope. */
  readonly token: string;
  /** A JSON call to /api/v1 as the admin (token auth); throws on a status other than `expect`. */
  api<T = unknown>(method: string, path: string, body?: unknown, expect?: number[]): Promise<T>;
  stop(): Promise<void>;
}

export async function startGitea(): Promise<Gitea> {
  const binary = goTool('gitea');
  const home = dirname(binary);
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'cia-gitea-'));
  for (const folder of ['options', 'templates']) symlinkSync(join(home, folder), join(dir, folder));
  mkdirSync(join(dir, 'custom', 'conf'), { recursive: true });
  const config = join(dir, 'custom', 'conf', 'app.ini');
  const secret = () => randomBytes(24).toString('hex');
  writeFileSync(
    config,
    [
      'APP_NAME = cia-test',
      'RUN_MODE = prod',
      `WORK_PATH = ${dir}`,
      '[server]',
      'PROTOCOL = http',
      'HTTP_ADDR = 127.0.0.1',
      `HTTP_PORT = ${port}`,
      `ROOT_URL = http://127.0.0.1:${port}/`,
      'DISABLE_SSH = true',
      'START_SSH_SERVER = false',
      'OFFLINE_MODE = true',
      'LFS_START_SERVER = false',
      '[database]',
      'DB_TYPE = sqlite3',
      `PATH = ${join(dir, 'gitea.db')}`,
      '[security]',
      'INSTALL_LOCK = true',
      `SECRET_KEY = ${secret()}`,
      `INTERNAL_TOKEN = ${secret()}`,
      '[oauth2]',
      `JWT_SECRET = ${randomBytes(32).toString('base64url')}`,
      '[service]',
      'DISABLE_REGISTRATION = true',
      '[packages]',
      'ENABLED = true',
      '[actions]',
      'ENABLED = false',
      '[repository]',
      `ROOT = ${join(dir, 'repositories')}`,
      '[indexer]',
      'REPO_INDEXER_ENABLED = false',
      '[cron]',
      'ENABLED = false',
      '[log]',
      'MODE = file',
      'LEVEL = Warn',
      `ROOT_PATH = ${join(dir, 'log')}`,
      '',
    ].join('\n'),
  );
  const env = { ...process.env, GITEA_WORK_DIR: dir, GITEA_I_AM_BEING_UNSAFE_RUNNING_AS_ROOT: 'true', HOME: dir };
  const cli = (args: string[]) => {
    const run = spawnSync(binary, [...args, '--config', config, '--work-path', dir], { env, encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`gitea ${args.slice(0, 3).join(' ')}: ${run.stderr || run.stdout}`);
    return run.stdout.trim();
  };
  cli(['migrate']);
  const user = 'cia';
  const password = `pw-${secret()}`;
  cli([
    'admin',
    'user',
    'create',
    '--admin',
    '--username',
    user,
    '--password',
    password,
    '--email',
    'cia@example.invalid',
    '--must-change-password=false',
  ]);
  const token = cli(['admin', 'user', 'generate-access-token', '--username', user, '--token-name', 'tests', '--scopes', 'all', '--raw'])
    .split('\n')
    .pop()!
    .trim();

  const child: ChildProcess = spawn(binary, ['web', '--config', config, '--work-path', dir], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => (stderr = (stderr + c.toString()).slice(-4000)));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      const response = await fetch(`${url}/api/v1/version`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (i > 600 || child.exitCode !== null) throw new Error(`gitea did not start: ${stderr}`);
    await new Promise((r) => setTimeout(r, 100));
  }

  async function api<T>(method: string, path: string, body?: unknown, expect = [200, 201, 204]): Promise<T> {
    const response = await fetch(`${url}/api/v1${path}`, {
      method,
      headers: { authorization: `token ${token}`, 'content-type': 'application/json', accept: 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!expect.includes(response.status)) throw new Error(`gitea ${method} ${path}: HTTP ${response.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  return {
    registry: `127.0.0.1:${port}`,
    url,
    user,
    password,
    token,
    api,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
