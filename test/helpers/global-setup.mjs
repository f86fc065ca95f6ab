// jest globalSetup of the integration project: installs what the tests need beyond the demo (every
// Debian package and the Go-module peers, built once into the cache: minutes the first time on a
// machine, nothing later), starts the test bed (scripts/testbed.sh) once for every file when it is
// not running, and loads its addresses into the environment the test files inherit.
// globalTeardown stops it only if this run started it (plain .mjs: jest loads global hooks
// outside its module mapping).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
const dir = process.env.TESTBED_DIR || '/tmp/cia-testbed';

function testbed(command) {
  const result = spawnSync('bash', [join(root, 'scripts', 'testbed.sh'), command], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`the test bed did not ${command} (bash scripts/testbed.sh ${command})`);
}

export default function globalSetup() {
  const wasRunning = existsSync(join(dir, 'env'));
  // `start` alone installs only what the demo needs; the tests also need docker, skopeo, the Go tools.
  testbed('install');
  testbed('start');
  if (!wasRunning && !process.env.CIA_KEEP_TESTBED) writeFileSync(join(dir, 'started-by-jest'), String(process.pid));
  for (const line of readFileSync(join(dir, 'env'), 'utf8').split('\n')) {
    const eq = line.indexOf('=');
    if (eq > 0) process.env[line.slice(0, eq)] = line.slice(eq + 1);
  }
}
