// The forge's word on a change, as leaked-tag cleanup asks for it: an answer, no such change, or
// a forge that was asked and failed (which must keep the change's tags, not fall back to age).
import assert from 'node:assert/strict';
import { afterAll as after, describe, test } from '@jest/globals';
import { changeStateLookup } from '../../src/platform/pull-request.js';
import { freePort } from '../helpers/registry-process.js';
import { standIn, type StandIn } from '../helpers/stand-in.js';
import { recordingLogger } from '../helpers/testbed.js';

describe('change state from the forge', () => {
  const forges: StandIn[] = [];
  after(() => Promise.all(forges.map((f) => f.close())));

  async function forge(): Promise<StandIn> {
    const answers: Record<string, [number, string]> = {
      '/repos/acme/widgets/pulls/1': [200, '{"state":"open"}'],
      '/repos/acme/widgets/pulls/2': [200, '{"state":"closed","merged":true}'],
      '/repos/acme/widgets/pulls/3': [500, '{"message":"Server Error"}'],
      '/repos/acme/widgets/pulls/4': [200, '{"message":"odd"}'],
      '/repos/acme/widgets/pulls/5': [503, ''],
    };
    const started = await standIn((url, res) => {
      const [status, body] = answers[url.pathname] ?? [404, '{"message":"Not Found"}'];
      res.writeHead(status, { 'content-type': 'application/json' }).end(body);
    });
    forges.push(started);
    return started;
  }
  const env = (api: string) => ({ GITHUB_REPOSITORY: 'acme/widgets', GITHUB_API_URL: api });

  test('open and closed are answers; an unknown number is no answer (the caller decides by age)', async () => {
    const { origin } = await forge();
    const lookup = changeStateLookup(env(origin), 'tok', recordingLogger());
    assert.deepEqual(await lookup(1), { state: 'open' });
    assert.deepEqual(await lookup(2), { state: 'closed' });
    assert.equal(await lookup(404), undefined);
  });

  test('a forge that answers 5xx or no state is asked and failed: unknown, with the status and URL', async () => {
    const { origin } = await forge();
    const lookup = changeStateLookup(env(origin), 'tok', recordingLogger());
    assert.deepEqual(await lookup(3), {
      state: 'unknown',
      reason: `the forge answered HTTP 500 (GET ${origin}/repos/acme/widgets/pulls/3)`,
    });
    assert.deepEqual(await lookup(5), {
      state: 'unknown',
      reason: `the forge answered HTTP 503 (GET ${origin}/repos/acme/widgets/pulls/5)`,
    });
    const odd = await lookup(4);
    assert.equal(odd?.state, 'unknown');
    assert.match(odd && 'reason' in odd ? odd.reason : '', /answered without a state/);
  });

  test('a forge that cannot be reached is unknown too, and never shows the token', async () => {
    const origin = `http://127.0.0.1:${await freePort()}`;
    const answer = await changeStateLookup(env(origin), 'secret-token', recordingLogger())(7);
    assert.equal(answer?.state, 'unknown');
    const reason = answer && 'reason' in answer ? answer.reason : '';
    assert.match(reason, /^the forge did not answer: .* \(GET http:\/\/127\.0\.0\.1:\d+\/repos\/acme\/widgets\/pulls\/7\)$/);
    assert.ok(!reason.includes('secret-token'));
  });

  test('without a token the forge is not asked', async () => {
    const started = await forge();
    assert.equal(await changeStateLookup(env(started.origin), undefined, recordingLogger())(1), undefined);
    assert.equal(started.seen.length, 0);
  });
});
