import assert from 'node:assert/strict';
import { afterAll as after, beforeAll as before, describe, test } from '@jest/globals';
import { copyImage, type RepositoryRef } from '../../src/registry/copy.js';
import { DigestMismatchError } from '../../src/registry/digest.js';
import { RegistrySession } from '../../src/registry/session.js';
import { startFaultProxy, type FaultProxy, type FaultRule, type ProxyLogEntry } from '../helpers/fault-proxy.js';
import { pushSynthetic, skopeoRaw, type SyntheticImage } from '../helpers/images.js';
import { startRegistry, type RegistryProcess } from '../helpers/registry-process.js';
import { uniqueName } from '../helpers/testbed.js';

const FAST_RETRY = { attempts: 5, baseDelayMs: 20, maxDelayMs: 200 };

/** Tag PUTs come after every blob upload and every child manifest: no tag on an incomplete image. */
function assertTagsLast(log: readonly ProxyLogEntry[], repository: string, tags: readonly string[]): void {
  const isTagPut = (e: ProxyLogEntry) => e.method === 'PUT' && tags.some((t) => e.path === `/v2/${repository}/manifests/${t}`);
  const firstTag = log.findIndex(isTagPut);
  assert.ok(firstTag >= 0, 'the tag was put');
  log.slice(firstTag + 1).forEach((e) => {
    const content = e.method === 'PUT' && (e.path.includes('/blobs/uploads/') || /\/manifests\/sha256:/.test(e.path));
    assert.ok(!content || !e.path.startsWith(`/v2/${repository}/`), `content was written after the tag: ${e.method} ${e.path}`);
  });
}

describe('copies through a fault-injecting proxy', () => {
  let a: RegistryProcess;
  let b: RegistryProcess;
  let toB: FaultProxy;
  let fromA: FaultProxy;
  let image: SyntheticImage;

  before(async () => {
    [a, b] = await Promise.all([startRegistry(), startRegistry()]);
    [toB, fromA] = await Promise.all([startFaultProxy(b.registry), startFaultProxy(a.registry)]);
    const seed = new RegistrySession();
    image = await pushSynthetic(seed, a.registry, 'src/app', {
      layers: [1_500_000, 300_000],
      platforms: ['linux/amd64', 'linux/arm64'],
      tags: ['v1'],
    });
    seed.close();
  });
  after(async () => {
    await Promise.all([toB.close(), fromA.close()]);
    await Promise.all([a.stop(), b.stop()]);
  });

  async function copyWith(rules: FaultRule[], options: { through?: 'source' | 'destination'; idleTimeoutMs?: number } = {}) {
    const proxy = options.through === 'source' ? fromA : toB;
    proxy.rules.length = 0;
    proxy.rules.push(...rules);
    proxy.log.length = 0;
    const repository = `dst/${uniqueName('f')}`;
    const session = new RegistrySession({ retry: FAST_RETRY, transport: { idleTimeoutMs: options.idleTimeoutMs ?? 5000 } });
    const from: RepositoryRef = { registry: options.through === 'source' ? fromA.registry : a.registry, repository: 'src/app' };
    const to: RepositoryRef = { registry: options.through === 'source' ? b.registry : toB.registry, repository };
    try {
      const result = await copyImage(session, from, to, { source: 'v1', tags: ['v1'] });
      return { result, repository, log: proxy.log, unused: proxy.rules.filter((r) => (r.times ?? 1) > 0) };
    } finally {
      session.close();
    }
  }

  async function assertIdentical(repository: string) {
    assert.ok((await skopeoRaw(`${b.registry}/${repository}:v1`)).equals(await skopeoRaw(`${a.registry}/src/app:v1`)));
    for (const child of image.childDigests)
      assert.ok((await skopeoRaw(`${b.registry}/${repository}@${child}`)).equals(await skopeoRaw(`${a.registry}/src/app@${child}`)));
  }

  const recoverable: [string, FaultRule[], 'source' | 'destination', number?][] = [
    ['connection reset on a blob upload PUT', [{ method: 'PUT', path: /\/blobs\/uploads\//, fault: { kind: 'reset' } }], 'destination'],
    [
      'connection dropped mid-body on a blob download',
      [{ method: 'GET', path: /\/blobs\/sha256/, fault: { kind: 'reset-mid-body' } }],
      'source',
    ],
    [
      '500 then 503 on manifest PUTs',
      [
        { method: 'PUT', path: /\/manifests\//, fault: { kind: 'status', status: 500 } },
        { method: 'PUT', path: /\/manifests\//, fault: { kind: 'status', status: 503 } },
      ],
      'destination',
    ],
    [
      '503 on opening an upload',
      [{ method: 'POST', path: /\/blobs\/uploads\//, fault: { kind: 'status', status: 503 }, times: 2 }],
      'destination',
    ],
    ['a truncated blob body', [{ method: 'GET', path: /\/blobs\/sha256/, fault: { kind: 'truncate' } }], 'source'],
    [
      'a stalled blob download (idle timeout)',
      [{ method: 'GET', path: /\/blobs\/sha256/, fault: { kind: 'stall', ms: 3000 } }],
      'source',
      500,
    ],
    ['a reset before any response on HEAD', [{ method: 'HEAD', fault: { kind: 'reset' }, times: 2 }], 'destination'],
  ];
  for (const [name, rules, through, idle] of recoverable) {
    test(`recovers from ${name}: identical digests, tags last`, async () => {
      const { result, repository, log, unused } = await copyWith(rules, { through, idleTimeoutMs: idle });
      assert.deepEqual(unused, [], 'every injected fault was hit');
      assert.equal(result.digest, image.digest);
      await assertIdentical(repository);
      if (through === 'destination') assertTagsLast(log, repository, ['v1']);
    });
  }

  test('429 with Retry-After: the retry waits as long as the registry asked', async () => {
    const { result, log } = await copyWith([
      { method: 'PUT', path: /\/manifests\//, fault: { kind: 'status', status: 429, retryAfter: '1' } },
    ]);
    assert.equal(result.digest, image.digest);
    const throttled = log.find((e) => e.status === 429);
    assert.ok(throttled);
    const retried = log.find((e) => e !== throttled && e.method === throttled.method && e.path === throttled.path && e.at >= throttled.at);
    assert.ok(retried, 'the throttled request was sent again');
    assert.ok(retried.at - throttled.at >= 900, `retried after ${retried.at - throttled.at} ms, not the 1 s Retry-After asked for`);
  });

  test('a registry refusing large bodies (413) gets the blob in chunks (PATCH with Content-Range)', async () => {
    // Like a reverse proxy's body limit: PUT and PATCH alike, smaller than the largest layer.
    const { result, repository, log } = await copyWith([
      { path: /\/blobs\/uploads\//, fault: { kind: 'too-large', limit: 600_000 }, times: Infinity },
    ]);
    assert.equal(result.digest, image.digest);
    assert.ok(
      log.some((e) => e.method === 'PATCH' && e.status === 202),
      'chunks were sent',
    );
    assert.ok(!log.some((e) => (e.contentLength ?? 0) > 600_000 && e.status !== 413), 'no body over the limit got through');
    await assertIdentical(repository);
  });

  test('a blob upload that keeps failing: the copy fails naming the image, and no tag or index is written', async () => {
    await assert.rejects(
      copyWith([{ method: 'PUT', path: /\/blobs\/uploads\//, fault: { kind: 'status', status: 500 }, skip: 2, times: Infinity }]),
      /HTTP 500/,
    );
    // A child whose blobs all arrived may go in by digest (untagged); the index and tags never do.
    const named = toB.log.filter((e) => e.method === 'PUT' && e.path.includes('/manifests/') && !e.path.includes('/manifests/sha256:'));
    assert.deepEqual(named, [], 'no tag was put');
    assert.ok(!toB.log.some((e) => e.method === 'PUT' && e.path.endsWith(`/manifests/${image.digest}`)), 'the index was not put');
  });

  test('a corrupted blob is detected, reported as a digest mismatch, and never written', async () => {
    fromA.rules.length = 0;
    fromA.rules.push({ method: 'GET', path: /\/blobs\/sha256/, fault: { kind: 'corrupt' }, times: Infinity });
    const repository = `dst/${uniqueName('corrupt')}`;
    const session = new RegistrySession({ retry: FAST_RETRY });
    await assert.rejects(
      copyImage(
        session,
        { registry: fromA.registry, repository: 'src/app' },
        { registry: b.registry, repository },
        { source: 'v1', tags: ['v1'] },
      ),
      (error: unknown) => {
        assert.ok(error instanceof DigestMismatchError, String(error));
        assert.match(error.message, /digest mismatch for blob sha256:[0-9a-f]{64} of 127\.0\.0\.1:\d+\/src\/app:v1/);
        return true;
      },
    );
    for (const layer of image.layerDigests)
      assert.equal(await session.client(b.registry).headBlob(repository, layer), undefined, 'the corrupted blob is not in the destination');
    assert.equal(await session.client(b.registry).headManifest(repository, 'v1'), undefined);
    session.close();
    fromA.rules.length = 0;
  });
});
