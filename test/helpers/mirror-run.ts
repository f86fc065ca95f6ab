// The mirror command called in-process with a recording logger: its `mirrored` output, or the
// test fails with everything the run logged.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mirror, type MirroredTag } from '../../src/commands/mirror.js';
import type { InputName } from '../../src/config/inputs/table.js';
import { exec } from './exec.js';
import { recordingLogger } from './testbed.js';

export async function runMirror(inputs: Partial<Record<InputName, string>>): Promise<MirroredTag[]> {
  const work = mkdtempSync(join(tmpdir(), 'cia-mirror-run-'));
  const logger = recordingLogger();
  const result = await mirror({
    env: { ...process.env, RUNNER_TEMP: work },
    logger,
    read: (name) => ({ 'work-dir': work, ...inputs })[name] ?? '',
    exec,
  });
  assert.equal(result.failure, undefined, logger.lines.join('\n'));
  return JSON.parse(result.outputs.mirrored ?? '[]') as MirroredTag[];
}
