import assert from 'node:assert/strict';
import { join } from 'node:path';
import { afterAll as after, beforeAll as before, describe, test } from '@jest/globals';
import { runAction } from '../../scripts/lib/action-runner.js';
import { pushRecord, readRecord, recordLocation, type ChangeRecord } from '../../src/commands/change-record.js';
import { RegistrySession } from '../../src/registry/session.js';
import { startPullsApi } from '../helpers/forge-api.js';
import { pushSynthetic, skopeoTags } from '../helpers/images.js';
import { startRegistry, type RegistryProcess } from '../helpers/registry-process.js';
import { eventEnv, uniqueName } from '../helpers/testbed.js';

describe('change records in a real registry', () => {
  let registry: RegistryProcess;
  const session = new RegistrySession();
  before(async () => {
    registry = await startRegistry();
  });
  after(async () => {
    session.close();
    await registry.stop();
  });

  const record = (digest: string, revision: string): ChangeRecord => ({
    version: 1,
    repository: 'Acme/Base',
    change: 42,
    url: 'http://forge/Acme/Base/pull/42',
    revision,
    pipeline: 'merge_group',
    images: [{ reference: 'quay.io/acme/base:latest', speculative: 'quay.io/acme/base:change_42_latest', digest }],
  });

  test('pushed under <namespace>/<owner>/<name>:change_<N>, read back, overwritten by a newer upload', async () => {
    const namespace = uniqueName('changes');
    const where = recordLocation({ registry: registry.registry, namespace }, 'Acme/Base', 42);
    assert.deepEqual(where, { registry: registry.registry, repository: `${namespace}/acme/base`, tag: 'change_42' });
    const client = session.client(registry.registry);
    assert.equal(await readRecord(client, where), undefined);
    await pushRecord(client, where, record(`sha256:${'a'.repeat(64)}`, '1'.repeat(40)));
    await pushRecord(client, where, record(`sha256:${'b'.repeat(64)}`, '2'.repeat(40)));
    const read = await readRecord(client, where);
    assert.equal(read?.revision, '2'.repeat(40));
    assert.equal(read?.images[0].digest, `sha256:${'b'.repeat(64)}`);
  });

  test('an image under the record tag is refused, named', async () => {
    const repository = `${uniqueName('changes')}/acme/base`;
    await pushSynthetic(session, registry.registry, repository, { layers: [10], tags: ['change_7'] });
    await assert.rejects(
      readRecord(session.client(registry.registry), { registry: registry.registry, repository, tag: 'change_7' }),
      /acme\/base:change_7 is not a change record \(artifact type none\)/,
    );
  });

  test("promote's cleanup deletes the records of the promoted change and of closed changes; an open change keeps its record", async () => {
    const namespace = uniqueName('changes');
    const client = session.client(registry.registry);
    for (const change of [42, 43, 44]) {
      await pushRecord(client, recordLocation({ registry: registry.registry, namespace }, 'acme/widgets', change), {
        ...record(`sha256:${'c'.repeat(64)}`, '3'.repeat(40)),
        repository: 'acme/widgets',
        change,
      });
    }
    const app = `${uniqueName('app')}/widgets`;
    await pushSynthetic(session, registry.registry, app, {
      layers: [20],
      tags: ['change_42_latest'],
      labels: { 'org.zuul-ci.change': '42' },
    });
    const forge = await startPullsApi({
      'acme/widgets#43': { state: 'closed', merged: false, body: '' },
      'acme/widgets#44': { state: 'open', merged: false, body: '' },
    });
    try {
      const result = await runAction(join(import.meta.dirname, '..', '..', 'actions', 'promote', 'action.yml'), {
        inputs: {
          images: `[{context: ., repository: ${registry.registry}/${app}}]`,
          change: '42',
          token: 'forge-token',
          'changes-registry': `${registry.registry}/${namespace}`,
        },
        env: { ...eventEnv('push', {}, { GITHUB_REPOSITORY: 'acme/widgets' }), GITHUB_API_URL: forge.url },
      });
      assert.equal(result.code, 0, result.stdout + result.stderr);
      assert.match(result.stdout, /change record .*acme\/widgets:change_42 deleted: change 42 merged \(promoted by this run\)/);
      assert.match(result.stdout, /change record .*acme\/widgets:change_43 deleted: change 43 closed, says the forge/);
      assert.deepEqual(await skopeoTags(`${registry.registry}/${namespace}/acme/widgets`), ['change_44']);
    } finally {
      await forge.close();
    }
  });
});
