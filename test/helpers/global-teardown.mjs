// jest globalTeardown of the integration project: stops the test bed if globalSetup started it.
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export default function globalTeardown() {
  const mark = join(process.env.TESTBED_DIR || '/tmp/cia-testbed', 'started-by-jest');
  if (!existsSync(mark)) return;
  rmSync(mark, { force: true });
  spawnSync('bash', [join(import.meta.dirname, '..', '..', 'scripts', 'testbed.sh'), 'stop'], { stdio: 'inherit' });
}
