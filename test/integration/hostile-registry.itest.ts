// Hostile and odd registries, token servers and storage hosts (issue: hardening): each test puts
// a stand-in or the fault proxy in front of a real distribution registry and checks what the
// client sends, what it refuses, and what reaches the log.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll as after, beforeAll as before, describe, test } from '@jest/globals';
import { RegistrySession } from '../../src/registry/session.js';
import { MediaType } from '../../src/registry/media-types.js';
import { runCli } from '../helpers/cli.js';
import { startFaultProxy, type FaultProxy } from '../helpers/fault-proxy.js';
import { pushSynthetic, skopeoTags } from '../helpers/images.js';
import { closeServer, standIn } from '../helpers/stand-in.js';
import { startRegistry, type RegistryProcess } from '../helpers/registry-process.js';
import { uniqueName } from '../helpers/testbed.js';

const USER = 'ci';
const PASSWORD = 'hunter2-Registry-Secret';
const BASIC = Buffer.from(`${USER}:${PASSWORD}`).toString('base64');

describe('hostile registries and storage hosts', () => {
  let basic: RegistryProcess;
  let open: RegistryProcess;
  let proxy: FaultProxy;
  let openProxy: FaultProxy;
  const seed = new RegistrySession({ credentials: { explicit: new Map() } });
  const servers: Server[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'cia-hostile-'));

  before(async () => {
    writeFileSync(join(dir, 'htpasswd'), execFileSync('htpasswd', ['-Bbn', USER, PASSWORD], { encoding: 'utf8' }));
    basic = await startRegistry({ htpasswd: join(dir, 'htpasswd') });
    open = await startRegistry();
    proxy = await startFaultProxy(basic.registry);
    openProxy = await startFaultProxy(open.registry);
  });
  after(async () => {
    seed.close();
    await Promise.all(servers.map(closeServer));
    await proxy.close();
    await openProxy.close();
    await basic.stop();
    await open.stop();
  });

  // The destination (the open registry) needs no login, but a given map must name it.
  const credentials = (registry: string) => `{"${registry}": {username: ${USER}, password: "${PASSWORD}"}, "${open.registry}": {}}`;
  const authed = () =>
    new RegistrySession({ credentials: { explicit: new Map([[basic.registry, { username: USER, password: PASSWORD }]]) } });

  test('1. a storage host behind a blob redirect that asks for credentials gets none, and its challenge is not followed', async () => {
    const phish = await standIn((_url, res) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ token: 'phished' })),
    );
    const storage = await standIn((_url, res) =>
      res.writeHead(401, { 'www-authenticate': `Bearer realm="${phish.origin}/token",service="storage"` }).end(),
    );
    servers.push(phish.server, storage.server);
    const session = authed();
    const image = await pushSynthetic(session, basic.registry, 'hostile/redirect', { layers: [3000], tags: ['v1'] });
    session.close();
    proxy.rules.push({
      method: 'GET',
      path: /\/v2\/hostile\/redirect\/blobs\/sha256:/,
      times: Infinity,
      fault: { kind: 'respond', status: 307, headers: { location: `${storage.origin}/bucket/blob?X-Amz-Signature=s` } },
    });
    const run = await runCli('mirror', {
      mirror: JSON.stringify([
        { src_repository: `${proxy.registry}/hostile/redirect`, src_tag: 'v1', dest_repository: `${open.registry}/hostile/redirect` },
      ]),
      'registry-credentials': credentials(proxy.registry),
    });
    proxy.rules.length = 0;
    assert.equal(run.code, 1, run.log);
    assert.match(
      run.log,
      new RegExp(`${storage.host} asked for credentials after a redirect from ${proxy.registry}; nothing was sent to it`),
    );
    assert.deepEqual(phish.seen, [], "the storage host's token realm was never asked");
    assert.ok(
      storage.seen.length > 0 && storage.seen.every((r) => r.headers.authorization === undefined),
      'the storage host never saw credentials',
    );
    assert.ok(!proxy.log.some((entry) => entry.path.includes('phished')));
    assert.ok(!run.log.includes(PASSWORD) && !run.log.includes(BASIC));
    assert.deepEqual(
      await skopeoTags(`${open.registry}/hostile/redirect`).catch(() => []),
      [],
      `nothing tagged at the destination (${image.digest})`,
    );
  });

  test('7. a registry echoing Authorization in an error body: the Basic pair and the password are masked in the CLI log', async () => {
    proxy.rules.push({
      method: 'GET',
      path: /\/tags\/list/,
      times: Infinity,
      fault: {
        kind: 'respond',
        status: 400,
        headers: { 'content-type': 'application/json' },
        body: (req) =>
          JSON.stringify({
            errors: [{ code: 'DENIED', message: `refused request with Authorization: ${req.headers.authorization ?? 'none'}` }],
          }),
      },
    });
    const run = await runCli('mirror', {
      mirror: JSON.stringify([
        { src_repository: `${proxy.registry}/hostile/echo`, all_tags: true, dest_repository: `${open.registry}/hostile/echo` },
      ]),
      'registry-credentials': credentials(proxy.registry),
    });
    proxy.rules.length = 0;
    assert.equal(run.code, 1);
    assert.match(run.log, /DENIED: refused request with Authorization: Basic \*\*\*/);
    assert.ok(!run.log.includes(BASIC), 'the base64 user:password pair never printed');
    assert.ok(!run.log.includes(PASSWORD));
  });

  test("7. in a runner, the Basic pair is registered with the runner's masking before it is sent", async () => {
    const run = await runCli(
      'mirror',
      {
        mirror: JSON.stringify([
          { src_repository: `${proxy.registry}/hostile/none`, src_tag: 'v1', dest_repository: `${open.registry}/hostile/none` },
        ]),
        'registry-credentials': credentials(proxy.registry),
      },
      { GITHUB_ACTIONS: 'true' },
    );
    assert.ok(run.log.includes(`::add-mask::${BASIC}`), run.log);
    assert.ok(run.log.includes(`::add-mask::${PASSWORD}`));
  });

  test('8. a manifest dripped one byte at a time fails at the request deadline, once, naming the URL', async () => {
    const image = await pushSynthetic(seed, open.registry, 'hostile/drip', { layers: [10], tags: ['v1'] });
    openProxy.log.length = 0;
    openProxy.rules.push({ method: 'GET', path: /\/manifests\/v1$/, times: Infinity, fault: { kind: 'drip', everyMs: 200 } });
    const session = new RegistrySession({ transport: { metadataDeadlineMs: 1500 } });
    const started = Date.now();
    await assert.rejects(
      session.client(openProxy.registry).getManifest('hostile/drip', 'v1'),
      new RegExp(`deadline of 1500 ms for headers and body exceeded: GET http://${openProxy.registry}/v2/hostile/drip/manifests/v1`),
    );
    const elapsed = Date.now() - started;
    session.close();
    openProxy.rules.length = 0;
    assert.ok(elapsed >= 1400 && elapsed < 4000, `failed after ${elapsed} ms`);
    assert.equal(
      openProxy.log.filter((e) => e.method === 'GET' && e.path.endsWith('/manifests/v1')).length,
      1,
      'a dripping server is not asked again',
    );
    assert.ok(image.digest);
  });

  test('8. the default deadline applies to every metadata request', async () => {
    const session = new RegistrySession();
    assert.equal(session.transport.metadataDeadlineMs, 30_000);
    session.close();
  });

  test('8. tags/list pagination stops at 1000 pages, and at a page seen before', async () => {
    let page = 0;
    const endless = await standIn((url, res) => {
      if (url.pathname === '/v2/') return res.writeHead(200).end('{}');
      page++;
      res
        .writeHead(200, { 'content-type': 'application/json', link: `</v2/x/tags/list?n=1&last=t${page}>; rel="next"` })
        .end(JSON.stringify({ name: 'x', tags: [`t${page}`] }));
    });
    const looping = await standIn((url, res) => {
      if (url.pathname === '/v2/') return res.writeHead(200).end('{}');
      res
        .writeHead(200, { 'content-type': 'application/json', link: '</v2/x/tags/list?n=1&last=a>; rel="next"' })
        .end(JSON.stringify({ name: 'x', tags: ['a'] }));
    });
    servers.push(endless.server, looping.server);
    const session = new RegistrySession();
    await assert.rejects(session.client(endless.host).listTags('x'), /the tag list of x goes on past 1000 pages; stopped/);
    assert.equal(endless.seen.filter((r) => r.url.includes('tags/list')).length, 1000);
    await assert.rejects(session.client(looping.host).listTags('x'), /tag list pagination loops/);
    assert.equal(looping.seen.filter((r) => r.url.includes('tags/list')).length, 2);
    session.close();
  });

  test('10. a sha512 pin is verified: other bytes are refused and nothing is written; the right bytes copy', async () => {
    const image = await pushSynthetic(seed, open.registry, 'hostile/pin', { layers: [50], tags: ['v1'] });
    const other = await pushSynthetic(seed, open.registry, 'hostile/pin', { layers: [50], tags: ['v2'] });
    const bytes = await seed.client(open.registry).getManifest('hostile/pin', image.digest);
    const otherBytes = await seed.client(open.registry).getManifest('hostile/pin', other.digest);
    const pin = `sha512:${createHash('sha512').update(bytes.bytes).digest('hex')}`;
    const serve = (body: Buffer) => ({
      method: 'GET',
      path: /\/manifests\/sha512:/,
      times: Infinity,
      fault: {
        kind: 'respond' as const,
        status: 200,
        headers: { 'content-type': MediaType.OciManifest, 'content-length': String(body.length) },
        body,
      },
    });
    const mirrorTo = (dest: string) => ({
      mirror: JSON.stringify([
        {
          src_repository: `${openProxy.registry}/hostile/pin`,
          tags: [pin],
          dest_repository: `${open.registry}/${dest}`,
          dest_tags: { [pin]: 'pinned' },
        },
      ]),
    });

    openProxy.rules.push(serve(otherBytes.bytes));
    const forged = await runCli('mirror', mirrorTo('hostile/forged'));
    openProxy.rules.length = 0;
    assert.equal(forged.code, 1);
    assert.match(
      forged.log,
      new RegExp(`digest mismatch for manifest ${openProxy.registry}/hostile/pin@sha512:[0-9a-f]{128}: expected sha512:`),
    );
    assert.deepEqual(await skopeoTags(`${open.registry}/hostile/forged`).catch(() => []), []);

    openProxy.rules.push(serve(bytes.bytes));
    const honest = await runCli('mirror', mirrorTo('hostile/honest'));
    openProxy.rules.length = 0;
    assert.equal(honest.code, 0, honest.log);
    assert.equal((await seed.client(open.registry).headManifest('hostile/honest', 'pinned'))?.digest, image.digest);

    const unknown = await runCli('mirror', {
      mirror: JSON.stringify([
        {
          src_repository: `${open.registry}/hostile/pin`,
          tags: [`sha384:${'a'.repeat(96)}`],
          dest_repository: `${open.registry}/hostile/x`,
        },
      ]),
    });
    assert.equal(unknown.code, 1);
    assert.match(unknown.log, /digest algorithm "sha384" cannot be verified; supported: sha256, sha512/);
  });

  test('12. a token server answering non-JSON, or lying about Content-Length: the error names the realm, without credentials', async () => {
    const realm = await standIn((url, res) => {
      if (url.searchParams.get('scope')?.includes('liar')) {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '5000' });
        res.write('{"token": "abc');
        setTimeout(() => res.destroy(), 50);
        return;
      }
      res.writeHead(200, { 'content-type': 'text/html' }).end('<html>maintenance</html>');
    });
    const registry = await standIn((url, res) => {
      res.writeHead(401, { 'www-authenticate': `Bearer realm="${realm.origin}/token",service="odd"` }).end();
      void url;
    });
    servers.push(realm.server, registry.server);
    for (const [name, pattern] of [
      [
        'html',
        new RegExp(
          `GET ${realm.origin}/token\\?service=odd&scope=repository%3Aodd%2Fhtml%3Apull: HTTP 200 \\(the answer is not JSON \\(24 bytes\\)\\)`,
        ),
      ],
      [
        'liar',
        new RegExp(`reading the response of ${realm.origin}/token\\?service=odd&scope=repository%3Aodd%2Fliar%3Apull after 14 bytes`),
      ],
    ] as const) {
      const run = await runCli('mirror', {
        mirror: JSON.stringify([
          { src_repository: `${registry.host}/odd/${name}`, src_tag: 'v1', dest_repository: `${open.registry}/odd/${name}` },
        ]),
        'registry-credentials': credentials(registry.host),
      });
      assert.equal(run.code, 1);
      assert.match(run.log, pattern);
      assert.ok(!run.log.includes(PASSWORD) && !run.log.includes(BASIC));
      assert.ok(
        realm.seen.every((r) => r.headers.authorization === `Basic ${BASIC}`),
        'the realm the registry named got the login, as it should',
      );
    }
  });

  test('6. keep-going covers planning: a source refusing HEAD fails its item alone; outputs and the digest file are written', async () => {
    await pushSynthetic(seed, open.registry, 'plan/good', { layers: [20], tags: ['v1'] });
    await pushSynthetic(seed, open.registry, 'plan/refused', { layers: [20], tags: ['v1'] });
    openProxy.rules.push({
      method: 'HEAD',
      path: /\/v2\/plan\/refused\/manifests\//,
      times: Infinity,
      fault: {
        kind: 'respond',
        status: 403,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ errors: [{ code: 'DENIED', message: 'no' }] }),
      },
    });
    const items = [
      { src_repository: `${openProxy.registry}/plan/refused`, src_tag: 'v1', dest_repository: `${open.registry}/planned/refused` },
      { src_repository: `${openProxy.registry}/plan/good`, src_tag: 'v1', dest_repository: `${open.registry}/planned/good` },
    ];
    const going = await runCli('mirror', { mirror: JSON.stringify(items), 'keep-going': 'true' });
    const stopping = await runCli('mirror', {
      mirror: JSON.stringify(items.map((i) => ({ ...i, dest_repository: `${i.dest_repository}-2` }))),
    });
    openProxy.rules.length = 0;

    assert.equal(going.code, 1, 'a failed item still fails the run');
    const mirrored = JSON.parse(going.outputs.mirrored) as { src: string; status: string; error?: string }[];
    assert.deepEqual(
      mirrored.map((m) => [m.src, m.status]),
      [
        [`${openProxy.registry}/plan/good:v1`, 'copied'],
        [`${openProxy.registry}/plan/refused:v1`, 'failed'],
      ],
    );
    assert.match(mirrored[1].error ?? '', /HEAD http:\/\/127\.0\.0\.1:\d+\/v2\/plan\/refused\/manifests\/v1: HTTP 403/);
    assert.match(
      readFileSync(going.outputs['digest-file'], 'utf8'),
      new RegExp(`^sha256:[0-9a-f]{64} docker://${open.registry}/planned/good:v1\\n$`),
    );
    assert.deepEqual(await skopeoTags(`${open.registry}/planned/good`), ['v1']);

    assert.equal(stopping.code, 1);
    assert.match(stopping.log, /nothing was mirrored: 1 source\(s\) could not be planned \(keep-going: true mirrors the rest\)/);
    assert.deepEqual(
      (JSON.parse(stopping.outputs.mirrored) as { status: string }[]).map((m) => m.status),
      ['failed'],
    );
    assert.deepEqual(await skopeoTags(`${open.registry}/planned/good-2`).catch(() => []), [], 'without keep-going nothing is copied');
    assert.ok(stopping.outputs['digest-file']);
  });

  test('9. a catastrophic-backtracking tag_regex against long tag names returns at once (RE2, linear time)', async () => {
    const repo = `regex/${uniqueName('r')}`;
    await pushSynthetic(seed, open.registry, repo, { layers: [10], tags: [`${'a'.repeat(60)}b`, 'a'.repeat(40)] });
    const run = await runCli('mirror', {
      mirror: JSON.stringify([
        { src_repository: `${open.registry}/${repo}`, tag_regex: '^(a|aa)+$', dest_repository: `${open.registry}/${repo}-copy` },
      ]),
    });
    assert.equal(run.code, 0, run.log);
    assert.ok(run.ms < 15_000, `took ${run.ms} ms`);
    assert.deepEqual(await skopeoTags(`${open.registry}/${repo}-copy`), ['a'.repeat(40)]);
  });
});
