import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll as after, beforeAll as before, describe, test } from '@jest/globals';
import type { RegistryKind } from '../../src/registry/kinds.js';
import { RegistrySession } from '../../src/registry/session.js';
import { TagDeleter } from '../../src/registry/tag-delete/tag-deleter.js';
import { pushSynthetic, skopeoRaw, skopeoTags } from '../helpers/images.js';
import { startRegistry, type RegistryProcess } from '../helpers/registry-process.js';
import { startVendorFake, type VendorFake } from '../helpers/vendor-fakes.js';

const run = promisify(execFile);

describe('safe tag deletion on distribution 2.8 (dummy-manifest fallback)', () => {
  let registry: RegistryProcess;
  let session: RegistrySession;
  before(async () => {
    registry = await startRegistry();
    session = new RegistrySession();
  });
  after(async () => {
    session.close();
    await registry.stop();
  });

  test('the temporary tag goes; the final tag on the same digest stays, byte for byte', async () => {
    for (const platforms of [['linux/amd64'], ['linux/amd64', 'linux/arm64']]) {
      const repository = `app/p${platforms.length}`;
      const image = await pushSynthetic(session, registry.registry, repository, {
        layers: [5000],
        platforms,
        tags: ['change_7_latest', 'latest'],
      });
      const before = await skopeoRaw(`${registry.registry}/${repository}:latest`);
      const result = await new TagDeleter({ session }).deleteTag({ registry: registry.registry, repository }, 'change_7_latest');
      assert.equal(result.status, 'deleted');
      assert.equal(result.method, 'dummy-manifest');
      assert.deepEqual(await skopeoTags(`${registry.registry}/${repository}`), ['latest']);
      assert.ok((await skopeoRaw(`${registry.registry}/${repository}:latest`)).equals(before));
      assert.equal((await session.client(registry.registry).headManifest(repository, 'latest'))?.digest, image.digest);
    }
  });

  test('`skopeo delete` of the temporary tag (what Zuul does) would have taken the final tag with it', async () => {
    const repository = 'app/skopeo-delete';
    await pushSynthetic(session, registry.registry, repository, { layers: [100], tags: ['change_7_latest', 'latest'] });
    await run('skopeo', ['delete', '--tls-verify=false', `docker://${registry.registry}/${repository}:change_7_latest`]);
    assert.deepEqual(await skopeoTags(`${registry.registry}/${repository}`), []);
  });

  test('twelve deletions at once in one repository are serialized: all go, the siblings stay', async () => {
    const repository = 'app/many';
    const tags = Array.from({ length: 12 }, (_, i) => `change_${i}_latest`);
    await pushSynthetic(session, registry.registry, repository, { layers: [100], tags: [...tags, 'latest', 'stable'] });
    const deleter = new TagDeleter({ session });
    const results = await Promise.all(tags.map((tag) => deleter.deleteTag({ registry: registry.registry, repository }, tag)));
    assert.deepEqual(
      results.map((r) => r.status),
      tags.map(() => 'deleted'),
    );
    assert.deepEqual(await skopeoTags(`${registry.registry}/${repository}`), ['latest', 'stable']);
  });

  test('the delete capability is probed once per registry, on a throw-away tag', async () => {
    const requests: string[] = [];
    const counted = new RegistrySession({ transport: { onRequest: (m, u) => requests.push(`${m} ${u.pathname}`) } });
    const repository = 'app/probe';
    await pushSynthetic(counted, registry.registry, repository, { layers: [100], tags: ['a', 'b', 'c', 'latest'] });
    const deleter = new TagDeleter({ session: counted });
    for (const tag of ['a', 'b', 'c'])
      assert.equal((await deleter.deleteTag({ registry: registry.registry, repository }, tag)).status, 'deleted');
    counted.close();
    assert.equal(
      requests.filter((r) => r.startsWith('PUT') && r.includes('/manifests/cia-delete-probe-')).length,
      2,
      'one dummy on two probe tags, once',
    );
    assert.equal(
      requests.filter((r) => r.startsWith('DELETE') && r.includes('/manifests/cia-delete-probe-')).length,
      1,
      'tag DELETE is tried on a probe tag, once',
    );
    assert.equal(
      requests.filter((r) => r.startsWith('DELETE') && /\/manifests\/(a|b|c)$/.test(r)).length,
      0,
      'never on a real tag before the probe proved it safe',
    );
    assert.deepEqual(await skopeoTags(`${registry.registry}/${repository}`), ['latest']);
  });

  test('a tag that is not there is reported absent', async () => {
    const result = await new TagDeleter({ session }).deleteTag({ registry: registry.registry, repository: 'app/p1' }, 'never-was');
    assert.equal(result.status, 'absent');
  });
});

describe('a registry that refuses deletes (delete disabled)', () => {
  test('the real tag is never touched: reported left behind, still on its image', async () => {
    const registry = await startRegistry({ deleteEnabled: false });
    const session = new RegistrySession();
    try {
      const image = await pushSynthetic(session, registry.registry, 'app/keep', { layers: [100], tags: ['change_1_latest', 'latest'] });
      const deleter = new TagDeleter({ session });
      const result = await deleter.deleteTag({ registry: registry.registry, repository: 'app/keep' }, 'change_1_latest');
      assert.equal(result.status, 'left-behind');
      assert.match(result.detail ?? '', /deletes neither tags nor manifests by digest; change_1_latest still points at sha256:/);
      assert.equal((await session.client(registry.registry).headManifest('app/keep', 'change_1_latest'))?.digest, image.digest);
      assert.equal(deleter.leftoverProbes.length, 2);
      for (const probe of deleter.leftoverProbes) assert.match(probe, /app\/keep:cia-delete-probe-/);
    } finally {
      session.close();
      await registry.stop();
    }
  });
});

describe('vendor tag-deletion APIs (local servers implementing the documented endpoints)', () => {
  let registry: RegistryProcess;
  let fake: VendorFake;
  let session: RegistrySession;
  const secrets = { username: 'robot', password: 'robot-password', apiToken: 'api-token-123' };

  before(async () => {
    registry = await startRegistry();
    fake = await startVendorFake({ registry: registry.registry, ...secrets });
    session = new RegistrySession();
  });
  after(async () => {
    session.close();
    await fake.close();
    await registry.stop();
  });

  async function deleteVia(type: RegistryKind, repository: string, credential: Partial<typeof secrets> = secrets) {
    await pushSynthetic(session, registry.registry, repository, { layers: [100], tags: ['change_3_v1', 'v1'] });
    fake.calls.length = 0;
    const deleter = new TagDeleter({ session, vendorCredential: () => ({ type, apiUrl: fake.url, ...credential }) });
    const result = await deleter.deleteTag({ registry: registry.registry, repository }, 'change_3_v1');
    assert.deepEqual(await skopeoTags(`${registry.registry}/${repository}`), ['v1'], 'only the temporary tag went');
    return result;
  }

  test('Docker Hub: login for a JWT, then DELETE /v2/repositories/<ns>/<repo>/tags/<tag>/ with it', async () => {
    const result = await deleteVia('docker', 'acme/hub');
    assert.equal(result.method, 'docker-hub-api');
    assert.deepEqual(
      fake.calls.map((c) => `${c.method} ${c.path}`),
      ['POST /v2/users/login/', 'DELETE /v2/repositories/acme/hub/tags/change_3_v1/'],
    );
    assert.deepEqual(
      JSON.parse(fake.calls[0].body ?? '{}'),
      { username: 'robot', password: 'api-token-123' },
      'an access token (api_token) is preferred to the password',
    );
    assert.match(fake.calls[1].authorization ?? '', /^JWT hub-jwt-/);
  });

  test('Quay: DELETE /api/v1/repository/<ns>/<repo>/tag/<tag> with the API token', async () => {
    const result = await deleteVia('quay', 'acme/quay');
    assert.equal(result.method, 'quay-api');
    assert.deepEqual(
      fake.calls.map((c) => `${c.method} ${c.path} ${c.authorization}`),
      ['DELETE /api/v1/repository/acme/quay/tag/change_3_v1 Bearer api-token-123'],
    );
  });

  test('Quay without an api_token falls back to the registry API', async () => {
    const result = await deleteVia('quay', 'acme/quay-fallback', { username: 'robot', password: 'robot-password' });
    assert.equal(result.method, 'dummy-manifest');
    assert.deepEqual(fake.calls, []);
  });

  test('Harbor: DELETE .../artifacts/<ref>/tags/<tag>, nested names encoded twice, Basic auth', async () => {
    const result = await deleteVia('harbor', 'proj/team/harbor');
    assert.equal(result.method, 'harbor-api');
    assert.deepEqual(
      fake.calls.map((c) => `${c.method} ${c.path}`),
      ['DELETE /api/v2.0/projects/proj/repositories/team%252Fharbor/artifacts/change_3_v1/tags/change_3_v1'],
    );
    assert.equal(fake.calls[0].authorization, `Basic ${Buffer.from('robot:robot-password').toString('base64')}`);
  });

  test('GitLab: find the project and repository ids, then DELETE the tag', async () => {
    const result = await deleteVia('gitlab', 'group/project/web');
    assert.equal(result.method, 'gitlab-api');
    assert.deepEqual(
      fake.calls.map((c) => `${c.method} ${c.path}`),
      [
        'GET /api/v4/projects/group%2Fproject%2Fweb/registry/repositories?per_page=100',
        'GET /api/v4/projects/group%2Fproject/registry/repositories?per_page=100',
        'DELETE /api/v4/projects/7/registry/repositories/11/tags/change_3_v1',
      ],
    );
    assert.ok(fake.calls.every((c) => c.authorization === 'Bearer api-token-123'));
  });

  test('GHCR: a version holding only the tag is deleted through the packages API', async () => {
    const repository = 'acme/ghcr-sole';
    await pushSynthetic(session, registry.registry, repository, { layers: [100], tags: ['v1'] });
    await pushSynthetic(session, registry.registry, repository, { layers: [100], tags: ['change_3_v1'] });
    fake.calls.length = 0;
    const deleter = new TagDeleter({ session, vendorCredential: () => ({ type: 'ghcr', apiUrl: fake.url, ...secrets }) });
    const result = await deleter.deleteTag({ registry: registry.registry, repository }, 'change_3_v1');
    assert.equal(result.status, 'deleted');
    assert.equal(result.method, 'ghcr-packages-api');
    assert.deepEqual(
      fake.calls.map((c) => c.method),
      ['GET', 'DELETE'],
    );
    assert.match(fake.calls[1].path, /^\/orgs\/acme\/packages\/container\/ghcr-sole\/versions\/\d+$/);
    assert.ok(fake.calls.every((c) => c.authorization === 'Bearer api-token-123'));
    assert.deepEqual(await skopeoTags(`${registry.registry}/${repository}`), ['v1']);
  });

  test('GHCR: a version shared with a final tag is not deleted; the tag moves to a dummy whose version is', async () => {
    const result = await deleteVia('ghcr', 'acme/ghcr-shared');
    assert.equal(result.method, 'ghcr-packages-api');
    assert.deepEqual(
      fake.calls.map((c) => c.method),
      ['GET', 'GET', 'DELETE'],
    );
  });

  test('GHCR for a user account: the orgs endpoint 404s, the users one is used', async () => {
    const result = await deleteVia('ghcr', 'alice/tool');
    assert.equal(result.status, 'deleted');
    assert.ok(fake.calls.some((c) => c.method === 'DELETE' && c.path.startsWith('/users/alice/packages/container/tool/versions/')));
  });
});
