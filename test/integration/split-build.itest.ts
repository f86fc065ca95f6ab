// One platform per runner: a docker amd64 job and a podman arm64 job push by platform, a merge
// job assembles one index, which is gated and promoted like any other, and whose arm64 child
// really runs aarch64. Whole CLI processes, real engines and a real registry.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { afterAll as after, beforeAll as before, describe, test } from '@jest/globals';
import { readRecord, recordLocation } from '../../src/commands/change-record.js';
import { RegistrySession } from '../../src/registry/session.js';
import { runCli } from '../helpers/cli.js';
import { skopeoRaw, skopeoTags } from '../helpers/images.js';
import { startRegistry, type RegistryProcess } from '../helpers/registry-process.js';
import { eventEnv, fixtureProject, multiarchList, uniqueName } from '../helpers/testbed.js';

const project = fixtureProject();
const gate = (change: number) =>
  eventEnv('merge_group', {
    merge_group: { head_sha: 'e'.repeat(40), head_ref: `refs/heads/gh-readonly-queue/main/pr-${change}-${'f'.repeat(40)}` },
  });
const afterMerge = eventEnv('push', { ref: 'refs/heads/main' });

interface Index {
  manifests: { digest: string; platform: { architecture: string } }[];
}

describe('split multi-platform builds: a job per platform, then a merge', () => {
  let registry: RegistryProcess;
  const session = new RegistrySession();
  before(async () => {
    registry = await startRegistry();
  });
  after(async () => {
    session.close();
    await registry.stop();
  });

  const listFor = (repository: string) => multiarchList(repository);
  const changes = () => `${registry.registry}/changes`;
  const recordOf = (change: number) =>
    readRecord(
      session.client(registry.registry),
      recordLocation({ registry: registry.registry, namespace: 'changes' }, 'acme/widgets', change),
    );
  const platformJob = async (images: string, platform: string, engine: string, change = 21) => {
    const run = await runCli(
      'upload',
      { images, platform, 'container-command': engine, 'work-dir': project, 'changes-registry': changes() },
      gate(change),
    );
    assert.equal(run.code, 0, run.log);
    return (JSON.parse(run.outputs.images) as { digest: string }[])[0].digest;
  };
  const childOf = async (ref: string, arch: string) =>
    (JSON.parse((await skopeoRaw(ref)).toString()) as Index).manifests.find((m) => m.platform.architecture === arch)?.digest;

  test('docker amd64 + podman arm64, merged, re-run per platform, gated and promoted; the arm64 child runs aarch64', async () => {
    const repository = `${registry.registry}/split/${uniqueName('app')}`;
    const images = listFor(repository);
    const amd64 = await platformJob(images, 'linux/amd64', 'docker');
    const arm64 = await platformJob(images, 'linux/arm64', 'podman');
    assert.deepEqual(await skopeoTags(repository), ['change_21_latest__linux-amd64', 'change_21_latest__linux-arm64']);

    assert.equal(await recordOf(21), undefined, 'a platform job records nothing: its tag is not the change image');
    const merged = await runCli('upload', { images, merge: 'true', 'work-dir': project, 'changes-registry': changes() }, gate(21));
    assert.equal(merged.code, 0, merged.log);
    assert.deepEqual(await skopeoTags(repository), ['change_21_latest'], 'the per-platform tags are gone');
    assert.equal(await childOf(`${repository}:change_21_latest`, 'amd64'), amd64);
    assert.equal(await childOf(`${repository}:change_21_latest`, 'arm64'), arm64);
    // The merge job records the change: the merged list is what a dependent change uses.
    const index = (JSON.parse(merged.outputs.images) as { digest: string }[])[0].digest;
    assert.deepEqual((await recordOf(21))?.images, [
      { reference: `${repository}:latest`, speculative: `${repository}:change_21_latest`, digest: index },
    ]);

    // Re-running the arm64 job alone replaces only arm64.
    const arm64Again = await platformJob(images, 'linux/arm64', 'podman');
    const remerged = await runCli('upload', { images, merge: 'true', 'work-dir': project }, gate(21));
    assert.equal(remerged.code, 0, remerged.log);
    assert.equal(await childOf(`${repository}:change_21_latest`, 'amd64'), amd64);
    assert.equal(await childOf(`${repository}:change_21_latest`, 'arm64'), arm64Again);

    const promoted = await runCli('promote', { images, change: '21', 'work-dir': project }, afterMerge);
    assert.equal(promoted.code, 0, promoted.log);
    assert.deepEqual(await skopeoTags(repository), ['latest']);
    const ran = execFileSync('podman', ['run', '--rm', '--platform', 'linux/arm64', `${repository}:latest`], { encoding: 'utf8' }).trim();
    assert.equal(ran, 'aarch64');
  });

  test('a platform no job pushed stops the merge, naming the job; nothing is pushed', async () => {
    const repository = `${registry.registry}/split/${uniqueName('half')}`;
    const images = listFor(repository);
    await platformJob(images, 'linux/amd64', 'docker', 22);
    const merged = await runCli('upload', { images, merge: 'true', 'work-dir': project }, gate(22));
    assert.equal(merged.code, 1);
    assert.match(
      merged.log,
      /nothing was merged: images\[0\] .*: no linux\/arm64 image: the upload job with platform: linux\/arm64 did not push change_22_latest__linux-arm64/,
    );
    assert.deepEqual(await skopeoTags(repository), ['change_22_latest__linux-amd64']);
  });

  test('platform and merge inputs: clear errors', async () => {
    const noArch = JSON.stringify([{ context: 'multiarch', repository: `${registry.registry}/split/x` }]);
    const run = await runCli('upload', { images: noArch, platform: 'linux/arm64', 'work-dir': project }, gate(23));
    assert.equal(run.code, 1);
    assert.match(run.log, /images\[0\]\.arch: required with platform: linux\/arm64/);
    const both = await runCli(
      'upload',
      { images: listFor(`${registry.registry}/split/y`), platform: 'linux/arm64', merge: 'true', 'work-dir': project },
      gate(23),
    );
    assert.match(both.log, /merge: a merge job builds nothing: give it no platform/);
    const bad = await runCli(
      'upload',
      { images: listFor(`${registry.registry}/split/z`), platform: 'arm64', 'work-dir': project },
      gate(23),
    );
    assert.match(bad.log, /platform: "arm64" is not a platform: expected os\/arch/);
  });
});
