import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { afterAll as after, beforeAll as before, describe, test } from '@jest/globals';
import { copyImage } from '../../src/registry/copy.js';
import { RegistrySession } from '../../src/registry/session.js';
import { pushSynthetic, skopeoCopy, skopeoRaw, type SyntheticImage } from '../helpers/images.js';
import { createServer } from 'node:http';
import { freePort, startRegistry, type RegistryProcess } from '../helpers/registry-process.js';
import { uniqueName } from '../helpers/testbed.js';

interface Counted {
  session: RegistrySession;
  requests: { method: string; host: string; path: string }[];
}

function countedSession(): Counted {
  const requests: Counted['requests'] = [];
  const session = new RegistrySession({
    transport: { onRequest: (method, url) => requests.push({ method, host: url.host, path: url.pathname + url.search }) },
  });
  return { session, requests };
}

describe('copyImage between real registries', () => {
  let a: RegistryProcess;
  let b: RegistryProcess;
  let seed: RegistrySession;
  let single: SyntheticImage;
  let multi: SyntheticImage;

  before(async () => {
    [a, b] = await Promise.all([startRegistry(), startRegistry()]);
    seed = new RegistrySession();
    single = await pushSynthetic(seed, a.registry, 'src/single', { layers: [300_000, 2_000_000, 1000], tags: ['v1'] });
    multi = await pushSynthetic(seed, a.registry, 'src/multi', {
      layers: [500_000, 40_000],
      platforms: ['linux/amd64', 'linux/arm64'],
      tags: ['v1'],
    });
  });
  after(async () => {
    seed.close();
    await Promise.all([a.stop(), b.stop()]);
  });

  test('single-platform between two registries: byte-identical, every tag, blobs streamed', async () => {
    const { session, requests } = countedSession();
    const result = await copyImage(
      session,
      { registry: a.registry, repository: 'src/single' },
      { registry: b.registry, repository: 'dst/single' },
      { source: 'v1', tags: ['v1', 'latest'] },
    );
    session.close();
    assert.equal(result.status, 'copied');
    assert.equal(result.digest, single.digest);
    assert.equal(result.blobsCopied, 4);
    assert.equal(result.blobsMounted, 0);
    for (const tag of ['v1', 'latest'])
      assert.ok((await skopeoRaw(`${b.registry}/dst/single:${tag}`)).equals(await skopeoRaw(`${a.registry}/src/single:v1`)));
    // Tags last: both tag PUTs come after every blob upload.
    const lastBlobPut = requests.map((r) => r.method === 'PUT' && r.path.includes('/blobs/uploads/')).lastIndexOf(true);
    const firstTagPut = requests.findIndex((r) => r.method === 'PUT' && /\/manifests\/(v1|latest)$/.test(r.path));
    assert.ok(lastBlobPut < firstTagPut);
  });

  test('two-platform index between registries: identical to the source and to skopeo copy --all', async () => {
    const { session } = countedSession();
    const result = await copyImage(
      session,
      { registry: a.registry, repository: 'src/multi' },
      { registry: b.registry, repository: 'dst/multi' },
      { source: 'v1', tags: ['v1'] },
    );
    session.close();
    assert.equal(result.digest, multi.digest);
    assert.equal(result.manifestsPut, 3, 'two children by digest, then the index by its tag');
    await skopeoCopy(`${a.registry}/src/multi:v1`, `${b.registry}/skopeo/multi:v1`);
    const native = await skopeoRaw(`${b.registry}/dst/multi:v1`);
    assert.ok(native.equals(await skopeoRaw(`${a.registry}/src/multi:v1`)));
    assert.ok(native.equals(await skopeoRaw(`${b.registry}/skopeo/multi:v1`)));
    for (const child of multi.childDigests)
      assert.ok((await skopeoRaw(`${b.registry}/dst/multi@${child}`)).equals(await skopeoRaw(`${a.registry}/src/multi@${child}`)));
  });

  test('within one registry every blob is mounted, none streamed; counted on the wire', async () => {
    const { session, requests } = countedSession();
    const result = await copyImage(
      session,
      { registry: a.registry, repository: 'src/multi' },
      { registry: a.registry, repository: `mounted/${uniqueName('m')}` },
      { source: 'v1', tags: ['v1'] },
    );
    session.close();
    const blobCount = multi.layerDigests.length + multi.childDigests.length; // layers + one config per platform
    assert.equal(result.blobsMounted, blobCount);
    assert.equal(result.blobsCopied, 0);
    assert.equal(requests.filter((r) => r.method === 'POST' && r.path.includes('mount=')).length, blobCount);
    assert.equal(requests.filter((r) => r.method === 'GET' && r.path.includes('/blobs/')).length, 0, 'no blob was downloaded');
  });

  test('a second repository of the destination mounts what the first received in the same run', async () => {
    const { session, requests } = countedSession();
    await copyImage(
      session,
      { registry: a.registry, repository: 'src/single' },
      { registry: b.registry, repository: 'reuse/one' },
      { source: 'v1', tags: ['v1'] },
    );
    const second = await copyImage(
      session,
      { registry: a.registry, repository: 'src/single' },
      { registry: b.registry, repository: 'reuse/two' },
      { source: 'v1', tags: ['v1'] },
    );
    session.close();
    assert.equal(second.blobsMounted, 4);
    assert.equal(second.blobsCopied, 0);
    assert.equal(
      requests.filter((r) => r.method === 'GET' && r.path.includes('/blobs/sha256')).length,
      4,
      'each blob downloaded once in all',
    );
  });

  test('two images sharing a layer, copied at once, upload it once', async () => {
    const shared = Buffer.alloc(700_000, 7);
    await pushSynthetic(seed, a.registry, 'src/share1', { shared: [shared], layers: [1000], tags: ['v1'] });
    await pushSynthetic(seed, a.registry, 'src/share2', { shared: [shared], layers: [2000], tags: ['v1'] });
    const { session, requests } = countedSession();
    const results = await Promise.all(
      ['share1', 'share2'].map((name) =>
        copyImage(
          session,
          { registry: a.registry, repository: `src/${name}` },
          { registry: b.registry, repository: `shared/${name}` },
          { source: 'v1', tags: ['v1'] },
        ),
      ),
    );
    session.close();
    const sharedDigest = `sha256:${createHash('sha256').update(shared).digest('hex')}`;
    const uploads = requests.filter((r) => r.method === 'PUT' && decodeURIComponent(r.path).includes(`digest=${sharedDigest}`));
    assert.equal(uploads.length, 1, 'the shared layer was uploaded once');
    assert.equal(results[0].blobsMounted + results[1].blobsMounted, 1, 'and mounted into the other repository');
  });

  test('nothing to do when every destination tag already has the digest: HEADs only', async () => {
    const { session, requests } = countedSession();
    await copyImage(
      session,
      { registry: a.registry, repository: 'src/multi' },
      { registry: b.registry, repository: 'again/multi' },
      { source: 'v1', tags: ['v1', 'stable'] },
    );
    requests.length = 0;
    const again = await copyImage(
      session,
      { registry: a.registry, repository: 'src/multi' },
      { registry: b.registry, repository: 'again/multi' },
      { source: 'v1', tags: ['v1', 'stable'] },
    );
    session.close();
    assert.equal(again.status, 'unchanged');
    assert.deepEqual(requests.map((r) => `${r.method} ${r.host === a.registry ? 'src' : 'dst'}`).sort(), [
      'HEAD dst',
      'HEAD dst',
      'HEAD src',
    ]);
  });

  test('a platform subset makes a smaller index holding only those platforms', async () => {
    const session = new RegistrySession();
    const result = await copyImage(
      session,
      { registry: a.registry, repository: 'src/multi' },
      { registry: b.registry, repository: 'subset/multi' },
      { source: 'v1', tags: ['arm'], platforms: ['linux/arm64'] },
    );
    session.close();
    const index = JSON.parse((await skopeoRaw(`${b.registry}/subset/multi:arm`)).toString()) as {
      manifests: { platform: { architecture: string }; digest: string }[];
    };
    assert.deepEqual(
      index.manifests.map((m) => m.platform.architecture),
      ['arm64'],
    );
    assert.equal(index.manifests[0].digest, multi.childDigests[1]);
    assert.notEqual(result.digest, multi.digest);
  });

  test('tag lists follow Link pagination across pages (distribution 2.8 ignores n, so a paginating server stands in)', async () => {
    const tags = Array.from({ length: 7 }, (_, i) => `t${i}`);
    const seen: string[] = [];
    // Pages like distribution 3 and most hosted registries: n, last, and a relative Link.
    const server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      seen.push(url.pathname + url.search);
      if (url.pathname === '/v2/') return res.writeHead(200).end('{}');
      const n = Number(url.searchParams.get('n') ?? 100);
      const last = url.searchParams.get('last');
      const start = last ? tags.indexOf(last) + 1 : 0;
      const page = tags.slice(start, start + n);
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (start + n < tags.length) headers.link = `</v2/src/paged/tags/list?last=${page[page.length - 1]}&n=${n}>; rel="next"`;
      res.writeHead(200, headers).end(JSON.stringify({ name: 'src/paged', tags: page }));
    });
    const port = await freePort();
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    const session = new RegistrySession();
    try {
      assert.deepEqual(await session.client(`127.0.0.1:${port}`).listTags('src/paged', 3), tags);
      assert.deepEqual(
        seen.filter((p) => p.includes('tags/list')),
        ['/v2/src/paged/tags/list?n=3', '/v2/src/paged/tags/list?last=t2&n=3', '/v2/src/paged/tags/list?last=t5&n=3'],
      );
    } finally {
      session.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  test('every response is read to its end: no socket stays taken after copies into an empty registry', async () => {
    const session = new RegistrySession();
    await Promise.all(
      ['src/single', 'src/multi'].map((name) =>
        copyImage(
          session,
          { registry: a.registry, repository: name },
          { registry: b.registry, repository: `sockets/${uniqueName('s')}` },
          { source: 'v1', tags: ['v1'] },
        ),
      ),
    );
    await session.client(b.registry).headManifest('sockets/none', 'v1');
    assert.equal(session.transport.busySockets(), 0);
    session.close();
  });

  test('a missing source is a clear error, and nothing is written', async () => {
    const session = new RegistrySession();
    await assert.rejects(
      copyImage(
        session,
        { registry: a.registry, repository: 'src/nope' },
        { registry: b.registry, repository: 'dst/nope' },
        { source: 'v1', tags: ['v1'] },
      ),
      /src\/nope:v1 not found/,
    );
    await assert.rejects(
      copyImage(
        session,
        { registry: a.registry, repository: 'src/multi' },
        { registry: b.registry, repository: 'dst/nope' },
        { source: 'v1', tags: ['v1'], platforms: ['linux/s390x'] },
      ),
      /has no linux\/s390x image/,
    );
    assert.equal(await session.client(b.registry).headManifest('dst/nope', 'v1'), undefined);
    session.close();
  });
});
