// A release by promotion, the way a project runs it: the gate builds and pushes change N's image
// (a real podman build), a signature is made on it, promote publishes it after the merge, a later
// change moves on, and a tag push on the merged commit puts the version tags on change N's image:
// the same manifest bytes, its signature still verifying, nothing built.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll as after, beforeAll as before, describe, test } from '@jest/globals';
import { runAction, type ActionRun } from '../../scripts/lib/action-runner.js';
import { readImageConfig } from '../../src/registry/image-config.js';
import { RegistrySession } from '../../src/registry/session.js';
import { startForgeApi, type ForgeApi } from '../helpers/forge-api.js';
import { goTool } from '../helpers/go-tools.js';
import { pushSynthetic, skopeoTags } from '../helpers/images.js';
import { startRegistry, type RegistryProcess } from '../helpers/registry-process.js';
import { engineEnv, eventEnv, fixtureProject, testbed, uniqueName } from '../helpers/testbed.js';

const root = join(import.meta.dirname, '..', '..');
const action = (name: string) => join(root, 'actions', name, 'action.yml');
const run = promisify(execFile);
const work = mkdtempSync(join(tmpdir(), 'cia-release-'));
const cosignEnv = { ...process.env, COSIGN_PASSWORD: '', HOME: work };
const plainHttp = ['--allow-insecure-registry', '--allow-http-registry'];
const cosign = (...args: string[]) => run(goTool('cosign'), args, { cwd: work, env: cosignEnv, maxBuffer: 16 * 1024 * 1024 });
const TOKEN = 'forge-token-for-release';
/** The commits change 71 and 72 landed as (a merge queue lands the commit it tested). */
const LANDED = { 71: '7'.repeat(40), 72: '8'.repeat(40) } as const;

describe('release from the gated change: gate, promote, tag push', () => {
  let registry: RegistryProcess;
  let forge: ForgeApi;
  const session = new RegistrySession();
  const project = fixtureProject();
  const repository = () => `${registry.registry}/release/${suffix}`;
  const suffix = uniqueName('app');
  const images = () =>
    `- context: containerfile-only\n  repository: ${repository()}\n  build_args: ["BASE_IMAGE=${testbed().baseImage}"]\n  tags: [edge]\n`;
  const gated: Record<number, { digest: string; bytes: Buffer }> = {};

  before(async () => {
    registry = await startRegistry();
    forge = await startForgeApi({ [LANDED[71]]: 71, [LANDED[72]]: 72 });
    await cosign('generate-key-pair');
  });
  after(async () => {
    session.close();
    await forge.close();
    await registry.stop();
  });

  const forgeEnv = () => ({ GITHUB_ACTIONS: 'true', GITHUB_API_URL: forge.url, GITHUB_SERVER_URL: 'http://forge' });

  async function gateAndPromote(change: 71 | 72): Promise<void> {
    const queue = {
      merge_group: { head_sha: LANDED[change], head_ref: `refs/heads/gh-readonly-queue/main/pr-${change}-${'b'.repeat(40)}` },
    };
    const gate = await runAction(action('upload'), {
      inputs: { images: images(), 'container-command': 'podman' },
      env: { ...eventEnv('merge_group', queue, { GITHUB_SHA: LANDED[change] }), GITHUB_WORKSPACE: project, ...engineEnv(), ...forgeEnv() },
    });
    assert.equal(gate.code, 0, gate.stdout + gate.stderr);
    const ref = `${repository()}:change_${change}_edge`;
    const digest = (JSON.parse(gate.outputs.images) as { digest: string }[])[0].digest;
    gated[change] = { digest, bytes: (await session.client(registry.registry).getManifest(`release/${suffix}`, digest)).bytes };
    await cosign('sign', '--key', 'cosign.key', '--tlog-upload=false', '--yes', ...plainHttp, `${repository()}@${digest}`);
    const promoted = await runAction(action('promote'), {
      inputs: { images: images(), token: TOKEN, 'revision-tag': 'true' },
      env: { ...eventEnv('push', { ref: 'refs/heads/main' }, { GITHUB_SHA: LANDED[change] }), ...forgeEnv() },
    });
    assert.equal(promoted.code, 0, promoted.stdout + promoted.stderr);
    // The tested image keeps a tag of its own once later merges move edge on.
    assert.equal(await digestOf(`sha-${LANDED[change].slice(0, 12)}`), digest);
    assert.match(promoted.summary, /revision tag/);
    assert.ok(!(await skopeoTags(repository())).includes(ref.split(':').pop() as string), 'the temporary tag went');
  }

  const releaseRun = (gitTag: string, commit: string, inputs: Record<string, string> = {}): Promise<ActionRun> =>
    runAction(action('promote'), {
      inputs: { images: images(), token: TOKEN, 'release-from': 'change', ...inputs },
      env: {
        ...eventEnv('push', { ref: `refs/tags/${gitTag}` }, { GITHUB_SHA: commit, GITHUB_REF: `refs/tags/${gitTag}` }),
        ...forgeEnv(),
      },
    });

  const digestOf = async (tag: string) => (await session.client(registry.registry).headManifest(`release/${suffix}`, tag))?.digest;

  test('v1.0.0 on change 71 gets its gated bytes and signature, after change 72 moved edge on', async () => {
    await gateAndPromote(71);
    await gateAndPromote(72);
    assert.equal(await digestOf('edge'), gated[72].digest);
    assert.notEqual(gated[71].digest, gated[72].digest);

    const released = await releaseRun('v1.0.0', LANDED[71]);
    assert.equal(released.code, 0, released.stdout + released.stderr);
    assert.match(released.stdout, /commit 777777777777 came from pull request #71/);
    assert.match(released.stdout, /the gated image is sha256:[0-9a-f]{64} \(found under .*:sha-777777777777, org\.zuul-ci\.change=71\)/);
    for (const tag of ['1.0.0', '1.0', '1', 'latest']) assert.equal(await digestOf(tag), gated[71].digest, tag);
    assert.equal(await digestOf('edge'), gated[72].digest, 'edge is left to the merges');
    const bytes = (await session.client(registry.registry).getManifest(`release/${suffix}`, '1.0.0')).bytes;
    assert.ok(bytes.equals(gated[71].bytes), 'the release tag holds the gated manifest, byte for byte');
    const verified = await cosign('verify', '--key', 'cosign.pub', '--insecure-ignore-tlog=true', ...plainHttp, `${repository()}:1.0.0`);
    assert.match(verified.stdout, new RegExp(gated[71].digest));
    const promoted = JSON.parse(released.outputs.promoted) as { tag: string; digest: string; status: string }[];
    assert.deepEqual(
      promoted.map((p) => [p.tag, p.digest, p.status]),
      ['1.0.0', '1.0', '1', 'latest'].map((tag) => [tag, gated[71].digest, 'moved']),
    );
    assert.match(released.summary, /Released v1\.0\.0 from change 71/);

    // The same release again changes nothing; a fix of the 0.x line moves none of 1.x's tags.
    const again = await releaseRun('v1.0.0', LANDED[71]);
    assert.equal(again.code, 0, again.stdout + again.stderr);
    assert.deepEqual(
      (JSON.parse(again.outputs.promoted) as { status: string }[]).map((p) => p.status),
      Array(4).fill('in-place'),
    );
    const older = await releaseRun('v0.9.1', LANDED[72]);
    assert.equal(older.code, 0, older.stdout + older.stderr);
    assert.equal(await digestOf('0.9.1'), gated[72].digest);
    assert.equal(await digestOf('latest'), gated[71].digest);
    assert.match(older.stdout, /:latest stays where it is: 1\.0\.0 is a higher release/);
  });

  test('without the forge, the commit a merge queue landed finds its image by the revision label', async () => {
    const released = await runAction(action('promote'), {
      inputs: { images: images(), 'release-from': 'change', 'release-tag': 'v1.1.0-rc.1' },
      env: { ...eventEnv('push', { ref: 'refs/heads/main' }, { GITHUB_SHA: LANDED[72] }), GITHUB_API_URL: 'http://127.0.0.1:9' },
    });
    assert.equal(released.code, 0, released.stdout + released.stderr);
    assert.match(released.stdout, /org\.opencontainers\.image\.revision=8{40}/);
    assert.equal(await digestOf('1.1.0-rc.1'), gated[72].digest);
    assert.equal(await digestOf('1.1'), undefined, 'a pre-release moves no floating tag');
  });

  test('a commit never gated: an error naming what was looked for and the rebuild input; a version tag is never moved', async () => {
    const before = await skopeoTags(repository());
    const never = await releaseRun('v2.0.0', '9'.repeat(40));
    assert.equal(never.code, 1);
    assert.match(
      never.stdout,
      /nothing was released: no image of commit 999999999999 in .*release\/app-[^:]+: its \d+ tags \(looked for the label org\.opencontainers\.image\.revision=999999999999\): was it gated\? To rebuild the release instead, run upload with promote: false/,
    );
    const moved = await releaseRun('v1.0.0', LANDED[72]);
    assert.equal(moved.code, 1);
    assert.match(
      moved.stdout,
      /:1\.0\.0 already holds sha256:[0-9a-f]{64}, another image than the gated sha256:[0-9a-f]{64}: a version tag is never moved/,
    );
    assert.deepEqual(await skopeoTags(repository()), before);
    assert.equal(await digestOf('1.0.0'), gated[71].digest);
  });

  test('a never-gated image in a repository of synthetic tags is still found by its label among them', async () => {
    const other = `release/${uniqueName('scan')}`;
    await pushSynthetic(session, registry.registry, other, { layers: [50], tags: ['unrelated'] });
    const { digest } = await pushSynthetic(session, registry.registry, other, {
      layers: [60],
      tags: ['nightly-3'],
      labels: { 'org.zuul-ci.change': '71' },
    });
    const released = await runAction(action('promote'), {
      inputs: { images: `[{context: ., repository: ${registry.registry}/${other}, tags: [edge]}]`, token: TOKEN, 'release-from': 'change' },
      env: { ...eventEnv('push', {}, { GITHUB_SHA: LANDED[71], GITHUB_REF: 'refs/tags/v3.1.4' }), ...forgeEnv() },
    });
    assert.equal(released.code, 0, released.stdout + released.stderr);
    assert.match(released.stdout, /found under .*:nightly-3/);
    assert.equal((await session.client(registry.registry).headManifest(other, '3.1.4'))?.digest, digest);
  });

  test('a release that rebuilds instead takes the commit time: two builds of one commit are the same bytes', async () => {
    const checkout = fixtureProject();
    const git = (...args: string[]) =>
      run('git', ['-C', checkout, ...args], {
        env: { ...process.env, GIT_AUTHOR_DATE: '2026-11-30T12:00:00Z', GIT_COMMITTER_DATE: '2026-11-30T12:00:00Z' },
      });
    await git('init', '-q');
    await git('-c', 'user.name=ci', '-c', 'user.email=ci@example.invalid', 'commit', '-q', '--allow-empty', '-m', 'release');
    const rebuild = async (tag: string) => {
      const result = await runAction(action('upload'), {
        inputs: {
          images: `[{context: containerfile-only, repository: ${repository()}-rebuilt, build_args: ["BASE_IMAGE=${testbed().baseImage}"], tags: ["${tag}"]}]`,
          'container-command': 'podman',
          promote: 'false',
        },
        env: { ...eventEnv('push', { ref: 'refs/tags/v1.0.0' }), GITHUB_WORKSPACE: checkout, ...engineEnv() },
      });
      assert.equal(result.code, 0, result.stdout + result.stderr);
      assert.match(result.stdout, /SOURCE_DATE_EPOCH=1796040000, the commit time of HEAD/);
      return (JSON.parse(result.outputs.images) as { digest: string }[])[0].digest;
    };
    const first = await rebuild('first');
    assert.equal(await rebuild('second'), first);
    const config = await readImageConfig(session.client(registry.registry), `release/${suffix}-rebuilt`, first);
    assert.equal(config.created, '2026-11-30T12:00:00Z');
  });
});
