// What a user reads when something is wrong: one annotation per problem (act prints %0A
// literally), and forge lookups that fail with the URL (no credentials), the status or the
// network's reason, within a deadline, and what to do.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { afterAll as after, beforeAll as before, describe, test } from '@jest/globals';
import { runCli } from '../helpers/cli.js';
import { freePort } from '../helpers/registry-process.js';

describe('messages', () => {
  test('several input problems: one annotation each, under act and on GitHub, never %0A', async () => {
    const runners: Record<string, string>[] = [{ ACT: 'true', GITHUB_ACTIONS: 'true' }, { GITHUB_ACTIONS: 'true' }];
    for (const runner of runners) {
      const result = await runCli(
        'promote',
        { images: '[{context: ., repository: "Bad Repo"}, {context: ., repository: quay.io/a/b, tags: ["bad tag"]}]' },
        runner,
      );
      assert.equal(result.code, 1);
      assert.doesNotMatch(result.log, /%0A/);
      assert.deepEqual(
        result.log.split('\n').filter((l) => l.startsWith('::error::')),
        [
          '::error::2 problems in the inputs:',
          '::error::images[0].repository: "Bad Repo" is not a valid repository: names must be lowercase',
          '::error::images[1].tags[0]: "bad tag" is not a valid tag (1-128 of [A-Za-z0-9_.-], not starting with "." or "-")',
        ],
      );
    }
  });

  describe('the commit -> pull request lookup of promote on push', () => {
    let hanging: Server;
    let failing: Server;
    let hangingUrl: string;
    let failingUrl: string;
    before(async () => {
      hanging = createServer(() => {
        // Never answers.
      });
      failing = createServer((_req, res) => res.writeHead(500).end('{"message":"boom"}'));
      const [a, b] = [await freePort(), await freePort()];
      await Promise.all([
        new Promise<void>((resolve) => hanging.listen(a, '127.0.0.1', resolve)),
        new Promise<void>((resolve) => failing.listen(b, '127.0.0.1', resolve)),
      ]);
      hangingUrl = `http://127.0.0.1:${a}`;
      failingUrl = `http://127.0.0.1:${b}`;
    });
    after(async () => {
      hanging.closeAllConnections();
      await Promise.all([hanging, failing].map((s) => new Promise((resolve) => s.close(resolve))));
    });

    const promoteOnPush = (api: string) =>
      runCli(
        'promote',
        { images: '[{context: ., repository: 127.0.0.1:9/acme/x}]', token: 'forge-token-value' },
        {
          GITHUB_ACTIONS: 'true',
          GITHUB_EVENT_NAME: 'push',
          GITHUB_SHA: '1'.repeat(40),
          GITHUB_REPOSITORY: 'acme/widgets',
          GITHUB_API_URL: api,
        },
      );

    test('refused: the URL without its credentials, the network reason, and what to check', async () => {
      const port = await freePort();
      const result = await promoteOnPush(`http://ci:api-secret@127.0.0.1:${port}`);
      assert.equal(result.code, 1);
      assert.match(
        result.log,
        new RegExp(
          `::error::looking up the pull request of 1{40}: GET http://(\\*\\*\\*@)?127\\.0\\.0\\.1:${port}/repos/acme/widgets/commits/1{40}/pulls did not answer: ECONNREFUSED: check that GITHUB_API_URL`,
        ),
      );
      assert.doesNotMatch(result.log, /api-secret/);
    });

    test('an error status: named, with what to do', async () => {
      const result = await promoteOnPush(failingUrl);
      assert.equal(result.code, 1);
      assert.match(
        result.log,
        /GET http:\/\/127\.0\.0\.1:\d+\/repos\/acme\/widgets\/commits\/1{40}\/pulls answered HTTP 500: the forge failed; re-run, or give the change input/,
      );
    });

    test('no answer: the deadline ends it, and says so', async () => {
      const result = await promoteOnPush(hangingUrl);
      assert.equal(result.code, 1);
      assert.match(result.log, /did not answer within 15 s: check that GITHUB_API_URL/);
      assert.ok(result.ms < 30_000, `took ${result.ms} ms`);
    });
  });
});
