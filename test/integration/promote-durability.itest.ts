// A finished promotion stays finished: a re-check of the final tags that meets a transient
// failure after the temporary tags went is retried, and never fails the release; a registry
// that answers a tag DELETE 202 and deletes the whole manifest up to two seconds later is
// caught by the probe, or by the guard watching the final tags, which puts them back.
import assert from 'node:assert/strict';
import { afterAll as after, beforeAll as before, describe, test } from '@jest/globals';
import { MANIFEST_ACCEPT } from '../../src/registry/media-types.js';
import { RegistrySession } from '../../src/registry/session.js';
import { runCli } from '../helpers/cli.js';
import { startFaultProxy, type FaultProxy } from '../helpers/fault-proxy.js';
import { skopeoRaw, skopeoTags } from '../helpers/images.js';
import { listOf, merged, pushGated, runPromote } from '../helpers/promote-run.js';
import { startRegistry, type RegistryProcess } from '../helpers/registry-process.js';
import { uniqueName } from '../helpers/testbed.js';

describe('promotion durability', () => {
  let registry: RegistryProcess;
  let proxy: FaultProxy;
  const seed = new RegistrySession();

  before(async () => {
    registry = await startRegistry();
    proxy = await startFaultProxy(registry.registry);
  });
  after(async () => {
    seed.close();
    await proxy.close();
    await registry.stop();
  });

  const gate = (change: number) =>
    pushGated(seed, registry.registry, `durable/${uniqueName(`c${change}`)}`, change, {
      via: proxy.registry,
      layers: [300],
      created: new Date().toISOString(),
    });
  const digestOf = async (path: string, tag: string) => (await seed.client(registry.registry).headManifest(path, tag))?.digest;

  /**
   * Makes the proxy a registry that answers a tag DELETE (matching `tags`) 202 and deletes the
   * manifest the tag held, by digest and so with every tag on it, 0.3 to 1.2 s later. Returns
   * the deferred deletions, to wait for them.
   */
  function asyncDestructiveUntag(tags: RegExp): Promise<void>[] {
    const pending: Promise<void>[] = [];
    // Late enough that one look right after the DELETE misses it, early enough that a busy
    // machine's timers cannot land it after the 3 s the client watches for (sized for 2 s registries).
    const delays = [300, 900, 1_200, 600, 1_000];
    proxy.rules.push({ method: 'DELETE', path: tags, times: Infinity, fault: { kind: 'respond', status: 202 } });
    proxy.onRequest = async (method, path) => {
      const untag = /^\/v2\/(.+)\/manifests\/([^/:]+)$/.exec(path);
      if (method !== 'DELETE' || !untag || !tags.test(path)) return;
      // The digest the tag holds now, before the client's next requests change anything.
      const head = await fetch(`http://${registry.registry}${path}`, { method: 'HEAD', headers: { accept: MANIFEST_ACCEPT } });
      const digest = head.headers.get('docker-content-digest');
      if (!digest) return;
      const delay = delays[pending.length % delays.length];
      pending.push(
        new Promise<void>((resolve) => setTimeout(resolve, delay)).then(async () => {
          await fetch(`http://${registry.registry}/v2/${untag[1]}/manifests/${digest}`, { method: 'DELETE' });
        }),
      );
    };
    return pending;
  }
  const stopFaults = () => {
    proxy.rules.length = 0;
    proxy.onRequest = undefined;
  };

  test('5. the final tags re-check meets 503 after the temporary tags went: retried, deleted reported, a warning, success', async () => {
    const { path, image, repository } = await gate(50);
    // Nothing reads the final tags before the re-check: its first HEAD of `latest` (all five of
    // the client's attempts) is refused.
    proxy.rules.push({ method: 'HEAD', path: /\/manifests\/latest$/, times: 5, fault: { kind: 'status', status: 503 } });
    const out = await runPromote({ images: listOf(repository), cleanup: 'false' }, merged(50));
    stopFaults();
    assert.equal(out.failure, undefined, out.failure);
    assert.deepEqual(out.deleted, [`${repository}:change_50_latest`, `${repository}:change_50_1.0`]);
    assert.deepEqual(
      out.promoted.map((p) => [p.tag, p.digest, p.status]),
      [
        ['latest', image.digest, 'moved'],
        ['1.0', image.digest, 'moved'],
      ],
    );
    assert.ok(
      out.lines.some((l) => l.startsWith('warning: ') && l.includes('re-checking the final tags failed once') && l.includes('503')),
      out.lines.join('\n'),
    );
    assert.equal(await digestOf(path, 'latest'), image.digest);
    assert.equal(await digestOf(path, '1.0'), image.digest);
  });

  test('5. the re-check never gets an answer, through the CLI: exit 0, a warning, deleted lists the temporary tags', async () => {
    const { path, image, repository } = await gate(51);
    proxy.rules.push({ method: 'HEAD', path: /\/manifests\/latest$/, times: Infinity, fault: { kind: 'status', status: 503 } });
    const run = await runCli('promote', { images: listOf(repository), cleanup: 'false', change: '51' });
    stopFaults();
    assert.equal(run.code, 0, run.log);
    assert.match(run.log, /could not be checked again after the deletions .*503.*they were set to sha256:[0-9a-f]{64} before/);
    assert.deepEqual(JSON.parse(run.outputs.deleted), [`${repository}:change_51_latest`, `${repository}:change_51_1.0`]);
    assert.deepEqual(JSON.parse(run.outputs['left-behind']), []);
    assert.deepEqual(await skopeoTags(`${registry.registry}/${path}`), ['1.0', 'latest']);
    assert.equal(await digestOf(path, 'latest'), image.digest);
    assert.equal(await digestOf(path, '1.0'), image.digest);
  });

  test('6. every tag DELETE answered 202 and the manifest deleted up to 1.2 s later: the probe sees it, only dummies go', async () => {
    const { path, image, repository } = await gate(52);
    const before = await skopeoRaw(`${registry.registry}/${path}:change_52_latest`);
    const pending = asyncDestructiveUntag(/\/manifests\/[^/:]+$/);
    proxy.log.length = 0;
    const out = await runPromote({ images: listOf(repository), cleanup: 'false' }, merged(52));
    // Whatever the registry was asked to do, it has done it now.
    await Promise.all(pending);
    stopFaults();
    assert.equal(out.failure, undefined, out.failure);
    assert.deepEqual(out.deleted, [`${repository}:change_52_latest`, `${repository}:change_52_1.0`]);
    assert.deepEqual(
      proxy.log.filter((e) => e.method === 'DELETE' && /\/manifests\/change_/.test(e.path)),
      [],
      'no real tag DELETE on a registry the probe saw deleting late',
    );
    assert.ok(!out.lines.some((l) => l.includes('deleted the image along with the tag')), 'the release never went missing');
    assert.deepEqual(await skopeoTags(`${registry.registry}/${path}`), ['1.0', 'latest']);
    for (const tag of ['latest', '1.0']) assert.ok((await skopeoRaw(`${registry.registry}/${path}:${tag}`)).equals(before));
    assert.equal(await digestOf(path, 'latest'), image.digest);
  });

  test('6. the probe fooled, real tag DELETEs destructive 0.3–1.2 s later: the final tags watched, put back, a loud warning', async () => {
    const { path, image, repository } = await gate(53);
    const before = await skopeoRaw(`${registry.registry}/${path}:change_53_latest`);
    // The probe's tag DELETE is answered as a registry that untags; real tags' take the manifest, late.
    proxy.rules.push({
      method: 'DELETE',
      path: /\/manifests\/cia-delete-probe-[0-9a-f]{12}$/,
      times: Infinity,
      fault: { kind: 'respond', status: 202 },
    });
    const pending = asyncDestructiveUntag(/\/manifests\/change_53_/);
    const out = await runPromote({ images: listOf(repository), cleanup: 'false' }, merged(53));
    await Promise.all(pending);
    stopFaults();
    assert.ok(pending.length > 0, 'a real tag DELETE reached the registry');
    assert.equal(out.failure, undefined, out.failure);
    assert.ok(
      out.lines.some((l) => l.startsWith('warning: ') && l.includes('deleted the image along with the tag: put latest, 1.0 back on')),
      out.lines.join('\n'),
    );
    assert.deepEqual(await skopeoTags(`${registry.registry}/${path}`), ['1.0', 'latest']);
    for (const tag of ['latest', '1.0']) assert.ok((await skopeoRaw(`${registry.registry}/${path}:${tag}`)).equals(before));
    assert.equal(await digestOf(path, '1.0'), image.digest);
  });
});
