import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll as after, beforeAll as before, describe, test } from '@jest/globals';
import { upload, type Artifact } from '../../src/commands/upload.js';
import { RegistrySession } from '../../src/registry/session.js';
import { exec } from '../helpers/exec.js';
import { startFaultProxy } from '../helpers/fault-proxy.js';
import { startVendorFake } from '../helpers/vendor-fakes.js';
import { pushSynthetic, skopeoRaw, skopeoTags } from '../helpers/images.js';
import { merged, promoteOrThrow, pushGated } from '../helpers/promote-run.js';
import { startRegistry, type RegistryProcess } from '../helpers/registry-process.js';
import { eventEnv, fixtureProject, recordingLogger, testbed, uniqueName } from '../helpers/testbed.js';

const root = join(import.meta.dirname, '..', '..');

const event = eventEnv;

const listFor = (repository: string, tags = ['latest', '1.0']) => JSON.stringify([{ context: '.', repository, tags }]);

describe('promote by tag on a real registry', () => {
  let registry: RegistryProcess;
  let seed: RegistrySession;
  before(async () => {
    registry = await startRegistry();
    seed = new RegistrySession();
  });
  after(async () => {
    seed.close();
    await registry.stop();
  });

  const gate = (change: number, platforms: string[], extraTags: string[] = []) =>
    pushGated(seed, registry.registry, `promote/${uniqueName('p')}`, change, {
      via: registry.registry,
      layers: [2000],
      platforms,
      extraTags,
    });

  for (const platforms of [['linux/amd64'], ['linux/amd64', 'linux/arm64']]) {
    test(`${platforms.length === 1 ? 'single-platform' : 'two-platform'}: final tags byte-identical, temporary tags gone, a second tag on the digest survives`, async () => {
      const { path, repository, image } = await gate(5, platforms, ['nightly']);
      const before = await skopeoRaw(`${repository}:change_5_latest`);
      const { promoted, deleted } = await promoteOrThrow({ images: listFor(repository) }, merged(5));
      assert.deepEqual(
        promoted.map((p) => [p.tag, p.digest, p.status]),
        [
          ['latest', image.digest, 'moved'],
          ['1.0', image.digest, 'moved'],
        ],
      );
      assert.deepEqual(deleted, [`${repository}:change_5_latest`, `${repository}:change_5_1.0`]);
      assert.deepEqual(await skopeoTags(repository), ['1.0', 'latest', 'nightly'], 'nightly shares the digest and is still there');
      for (const tag of ['latest', '1.0', 'nightly']) assert.ok((await skopeoRaw(`${repository}:${tag}`)).equals(before));
      assert.equal((await seed.client(registry.registry).headManifest(path, 'nightly'))?.digest, image.digest);
    });
  }

  test('run again: "already promoted", nothing moves, success', async () => {
    const { repository, image } = await gate(6, ['linux/amd64']);
    await promoteOrThrow({ images: listFor(repository) }, merged(6));
    const again = await promoteOrThrow({ images: listFor(repository) }, merged(6));
    assert.deepEqual(
      again.promoted.map((p) => [p.tag, p.digest, p.status]),
      [
        ['latest', image.digest, 'in-place'],
        ['1.0', image.digest, 'in-place'],
      ],
    );
    assert.ok(again.lines.some((l) => l.includes('already promoted')));
  });

  test('a missing temporary tag: a clear error, and nothing moves (no image of the list)', async () => {
    const complete = await gate(7, ['linux/amd64']);
    const partial = `promote/${uniqueName('partial')}`;
    await pushSynthetic(seed, registry.registry, partial, { layers: [10], tags: ['change_7_latest'] });
    await assert.rejects(
      promoteOrThrow(
        {
          images: JSON.stringify([
            { context: '.', repository: complete.repository, tags: ['latest', '1.0'] },
            { context: '.', repository: `${registry.registry}/${partial}`, tags: ['latest', '1.0'] },
          ]),
        },
        merged(7),
      ),
      /nothing was promoted: .*missing change_7_1\.0 \(the gate pushed 1 of 2 tags\)/,
    );
    assert.deepEqual(await skopeoTags(complete.repository), ['change_7_1.0', 'change_7_latest'], 'the complete image did not move either');
  });

  test('dry-run prints the plan and changes nothing', async () => {
    const { repository } = await gate(8, ['linux/amd64']);
    const { lines, promoted, deleted } = await promoteOrThrow({ images: listFor(repository), 'dry-run': 'true' }, merged(8));
    assert.deepEqual(promoted, []);
    assert.deepEqual(deleted, []);
    assert.ok(lines.some((l) => l.includes(`${repository}:latest <- change_8_latest`) && l.includes(`delete ${repository}:change_8_1.0`)));
    assert.deepEqual(await skopeoTags(repository), ['change_8_1.0', 'change_8_latest']);
  });

  test('leaked temporary tags: only old matching ones go, never the change being promoted; dry-run deletes nothing', async () => {
    const { path, repository } = await gate(9, ['linux/amd64']);
    const old = new Date(Date.now() - 3 * 86_400_000).toISOString();
    const recent = new Date(Date.now() - 3_600_000).toISOString();
    await pushSynthetic(seed, registry.registry, path, {
      layers: [10],
      tags: ['change_1_latest', 'change_2_latest', 'pull_request_latest'],
      created: old,
    });
    await pushSynthetic(seed, registry.registry, path, { layers: [10], tags: ['change_3_latest'], created: recent });
    await pushSynthetic(seed, registry.registry, path, { layers: [10], tags: ['release-2020', 'change_9_old'], created: old });
    const dry = await promoteOrThrow({ images: listFor(repository), 'dry-run': 'true', 'cleanup-age': '2d' }, merged(9));
    assert.ok(dry.lines.some((l) => l.includes(`delete leaked ${repository}:change_1_latest`)));
    assert.equal((await skopeoTags(repository)).length, 8, 'dry-run deleted nothing');
    const { deleted, summary, lines } = await promoteOrThrow({ images: listFor(repository), 'cleanup-age': '2d' }, merged(9));
    // Why each went or stayed, and leaked tags told apart from this change's own.
    const status = (tag: string) => summary.find((row) => row[0] === `${repository}:${tag}`)?.[3];
    assert.match(status('change_1_latest') ?? '', /^deleted: leaked, older than cleanup-age: created .*, 72 h ago$/);
    assert.equal(status('change_9_latest'), 'deleted: temporary tag of this change');
    assert.match(status('change_3_latest') ?? '', /^kept: younger than cleanup-age: created .*, 1 h ago$/);
    assert.ok(lines.some((l) => l.startsWith(`${repository}:change_3_latest: leaked-tag cleanup keeps it: younger than cleanup-age`)));
    assert.deepEqual(
      deleted.sort(),
      [
        `${repository}:change_1_latest`,
        `${repository}:change_2_latest`,
        `${repository}:change_9_1.0`,
        `${repository}:change_9_latest`,
        `${repository}:pull_request_latest`,
      ].sort(),
    );
    assert.deepEqual(await skopeoTags(repository), ['1.0', 'change_3_latest', 'change_9_old', 'latest', 'release-2020']);
  });

  test('two promotes for different changes of one repository at the same time both end correct', async () => {
    const path = `promote/${uniqueName('race')}`;
    const repository = `${registry.registry}/${path}`;
    // Built just now, as gates are: neither promotion's cleanup takes the other's tags for leaked.
    const created = new Date().toISOString();
    const one = await pushSynthetic(seed, registry.registry, path, {
      layers: [100],
      tags: ['change_11_latest', 'change_11_1.0'],
      labels: { 'org.zuul-ci.change': '11' },
      created,
    });
    const two = await pushSynthetic(seed, registry.registry, path, {
      layers: [100],
      tags: ['change_12_latest', 'change_12_1.0'],
      labels: { 'org.zuul-ci.change': '12' },
      created,
    });
    const runs = await Promise.all([
      promoteOrThrow({ images: listFor(repository) }, merged(11)),
      promoteOrThrow({ images: listFor(repository) }, merged(12)),
    ]);
    // distribution 2.8 can keep a deleted tag's name in tags/list after racing deletes (500s,
    // retried); what counts is which tags still resolve.
    const client = seed.client(registry.registry);
    const resolving: string[] = [];
    for (const tag of await skopeoTags(repository)) if (await client.headManifest(path, tag)) resolving.push(tag);
    assert.deepEqual(resolving, ['1.0', 'latest']);
    const [latest, v1] = await Promise.all([client.headManifest(path, 'latest'), client.headManifest(path, '1.0')]);
    assert.ok(latest?.digest === one.digest || latest?.digest === two.digest);
    assert.equal(v1?.digest, latest?.digest, 'the final tags are not split between the two builds');
    // A run that saw the other build win reports it as superseded, with what the tags hold; one
    // that finished before the other began moving reports its own build.
    for (const [i, run] of runs.entries()) {
      const own = [one, two][i].digest;
      for (const p of run.promoted) {
        if (p.status === 'superseded') assert.deepEqual([p.digest, p.ownDigest], [latest?.digest, own]);
        else assert.equal(p.digest, own, `change ${11 + i} reports ${p.tag} as ${p.digest}`);
      }
    }
  });

  test('bad inputs: credentials missing or not permitting, and no change, refused before any request', async () => {
    const { repository } = await gate(13, ['linux/amd64']);
    await assert.rejects(
      promoteOrThrow({ images: listFor(repository), 'registry-credentials': 'quay.io: {username: u, password: p}' }, merged(13)),
      new RegExp(`${registry.registry} credentials not found`),
    );
    await assert.rejects(
      promoteOrThrow(
        {
          images: listFor(repository),
          'registry-credentials': `"${registry.registry}": {username: u, password: p, repository: "${registry.registry}/other/.*"}`,
        },
        merged(13),
      ),
      /not permitted by/,
    );
    await assert.rejects(
      promoteOrThrow({ images: listFor(repository) }, event('workflow_dispatch', {})),
      /no change to promote for the workflow_dispatch event/,
    );
    assert.deepEqual(await skopeoTags(repository), ['change_13_1.0', 'change_13_latest']);
  });

  test('a pull request closed without merging: nothing to promote, success', async () => {
    const { repository } = await gate(14, ['linux/amd64']);
    const { promoted, lines } = await promoteOrThrow(
      { images: listFor(repository) },
      event('pull_request', { action: 'closed', number: 14, pull_request: { number: 14, merged: false } }),
    );
    assert.deepEqual(promoted, []);
    assert.ok(lines.some((l) => l.includes('closed without merging')));
  });
});

describe('leaked-tag ages from the vendor APIs, across pages of the tag list', () => {
  for (const type of ['docker', 'quay'] as const) {
    test(`${type}: the push time the API reports decides, not the image's created`, async () => {
      const registry = await startRegistry();
      const proxy = await startFaultProxy(registry.registry);
      proxy.paginate = 2;
      const path = `acme/${uniqueName(type)}`;
      const day = 86_400_000;
      const tagTimes = new Map([
        [`${path}:change_1_latest`, new Date(Date.now() - 3 * day).toISOString()],
        [`${path}:change_2_latest`, new Date(Date.now() - 3_600_000).toISOString()],
      ]);
      const fake = await startVendorFake({
        registry: registry.registry,
        username: 'robot',
        password: 'pw',
        apiToken: 'quay-token',
        tagTimes,
      });
      const seed = new RegistrySession();
      try {
        await pushSynthetic(seed, registry.registry, path, {
          layers: [10],
          tags: ['change_9_latest'],
          labels: { 'org.zuul-ci.change': '9' },
        });
        // Built "now" but pushed three days ago; built in 1970 but pushed an hour ago.
        await pushSynthetic(seed, registry.registry, path, { layers: [10], tags: ['change_1_latest'], created: new Date().toISOString() });
        await pushSynthetic(seed, registry.registry, path, { layers: [10], tags: ['change_2_latest', 'a', 'b', 'c'] });
        const repository = `${proxy.registry}/${path}`;
        const credentials = `"${proxy.registry}": {type: ${type}, username: robot, password: pw, api_token: quay-token, api_url: "${fake.url}"}`;
        const { deleted } = await promoteOrThrow(
          {
            images: JSON.stringify([{ context: '.', repository, tags: ['latest'] }]),
            'registry-credentials': credentials,
            'cleanup-age': '2d',
          },
          merged(9),
        );
        assert.deepEqual(deleted.sort(), [`${repository}:change_1_latest`, `${repository}:change_9_latest`]);
        assert.deepEqual(await skopeoTags(`${registry.registry}/${path}`), ['a', 'b', 'c', 'change_2_latest', 'latest']);
        assert.ok(proxy.log.filter((e) => e.path.includes('/tags/list')).length >= 3, 'the tag list came in several pages');
        assert.ok(
          fake.calls.some((c) => c.method === 'GET' && c.path.includes('change_1_latest')),
          'the vendor API was asked',
        );
      } finally {
        seed.close();
        await fake.close();
        await proxy.close();
        await registry.stop();
      }
    });
  }
});

describe('temporary tags a registry will not delete', () => {
  test('a warning and the left-behind output by default; a failure with strict-cleanup', async () => {
    const registry = await startRegistry({ deleteEnabled: false });
    const seed = new RegistrySession();
    try {
      const make = async () => {
        const path = `nodelete/${uniqueName('t')}`;
        await pushSynthetic(seed, registry.registry, path, { layers: [10], tags: ['change_15_latest'] });
        return `${registry.registry}/${path}`;
      };
      const lenient = await make();
      const { leftBehind, promoted, lines } = await promoteOrThrow(
        { images: JSON.stringify([{ context: '.', repository: lenient }]) },
        merged(15),
      );
      assert.equal(promoted.length, 1);
      assert.equal(leftBehind.length, 1);
      assert.ok(lines.some((l) => l.startsWith(`warning: temporary tag left behind: ${lenient}:change_15_latest`)));
      const tags = await skopeoTags(lenient);
      assert.deepEqual(
        tags.filter((t) => !t.startsWith('cia-delete-probe-')),
        ['change_15_latest', 'latest'],
        'promoted anyway, and the temporary tag untouched',
      );
      // The one throw-away probe that found deletes refused is named too.
      const probe = tags.find((t) => t.startsWith('cia-delete-probe-'));
      assert.ok(lines.some((l) => l.startsWith('warning: probe tag left behind:') && l.endsWith(`:${probe}`)));
      const strict = await make();
      await assert.rejects(
        promoteOrThrow({ images: JSON.stringify([{ context: '.', repository: strict }]), 'strict-cleanup': 'true' }, merged(15)),
        new RegExp(`strict-cleanup: 1 temporary tag\\(s\\) could not be deleted: ${strict.replace(/[.]/g, '\\.')}:change_15_latest`),
      );
    } finally {
      seed.close();
      await registry.stop();
    }
  });
});

describe('promote crash safety: killed between any two requests, then run again', () => {
  test('20 seeded kill points: never a final tag on a wrong digest, and the re-run completes', async () => {
    const registry = await startRegistry();
    const proxy = await startFaultProxy(registry.registry);
    const seed = new RegistrySession();
    let random = 42;
    const next = () => ((random = (random * 1103515245 + 12345) % 2 ** 31), random / 2 ** 31);
    const runChild = (repository: string, killAt?: number) =>
      new Promise<number | null>((resolve) => {
        let count = 0;
        const child = spawn(process.execPath, [join(root, 'dist', 'index.js'), 'promote'], {
          env: {
            PATH: process.env.PATH,
            HOME: process.env.HOME,
            INPUT_CHANGE: '3',
            INPUT_CLEANUP: 'false',
            INPUT_IMAGES: listFor(repository),
          },
          stdio: 'ignore',
        });
        proxy.onRequest = () => {
          count++;
          if (killAt !== undefined && count === killAt) {
            child.kill('SIGKILL');
            throw new Error('killed');
          }
        };
        child.on('exit', (code) => resolve(killAt === undefined ? code : count));
      });
    try {
      // A clean run counts the requests a promotion takes.
      const probe = `crash/${uniqueName('probe')}`;
      await pushSynthetic(seed, registry.registry, probe, {
        layers: [100],
        platforms: ['linux/amd64', 'linux/arm64'],
        tags: ['change_3_latest', 'change_3_1.0', 'keep'],
        labels: { 'org.zuul-ci.change': '3' },
      });
      proxy.log.length = 0;
      assert.equal(await runChild(`${proxy.registry}/${probe}`), 0);
      const total = proxy.log.length;
      assert.ok(total > 10, `a promotion takes ${total} requests`);

      for (let i = 0; i < 20; i++) {
        const killAt = 1 + Math.floor(next() * total);
        const path = `crash/${uniqueName(`k${killAt}`)}`;
        const image = await pushSynthetic(seed, registry.registry, path, {
          layers: [100],
          platforms: ['linux/amd64', 'linux/arm64'],
          tags: ['change_3_latest', 'change_3_1.0', 'keep'],
          labels: { 'org.zuul-ci.change': '3' },
        });
        await runChild(`${proxy.registry}/${path}`, killAt);
        const client = seed.client(registry.registry);
        for (const tag of ['latest', '1.0', 'keep']) {
          const head = await client.headManifest(path, tag);
          assert.ok(head === undefined || head.digest === image.digest, `after a kill at request ${killAt}, ${tag} is on ${head?.digest}`);
        }
        proxy.onRequest = undefined;
        assert.equal(await runChild(`${proxy.registry}/${path}`), 0, `the re-run after a kill at request ${killAt} succeeds`);
        const tags = (await client.listTags(path)).filter((t) => !t.startsWith('cia-delete-probe-')).sort();
        assert.deepEqual(tags, ['1.0', 'keep', 'latest'], `after a kill at request ${killAt}`);
        for (const tag of tags) assert.equal((await client.headManifest(path, tag))?.digest, image.digest);
      }
    } finally {
      seed.close();
      await proxy.close();
      await registry.stop();
    }
  });
});

describe('promote from an intermediate registry, with the artifacts of upload', () => {
  const bed = testbed();
  let final: RegistryProcess;
  let intermediate: RegistryProcess;
  let artifacts: Artifact[];
  let repository: string;
  const headSha = 'c'.repeat(40);
  before(async () => {
    [final, intermediate] = await Promise.all([startRegistry(), startRegistry()]);
    repository = `${final.registry}/app/${uniqueName('ir')}`;
    const project = fixtureProject();
    const logger = recordingLogger();
    const queue = event('merge_group', {
      merge_group: { head_sha: headSha, head_ref: `refs/heads/gh-readonly-queue/main/pr-31-${'d'.repeat(40)}` },
    });
    const result = await upload({
      exec,
      env: { ...process.env, ...queue },
      logger,
      read: (name) =>
        (
          ({
            'container-command': 'podman',
            'work-dir': project,
            'promote-method': 'intermediate-registry',
            'intermediate-registry': `${intermediate.registry}/gate`,
            images: JSON.stringify([
              {
                context: 'multiarch',
                repository,
                build_args: [`BASE_IMAGE=${bed.baseImage}`],
                tags: ['latest', '2.0'],
                arch: ['linux/amd64', 'linux/arm64'],
              },
            ]),
          }) as Record<string, string>
        )[name] ?? '',
    });
    artifacts = JSON.parse(result.outputs.artifacts ?? '[]') as Artifact[];
  });
  after(async () => {
    await Promise.all([final.stop(), intermediate.stop()]);
  });

  test('the revision check refuses an image not built from the pull request head, and moves nothing', async () => {
    await assert.rejects(
      promoteOrThrow(
        { images: listFor(repository, ['latest', '2.0']), 'promote-method': 'intermediate-registry', artifacts: JSON.stringify(artifacts) },
        merged(31, { headSha: 'b'.repeat(40) }),
      ),
      new RegExp(`was built from ${headSha}, not the pull request's head ${'b'.repeat(40)}; refusing to promote it`),
    );
    assert.deepEqual(await skopeoTags(repository).catch(() => []), []);
  });

  test('end to end: every platform copied to the final tags, digests kept; keep-intermediate keeps the intermediate tags', async () => {
    const { promoted, lines } = await promoteOrThrow(
      {
        images: listFor(repository, ['latest', '2.0']),
        'promote-method': 'intermediate-registry',
        artifacts: JSON.stringify(artifacts),
        'keep-intermediate': 'true',
      },
      merged(31, { headSha }),
    );
    assert.deepEqual(
      promoted.map((p) => [p.tag, p.digest]),
      [
        ['latest', artifacts[0].metadata.digest],
        ['2.0', artifacts[0].metadata.digest],
      ],
    );
    assert.deepEqual(await skopeoTags(repository), ['2.0', 'latest']);
    const source = await skopeoRaw(artifacts[0].url.slice('docker://'.length));
    assert.ok((await skopeoRaw(`${repository}:latest`)).equals(source));
    assert.equal((JSON.parse(source.toString()) as { manifests: unknown[] }).manifests.length, 2);
    // Each final tag names the intermediate tag it was copied from.
    assert.deepEqual(
      promoted.map((p) => [p.tag, p.from]),
      ['latest', '2.0'].map((tag) => [tag, artifacts.find((a) => a.metadata.tag === tag)!.url.slice('docker://'.length)]),
    );
    assert.ok(lines.some((l) => l.startsWith('keep-intermediate: the intermediate tags stay')));
  });

  /** A promotion that finds the gate's images by their intermediate name alone (no artifacts). */
  const byDeterministicName = () =>
    promoteOrThrow(
      {
        images: listFor(repository, ['latest', '2.0']),
        'promote-method': 'intermediate-registry',
        'intermediate-registry': `${intermediate.registry}/gate`,
      },
      merged(31, { headSha }),
    );

  test('without artifacts, the deterministic intermediate name is found; already promoted, its intermediate tags go', async () => {
    const intermediateRepo = artifacts[0].url.slice('docker://'.length).replace(/:[^:/]+$/, '');
    const { promoted, deleted, lines } = await byDeterministicName();
    assert.deepEqual(
      promoted.map((p) => p.status),
      ['in-place', 'in-place'],
    );
    // The gate recorded the change in the intermediate registry (the default changes registry): merged now, its record goes too.
    assert.deepEqual(deleted.sort(), [
      `${intermediate.registry}/gate/acme/widgets:change_31`,
      `${intermediateRepo}:change_31_2.0`,
      `${intermediateRepo}:change_31_latest`,
    ]);
    assert.deepEqual(await skopeoTags(intermediateRepo).catch(() => []), []);
    assert.ok(lines.some((l) => l.endsWith(': deleted from the intermediate registry, its image is promoted')));
  });

  test('a third run, the intermediate tags gone, is already promoted by the change label of the final tags', async () => {
    const { promoted } = await byDeterministicName();
    assert.deepEqual(
      promoted.map((p) => p.status),
      ['in-place', 'in-place'],
    );
  });
});
