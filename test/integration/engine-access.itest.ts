// podman and buildah reach the registries a build names with no host set-up: the test bed's own
// registries.conf is out of the way here, as it is on a fresh runner.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll as after, beforeAll as before, describe, test } from '@jest/globals';
import { copyImage } from '../../src/registry/copy.js';
import { RegistrySession } from '../../src/registry/session.js';
import { makeCertificates } from '../helpers/certificates.js';
import { startRegistry, type RegistryProcess } from '../helpers/registry-process.js';
import { build, type BuiltImageReport } from '../../src/commands/build.js';
import { upload } from '../../src/commands/upload.js';
import type { InputName } from '../../src/config/inputs/table.js';
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

describe('podman and buildah trust ca-file for a private-CA registry', () => {
  // A name, not a loopback address: loopback is plain HTTP by rule, a private registry is not.
  const NAME = 'cia-private-ca.test';
  const dir = mkdtempSync(join(tmpdir(), 'cia-ca-'));
  const hostsLine = `127.0.0.1 ${NAME} # container-image-actions test`;
  let registry: RegistryProcess;
  let host: string;
  before(async () => {
    makeCertificates(dir, [NAME], 'cia private CA');
    registry = await startRegistry({ tls: { certificate: join(dir, 'server.pem'), key: join(dir, 'server.key') } });
    host = `${NAME}:${registry.port}`;
    writeFileSync('/etc/hosts', `${readFileSync('/etc/hosts', 'utf8').replace(/\n?$/, '\n')}${hostsLine}\n`);
    // The base image, both platforms, into the private registry.
    const session = new RegistrySession({ transport: { ca: readFileSync(join(dir, 'ca.pem'), 'utf8') } });
    const [from, path] = [bed.baseImage.slice(0, bed.baseImage.indexOf('/')), bed.baseImage.slice(bed.baseImage.indexOf('/') + 1)];
    await copyImage(
      session,
      { registry: from, repository: path.split(':')[0] },
      { registry: host, repository: 'ci/busybox' },
      { source: 'latest', tags: ['latest'] },
    );
    session.close();
  });
  after(async () => {
    writeFileSync(
      '/etc/hosts',
      readFileSync('/etc/hosts', 'utf8')
        .split('\n')
        .filter((line) => line !== hostsLine)
        .join('\n'),
    );
    await registry.stop();
  });

  for (const engine of ['podman', 'buildah'] as const) {
    test(`${engine}: built from and pushed to the private registry with ca-file; refused without it`, async () => {
      const repository = `${host}/private/${uniqueName(engine)}`;
      const inputs = {
        'container-command': engine,
        'work-dir': project,
        images: JSON.stringify([{ context: 'multiarch', repository, build_args: [`BASE_IMAGE=${host}/ci/busybox:latest`] }]),
      };
      // Not in the local store, so the build must pull it (podman and buildah share the store).
      execFileSync('podman', ['rmi', '--force', `${host}/ci/busybox:latest`], { stdio: 'ignore' });
      await assert.rejects(runBuild(inputs), /x509|certificate signed by unknown authority/);
      execFileSync('cp', [join(dir, 'ca.pem'), join(project, 'private-ca.pem')]);
      const logger = recordingLogger();
      const env = { ...freshRunnerEnv(), GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/tags/1.0.0' };
      const read = (name: InputName) =>
        (({ ...inputs, 'ca-file': 'private-ca.pem', promote: 'false' }) as Partial<Record<InputName, string>>)[name] ?? '';
      const result = await upload({ env, logger, read, exec });
      assert.equal(result.failure, undefined, logger.lines.join('\n'));
      const reader = new RegistrySession({ transport: { ca: readFileSync(join(dir, 'ca.pem'), 'utf8') } });
      assert.deepEqual(await reader.client(host).listTags(repository.slice(host.length + 1)), ['latest']);
      reader.close();
    });
  }
});
