// A BuildKit daemon of the test's own (buildkitd from scripts/go-tools.sh, OCI worker, host
// network: loopback registries are plain HTTP to it) and a docker client config whose buildx
// plugin and current builder (a `remote` driver on that daemon) are the go-tools builds: what
// docker/setup-buildx-action leaves on a runner, without a buildkit image from a registry.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, openSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { goTool } from './go-tools.js';

export interface Buildkit {
  /** DOCKER_CONFIG holding the buildx plugin and the builder, for the docker client the actions run. */
  readonly dockerConfig: string;
  readonly builder: string;
  /** The daemon's own log (cache imports, pushes). */
  readonly logFile: string;
  stop(): Promise<void>;
}

async function waitForDaemon(buildctl: string, address: string, daemon: ChildProcess): Promise<void> {
  for (let i = 0; i < 150; i++) {
    if (daemon.exitCode !== null) throw new Error(`buildkitd exited with ${daemon.exitCode}`);
    try {
      execFileSync(buildctl, ['--addr', address, 'debug', 'workers'], { stdio: 'ignore' });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  throw new Error('buildkitd did not answer within 30 s');
}

export async function startBuildkit(): Promise<Buildkit> {
  const buildkitd = goTool('buildkit', 'buildkitd');
  const buildctl = goTool('buildkit', 'buildctl');
  const buildx = goTool('buildx');
  const dir = mkdtempSync(join(tmpdir(), 'cia-buildkit-'));
  const address = `unix://${join(dir, 'buildkitd.sock')}`;
  const logFile = join(dir, 'buildkitd.log');
  const out = openSync(logFile, 'a');
  const daemon = spawn(buildkitd, ['--root', join(dir, 'root'), '--addr', address, '--debug'], { stdio: ['ignore', out, out] });
  await waitForDaemon(buildctl, address, daemon);

  const dockerConfig = join(dir, 'docker');
  mkdirSync(join(dockerConfig, 'cli-plugins'), { recursive: true });
  symlinkSync(buildx, join(dockerConfig, 'cli-plugins', 'docker-buildx'));
  const builder = `cia-${process.pid}`;
  execFileSync('docker', ['buildx', 'create', '--name', builder, '--driver', 'remote', '--use', address], {
    env: { ...process.env, DOCKER_CONFIG: dockerConfig },
    stdio: 'ignore',
  });
  return {
    dockerConfig,
    builder,
    logFile,
    stop: async () => {
      const exited = new Promise((resolve) => daemon.once('exit', resolve));
      daemon.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
