// The merge of a split build against a real registry, with synthetic per-platform pushes: each
// child is read and its config checked against the platform it is published as, the index is
// written from the bytes read (a registry lying on HEAD changes nothing), and a release merge
// does not quietly take a platform from the previous release.
import assert from 'node:assert/strict';
import { afterAll as after, beforeAll as before, describe, test } from '@jest/globals';
import { upload, type UploadedImageReport } from '../../src/commands/upload.js';
import type { CommandResult } from '../../src/commands/types.js';
import { ConfigErrors } from '../../src/config/errors.js';
import { detectChange, readEvent } from '../../src/platform/change.js';
import { sha256 } from '../../src/registry/digest.js';
import { MediaType } from '../../src/registry/media-types.js';
import { RegistrySession } from '../../src/registry/session.js';
import { startFaultProxy, type FaultProxy } from '../helpers/fault-proxy.js';
import { pushSynthetic } from '../helpers/images.js';
import { startRegistry, type RegistryProcess } from '../helpers/registry-process.js';
import { eventEnv, fixtureProject, recordingLogger, uniqueName } from '../helpers/testbed.js';

const project = fixtureProject();
const gate = (change: number) =>
  eventEnv('merge_group', {
    merge_group: { head_sha: 'e'.repeat(40), head_ref: `refs/heads/gh-readonly-queue/main/pr-${change}-${'f'.repeat(40)}` },
  });
const release = eventEnv('push', { ref: 'refs/tags/1.0.0' });
const releasePrefix = detectChange(release, readEvent(release)).prefix;

interface IndexJson {
  mediaType: string;
  manifests: { mediaType: string; digest: string; size: number; platform: { os: string; architecture: string } }[];
}

const listOf = (repository: string) =>
  JSON.stringify([{ context: 'multiarch', repository, arch: ['linux/amd64', 'linux/arm64'], tags: ['latest'] }]);

async function merge(repository: string, env: Record<string, string>, extra: Record<string, string> = {}) {
  const inputs: Record<string, string> = { images: listOf(repository), merge: 'true', 'work-dir': project, ...extra };
  const logger = recordingLogger();
  const result: CommandResult = await upload({
    env: { ...process.env, ...env },
    logger,
    read: (name) => inputs[name] ?? '',
    exec: () => Promise.reject(new Error('a merge runs no process')),
  });
  return { result, logger, images: JSON.parse(result.outputs.images ?? '[]') as (UploadedImageReport & { reused: unknown[] })[] };
}

async function mergeError(repository: string, env: Record<string, string>, extra: Record<string, string> = {}): Promise<string> {
  const error = await merge(repository, env, extra).then(
    () => assert.fail('the merge succeeded'),
    (e: unknown) => e,
  );
  assert.ok(error instanceof ConfigErrors, String(error));
  return error.message;
}

describe('merge: children read and checked, release reuse only when asked', () => {
  let registry: RegistryProcess;
  let proxy: FaultProxy;
  const session = new RegistrySession();
  before(async () => {
    registry = await startRegistry();
    proxy = await startFaultProxy(registry.registry);
  });
  after(async () => {
    session.close();
    await proxy.close();
    await registry.stop();
  });

  const path = () => `merge/${uniqueName('app')}`;
  const push = (repository: string, platform: string, tags: string[]) =>
    pushSynthetic(session, registry.registry, repository, { layers: [64], platforms: [platform], tags });
  const tagsOf = async (repository: string) => (await session.client(registry.registry).listTags(repository)).sort();
  const indexAt = async (repository: string, tag: string) =>
    JSON.parse((await session.client(registry.registry).getManifest(repository, tag)).bytes.toString()) as IndexJson;

  test('a per-platform tag holding another platform stops the merge, naming tag, expected and found; nothing is published', async () => {
    const repository = path();
    await push(repository, 'linux/amd64', ['change_31_latest__linux-amd64']);
    await push(repository, 'linux/amd64', ['change_31_latest__linux-arm64']);
    const message = await mergeError(`${registry.registry}/${repository}`, gate(31));
    assert.match(message, /nothing was merged: images\[0\] .*:change_31_latest__linux-arm64 holds a linux\/amd64 image, not linux\/arm64/);
    assert.deepEqual(await tagsOf(repository), ['change_31_latest__linux-amd64', 'change_31_latest__linux-arm64']);
  });

  test('an index whose entry claims the platform is checked against its child config', async () => {
    const repository = path();
    await push(repository, 'linux/amd64', ['change_32_latest__linux-amd64']);
    const liar = await push(repository, 'linux/amd64', []);
    const child = await session.client(registry.registry).getManifest(repository, liar.digest);
    const index = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: MediaType.OciIndex,
        manifests: [
          {
            mediaType: MediaType.OciManifest,
            digest: child.digest,
            size: child.bytes.length,
            platform: { os: 'linux', architecture: 'arm64' },
          },
        ],
      }),
    );
    await session
      .client(registry.registry)
      .putManifest(repository, 'change_32_latest__linux-arm64', { bytes: index, mediaType: MediaType.OciIndex });
    const message = await mergeError(`${registry.registry}/${repository}`, gate(32));
    assert.match(
      message,
      new RegExp(`change_32_latest__linux-arm64 \\(its linux/arm64 entry ${child.digest}\\) holds a linux/amd64 image, not linux/arm64`),
    );
    assert.deepEqual(await tagsOf(repository), ['change_32_latest__linux-amd64', 'change_32_latest__linux-arm64']);
  });

  test('a per-platform tag holding a multi-platform image gives its one entry for the platform; two such entries are refused', async () => {
    const repository = path();
    await push(repository, 'linux/amd64', ['change_34_latest__linux-amd64']);
    const whole = await pushSynthetic(session, registry.registry, repository, {
      layers: [64],
      platforms: ['linux/amd64', 'linux/arm64'],
      tags: ['change_34_latest__linux-arm64'],
    });
    await merge(`${registry.registry}/${repository}`, gate(34));
    assert.equal((await indexAt(repository, 'change_34_latest')).manifests[1].digest, whole.childDigests[1]);

    await pushSynthetic(session, registry.registry, repository, {
      layers: [64],
      platforms: ['linux/arm64', 'linux/arm64'],
      tags: ['change_35_latest__linux-arm64'],
    });
    await push(repository, 'linux/amd64', ['change_35_latest__linux-amd64']);
    const message = await mergeError(`${registry.registry}/${repository}`, gate(35));
    assert.match(message, /change_35_latest__linux-arm64 is an index with 2 linux\/arm64 images \(linux\/arm64, linux\/arm64\)/);
    assert.equal((await session.client(registry.registry).headManifest(repository, 'change_35_latest'))?.digest, undefined);
  });

  test('the index descriptors come from the bytes read, not from what a HEAD says', async () => {
    const repository = path();
    const amd64 = await push(repository, 'linux/amd64', ['change_33_latest__linux-amd64']);
    const arm64 = await push(repository, 'linux/arm64', ['change_33_latest__linux-arm64']);
    for (const [arch, image] of [
      ['amd64', amd64],
      ['arm64', arm64],
    ] as const) {
      // The registry's HEAD lies about the type and size of each per-platform push; its GET does not.
      proxy.rules.push({
        method: 'HEAD',
        path: new RegExp(`/manifests/change_33_latest__linux-${arch}$`),
        times: Infinity,
        fault: {
          kind: 'respond',
          status: 200,
          headers: { 'docker-content-digest': image.digest, 'content-type': MediaType.DockerManifest, 'content-length': '99' },
        },
      });
    }
    const { images } = await merge(`${proxy.registry}/${repository}`, gate(33));
    const index = await indexAt(repository, 'change_33_latest');
    assert.equal(images[0].digest, sha256((await session.client(registry.registry).getManifest(repository, 'change_33_latest')).bytes));
    assert.equal(index.mediaType, MediaType.OciIndex);
    for (const [i, image] of [amd64, arm64].entries()) {
      const bytes = (await session.client(registry.registry).getManifest(repository, image.digest)).bytes;
      assert.deepEqual(
        { mediaType: index.manifests[i].mediaType, digest: index.manifests[i].digest, size: index.manifests[i].size },
        { mediaType: MediaType.OciManifest, digest: image.digest, size: bytes.length },
      );
    }
    assert.deepEqual(
      index.manifests.map((m) => m.platform),
      [
        { os: 'linux', architecture: 'amd64' },
        { os: 'linux', architecture: 'arm64' },
      ],
    );
  });

  test('a release merge missing a platform is an error unless merge-reuse-missing: true, which reports the reuse', async () => {
    const repository = path();
    const reference = `${registry.registry}/${repository}`;
    const previous = await pushSynthetic(session, registry.registry, repository, {
      layers: [64],
      platforms: ['linux/amd64', 'linux/arm64'],
      tags: ['latest'],
    });
    const amd64 = await push(repository, 'linux/amd64', [`${releasePrefix}_latest__linux-amd64`]);

    const message = await mergeError(reference, release, { promote: 'false' });
    assert.match(
      message,
      new RegExp(
        `no linux/arm64 image: the upload job with platform: linux/arm64 did not push ${releasePrefix}_latest__linux-arm64; ` +
          `a release merge does not take a platform from the release already under ${reference}:latest unless merge-reuse-missing: true`,
      ),
    );
    assert.equal(
      (await session.client(registry.registry).headManifest(repository, 'latest'))?.digest,
      previous.digest,
      'the release is untouched',
    );

    const { images, result, logger } = await merge(reference, release, { promote: 'false', 'merge-reuse-missing': 'true' });
    const reusedArm64 = previous.childDigests[1];
    assert.deepEqual(images[0].reused, [{ platform: 'linux/arm64', digest: reusedArm64, from: `${reference}:latest` }]);
    assert.deepEqual(
      (await indexAt(repository, 'latest')).manifests.map((m) => m.digest),
      [amd64.digest, reusedArm64],
    );
    assert.ok(
      logger.lines.includes(`${reference}: linux/arm64 not pushed this time: reused ${reusedArm64} from ${reference}:latest`),
      logger.lines.join('\n'),
    );
    assert.equal(result.summary?.headers.at(-1), 'reused (not pushed this time)');
    assert.equal(result.summary?.rows[0].at(-1), `linux/arm64 ${reusedArm64} from ${reference}:latest`);
    assert.deepEqual(await tagsOf(repository), ['latest']);
  });

  test('merge-reuse-missing needs merge: true', async () => {
    const inputs: Record<string, string> = {
      images: listOf(`${registry.registry}/merge/x`),
      'merge-reuse-missing': 'true',
      'work-dir': project,
    };
    await assert.rejects(
      upload({
        env: { ...process.env, ...release },
        logger: recordingLogger(),
        read: (name) => inputs[name] ?? '',
        exec: () => Promise.reject(new Error('no')),
      }),
      /merge-reuse-missing: only with merge: true/,
    );
  });
});
