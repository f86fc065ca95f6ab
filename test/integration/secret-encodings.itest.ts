// A registry that echoes the password back in another encoding (issue: hardening, point 4): URL-
// or form-encoded, JSON-escaped, base64 or base64url, or the Basic pair it was sent. The CLI hides
// every form itself; in a runner each form is registered with ::add-mask:: before it can appear.
import assert from 'node:assert/strict';
import { afterAll as after, beforeAll as before, describe, test } from '@jest/globals';
import { runCli } from '../helpers/cli.js';
import { ECHO_PASSWORD, ECHO_USER, ECHOES } from '../helpers/secret-echoes.js';
import { standIn, type StandIn } from '../helpers/stand-in.js';

describe('a registry echoing the password in other encodings', () => {
  let server: StandIn;
  let registry = '';

  before(async () => {
    // Basic auth first, so that the client sends the pair; then every request is refused with an
    // error body quoting the password in each form and the Authorization header as received.
    server = await standIn((url, res) => {
      const authorization = res.req.headers.authorization;
      if (!authorization) {
        res.writeHead(401, { 'www-authenticate': 'Basic realm="stand-in"', 'content-type': 'application/json' }).end('{}');
        return;
      }
      if (url.pathname === '/v2/') {
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
        return;
      }
      const echo = `${Object.values(ECHOES).join(' | ')} | ${authorization}`;
      res
        .writeHead(400, { 'content-type': 'application/json' })
        .end(JSON.stringify({ errors: [{ code: 'DENIED', message: `refused: ${echo}` }] }));
    });
    registry = server.host;
  });
  after(() => server.close());

  const mirror = (env: Record<string, string> = {}) =>
    runCli(
      'mirror',
      {
        mirror: JSON.stringify([{ src_repository: `${registry}/echo/app`, all_tags: true, dest_repository: `${registry}/echo/copy` }]),
        'registry-credentials': JSON.stringify({ [registry]: { username: ECHO_USER, password: ECHO_PASSWORD } }),
      },
      env,
    );

  test('4. the CLI log hides every form', async () => {
    const run = await mirror();
    assert.equal(run.code, 1, run.log);
    assert.match(run.log, /DENIED: refused: \*\*\*/, 'the echo was printed, masked');
    for (const [name, form] of Object.entries(ECHOES)) assert.ok(!run.log.includes(form), `the ${name} form printed: ${run.log}`);
  });

  test('4. in a runner, every form is registered with ::add-mask:: before anything prints it', async () => {
    const run = await mirror({ GITHUB_ACTIONS: 'true' });
    assert.equal(run.code, 1, run.log);
    const lines = run.log.split('\n');
    // Workflow command data escapes `%` (and line breaks); the runner reads it back.
    const masked = (form: string) => lines.indexOf(`::add-mask::${form.replace(/%/g, '%25')}`);
    const shown = (form: string) => lines.findIndex((line) => !line.startsWith('::add-mask::') && line.includes(form));
    for (const [name, form] of Object.entries(ECHOES)) {
      assert.ok(masked(form) >= 0, `the ${name} form is not registered: ${run.log}`);
      assert.ok(shown(form) === -1 || masked(form) < shown(form), `the ${name} form printed before it was registered`);
    }
    assert.ok(shown(ECHOES.base64) > 0, 'the echo reached the log, for the runner to mask');
  });
});
