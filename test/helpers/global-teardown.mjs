// jest globalTeardown of the integration project: stops the test bed if globalSetup of this same
// jest process started it; a run that found another run's bed leaves it to that run.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export default function globalTeardown() {
  const mark = join(process.env.TESTBED_DIR || '/tmp/cia-testbed', 'started-by-jest');
  if (!existsSync(mark) || readFileSync(mark, 'utf8').trim() !== String(process.pid)) return;
  rmSync(mark, { force: true });
  spawnSync('bash', [join(import.meta.dirname, '..', '..', 'scripts', 'testbed.sh'), 'stop'], { stdio: 'inherit' });
}
