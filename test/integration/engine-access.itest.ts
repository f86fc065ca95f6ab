// podman and buildah reach the registries a build names with no host set-up: the test bed's own
// registries.conf is out of the way here, as it is on a fresh runner.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from '@jest/globals';
import { build, type BuiltImageReport } from '../../src/commands/build.js';
import type { InputName } from '../../src/config/inputs.js';
import { exec } from '../helpers/exec.js';
import { fixtureProject, recordingLogger, testbed, uniqueName } from '../helpers/testbed.js';

const bed = testbed();
const project = fixtureProject();

/** A runner's environment: no CONTAINERS_REGISTRIES_CONF, a home with no containers config. */
function freshRunnerEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: mkdtempSync(join(tmpdir(), 'cia-home-')), GITHUB_EVENT_NAME: 'push' };
  delete env.CONTAINERS_REGISTRIES_CONF;
  delete env.XDG_CONFIG_HOME;
  return env;
}

async function runBuild(inputs: Partial<Record<InputName, string>>) {
  const logger = recordingLogger();
  const result = await build({ env: freshRunnerEnv(), logger, read: (name) => inputs[name] ?? '', exec });
  return { images: JSON.parse(result.outputs.images ?? '[]') as BuiltImageReport[], logger };
}

describe('engines reach plain-HTTP registries with no registries.conf on the host', () => {
  test('without the layered file, podman refuses the loopback base (what a fresh runner did before)', () => {
    const env = freshRunnerEnv();
    assert.throws(
      () => execFileSync('podman', ['pull', '--quiet', bed.baseImage], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }),
      /server gave HTTP response to HTTPS client/,
    );
  });

  for (const engine of ['podman', 'buildah'] as const) {
    test(`${engine}: a two-platform build from a loopback base works`, async () => {
      const repository = `${bed.registry}/access/${uniqueName(engine)}`;
      const { images, logger } = await runBuild({
        'container-command': engine,
        'work-dir': project,
        images: JSON.stringify([
          { context: 'multiarch', repository, build_args: [`BASE_IMAGE=${bed.baseImage}`], arch: ['linux/amd64', 'linux/arm64'] },
        ]),
      });
      assert.deepEqual([...images[0].platforms].sort(), ['linux/amd64', 'linux/arm64']);
      assert.ok(logger.lines.some((l) => l.includes(`plain HTTP for ${bed.registry}`)));
    });
  }

  test('docker: a remote registry in insecure-registries that dockerd does not list is a clear error', async () => {
    await assert.rejects(
      runBuild({
        'container-command': 'docker',
        'work-dir': project,
        'insecure-registries': 'registry.example:5000',
        images: JSON.stringify([{ context: 'app', repository: 'registry.example:5000/acme/app' }]),
      }),
      /insecure-registries: registry\.example:5000 must also be in dockerd's own insecure-registries/,
    );
  });
});
