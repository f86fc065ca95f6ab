// A podman build cancelled mid-way (issue: hardening, point 14): the SIGTERM a cancelled job gets
// must not leave the run's registries.conf nor its copy of ca-file in the temp folder.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from '@jest/globals';
import { startCli } from '../helpers/cli.js';
import { makeCertificates } from '../helpers/certificates.js';
import { testbed, uniqueName } from '../helpers/testbed.js';

const bed = testbed();

/** Every path under `dir`, relative to it. */
function tree(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
}

describe('an interrupted podman build', () => {
  test('14. SIGTERM during the build removes the registries.conf and the ca-file copy', async () => {
    const work = mkdtempSync(join(tmpdir(), 'cia-interrupt-'));
    const temp = join(work, 'tmp');
    mkdirSync(temp);
    mkdirSync(join(work, 'slow'));
    // The marker line says the build is inside its RUN step, long after both files were written.
    writeFileSync(join(work, 'slow', 'Containerfile'), 'ARG BASE_IMAGE\nFROM ${BASE_IMAGE}\nRUN echo cia-build-running && sleep 60\n');
    makeCertificates(work, ['cia-interrupt.test']);
    const { child, done } = startCli(
      'build',
      {
        'container-command': 'podman',
        'work-dir': work,
        // A private CA: podman gets a copy of it in the run's scratch dir (--cert-dir).
        'ca-file': 'ca.pem',
        // A loopback base: podman gets a layered registries.conf in the same scratch dir.
        images: JSON.stringify([
          { context: 'slow', repository: `${bed.registry}/interrupt/${uniqueName('slow')}`, build_args: [`BASE_IMAGE=${bed.baseImage}`] },
        ]),
      },
      { TMPDIR: temp, GITHUB_EVENT_NAME: 'push' },
    );
    let log = '';
    await new Promise<void>((resolve, reject) => {
      const watch = (chunk: Buffer) => {
        log += chunk.toString();
        if (log.includes('cia-build-running')) resolve();
      };
      child.stdout?.on('data', watch);
      child.stderr?.on('data', watch);
      child.once('close', () => reject(new Error(`the build ended before its RUN step:\n${log}`)));
    });
    assert.match(log, /plain HTTP for .*a registries\.conf layered over/, 'the run wrote its registries.conf');
    assert.ok(
      tree(temp).some((path) => path.endsWith('registries.conf')) && tree(temp).some((path) => path.endsWith('.crt')),
      `both files are there while the build runs: ${tree(temp).join(', ')}`,
    );
    child.kill('SIGTERM');
    const run = await done;
    assert.equal(run.code, 143, run.log);
    const left = tree(temp).filter((path) => path.endsWith('registries.conf') || path.endsWith('.crt') || path.startsWith('cia-build-'));
    assert.equal(left.join(', '), '', 'nothing of the run is left in the temp folder');
    rmSync(work, { recursive: true, force: true });
  });
});
