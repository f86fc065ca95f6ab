// Speculative images across repositories: a base repository's change 42 is gated (its image under
// change_42_latest, recorded in the changes registry); an application repository's change says
// `Depends-On:` it. After `use`, that job's podman run, docker run and the build action's FROM see
// the change's base; without the line they see the release; the final registry is not written.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll as after, beforeAll as before, describe, test } from '@jest/globals';
import { parseOutputFile, runAction, type ActionRun } from '../../scripts/lib/action-runner.js';
import { pushRecord, readRecord, recordLocation } from '../../src/commands/change-record.js';
import { RegistrySession } from '../../src/registry/session.js';
import { startPullsApi, type ForgeApi, type StandInPull } from '../helpers/forge-api.js';
import { goTool } from '../helpers/go-tools.js';
import { skopeoTags } from '../helpers/images.js';
import { startRegistry, type RegistryProcess } from '../helpers/registry-process.js';
import { engineEnv, eventEnv, testbed, uniqueName } from '../helpers/testbed.js';

const root = join(import.meta.dirname, '..', '..');
const action = (name: string) => join(root, 'actions', name, 'action.yml');
const TOKEN = 'forge-token-for-use';
const env = { ...process.env, ...engineEnv() } as NodeJS.ProcessEnv;
const run = (file: string, ...args: string[]) =>
  execFileSync(file, args, { encoding: 'utf8', env, stdio: ['ignore', 'pipe', 'pipe'] }).trim();

/** Builds `FROM busybox` + a /marker file with podman and pushes it; returns the digest pushed. */
function pushMarked(reference: string, marker: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'cia-use-image-'));
  writeFileSync(join(dir, 'Containerfile'), `FROM ${testbed().baseImage}\nRUN echo ${marker} > /marker\n`);
  run('podman', 'build', '--quiet', '--tag', reference, dir);
  const digestFile = join(dir, 'digest');
  run('podman', 'push', '--quiet', '--tls-verify=false', '--digestfile', digestFile, reference);
  run('podman', 'rmi', reference);
  return execFileSync('cat', [digestFile], { encoding: 'utf8' }).trim();
}

describe('use: a change, and the changes it depends on, resolve to their speculative images', () => {
  let registry: RegistryProcess;
  let changes: RegistryProcess;
  let forge: ForgeApi;
  const pulls: Record<string, StandInPull> = {};
  const session = new RegistrySession();
  const suffix = uniqueName('use');
  const base = () => `${registry.registry}/acme/base-${suffix}`;
  let speculative: string;
  let release: string;
  // The job's RUNNER_TEMP: what use leaves for later steps (its registries.conf) lives there.
  const jobTemp = mkdtempSync(join(tmpdir(), 'cia-use-job-'));
  const proxyPidFile = join(jobTemp, 'container-image-actions', 'speculative-registry.pid');
  const SECRET = 'proxy-login-never-in-argv';

  before(async () => {
    [registry, changes] = await Promise.all([startRegistry(), startRegistry()]);
    forge = await startPullsApi(pulls);
    release = pushMarked(`${base()}:latest`, 'release');
    pushMarked(`${base()}:1.0`, 'release 1.0');
    speculative = pushMarked(`${base()}:change_42_latest`, 'speculative');
    const where = recordLocation({ registry: changes.registry, namespace: 'changes' }, 'acme/base', 42);
    await pushRecord(session.client(changes.registry), where, {
      version: 1,
      repository: 'acme/base',
      change: 42,
      url: `${forge.url}/acme/base/pull/42`,
      pipeline: 'merge_group',
      images: [{ reference: `${base()}:latest`, speculative: `${base()}:change_42_latest`, digest: speculative }],
    });
    pulls['acme/base#42'] = { state: 'open', merged: false, body: 'Base change.' };
  });
  after(async () => {
    if (existsSync(proxyPidFile)) process.kill(Number(readFileSync(proxyPidFile, 'utf8')), 'SIGTERM');
    session.close();
    await forge.close();
    await Promise.all([registry.stop(), changes.stop()]);
    for (const tool of ['podman', 'docker']) execFileSync(tool, ['rmi', '--force', `${base()}:latest`], { env, stdio: 'ignore' });
  });

  const forgeEnv = () => ({ GITHUB_ACTIONS: 'true', GITHUB_SERVER_URL: forge.url, GITHUB_API_URL: forge.url });
  /** use in a job of acme/app; `exported` is what it handed the job's later steps through GITHUB_ENV. */
  const useIn = async (change: number, body: string, inputs: Record<string, string> = {}) => {
    const envFile = join(mkdtempSync(join(tmpdir(), 'cia-use-env-')), 'env');
    writeFileSync(envFile, '');
    const result = await runAction(action('use'), {
      inputs: {
        'changes-registry': `${changes.registry}/changes`,
        token: TOKEN,
        'registry-credentials': `{${registry.registry}: {username: ci, password: ${SECRET}}}`,
        ...inputs,
      },
      env: {
        RUNNER_TEMP: jobTemp,
        GITHUB_ENV: envFile,
        ...eventEnv(
          'pull_request',
          { number: change, pull_request: { number: change, body, head: { sha: 'a'.repeat(40) } } },
          {
            GITHUB_REPOSITORY: 'acme/app',
          },
        ),
        ...forgeEnv(),
        ...engineEnv(),
      },
    });
    return { ...result, exported: parseOutputFile(readFileSync(envFile, 'utf8')) } satisfies ActionRun & { exported: object };
  };
  const marker = (tool: 'podman' | 'docker', image: string) =>
    run(tool, 'run', '--rm', ...(tool === 'docker' ? ['--network', 'none'] : ['--tls-verify=false']), image, 'cat', '/marker');

  test('without a Depends-On line nothing resolves: podman and docker run the release', async () => {
    const result = await useIn(6, 'Just an app change.');
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.match(result.stdout, /nothing to resolve: .*acme\/app\/pull\/6 depends on no open change/);
    assert.deepEqual(JSON.parse(result.outputs.images), []);
    assert.equal(marker('podman', `${base()}:latest`), 'release');
    assert.equal(marker('docker', `${base()}:latest`), 'release');
  });

  test("with Depends-On: podman run, docker run and the build action's FROM get the change's base; the final registry is unchanged", async () => {
    const tagsBefore = await skopeoTags(base());
    const latestBefore = (await session.client(registry.registry).headManifest(base().slice(registry.registry.length + 1), 'latest'))
      ?.digest;
    const result = await useIn(7, `Needs the new base.\r\n\r\ndepends-on: ${forge.url}/acme/base/pull/42\r\n`);
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.deepEqual(JSON.parse(result.outputs.images), [
      {
        reference: `${base()}:latest`,
        speculative: `${base()}:change_42_latest`,
        digest: speculative,
        change: `${forge.url}/acme/base/pull/42`,
        repository: 'acme/base',
      },
    ]);
    assert.ok(
      forge.calls.some((c) => c.path === '/repos/acme/base/pulls/42' && c.authorization === `Bearer ${TOKEN}`),
      'the dependency was asked of the forge with the job token',
    );
    assert.match(result.summary, /Speculative images for/);
    assert.equal(marker('podman', `${base()}:latest`), 'speculative');
    assert.equal(marker('docker', `${base()}:latest`), 'speculative');

    // What goes to the registry anyway (skopeo, a pull, podman build --platform) gets the change's
    // image from the speculative registry, through the registries.conf handed to later steps;
    // another tag of the same repository is the release, from the final registry.
    const registriesConf = result.exported.CONTAINERS_REGISTRIES_CONF;
    assert.equal(registriesConf, result.outputs['registries-conf']);
    const later = { ...env, CONTAINERS_REGISTRIES_CONF: registriesConf };
    // skopeo 1.9 (Debian 12) reads the variable only when given as --registries-conf, which every version takes.
    const digestOf = (reference: string, conf?: string) =>
      execFileSync(
        'skopeo',
        [
          ...(conf ? ['--registries-conf', conf] : []),
          'inspect',
          ...(conf ? [] : ['--tls-verify=false']),
          '--no-tags',
          '--format',
          '{{.Digest}}',
          `docker://${reference}`,
        ],
        { env, encoding: 'utf8' },
      ).trim();
    assert.equal(digestOf(`${base()}:latest`, registriesConf), speculative);
    assert.equal(digestOf(`${base()}:latest`), release, 'without the file, the registry as it is');
    assert.notEqual(digestOf(`${base()}:1.0`, registriesConf), speculative);
    execFileSync('podman', ['rmi', `${base()}:latest`], { env, stdio: 'ignore' });
    run('podman', 'pull', '--quiet', '--tls-verify=false', `${base()}:latest`);
    assert.equal(marker('podman', `${base()}:latest`), 'release', 'without the variable podman pulls the release');
    execFileSync('podman', ['rmi', `${base()}:latest`], { env, stdio: 'ignore' });
    execFileSync('podman', ['pull', '--quiet', `${base()}:latest`], { env: later, stdio: 'ignore' });
    assert.equal(marker('podman', `${base()}:latest`), 'speculative', 'podman pulled the final name from the speculative registry');
    // Only the job knows where: the images are under a random key written in its 0600 file alone.
    assert.equal(statSync(registriesConf).mode & 0o777, 0o600);
    const [, address, key, path] = /location = "(127\.0\.0\.1:\d+)\/([0-9a-f]{32})\/(r0\/[^"]+)"/.exec(
      readFileSync(registriesConf, 'utf8'),
    )!;
    assert.equal((await fetch(`http://${address}/v2/${key}/${path}/manifests/latest`, { method: 'HEAD' })).status, 200);
    assert.equal((await fetch(`http://${address}/v2/${path}/manifests/latest`, { method: 'HEAD' })).status, 404, 'no key, no image');
    assert.equal((await fetch(`http://${address}/v2/${key}/${path}/manifests/latest`, { method: 'DELETE' })).status, 405);
    // The speculative registry got the login on its standard input: not in its argv, environment or log.
    const pid = readFileSync(proxyPidFile, 'utf8').trim();
    for (const file of [
      `/proc/${pid}/cmdline`,
      `/proc/${pid}/environ`,
      join(jobTemp, 'container-image-actions', 'speculative-registry.log'),
    ])
      assert.ok(!readFileSync(file, 'utf8').includes(SECRET), `${file} holds no password`);

    // The build action of a later step builds FROM the final name and gets the change's base:
    // docker from its store, podman (whose build passes --platform, and so pulls) from the registry.
    const project = mkdtempSync(join(tmpdir(), 'cia-use-app-'));
    mkdirSync(join(project, 'app'));
    writeFileSync(join(project, 'app', 'Containerfile'), `FROM ${base()}:latest\nRUN cp /marker /seen\n`);
    execFileSync('podman', ['rmi', `${base()}:latest`], { env, stdio: 'ignore' });
    for (const engine of ['docker', 'podman'] as const) {
      const app = `${registry.registry}/acme/app-${suffix}-${engine}`;
      const built = await runAction(action('build'), {
        inputs: { images: `[{context: app, repository: ${app}, tags: [latest]}]`, 'container-command': engine },
        env: {
          ...eventEnv('pull_request', { number: 7, pull_request: { number: 7 } }),
          GITHUB_WORKSPACE: project,
          ...engineEnv(),
          CONTAINERS_REGISTRIES_CONF: registriesConf,
        },
      });
      assert.equal(built.code, 0, built.stdout + built.stderr);
      assert.equal(
        run(engine, 'run', '--rm', ...(engine === 'docker' ? ['--network', 'none'] : []), `${app}:latest`, 'cat', '/seen'),
        'speculative',
        `${engine}: ${built.stdout}`,
      );
    }
    // docker buildx on the docker driver (the default builder of a runner's docker) builds from the same store.
    const dockerConfig = mkdtempSync(join(tmpdir(), 'cia-use-buildx-'));
    mkdirSync(join(dockerConfig, 'cli-plugins'));
    symlinkSync(goTool('buildx'), join(dockerConfig, 'cli-plugins', 'docker-buildx'));
    const viaBuildx = `${registry.registry}/acme/app-${suffix}-buildx:latest`;
    const buildxLog = spawnSync(
      'docker',
      [
        'buildx',
        'build',
        '--builder',
        'default',
        '--progress',
        'plain',
        '--network',
        'none',
        '--file',
        join(project, 'app', 'Containerfile'),
        '--tag',
        viaBuildx,
        join(project, 'app'),
      ],
      { env: { ...env, DOCKER_CONFIG: dockerConfig }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
    assert.equal(buildxLog.status, 0, buildxLog.stderr);
    assert.equal(run('docker', 'run', '--rm', '--network', 'none', viaBuildx, 'cat', '/seen'), 'speculative', buildxLog.stderr);
    assert.deepEqual(await skopeoTags(base()), tagsBefore);
    assert.equal(
      (await session.client(registry.registry).headManifest(base().slice(registry.registry.length + 1), 'latest'))?.digest,
      latestBefore,
    );
  });

  test('a chain of three: the dependency of a dependency counts; a merged dependency uses the release and says so', async () => {
    const lib = `${registry.registry}/acme/lib-${suffix}`;
    const libDigest = pushMarked(`${lib}:change_5_latest`, 'lib');
    await pushRecord(
      session.client(changes.registry),
      recordLocation({ registry: changes.registry, namespace: 'changes' }, 'acme/lib', 5),
      {
        version: 1,
        repository: 'acme/lib',
        change: 5,
        pipeline: 'merge_group',
        images: [{ reference: `${lib}:latest`, speculative: `${lib}:change_5_latest`, digest: libDigest }],
      },
    );
    pulls['acme/lib#5'] = { state: 'open', merged: false, body: `Depends-On: ${forge.url}/acme/base/pull/42` };
    const chain = await useIn(8, `Depends-On: ${forge.url}/acme/lib/pull/5`);
    assert.equal(chain.code, 0, chain.stdout + chain.stderr);
    assert.deepEqual(
      (JSON.parse(chain.outputs.images) as { reference: string; digest: string }[]).map((i) => [i.reference, i.digest]),
      [
        [`${lib}:latest`, libDigest],
        [`${base()}:latest`, speculative],
      ],
    );

    pulls['acme/lib#5'] = { state: 'closed', merged: true, body: `Depends-On: ${forge.url}/acme/base/pull/42` };
    const merged = await useIn(8, `Depends-On: ${forge.url}/acme/lib/pull/5`);
    assert.equal(merged.code, 0, merged.stdout + merged.stderr);
    assert.match(merged.stdout, /acme\/lib\/pull\/5 has merged: its released images are used/);
    assert.deepEqual(JSON.parse(merged.outputs.images), []);
  });

  test('a cycle, a missing record, a closed dependency and a foreign URL: errors naming them, nothing changed', async () => {
    pulls['acme/cyc#1'] = { state: 'open', merged: false, body: `Depends-On: ${forge.url}/acme/app/pull/9` };
    const cycle = await useIn(9, `Depends-On: ${forge.url}/acme/cyc/pull/1`);
    assert.equal(cycle.code, 1);
    assert.match(cycle.stdout, /Depends-On cycle: .*acme\/app\/pull\/9 -> .*acme\/cyc\/pull\/1 -> .*acme\/app\/pull\/9/);

    pulls['acme/norecord#3'] = { state: 'open', merged: false, body: '' };
    const missing = await useIn(10, `Depends-On: ${forge.url}/acme/norecord/pull/3`);
    assert.equal(missing.code, 1);
    assert.match(
      missing.stdout,
      new RegExp(`acme/norecord/pull/3: no change record at ${changes.registry}/changes/acme/norecord:change_3`),
    );

    pulls['acme/gone#4'] = { state: 'closed', merged: false, body: '' };
    const closed = await useIn(11, `Depends-On: ${forge.url}/acme/gone/pull/4`);
    assert.equal(closed.code, 1);
    assert.match(closed.stdout, /depends on .*acme\/gone\/pull\/4, which was closed without merging/);

    const foreign = await useIn(12, 'Depends-On: https://gitlab.example/acme/x/-/merge_requests/3');
    assert.equal(foreign.code, 1);
    assert.match(
      foreign.stdout,
      /"Depends-On: https:\/\/gitlab\.example\/acme\/x\/-\/merge_requests\/3": not a pull request URL of GitHub/,
    );
    for (const failed of [cycle, missing, closed, foreign]) assert.ok(!failed.outputs.images, 'no images output after a failure');
  });

  test("this change's own images, where its gate put them, resolve too; before the upload, an error naming what is missing", async () => {
    const app = `${registry.registry}/acme/own-${suffix}`;
    const list = `[{context: ., repository: ${app}, tags: [latest]}]`;
    const early = await useIn(13, 'No dependencies.', { images: list });
    assert.equal(early.code, 1);
    assert.match(early.stdout, new RegExp(`${app}:change_13_latest does not exist: run use after the upload of this change's gate`));
    const digest = pushMarked(`${app}:change_13_latest`, 'own');
    const result = await useIn(13, 'No dependencies.', { images: list });
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.deepEqual(
      (JSON.parse(result.outputs.images) as { reference: string; speculative: string; digest: string }[]).map((i) => [
        i.reference,
        i.speculative,
        i.digest,
      ]),
      [[`${app}:latest`, `${app}:change_13_latest`, digest]],
    );
    assert.equal(marker('podman', `${app}:latest`), 'own');
    assert.equal(marker('docker', `${app}:latest`), 'own');
    for (const tool of ['podman', 'docker']) execFileSync(tool, ['rmi', '--force', `${app}:latest`], { env, stdio: 'ignore' });
  });

  test("a gate's upload records the change; another repository's use finds its images by that record", async () => {
    const project = mkdtempSync(join(tmpdir(), 'cia-use-gated-'));
    mkdirSync(join(project, 'base'));
    writeFileSync(join(project, 'base', 'Containerfile'), `FROM ${testbed().baseImage}\nRUN echo gated > /marker\n`);
    const gatedBase = `${registry.registry}/acme/gated-${suffix}`;
    const queue = { merge_group: { head_sha: 'b'.repeat(40), head_ref: `refs/heads/gh-readonly-queue/main/pr-50-${'c'.repeat(40)}` } };
    const gate = await runAction(action('upload'), {
      inputs: {
        images: `[{context: base, repository: ${gatedBase}, tags: [latest]}]`,
        'container-command': 'podman',
        'changes-registry': `${changes.registry}/changes`,
      },
      env: {
        ...eventEnv('merge_group', queue, { GITHUB_REPOSITORY: 'acme/gated' }),
        GITHUB_WORKSPACE: project,
        ...forgeEnv(),
        ...engineEnv(),
      },
    });
    assert.equal(gate.code, 0, gate.stdout + gate.stderr);
    assert.match(gate.stdout, new RegExp(`change record ${changes.registry}/changes/acme/gated:change_50 written: 1 reference`));
    const digest = (JSON.parse(gate.outputs.images) as { digest: string }[])[0].digest;
    execFileSync('podman', ['rmi', '--force', `${gatedBase}:latest`], { env, stdio: 'ignore' });

    pulls['acme/gated#50'] = { state: 'open', merged: false, body: '' };
    const result = await useIn(14, `Depends-On: ${forge.url}/acme/gated/pull/50`);
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.deepEqual(
      (JSON.parse(result.outputs.images) as { reference: string; speculative: string; digest: string; repository: string }[]).map((i) => [
        i.reference,
        i.speculative,
        i.digest,
        i.repository,
      ]),
      [[`${gatedBase}:latest`, `${gatedBase}:change_50_latest`, digest, 'acme/gated']],
    );
    assert.equal(marker('podman', `${gatedBase}:latest`), 'gated');
    for (const tool of ['podman', 'docker']) execFileSync(tool, ['rmi', '--force', `${gatedBase}:latest`], { env, stdio: 'ignore' });
  });
  test("an intermediate-mode check: build uploads there and records the change, a dependent's use finds it; a fork's check builds only", async () => {
    const project = mkdtempSync(join(tmpdir(), 'cia-use-check-'));
    mkdirSync(join(project, 'base'));
    writeFileSync(join(project, 'base', 'Containerfile'), `FROM ${testbed().baseImage}\nRUN echo checked > /marker\n`);
    const path = `acme/checked-${suffix}`;
    const intermediate = `${changes.registry}/inter`;
    const checkOf = (number: number, headRepository: string) =>
      runAction(action('build'), {
        inputs: {
          images: `[{context: base, repository: ${registry.registry}/${path}, tags: [latest]}]`,
          'container-command': 'podman',
          'intermediate-registry': intermediate,
        },
        env: {
          ...eventEnv(
            'pull_request',
            {
              number,
              pull_request: {
                number,
                head: { sha: 'd'.repeat(40), repo: { full_name: headRepository } },
                base: { repo: { full_name: 'acme/checked' } },
              },
            },
            { GITHUB_REPOSITORY: 'acme/checked' },
          ),
          GITHUB_WORKSPACE: project,
          ...forgeEnv(),
          ...engineEnv(),
        },
      });
    const check = await checkOf(60, 'acme/checked');
    assert.equal(check.code, 0, check.stdout + check.stderr);
    assert.match(check.stdout, new RegExp(`change record ${intermediate}/acme/checked:change_60 written: 1 reference`));
    const digest = (JSON.parse(check.outputs.images) as { digest: string }[])[0].digest;
    const inter = session.client(changes.registry);
    assert.equal((await inter.headManifest(`inter/${path}`, 'change_60_latest'))?.digest, digest);
    for (const tag of ['latest', 'change_60_latest'])
      assert.equal(
        await session.client(registry.registry).headManifest(path, tag),
        undefined,
        `nothing under ${path}:${tag} in the final registry`,
      );
    execFileSync('podman', ['rmi', '--force', `${registry.registry}/${path}:latest`], { env, stdio: 'ignore' });

    pulls['acme/checked#60'] = { state: 'open', merged: false, body: '' };
    const used = await useIn(16, `Depends-On: ${forge.url}/acme/checked/pull/60`, { 'changes-registry': intermediate });
    assert.equal(used.code, 0, used.stdout + used.stderr);
    assert.deepEqual(
      (JSON.parse(used.outputs.images) as { reference: string; speculative: string; digest: string }[]).map((i) => [
        i.reference,
        i.speculative,
        i.digest,
      ]),
      [[`${registry.registry}/${path}:latest`, `${intermediate}/${path}:change_60_latest`, digest]],
    );
    assert.equal(marker('podman', `${registry.registry}/${path}:latest`), 'checked');

    // A run for no change (a push) builds only: there is no change to upload for.
    const pushed = await runAction(action('build'), {
      inputs: {
        images: `[{context: base, repository: ${registry.registry}/${path}, tags: [latest]}]`,
        'container-command': 'podman',
        'intermediate-registry': intermediate,
      },
      env: { ...eventEnv('push', { ref: 'refs/heads/main' }), GITHUB_WORKSPACE: project, ...engineEnv() },
    });
    assert.equal(pushed.code, 0, pushed.stdout + pushed.stderr);
    assert.match(pushed.stdout, /intermediate-registry: built only, nothing uploaded, no change record: this push run is for no change/);
    assert.deepEqual(
      (await inter.listTags(`inter/${path}`)).sort(),
      ['change_60_latest'],
      'nothing but the check of change 60 in the intermediate registry',
    );

    const fork = await checkOf(61, 'someone/checked');
    assert.equal(fork.code, 0, fork.stdout + fork.stderr);
    assert.match(
      fork.stdout,
      /intermediate-registry: built only, nothing uploaded, no change record: pull request #61 comes from another repository/,
    );
    assert.deepEqual((await inter.listTags(`inter/${path}`)).sort(), ['change_60_latest']);
    assert.equal(
      await readRecord(inter, recordLocation({ registry: changes.registry, namespace: 'inter' }, 'acme/checked', 61)),
      undefined,
    );
    for (const tool of ['podman', 'docker'])
      execFileSync(tool, ['rmi', '--force', `${registry.registry}/${path}:latest`, `${registry.registry}/${path}:change_61_latest`], {
        env,
        stdio: 'ignore',
      });
  });
});
