// Promotion under failure (issue: hardening): deletions refused in every way after the release
// moved, one image failing while others work, leaks decided without trusting `created`,
// registries whose tag DELETE takes the manifest, and probe tags left by interrupted runs.
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { createServer, type Server } from 'node:http';
import { afterAll as after, beforeAll as before, describe, test } from '@jest/globals';
import type { PromotedTag } from '../../src/commands/promote.js';
import { RegistrySession } from '../../src/registry/session.js';
import { dummyManifest } from '../../src/registry/tag-delete/dummy.js';
import { runCli } from '../helpers/cli.js';
import { startFaultProxy, type FaultProxy } from '../helpers/fault-proxy.js';
import { pushSynthetic, skopeoRaw, skopeoTags } from '../helpers/images.js';
import { listOf, merged, pushGated, runPromote } from '../helpers/promote-run.js';
import { freePort, startRegistry, type RegistryProcess } from '../helpers/registry-process.js';
import { closeServer } from '../helpers/stand-in.js';
import { startTokenServer, type TokenServer } from '../helpers/token-server.js';
import { uniqueName } from '../helpers/testbed.js';

describe('promotion hardening', () => {
  let registry: RegistryProcess;
  let proxy: FaultProxy;
  const seed = new RegistrySession();
  const servers: Server[] = [];

  before(async () => {
    registry = await startRegistry();
    proxy = await startFaultProxy(registry.registry);
  });
  after(async () => {
    seed.close();
    await Promise.all(servers.map(closeServer));
    await proxy.close();
    await registry.stop();
  });

  const gate = (change: number, options: { labelled?: boolean; created?: string; via?: string } = {}) =>
    pushGated(seed, registry.registry, `hard/${uniqueName(`c${change}`)}`, change, {
      layers: [500],
      labelled: options.labelled,
      created: options.created ?? new Date().toISOString(),
      via: options.via ?? proxy.registry,
    });
  const digestOf = async (path: string, tag: string) => (await seed.client(registry.registry).headManifest(path, tag))?.digest;

  test('2. temporary-tag deletions refused with 429 and 5xx after the final tags moved: left behind, success, outputs written', async () => {
    for (const [status, retryAfter] of [
      [429, '0'],
      [503, undefined],
    ] as const) {
      const { path, image, repository } = await gate(20 + status);
      proxy.rules.push({ method: 'DELETE', times: Infinity, fault: { kind: 'status', status, retryAfter } });
      const out = await runPromote({ images: listOf(repository) }, merged(20 + status));
      proxy.rules.length = 0;
      assert.equal(out.failure, undefined, `HTTP ${status}: ${out.failure}`);
      assert.deepEqual(
        out.promoted.map((p) => [p.tag, p.digest, p.status]),
        [
          ['latest', image.digest, 'moved'],
          ['1.0', image.digest, 'moved'],
        ],
      );
      assert.deepEqual(out.deleted, []);
      assert.deepEqual(
        out.leftBehind.map((l) => l.ref),
        [`${repository}:change_${20 + status}_latest`, `${repository}:change_${20 + status}_1.0`],
      );
      for (const left of out.leftBehind) assert.match(left.reason, new RegExp(`HTTP ${status}`));
      assert.equal(await digestOf(path, 'latest'), image.digest);
      assert.equal(await digestOf(path, '1.0'), image.digest);
    }
  });

  test('2. a push-only credential (401 insufficient_scope on DELETE), through the CLI: exit 0, a warning, every output written', async () => {
    const tokens: TokenServer = await startTokenServer({
      pusher: { password: 'push-only-pw', grants: [{ repository: /.*/, actions: ['pull', 'push'] }] },
    });
    const tokenRegistry = await startRegistry({
      token: { realm: tokens.realm, service: tokens.service, issuer: tokens.issuer, rootCertBundle: tokens.certFile },
    });
    try {
      const session = new RegistrySession({
        credentials: { explicit: new Map([[tokenRegistry.registry, { username: 'pusher', password: 'push-only-pw' }]]) },
      });
      const image = await pushSynthetic(session, tokenRegistry.registry, 'scoped/app', {
        layers: [100],
        tags: ['change_31_latest', 'change_31_1.0'],
        labels: { 'org.zuul-ci.change': '31' },
      });
      const run = await runCli('promote', {
        images: listOf(`${tokenRegistry.registry}/scoped/app`),
        change: '31',
        'registry-credentials': `"${tokenRegistry.registry}": {username: pusher, password: push-only-pw}`,
      });
      assert.equal(run.code, 0, run.log);
      assert.match(run.log, /warning: temporary tag left behind: .*change_31_latest: .*insufficient_scope/);
      assert.deepEqual(
        (JSON.parse(run.outputs.promoted) as PromotedTag[]).map((p) => [p.tag, p.status]),
        [
          ['latest', 'moved'],
          ['1.0', 'moved'],
        ],
      );
      assert.equal((JSON.parse(run.outputs['left-behind']) as unknown[]).length, 2);
      assert.ok(!run.log.includes('push-only-pw'));
      assert.equal((await session.client(tokenRegistry.registry).headManifest('scoped/app', 'latest'))?.digest, image.digest);
      session.close();
    } finally {
      await tokenRegistry.stop();
      await tokens.close();
    }
  });

  test('2. a tag list whose pagination loops during cleanup: left behind as a failed cleanup, the release stands', async () => {
    const { path, image, repository } = await gate(41);
    proxy.rules.push({
      method: 'GET',
      path: /\/tags\/list/,
      times: Infinity,
      fault: {
        kind: 'respond',
        status: 200,
        headers: { 'content-type': 'application/json', link: `</v2/${path}/tags/list?n=1&last=a>; rel="next"` },
        body: JSON.stringify({ name: path, tags: ['a'] }),
      },
    });
    const out = await runPromote({ images: listOf(repository) }, merged(41));
    proxy.rules.length = 0;
    assert.equal(out.failure, undefined);
    assert.deepEqual(out.deleted, [`${repository}:change_41_latest`, `${repository}:change_41_1.0`]);
    assert.equal(out.leftBehind.length, 1);
    assert.match(out.leftBehind[0].reason, /^leaked-tag cleanup failed: .*tag list pagination loops/);
    assert.equal(await digestOf(path, 'latest'), image.digest);
  });

  test('3. one image failing stops the others: no deletion anywhere, nothing sent after the result; a re-run completes', async () => {
    const a = await gate(50);
    const b = await gate(50);
    proxy.log.length = 0;
    // A's final-tag PUTs are slow; B's is refused for good: A must stop, not go on to delete.
    proxy.onRequest = async (method, path) => {
      if (method === 'PUT' && path.startsWith(`/v2/${a.path}/manifests/`) && !path.includes('change_'))
        await new Promise((r) => setTimeout(r, 400));
    };
    proxy.rules.push({
      method: 'PUT',
      path: new RegExp(`/v2/${b.path}/manifests/(latest|1\\.0)$`),
      times: Infinity,
      fault: {
        kind: 'respond',
        status: 400,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ errors: [{ code: 'MANIFEST_INVALID', message: 'refused' }] }),
      },
    });
    const out = await runPromote({ images: listOf(a.repository, b.repository), cleanup: 'false' }, merged(50));
    const settledAt = proxy.log.length;
    await new Promise((r) => setTimeout(r, 1500));
    proxy.onRequest = undefined;
    proxy.rules.length = 0;
    assert.match(out.failure ?? '', /PUT .*\/manifests\/(latest|1\.0): HTTP 400 MANIFEST_INVALID/);
    assert.ok(Array.isArray(out.promoted) && Array.isArray(out.deleted), 'the outputs are written on the failure path');
    assert.equal(proxy.log.length, settledAt, 'nothing was sent after promote returned');
    assert.deepEqual(
      proxy.log.filter((e) => e.method === 'DELETE'),
      [],
      'no temporary tag was deleted',
    );
    assert.deepEqual(await skopeoTags(`${registry.registry}/${a.path}`).then((t) => t.filter((x) => x.startsWith('change_'))), [
      'change_50_1.0',
      'change_50_latest',
    ]);

    const again = await runPromote({ images: listOf(a.repository, b.repository) }, merged(50));
    assert.equal(again.failure, undefined, again.failure);
    for (const image of [a, b]) {
      assert.equal(await digestOf(image.path, 'latest'), image.image.digest);
      assert.deepEqual(await skopeoTags(`${registry.registry}/${image.path}`), ['1.0', 'latest']);
    }
  });

  test('3. a re-run after a run cut short between deletions completes, images without the change label included', async () => {
    const done = await gate(51, { labelled: false });
    const pending = await gate(51, { labelled: false });
    // The cut-short run had moved both images' final tags and deleted the first image's temporaries.
    const client = seed.client(registry.registry);
    for (const image of [done, pending]) {
      const manifest = await client.getManifest(image.path, image.image.digest);
      for (const tag of ['latest', '1.0']) await client.putManifest(image.path, tag, manifest);
    }
    const first = await runPromote({ images: listOf(done.repository), cleanup: 'false' }, merged(51));
    assert.equal(first.failure, undefined);
    assert.deepEqual(await skopeoTags(`${registry.registry}/${done.path}`), ['1.0', 'latest']);
    const alone = await runPromote({ images: listOf(done.repository) }, merged(51));
    assert.match(
      alone.failure ?? '',
      /nothing was promoted: .*the final tags hold an image of no change/,
      "alone, nothing shows the image is this change's",
    );
    const out = await runPromote({ images: listOf(done.repository, pending.repository) }, merged(51));
    assert.equal(out.failure, undefined, out.failure);
    assert.deepEqual(
      out.promoted.map((p) => [p.repository, p.tag, p.status]),
      [
        [done.repository, 'latest', 'in-place'],
        [done.repository, '1.0', 'in-place'],
        // Its temporary tags are all there: the manifest is put again rather than looked up (as cheap).
        [pending.repository, 'latest', 'moved'],
        [pending.repository, '1.0', 'moved'],
      ],
    );
    assert.deepEqual(await skopeoTags(`${registry.registry}/${pending.path}`), ['1.0', 'latest']);
  });

  test('4. leaks: a fresh tag of an open change with created 1970 stays; the forge decides; implausible created means kept', async () => {
    const forge = createServer((req, res) => {
      const state = { '/repos/acme/widgets/pulls/77': 'open', '/repos/acme/widgets/pulls/78': 'closed' }[req.url ?? ''];
      forge.emit('seen', req.headers.authorization);
      if (!state) return res.writeHead(404).end('{}');
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ number: 1, state }));
    });
    const seenAuth: unknown[] = [];
    forge.on('seen', (a) => seenAuth.push(a));
    const port = await freePort();
    await new Promise<void>((resolve) => forge.listen(port, '127.0.0.1', resolve));
    servers.push(forge);

    const { path, repository } = await gate(42);
    const epoch = new Date(0).toISOString();
    for (const [tag, created] of [
      ['change_77_latest', epoch],
      ['change_78_latest', epoch],
      ['change_79_latest', new Date(Date.now() - 3 * 86_400_000).toISOString()],
      ['change_80_latest', epoch],
    ]) {
      await pushSynthetic(seed, registry.registry, path, { layers: [10], tags: [tag], created });
    }
    const withoutForge = await runPromote({ images: listOf(repository), 'dry-run': 'true' }, merged(42));
    assert.ok(
      withoutForge.lines.some((l) =>
        l.includes(`${repository}:change_77_latest: kept: its age is unknown (created 1970-01-01T00:00:00.000Z`),
      ),
      'no forge: 1970 is not an age',
    );
    assert.ok(!withoutForge.lines.some((l) => l.includes('delete leaked') && l.includes('change_77')));

    const out = await runPromote(
      { images: listOf(repository), token: 'forge-token' },
      { ...merged(42), GITHUB_API_URL: `http://127.0.0.1:${port}` },
    );
    assert.equal(out.failure, undefined);
    assert.deepEqual(out.deleted.filter((d) => !d.includes('change_42_')).sort(), [
      `${repository}:change_78_latest`,
      `${repository}:change_79_latest`,
    ]);
    assert.deepEqual((await skopeoTags(`${registry.registry}/${path}`)).sort(), ['1.0', 'change_77_latest', 'change_80_latest', 'latest']);
    assert.ok(seenAuth.every((a) => a === 'Bearer forge-token'));
  });

  test('5. a registry whose tag DELETE deletes the manifest: the probe finds out, the final tags are never touched', async () => {
    const { path, image, repository } = await gate(60);
    const before = await skopeoRaw(`${registry.registry}/${path}:change_60_latest`);
    proxy.log.length = 0;
    proxy.rules.push({ method: 'DELETE', path: /\/manifests\/[^/:]+$/, times: Infinity, fault: { kind: 'destructive-untag' } });
    const out = await runPromote({ images: listOf(repository), cleanup: 'false' }, merged(60));
    proxy.rules.length = 0;
    assert.equal(out.failure, undefined);
    assert.deepEqual(out.deleted, [`${repository}:change_60_latest`, `${repository}:change_60_1.0`]);
    assert.deepEqual(await skopeoTags(`${registry.registry}/${path}`), ['1.0', 'latest']);
    for (const tag of ['latest', '1.0']) assert.ok((await skopeoRaw(`${registry.registry}/${path}:${tag}`)).equals(before));
    assert.deepEqual(
      proxy.log.filter((e) => e.method === 'DELETE' && /\/manifests\/change_/.test(e.path)),
      [],
      'no real tag DELETE on a registry seen to be destructive',
    );
    assert.equal(await digestOf(path, 'latest'), image.digest);
  });

  test('5. destructive only for real tags (the probe fooled): the final tags are put back at once and reported', async () => {
    const { path, image, repository } = await gate(61);
    const before = await skopeoRaw(`${registry.registry}/${path}:change_61_latest`);
    // The probe's tag DELETE is answered as a registry that untags (the dummy itself goes by digest
    // afterwards); a real tag's DELETE takes the manifest with every tag on it.
    proxy.rules.push(
      { method: 'DELETE', path: /\/manifests\/cia-delete-probe-[0-9a-f]{12}$/, times: Infinity, fault: { kind: 'respond', status: 202 } },
      { method: 'DELETE', path: /\/manifests\/change_/, times: Infinity, fault: { kind: 'destructive-untag' } },
    );
    const out = await runPromote({ images: listOf(repository), cleanup: 'false' }, merged(61));
    proxy.rules.length = 0;
    assert.equal(out.failure, undefined, out.failure);
    assert.ok(
      out.lines.some((l) => l.startsWith('warning: ') && l.includes('deleted the image along with the tag: put latest, 1.0 back on')),
      out.lines.join('\n'),
    );
    assert.deepEqual(await skopeoTags(`${registry.registry}/${path}`), ['1.0', 'latest']);
    for (const tag of ['latest', '1.0']) assert.ok((await skopeoRaw(`${registry.registry}/${path}:${tag}`)).equals(before));
    assert.equal(await digestOf(path, '1.0'), image.digest);
  });

  test('11. the run whose build lost a concurrent promotion reports it superseded, with the digest the tags hold', async () => {
    const older = await gate(71, { created: new Date(Date.now() - 60_000).toISOString() });
    const newer = await pushSynthetic(seed, registry.registry, older.path, {
      layers: [500],
      tags: ['change_72_latest'],
      labels: { 'org.zuul-ci.change': '72' },
      created: new Date().toISOString(),
    });
    const client = seed.client(registry.registry);
    let raced = false;
    // Between change 71's moves and its check, change 72's promotion moves one final tag.
    proxy.onRequest = async (method, path) => {
      if (!raced && method === 'DELETE' && path.startsWith(`/v2/${older.path}/`)) {
        raced = true;
        await client.putManifest(older.path, '1.0', await client.getManifest(older.path, newer.digest));
      }
    };
    const out = await runPromote({ images: listOf(older.repository), cleanup: 'false' }, merged(71));
    proxy.onRequest = undefined;
    assert.equal(out.failure, undefined, out.failure);
    assert.ok(raced);
    assert.deepEqual(
      out.promoted.map((p) => [p.tag, p.status, p.digest, p.ownDigest]),
      [
        ['latest', 'superseded', newer.digest, older.image.digest],
        ['1.0', 'superseded', newer.digest, older.image.digest],
      ],
    );
    assert.equal(await digestOf(older.path, 'latest'), newer.digest);
    assert.equal(await digestOf(older.path, '1.0'), newer.digest);
  });

  test('11. a probe tag an interrupted run left is swept by the next run; a fresh one (a run probing now) stays', async () => {
    const { path, repository } = await gate(70);
    const client = seed.client(registry.registry);
    const put = async (tag: string, at: Date) => {
      const dummy = dummyManifest(tag, at);
      for (const blob of dummy.blobs) await client.uploadBlob(path, blob.digest, blob.bytes.length, Readable.from([blob.bytes]));
      await client.putManifest(path, tag, dummy);
    };
    await put('cia-delete-probe-0123456789ab', new Date(Date.now() - 3_600_000));
    await put('cia-delete-probe-ba9876543210-b', new Date());
    const out = await runPromote({ images: listOf(repository) }, merged(70));
    assert.equal(out.failure, undefined);
    assert.ok(out.deleted.includes(`${repository}:cia-delete-probe-0123456789ab`));
    assert.deepEqual(await skopeoTags(`${registry.registry}/${path}`), ['1.0', 'cia-delete-probe-ba9876543210-b', 'latest']);
  });
});
