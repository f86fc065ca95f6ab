// Leaked-tag cleanup after a promotion, where it used to go wrong: a tag list far beyond what
// any run should hold (read up to a cap, cleaned as far as read, the cut reported, memory
// bounded), a forge that fails (the tag stays, and the log says why), and a tag an interrupted
// deletion left on one of our dummy manifests (finished by the next run, whatever its age).
import assert from 'node:assert/strict';
import { afterAll as after, beforeAll as before, describe, test } from '@jest/globals';
import { MAX_TAGS_READ } from '../../src/registry/client.js';
import { RegistrySession } from '../../src/registry/session.js';
import { putDummy } from '../../src/registry/tag-delete/dummy.js';
import { TagDeleter } from '../../src/registry/tag-delete/tag-deleter.js';
import { startCli } from '../helpers/cli.js';
import { startFaultProxy, type FaultProxy } from '../helpers/fault-proxy.js';
import { pushSynthetic, skopeoTags } from '../helpers/images.js';
import { peakRss } from '../helpers/process-memory.js';
import { listOf, merged, pushGated, runPromote } from '../helpers/promote-run.js';
import { startRegistry, type RegistryProcess } from '../helpers/registry-process.js';
import { standIn, type StandIn } from '../helpers/stand-in.js';
import { uniqueName } from '../helpers/testbed.js';

const DAYS_AGO = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

describe('leaked-tag cleanup hardening', () => {
  let registry: RegistryProcess;
  let proxy: FaultProxy;
  const seed = new RegistrySession();
  const forges: StandIn[] = [];

  before(async () => {
    registry = await startRegistry();
    proxy = await startFaultProxy(registry.registry);
  });
  after(async () => {
    seed.close();
    await Promise.all(forges.map((f) => f.close()));
    await proxy.close();
    await registry.stop();
  });

  const gate = (change: number) =>
    pushGated(seed, registry.registry, `cleanup/${uniqueName(`c${change}`)}`, change, {
      via: proxy.registry,
      layers: [200],
      created: new Date().toISOString(),
    });
  const digestOf = async (path: string, tag: string) => (await seed.client(registry.registry).headManifest(path, tag))?.digest;

  test('7. one tag page of 130k tags that goes on: promote completes, cleans what it read, reports the cut, memory bounded', async () => {
    const { path, image, repository } = await gate(94);
    await pushSynthetic(seed, registry.registry, path, { layers: [10], tags: ['change_93_latest'], created: DAYS_AGO(3) });
    // The real tags first, then 130k more in the same page, and a next page that never ends.
    const tags = ['1.0', 'latest', 'change_93_latest'];
    for (let i = 0; i < 130_000; i++) tags.push(`build-${i}`);
    const body = JSON.stringify({ name: path, tags });
    let pages = 0;
    proxy.rules.push({
      method: 'GET',
      path: /\/tags\/list/,
      times: Infinity,
      fault: {
        kind: 'respond',
        status: 200,
        headers: { 'content-type': 'application/json', link: `</v2/${path}/tags/list?n=1000&last=build-${pages}>; rel="next"` },
        body: () => {
          pages++;
          return body;
        },
      },
    });
    const { child, done } = startCli('promote', { images: listOf(repository), change: '94' });
    const [run, peakMiB] = await Promise.all([done, peakRss(child.pid!, done)]);
    proxy.rules.length = 0;
    assert.equal(run.code, 0, run.log);
    assert.deepEqual(JSON.parse(run.outputs.deleted), [
      `${repository}:change_94_latest`,
      `${repository}:change_94_1.0`,
      `${repository}:change_93_latest`,
    ]);
    const leftBehind = JSON.parse(run.outputs['left-behind']) as { ref: string; reason: string }[];
    assert.equal(leftBehind.length, 1, run.outputs['left-behind']);
    assert.equal(leftBehind[0].ref, repository);
    assert.match(leftBehind[0].reason, new RegExp(`^the tag list was cut at ${MAX_TAGS_READ} tags: leaked temporary tags beyond them`));
    assert.equal(pages, 1, 'the cap stops the listing inside the first page');
    assert.ok(peakMiB < 400, `peak RSS ${peakMiB} MiB`);
    assert.deepEqual(await skopeoTags(`${registry.registry}/${path}`), ['1.0', 'latest']);
    assert.equal(await digestOf(path, 'latest'), image.digest);
  });

  test('7. a GHCR packages API answering one page of 150k versions: read without a stack overflow, the tag deleted', async () => {
    const path = `acme/${uniqueName('ghcr')}`;
    const image = await pushSynthetic(seed, registry.registry, path, { layers: [10], tags: ['change_3_v1'] });
    const versions: { id: number; name: string; metadata?: { container: { tags: string[] } } }[] = [];
    for (let id = 1; id <= 150_000; id++) versions.push({ id, name: `v${id}` });
    versions.push({ id: 999_999, name: image.digest, metadata: { container: { tags: ['change_3_v1'] } } });
    const page = JSON.stringify(versions);
    const api = await standIn((url, res, method) => {
      if (method === 'GET')
        return res.writeHead(200, { 'content-type': 'application/json' }).end(url.searchParams.get('page') === '1' ? page : '[]');
      if (method !== 'DELETE' || !url.pathname.endsWith('/versions/999999')) return res.writeHead(404).end();
      // The package version is the manifest: deleting it removes the tag from the registry.
      void fetch(`http://${registry.registry}/v2/${path}/manifests/${image.digest}`, { method: 'DELETE' }).then(() =>
        res.writeHead(204).end(),
      );
    });
    forges.push(api);
    const deleter = new TagDeleter({ session: seed, vendorCredential: () => ({ type: 'ghcr', apiUrl: api.origin, apiToken: 't' }) });
    const result = await deleter.deleteTag({ registry: registry.registry, repository: path }, 'change_3_v1');
    assert.deepEqual([result.status, result.method], ['deleted', 'ghcr-packages-api']);
    assert.equal(await digestOf(path, 'change_3_v1'), undefined);
  });

  test('8. the forge answers 500 about a change: its old tag stays, and the log and a warning say why', async () => {
    const forge = await standIn((url, res) => {
      if (url.pathname === '/repos/acme/widgets/pulls/91') return res.writeHead(500, { 'content-type': 'application/json' }).end('{}');
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ state: 'closed' }));
    });
    forges.push(forge);
    const { path, repository } = await gate(92);
    // Three days old by its `created`: without the forge's word, age alone would delete it.
    await pushSynthetic(seed, registry.registry, path, { layers: [10], tags: ['change_91_latest'], created: DAYS_AGO(3) });
    const out = await runPromote(
      { images: listOf(repository), token: 'forge-token' },
      merged(92, { env: { GITHUB_API_URL: forge.origin } }),
    );
    assert.equal(out.failure, undefined, out.failure);
    assert.deepEqual(out.deleted, [`${repository}:change_92_latest`, `${repository}:change_92_1.0`]);
    assert.ok(forge.seen.some((r) => r.url === '/repos/acme/widgets/pulls/91'));
    const why = `the state of change 91 is unknown: the forge answered HTTP 500 (GET ${forge.origin}/repos/acme/widgets/pulls/91)`;
    assert.ok(
      out.lines.some((l) => l === `${repository}:change_91_latest: kept: ${why}`),
      out.lines.join('\n'),
    );
    assert.ok(out.lines.some((l) => l.startsWith('warning: ') && l.includes(`change_91_latest (${why})`)));
    assert.deepEqual(await skopeoTags(`${registry.registry}/${path}`), ['1.0', 'change_91_latest', 'latest']);
  });

  test('15. a tag a killed cleanup left on a dummy (fresh, no forge token) is finished by the next promotion', async () => {
    const { path, repository } = await gate(96);
    // What a SIGKILL between the dummy PUT and its DELETE leaves: the tag on a dummy, just now.
    const dummy = await putDummy(seed.client(registry.registry), path, ['change_90_latest']);
    assert.equal(await digestOf(path, 'change_90_latest'), dummy);
    const out = await runPromote({ images: listOf(repository) }, merged(96));
    assert.equal(out.failure, undefined, out.failure);
    assert.deepEqual(out.deleted, [`${repository}:change_96_latest`, `${repository}:change_96_1.0`, `${repository}:change_90_latest`]);
    assert.ok(
      out.lines.some((l) => l.startsWith(`${repository}:change_90_latest leaked (on a dummy manifest put there at `)),
      out.lines.join('\n'),
    );
    assert.deepEqual(await skopeoTags(`${registry.registry}/${path}`), ['1.0', 'latest']);
  });
});
