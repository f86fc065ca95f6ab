import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll as after, beforeAll as before, describe, test } from '@jest/globals';
import { runAction } from '../../scripts/lib/action-runner.js';
import { RegistrySession } from '../../src/registry/session.js';
import { pushSynthetic, skopeoRaw, skopeoTags } from '../helpers/images.js';
import { freePort, startRegistry, type RegistryProcess } from '../helpers/registry-process.js';
import { uniqueName } from '../helpers/testbed.js';

const root = join(import.meta.dirname, '..', '..');
const TOKEN = 'api-token-for-pr-lookup';

/** The commit → pull request endpoints of GitHub (a list) and Gitea/Forgejo (one object). */
async function startForgeApi(prByCommit: Record<string, number>) {
  const calls: { path: string; authorization?: string }[] = [];
  const port = await freePort();
  const server: Server = createServer((req, res) => {
    calls.push({ path: req.url ?? '', authorization: req.headers.authorization });
    const github = /^\/repos\/acme\/widgets\/commits\/([0-9a-f]{40})\/pulls$/.exec(req.url ?? '');
    const gitea = /^\/api\/v1\/repos\/acme\/widgets\/commits\/([0-9a-f]{40})\/pull$/.exec(req.url ?? '');
    const sha = (github ?? gitea)?.[1];
    const number = sha ? prByCommit[sha] : undefined;
    res.setHeader('content-type', 'application/json');
    if (number === undefined) return res.writeHead(404).end(JSON.stringify({ message: 'Not Found' }));
    const pr = {
      number,
      html_url: `http://forge/acme/widgets/pull/${number}`,
      merged: true,
      merged_at: '2026-11-27T00:00:00Z',
      merge_commit_sha: sha,
      head: { sha: 'e'.repeat(40) },
    };
    res.writeHead(200).end(JSON.stringify(github ? [pr] : pr));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${port}`, calls, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe('actions/promote/action.yml run as a runner would', () => {
  let registry: RegistryProcess;
  let api: Awaited<ReturnType<typeof startForgeApi>>;
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
