// Real Zuul and skopeo configurations against real engines, registries and skopeo: quoted build
// arguments reach the build as Zuul's command line gives them, a repository built by several
// entries is gated and promoted, dry-run sends nothing, and skopeo-sync names equal skopeo's own.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll as after, beforeAll as before, describe, test } from '@jest/globals';
import { mirror } from '../../src/commands/mirror.js';
import type { PlannedImage } from '../../src/commands/dry-run.js';
import type { PromotedTag } from '../../src/commands/promote.js';
import type { InputName } from '../../src/config/inputs/table.js';
import { readImageConfig } from '../../src/registry/image-config.js';
import { RegistrySession } from '../../src/registry/session.js';
import { runCli } from '../helpers/cli.js';
import { exec } from '../helpers/exec.js';
import { startFaultProxy } from '../helpers/fault-proxy.js';
import { pushSynthetic, skopeoTags } from '../helpers/images.js';
import { startRegistry, type RegistryProcess } from '../helpers/registry-process.js';
import { eventEnv, recordingLogger, testbed, uniqueName } from '../helpers/testbed.js';

const bed = testbed();
const mergeQueue = eventEnv('merge_group', {
  merge_group: { head_sha: 'e'.repeat(40), head_ref: `refs/heads/gh-readonly-queue/main/pr-21-${'f'.repeat(40)}` },
});
const afterMerge = eventEnv('push', { ref: 'refs/heads/main', head_commit: { id: 'e'.repeat(40), message: 'Merge pull request #21' } });

/** A release-per-entry project: one Containerfile whose base and labels come from build arguments, as loci's do. */
function releaseProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cia-releases-'));
  mkdirSync(join(dir, 'images'));
  writeFileSync(
    join(dir, 'images', 'Containerfile'),
    // RELEASE is used by a RUN step, as real lists do: podman 4.3's layer cache ignores a changed
    // argument used only by LABEL or ENV (docs/runners.md, "podman's layer cache").
    [
      'ARG FROM',
      'FROM ${FROM}',
      'ARG PROFILES',
      'ARG RELEASE',
      'RUN echo "$RELEASE" > /release',
      'LABEL profiles="${PROFILES}" release="${RELEASE}"',
      '',
    ].join('\n'),
  );
  return dir;
}

describe('a Zuul list as written, built and gated for real', () => {
  let registry: RegistryProcess;
  const session = new RegistrySession();
  before(async () => {
    registry = await startRegistry();
  });
  after(async () => {
    session.close();
    await registry.stop();
  });

  for (const engine of ['docker', 'podman']) {
    test(`${engine}: quoted build args and labels reach the build as Zuul's command line gives them`, async () => {
      const work = releaseProject();
      const repository = `${registry.registry}/loci/${uniqueName(engine)}`;
      const list = [
        {
          context: 'images',
          repository,
          tags: ['1'],
          build_args: [`FROM='${bed.baseImage}'`, `PROFILES='fluent apache ldap'`, 'RELEASE=2025.1'],
          labels: ["description='Acme keystone'"],
        },
      ];
      const run = await runCli('upload', {
        'container-command': engine,
        'work-dir': work,
        images: JSON.stringify(list),
        promote: 'false',
      });
      assert.equal(run.code, 0, run.log);
      const config = await readImageConfig(session.client(registry.registry), repository.slice(registry.registry.length + 1), '1');
      assert.equal(config.labels.profiles, 'fluent apache ldap');
      assert.equal(config.labels.release, '2025.1');
      // `--label "{{ label }}"`: the single quotes were inside the role's double quotes, so they stay.
      assert.equal(config.labels.description, "'Acme keystone'");
    });
  }

  test('one repository in several entries: gated, promoted, each tag holding its own entry’s image', async () => {
    const work = releaseProject();
    const repository = `${registry.registry}/helm/${uniqueName('libvirt')}`;
    const path = repository.slice(registry.registry.length + 1);
    const entry = (release: string, tag: string) => ({
      context: 'images',
      repository,
      tags: [tag],
      build_args: [`FROM='${bed.baseImage}'`, `RELEASE=${release}`],
    });
    const images = JSON.stringify([entry('2024.1', '2024.1-ubuntu_jammy'), entry('2025.1', '2025.1-ubuntu_noble')]);
    const gate = await runCli('upload', { 'container-command': 'podman', 'work-dir': work, images }, mergeQueue);
    assert.equal(gate.code, 0, gate.log);
    assert.deepEqual(await skopeoTags(repository), ['change_21_2024.1-ubuntu_jammy', 'change_21_2025.1-ubuntu_noble']);
    const uploaded = JSON.parse(gate.outputs.images) as { repository: string; digest: string }[];
    assert.equal(uploaded.length, 2);
    assert.notEqual(uploaded[0].digest, uploaded[1].digest);

    const promoted = await runCli('promote', { images, change: '21', 'work-dir': work }, afterMerge);
    assert.equal(promoted.code, 0, promoted.log);
    assert.deepEqual(await skopeoTags(repository), ['2024.1-ubuntu_jammy', '2025.1-ubuntu_noble']);
    const tags = JSON.parse(promoted.outputs.promoted) as PromotedTag[];
    assert.deepEqual(
      tags.map((t) => [t.tag, t.digest]),
      [
        ['2024.1-ubuntu_jammy', uploaded[0].digest],
        ['2025.1-ubuntu_noble', uploaded[1].digest],
      ],
    );
    for (const [tag, release] of [
      ['2024.1-ubuntu_jammy', '2024.1'],
      ['2025.1-ubuntu_noble', '2025.1'],
    ])
      assert.equal((await readImageConfig(session.client(registry.registry), path, tag)).labels.release, release);
  });

  test('one repository in several entries through an intermediate registry: each entry promoted from its own artifact', async () => {
    const work = releaseProject();
    const intermediate = await startRegistry();
    try {
      const repository = `${registry.registry}/helm/${uniqueName('nova')}`;
      const entry = (release: string) => ({
        context: 'images',
        repository,
        tags: [release],
        build_args: [`FROM='${bed.baseImage}'`, `RELEASE=${release}`],
      });
      const images = JSON.stringify([entry('2024.1'), entry('2025.1')]);
      const method = { 'promote-method': 'intermediate-registry', 'intermediate-registry': `${intermediate.registry}/ci` };
      const gate = await runCli('upload', { 'container-command': 'docker', 'work-dir': work, images, ...method }, mergeQueue);
      assert.equal(gate.code, 0, gate.log);
      const uploaded = JSON.parse(gate.outputs.images) as { digest: string }[];
      assert.notEqual(uploaded[0].digest, uploaded[1].digest);
      const promoted = await runCli('promote', { images, change: '21', artifacts: gate.outputs.artifacts, ...method }, afterMerge);
      assert.equal(promoted.code, 0, promoted.log);
      const tags = JSON.parse(promoted.outputs.promoted) as PromotedTag[];
      assert.deepEqual(
        tags.map((t) => [t.tag, t.digest]),
        [
          ['2024.1', uploaded[0].digest],
          ['2025.1', uploaded[1].digest],
        ],
      );
      assert.deepEqual(await skopeoTags(repository), ['2024.1', '2025.1']);
    } finally {
      await intermediate.stop();
    }
  });

  test('dry-run through the CLI: the plan is printed, no engine runs and the registry sees no request', async () => {
    const work = releaseProject();
    const proxy = await startFaultProxy(registry.registry);
    try {
      const repository = `${proxy.registry}/dry/${uniqueName('run')}`;
      const images = JSON.stringify([{ context: 'images', repository, tags: ['1', 'latest'], build_args: [`FROM='${bed.baseImage}'`] }]);
      // No engine on PATH at all: a dry run must not need one.
      const run = await runCli(
        'upload',
        { 'container-command': 'podman', 'work-dir': work, images, 'dry-run': 'true' },
        { ...mergeQueue, PATH: '/nonexistent' },
      );
      assert.equal(run.code, 0, run.log);
      const [planned] = JSON.parse(run.outputs.images) as PlannedImage[];
      assert.deepEqual(planned.pushes, [`${repository}:change_21_1`, `${repository}:change_21_latest`]);
      assert.ok(planned.build[0].includes(`FROM=${bed.baseImage}`));
      assert.match(run.log, /build \(in .*\/images\): podman build --file .*--build-arg FROM=127\.0\.0\.1/);
      assert.match(run.log, /push: podman push --tls-verify=false --digestfile <tmp>\/digest-0 .* docker:\/\/.*:change_21_1/);
      assert.equal(proxy.log.length, 0, 'no request reached the registry');
      assert.deepEqual(await skopeoTags(`${registry.registry}/${repository.slice(proxy.registry.length + 1)}`).catch(() => []), []);
    } finally {
      await proxy.close();
    }
  });
});

describe('a skopeo-sync file mirrored under the names real skopeo sync gives', () => {
  // A registry named without a port (skopeo sync --scoped cannot form a name holding one).
  let named: RegistryProcess;
  let dest: RegistryProcess;
  const seed = new RegistrySession();
  const work = mkdtempSync(join(tmpdir(), 'cia-sync-names-'));
  before(async () => {
    [named, dest] = await Promise.all([startRegistry({ listen: { host: '127.0.0.77', port: 80 } }), startRegistry()]);
    await pushSynthetic(seed, named.registry, 'team/sub/app', { layers: [700], tags: ['v1', 'v2'] });
    await pushSynthetic(seed, named.registry, 'team/tool', { layers: [800], tags: ['v1.0', 'nightly'] });
  });
  after(async () => {
    seed.close();
    await Promise.all([named.stop(), dest.stop()]);
  });

  /** Every repository under `prefix/` at the destination, relative to it, with its tags and digests. */
  async function contents(prefix: string): Promise<Record<string, Record<string, string>>> {
    const catalog = (await (await fetch(`http://${dest.registry}/v2/_catalog?n=1000`)).json()) as { repositories: string[] };
    const out: Record<string, Record<string, string>> = {};
    for (const repository of catalog.repositories.filter((r) => r.startsWith(`${prefix}/`)).sort()) {
      const client = seed.client(dest.registry);
      const tags: Record<string, string> = {};
      for (const tag of (await client.listTags(repository)).sort()) tags[tag] = (await client.headManifest(repository, tag))!.digest;
      out[repository.slice(prefix.length + 1)] = tags;
    }
    return out;
  }

  const syncFile = [
    '127.0.0.77:',
    '  tls-verify: false',
    '  images:',
    '    team/sub/app: [v1, v2]',
    // A top-level key with a namespace, joined as skopeo joins it.
    '127.0.0.77/team:',
    '  tls-verify: false',
    '  images-by-tag-regex:',
    '    tool: ^v',
    '',
  ].join('\n');

  for (const scoped of [false, true]) {
    test(`${scoped ? 'mirror-scoped: true vs skopeo sync --scoped' : 'default vs skopeo sync'}: the same repositories, tags and digests`, async () => {
      writeFileSync(join(work, 'sync.yaml'), syncFile);
      const theirs = uniqueName(scoped ? 'skopeo-scoped' : 'skopeo');
      const ours = uniqueName(scoped ? 'ours-scoped' : 'ours');
      execFileSync(
        'skopeo',
        [
          'sync',
          '--src',
          'yaml',
          '--dest',
          'docker',
          '--dest-tls-verify=false',
          ...(scoped ? ['--scoped'] : []),
          join(work, 'sync.yaml'),
          `${dest.registry}/${theirs}`,
        ],
        { stdio: 'pipe' },
      );
      const logger = recordingLogger();
      const read = (name: InputName) =>
        (
          ({
            'mirror-file': 'sync.yaml',
            'mirror-format': 'skopeo-sync',
            'mirror-destination': `${dest.registry}/${ours}`,
            'mirror-scoped': String(scoped),
            'work-dir': work,
          }) as Partial<Record<InputName, string>>
        )[name] ?? '';
      const result = await mirror({ env: { ...process.env, RUNNER_TEMP: work }, logger, read, exec });
      assert.equal(result.failure, undefined, logger.lines.join('\n'));
      const expected = await contents(theirs);
      assert.deepEqual(
        Object.keys(expected),
        scoped ? ['127.0.0.77/team/sub/app', '127.0.0.77/team/tool'] : ['app', 'tool'],
        'skopeo names them so',
      );
      assert.deepEqual(await contents(ours), expected);
    });
  }
});
