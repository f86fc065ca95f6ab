import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll as after, beforeAll as before, describe, test } from '@jest/globals';
import { upload, type Artifact, type UploadedImageReport } from '../../src/commands/upload.js';
import { ConfigError } from '../../src/config/errors.js';
import type { InputName } from '../../src/config/inputs/table.js';
import type { Exec } from '../../src/exec.js';
import { exec } from '../helpers/exec.js';
import { startFaultProxy } from '../helpers/fault-proxy.js';
import { skopeoRaw, skopeoTags } from '../helpers/images.js';
import { startRegistry, type RegistryProcess } from '../helpers/registry-process.js';
import { eventEnv, fixtureProject, recordingLogger, sh, testbed, uniqueName } from '../helpers/testbed.js';
import { startTokenServer, type TokenServer } from '../helpers/token-server.js';

const bed = testbed();
const project = fixtureProject();
const baseArg = `BASE_IMAGE=${bed.baseImage}`;
const PASSWORD = 'upload password: do not leak';

const event = eventEnv;

const mergeQueue = event('merge_group', {
  merge_group: { head_sha: 'e'.repeat(40), head_ref: `refs/heads/gh-readonly-queue/main/pr-21-${'f'.repeat(40)}` },
});
const tagPush = event('push', { ref: 'refs/tags/1.0.0' });

async function runUpload(inputs: Partial<Record<InputName, string>>, env: Record<string, string>, options: { exec?: Exec } = {}) {
  const logger = recordingLogger();
  const result = await upload({ env: { ...process.env, ...env }, logger, read: (name) => inputs[name] ?? '', exec: options.exec ?? exec });
  return {
    images: JSON.parse(result.outputs.images ?? '[]') as UploadedImageReport[],
    artifacts: JSON.parse(result.outputs.artifacts ?? '[]') as Artifact[],
    logger,
    result,
  };
}

const imagesFor = (repository: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify([{ context: 'multiarch', repository, build_args: [baseArg], tags: ['latest', '2.0'], ...extra }]);

interface IndexJson {
  manifests: { digest: string; platform: { architecture: string } }[];
}

describe('upload modes with every engine (real pushes to local registries)', () => {
  let final: RegistryProcess;
  let intermediate: RegistryProcess;
  before(async () => {
    [final, intermediate] = await Promise.all([startRegistry(), startRegistry()]);
  });
  after(async () => {
    await Promise.all([final.stop(), intermediate.stop()]);
  });

  const engines: [string, Record<string, unknown>][] = [
    ['docker', {}],
    ['podman', { arch: ['linux/amd64', 'linux/arm64'] }],
    ['buildah', { arch: ['linux/amd64', 'linux/arm64'] }],
  ];
  for (const [engine, extra] of engines) {
    const multi = 'arch' in extra;
    test(`${engine}${multi ? ', two platforms' : ''}: gate pushes only change_<N>_<tag>, with the digest built`, async () => {
      const repository = `${final.registry}/gate/${uniqueName(engine)}`;
      const { images } = await runUpload(
        { 'container-command': engine, 'work-dir': project, images: imagesFor(repository, extra) },
        mergeQueue,
      );
      const path = repository.slice(final.registry.length + 1);
      assert.deepEqual(await skopeoTags(repository), ['change_21_2.0', 'change_21_latest']);
      assert.deepEqual(images[0].refs, [`${repository}:change_21_latest`, `${repository}:change_21_2.0`]);
      const raw = await skopeoRaw(`${repository}:change_21_latest`);
      assert.equal(`sha256:${createHash('sha256').update(raw).digest('hex')}`, images[0].digest);
      if (multi) {
        const index = JSON.parse(raw.toString()) as IndexJson;
        assert.deepEqual(index.manifests.map((m) => m.platform.architecture).sort(), ['amd64', 'arm64']);
        // The same platforms as the local manifest list, each pushed image really of its platform.
        const local = JSON.parse(sh(engine, ['manifest', 'inspect', `${repository}:latest`])) as IndexJson;
        assert.deepEqual(
          index.manifests.map((m) => m.platform.architecture).sort(),
          local.manifests.map((m) => m.platform.architecture).sort(),
        );
        for (const m of index.manifests) {
          const pushed = JSON.parse((await skopeoRaw(`${final.registry}/${path}@${m.digest}`)).toString()) as {
            config: { digest: string };
          };
          const config = JSON.parse(
            execFileSync('skopeo', ['inspect', '--config', '--tls-verify=false', `docker://${final.registry}/${path}@${m.digest}`], {
              encoding: 'utf8',
            }),
          ) as { architecture: string };
          assert.equal(config.architecture, m.platform.architecture);
          assert.match(pushed.config.digest, /^sha256:/);
        }
      }
    });

    test(`${engine}${multi ? ', two platforms' : ''}: release pushes the final tags`, async () => {
      const repository = `${final.registry}/release/${uniqueName(engine)}`;
      const { images } = await runUpload(
        { 'container-command': engine, 'work-dir': project, promote: 'false', images: imagesFor(repository, extra) },
        tagPush,
      );
      assert.deepEqual(await skopeoTags(repository), ['2.0', 'latest']);
      assert.equal((await skopeoRaw(`${repository}:2.0`)).toString(), (await skopeoRaw(`${repository}:latest`)).toString());
      if (multi) assert.equal((JSON.parse((await skopeoRaw(`${repository}:latest`)).toString()) as IndexJson).manifests.length, 2);
      assert.equal(images[0].change, null);
    });

    test(`${engine}${multi ? ', two platforms' : ''}: intermediate registry gets the image, the final registry nothing, artifacts say where`, async () => {
      const name = uniqueName(engine);
      const repository = `${final.registry}/inter/${name}`;
      const { images, artifacts } = await runUpload(
        {
          'container-command': engine,
          'work-dir': project,
          'promote-method': 'intermediate-registry',
          'intermediate-registry': `${intermediate.registry}/buildset`,
          images: imagesFor(repository, extra),
        },
        mergeQueue,
      );
      assert.deepEqual(await skopeoTags(repository).catch(() => []), [], 'the final registry is untouched');
      const inter = `${intermediate.registry}/buildset/inter/${name}`;
      assert.deepEqual(await skopeoTags(inter), ['change_21_2.0', 'change_21_latest']);
      assert.deepEqual(artifacts, [
        {
          name: `${repository}:latest`,
          url: `docker://${inter}:change_21_latest`,
          metadata: { type: 'container_image', repository, tag: 'latest', digest: images[0].digest, revision: 'e'.repeat(40) },
        },
        {
          name: `${repository}:2.0`,
          url: `docker://${inter}:change_21_2.0`,
          metadata: { type: 'container_image', repository, tag: '2.0', digest: images[0].digest, revision: 'e'.repeat(40) },
        },
      ]);
    });
  }

  test('re-running the same upload is safe: tags already in place are reported as skipped', async () => {
    const repository = `${final.registry}/again/${uniqueName('podman')}`;
    const inputs = { 'container-command': 'podman', 'work-dir': project, images: imagesFor(repository) };
    // SOURCE_DATE_EPOCH makes the rebuild the same image, as a re-run of one job is.
    const env = { ...mergeQueue, SOURCE_DATE_EPOCH: '1700000000' };
    const first = await runUpload(inputs, env);
    const second = await runUpload(inputs, env);
    assert.deepEqual(first.images[0].skipped, []);
    assert.deepEqual(second.images[0].skipped, ['change_21_2.0']);
    assert.equal(second.images[0].digest, first.images[0].digest);
    assert.ok(second.logger.lines.some((l) => /already there: change_21_2\.0/.test(l)));
  });
});

describe('upload credentials', () => {
  let basic: RegistryProcess;
  let tokenRegistry: RegistryProcess;
  let tokens: TokenServer;
  const dir = mkdtempSync(join(tmpdir(), 'cia-upload-auth-'));
  before(async () => {
    writeFileSync(join(dir, 'htpasswd'), execFileSync('htpasswd', ['-Bbn', 'ci', PASSWORD], { encoding: 'utf8' }));
    tokens = await startTokenServer({ ci: { password: PASSWORD, grants: [{ repository: /.*/, actions: ['pull', 'push'] }] } });
    [basic, tokenRegistry] = await Promise.all([
      startRegistry({ htpasswd: join(dir, 'htpasswd') }),
      startRegistry({ token: { realm: tokens.realm, service: tokens.service, issuer: tokens.issuer, rootCertBundle: tokens.certFile } }),
    ]);
  });
  after(async () => {
    await Promise.all([basic.stop(), tokenRegistry.stop(), tokens.close()]);
  });

  const credentials = (registry: string, password = PASSWORD, pattern?: string) =>
    `"${registry}": {username: ci, password: "${password}"${pattern ? `, repository: "${pattern}"` : ''}}`;
  const adminTags = (registry: string, repository: string) => {
    const authfile = join(dir, `auth-${registry.replace(/\W/g, '_')}.json`);
    writeFileSync(authfile, JSON.stringify({ auths: { [registry]: { auth: Buffer.from(`ci:${PASSWORD}`).toString('base64') } } }));
    return skopeoTags(`${registry}/${repository}`, authfile).catch(() => [] as string[]);
  };

  for (const engine of ['docker', 'podman', 'buildah']) {
    test(`${engine}: htpasswd and token-auth registries with credentials from the map, none left behind`, async () => {
      for (const registry of [basic.registry, tokenRegistry.registry]) {
        const path = `auth/${uniqueName(engine)}`;
        const before = new Set(execFileSync('ls', [tmpdir()], { encoding: 'utf8' }).split('\n'));
        await runUpload(
          {
            'container-command': engine,
            'work-dir': project,
            'registry-credentials': credentials(registry),
            images: imagesFor(`${registry}/${path}`),
          },
          mergeQueue,
        );
        assert.deepEqual(await adminTags(registry, path), ['change_21_2.0', 'change_21_latest']);
        const leftovers = execFileSync('ls', [tmpdir()], { encoding: 'utf8' })
          .split('\n')
          .filter((f) => f.startsWith('cia-auth-') && !before.has(f));
        assert.deepEqual(leftovers, [], 'the temporary auth file is removed');
      }
    });
  }

  test('a wrong password: a clear error naming image and registry, and nothing pushed', async () => {
    const path = `auth/${uniqueName('wrong')}`;
    await assert.rejects(
      runUpload(
        {
          'container-command': 'podman',
          'work-dir': project,
          'registry-credentials': credentials(basic.registry, 'not it'),
          images: imagesFor(`${basic.registry}/${path}`),
        },
        mergeQueue,
      ),
      (error: unknown) => {
        assert.match(
          String(error),
          new RegExp(
            `pushing ${basic.registry}/${path} to ${basic.registry} failed: [\\s\\S]*(unauthorized|authentication required|401)`,
            'i',
          ),
        );
        assert.doesNotMatch(String(error), /not it/);
        return true;
      },
    );
    assert.deepEqual(await adminTags(basic.registry, path), []);
  });

  test('a repository the pattern does not fully match is refused before any build or request', async () => {
    const proxy = await startFaultProxy(basic.registry);
    const calls: string[][] = [];
    const recording: Exec = (file, args, options) => {
      calls.push([file, ...args]);
      return exec(file, args, options);
    };
    try {
      await assert.rejects(
        runUpload(
          {
            'container-command': 'podman',
            'work-dir': project,
            'registry-credentials': credentials(proxy.registry, PASSWORD, `${proxy.registry}/team/a`),
            images: imagesFor(`${proxy.registry}/team/abc-evil`),
          },
          mergeQueue,
          { exec: recording },
        ),
        (error: unknown) => {
          assert.ok(error instanceof ConfigError);
          assert.equal(
            error.message,
            `registry-credentials["${proxy.registry}"].repository: ${proxy.registry}/team/abc-evil not permitted by ${proxy.registry}/team/a`,
          );
          return true;
        },
      );
      assert.deepEqual(calls, [], 'nothing was built');
      assert.deepEqual(proxy.log, [], 'the registry saw no request');
    } finally {
      await proxy.close();
    }
  });

  test('a map without the image registry: "<registry> credentials not found", before anything runs', async () => {
    const calls: string[][] = [];
    const recording: Exec = (file, args, options) => (calls.push([file, ...args]), exec(file, args, options));
    await assert.rejects(
      runUpload(
        {
          'container-command': 'podman',
          'work-dir': project,
          'registry-credentials': credentials('quay.io'),
          images: imagesFor(`${basic.registry}/x/y`),
        },
        mergeQueue,
        { exec: recording },
      ),
      new RegExp(
        `^ConfigErrors?: registry-credentials: ${basic.registry} credentials not found \\(needed for ${basic.registry}/x/y\\); the map has quay\\.io$`,
      ),
    );
    assert.deepEqual(calls, []);
  });
});

describe('untrusted code never meets credentials', () => {
  const fork = event('pull_request_target', {
    number: 43,
    pull_request: {
      number: 43,
      html_url: 'https://github.com/acme/widgets/pull/43',
      head: { sha: 'f'.repeat(40), repo: { full_name: 'mallory/widgets' } },
      base: { repo: { full_name: 'acme/widgets' } },
    },
  });

  test('pull_request_target from a fork is refused before any build, with the reason and the safe pattern', async () => {
    const calls: string[][] = [];
    const recording: Exec = (file, args, options) => (calls.push([file, ...args]), exec(file, args, options));
    await assert.rejects(
      runUpload({ 'container-command': 'podman', 'work-dir': project, images: imagesFor(`${bed.registry}/untrusted/a`) }, fork, {
        exec: recording,
      }),
      /refusing to build and push: the event is pull_request_target, which runs with this repository's secrets on code from mallory\/widgets\..*allow-untrusted-builds: true/,
    );
    assert.deepEqual(calls, []);
  });

  test('a pull_request from another repository is refused too', async () => {
    const prFromFork = event('pull_request', {
      number: 44,
      pull_request: {
        number: 44,
        head: { sha: 'f'.repeat(40), repo: { full_name: 'mallory/widgets' } },
        base: { repo: { full_name: 'acme/widgets' } },
      },
    });
    await assert.rejects(
      runUpload({ 'work-dir': project, images: imagesFor(`${bed.registry}/untrusted/b`) }, prFromFork),
      /pull request #44 comes from another repository \(mallory\/widgets, not acme\/widgets\)/,
    );
  });

  test('with allow-untrusted-builds: true it proceeds', async () => {
    const repository = `${bed.registry}/untrusted/${uniqueName('allowed')}`;
    await runUpload(
      { 'container-command': 'podman', 'work-dir': project, 'allow-untrusted-builds': 'true', images: imagesFor(repository) },
      fork,
    );
    assert.deepEqual(await skopeoTags(repository), ['change_43_2.0', 'change_43_latest']);
  });
});

describe('upload through a fault-injecting proxy', () => {
  test('a failing blob upload and a 500 on a tag PUT are retried; the result is complete and correct', async () => {
    const registry = await startRegistry();
    const proxy = await startFaultProxy(registry.registry);
    try {
      proxy.rules.push({ method: 'PUT', path: /\/blobs\/uploads\//, fault: { kind: 'status', status: 503 }, times: 1 });
      proxy.rules.push({ method: 'PUT', path: /\/manifests\/change_21_2\.0$/, fault: { kind: 'status', status: 500 }, times: 1 });
      const repository = `${proxy.registry}/faults/${uniqueName('p')}`;
      const { images } = await runUpload(
        { 'container-command': 'podman', 'work-dir': project, images: imagesFor(repository, { arch: ['linux/amd64', 'linux/arm64'] }) },
        mergeQueue,
      );
      assert.ok(proxy.log.some((e) => e.status === 503) && proxy.log.some((e) => e.status === 500), 'both faults were hit');
      assert.deepEqual(await skopeoTags(repository), ['change_21_2.0', 'change_21_latest']);
      const index = JSON.parse((await skopeoRaw(`${repository}:change_21_2.0`)).toString()) as IndexJson;
      assert.equal(index.manifests.length, 2);
      assert.equal(
        images[0].digest,
        `sha256:${createHash('sha256')
          .update(await skopeoRaw(`${repository}:change_21_latest`))
          .digest('hex')}`,
      );
    } finally {
      await proxy.close();
      await registry.stop();
    }
  });

  test('a push that keeps failing: the error names image and registry, and no tag exists', async () => {
    const registry = await startRegistry();
    const proxy = await startFaultProxy(registry.registry);
    try {
      proxy.rules.push({ method: 'PUT', path: /\/manifests\//, fault: { kind: 'status', status: 500 }, times: Infinity });
      const repository = `${proxy.registry}/faults/${uniqueName('fail')}`;
      await assert.rejects(
        runUpload({ 'container-command': 'podman', 'work-dir': project, images: imagesFor(repository) }, mergeQueue),
        new RegExp(`pushing ${repository.replace(/[.]/g, '\\.')} to ${proxy.registry.replace(/[.]/g, '\\.')} failed`),
      );
      assert.deepEqual(await skopeoTags(`${registry.registry}/${repository.slice(proxy.registry.length + 1)}`).catch(() => []), []);
    } finally {
      await proxy.close();
      await registry.stop();
    }
  });
});
