import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll as after, beforeAll as before, describe, test } from '@jest/globals';
import { runAction } from '../../scripts/lib/action-runner.js';
import { RegistrySession } from '../../src/registry/session.js';
import { pushSynthetic, skopeoRaw, skopeoTags } from '../helpers/images.js';
import { startForgeApi, type ForgeApi } from '../helpers/forge-api.js';
import { startRegistry, type RegistryProcess } from '../helpers/registry-process.js';
import { uniqueName } from '../helpers/testbed.js';

const root = join(import.meta.dirname, '..', '..');
const TOKEN = 'api-token-for-pr-lookup';

describe('actions/promote/action.yml run as a runner would', () => {
  let registry: RegistryProcess;
  let api: ForgeApi;
  const session = new RegistrySession();
  const dir = mkdtempSync(join(tmpdir(), 'cia-promote-action-'));
  const pushed = '1'.repeat(40);
  before(async () => {
    registry = await startRegistry();
    api = await startForgeApi({ [pushed]: 61 });
  });
  after(async () => {
    session.close();
    await api.close();
    await registry.stop();
  });

  async function gate(change: number) {
    const path = `action/${uniqueName('pr')}`;
    await pushSynthetic(session, registry.registry, path, {
      layers: [100],
      tags: [`change_${change}_latest`],
      labels: { 'org.zuul-ci.change': String(change) },
    });
    return `${registry.registry}/${path}`;
  }

  function eventFile(payload: unknown): string {
    const file = join(dir, `${uniqueName('event')}.json`);
    writeFileSync(file, JSON.stringify(payload));
    return file;
  }

  test('pull_request closed and merged: the change comes from the event', async () => {
    const repository = await gate(60);
    const result = await runAction(join(root, 'actions', 'promote', 'action.yml'), {
      inputs: { images: `[{context: ., repository: ${repository}}]` },
      env: {
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_EVENT_PATH: eventFile({
          action: 'closed',
          number: 60,
          pull_request: { number: 60, merged: true, head: { sha: 'e'.repeat(40) } },
        }),
        GITHUB_REPOSITORY: 'acme/widgets',
      },
    });
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.deepEqual(await skopeoTags(repository), ['latest']);
    assert.equal((JSON.parse(result.outputs.promoted) as unknown[]).length, 1);
    assert.deepEqual(JSON.parse(result.outputs.deleted), [`${repository}:change_60_latest`]);
    assert.match(result.summary, /Promoted change 60/);
    // Flat outputs: what the final tag holds, as another client reads it.
    const held = `sha256:${createHash('sha256')
      .update(await skopeoRaw(`${repository}:latest`))
      .digest('hex')}`;
    assert.equal(result.outputs.digest, held);
    assert.deepEqual(JSON.parse(result.outputs.digests), { [repository]: held });
    assert.equal(result.outputs.tags, `${repository}:latest`);
  });

  const forges: [string, Record<string, string>, string, string][] = [
    ['GitHub', { GITHUB_ACTIONS: 'true', GITHUB_SERVER_URL: 'http://forge' }, '', `Bearer ${TOKEN}`],
    ['Gitea', { GITEA_ACTIONS: 'true', GITHUB_SERVER_URL: 'http://forge' }, '/api/v1', `token ${TOKEN}`],
    ['Forgejo', { GITEA_ACTIONS: 'true', FORGEJO_ACTIONS: 'true', GITHUB_SERVER_URL: 'http://forge' }, '/api/v1', `token ${TOKEN}`],
  ];
  for (const [forge, markers, apiPath, authorization] of forges) {
    test(`push on ${forge}: the pull request is found from the commit through its API`, async () => {
      const repository = await gate(61);
      api.calls.length = 0;
      const result = await runAction(join(root, 'actions', 'promote', 'action.yml'), {
        inputs: { images: `[{context: ., repository: ${repository}}]`, token: TOKEN },
        env: {
          ...markers,
          GITHUB_EVENT_NAME: 'push',
          GITHUB_EVENT_PATH: eventFile({ ref: 'refs/heads/main', after: pushed }),
          GITHUB_REPOSITORY: 'acme/widgets',
          GITHUB_SHA: pushed,
          GITHUB_API_URL: `${api.url}${apiPath}`,
        },
      });
      assert.equal(result.code, 0, result.stdout + result.stderr);
      assert.deepEqual(
        api.calls.map((c) => [c.path, c.authorization]),
        [[`${apiPath}/repos/acme/widgets/commits/${pushed}/${apiPath ? 'pull' : 'pulls'}`, authorization]],
      );
      assert.match(result.stdout, /came from pull request #61/);
      assert.ok(
        !result.stdout
          .split('\n')
          .filter((l) => !l.startsWith('::add-mask::'))
          .some((l) => l.includes(TOKEN)),
        'the token is masked',
      );
      assert.deepEqual(await skopeoTags(repository), ['latest']);
    });
  }

  test('push of a commit no pull request merged: a clear error, nothing moved', async () => {
    const repository = await gate(62);
    const result = await runAction(join(root, 'actions', 'promote', 'action.yml'), {
      inputs: { images: `[{context: ., repository: ${repository}}]`, token: TOKEN },
      env: {
        GITHUB_ACTIONS: 'true',
        GITHUB_EVENT_NAME: 'push',
        GITHUB_EVENT_PATH: eventFile({}),
        GITHUB_REPOSITORY: 'acme/widgets',
        GITHUB_SHA: '2'.repeat(40),
        GITHUB_API_URL: api.url,
      },
    });
    assert.equal(result.code, 1);
    assert.match(
      result.stdout,
      /::error::no pull request found for commit 2{40} in acme\/widgets: was it pushed directly\? Give the change input/,
    );
    assert.deepEqual(await skopeoTags(repository), ['change_62_latest']);
  });
});
