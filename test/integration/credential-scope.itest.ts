// Credentials and URLs built from what registries send: digests are checked before they go into a
// URL, a login restricted to some repositories is sent for no other, and a token realm may not
// downgrade an HTTPS registry to plain HTTP.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import type { LookupFunction } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll as after, beforeAll as before, describe, test } from '@jest/globals';
import { mirror } from '../../src/commands/mirror.js';
import { loginOf, parseCredentials } from '../../src/config/inputs/credentials.js';
import { sha256 } from '../../src/registry/digest.js';
import { MediaType } from '../../src/registry/media-types.js';
import { RegistrySession } from '../../src/registry/session.js';
import { makeCertificates } from '../helpers/certificates.js';
import { exec } from '../helpers/exec.js';
import { startFaultProxy, type FaultProxy } from '../helpers/fault-proxy.js';
import { pushSynthetic } from '../helpers/images.js';
import { startRegistry, type RegistryProcess } from '../helpers/registry-process.js';
import { standIn, type StandIn } from '../helpers/stand-in.js';
import { recordingLogger } from '../helpers/testbed.js';
import { startTokenServer, type TokenServer } from '../helpers/token-server.js';

const TRAVERSAL = 'sha256:x/../../../victim/manifests/latest';
const NO_RETRY = { attempts: 1, baseDelayMs: 1, maxDelayMs: 1 };

/** The login of a registry-credentials entry, as the commands build it (pattern included). */
function logins(registry: string, pattern: string, username: string, password: string) {
  const map = parseCredentials(JSON.stringify({ [registry]: { username, password, repository: pattern } }), () => {});
  return new Map([[registry, loginOf(map.get(registry))!]]);
}

describe('digests from a registry are checked before they go into a URL', () => {
  let source: RegistryProcess;
  let destination: RegistryProcess;
  let fromSource: FaultProxy;
  let toDestination: FaultProxy;
  let child: { digest: string; size: number };
  before(async () => {
    [source, destination] = await Promise.all([startRegistry(), startRegistry()]);
    [fromSource, toDestination] = await Promise.all([startFaultProxy(source.registry), startFaultProxy(destination.registry)]);
    const seed = new RegistrySession();
    const image = await pushSynthetic(seed, source.registry, 'lib/app', { layers: [300], tags: ['amd64'] });
    const head = await seed.client(source.registry).headManifest('lib/app', image.digest);
    child = { digest: image.digest, size: head!.size };
    seed.close();
  });
  after(async () => {
    await Promise.all([fromSource.close(), toDestination.close()]);
    await Promise.all([source.stop(), destination.stop()]);
  });

  const runMirror = async (srcTag: string, platforms?: string[]) => {
    const work = mkdtempSync(join(tmpdir(), 'cia-credential-scope-'));
    const logger = recordingLogger();
    const items = [
      {
        src_repository: `${fromSource.registry}/lib/app`,
        src_tag: srcTag,
        dest_repository: `${toDestination.registry}/org/app`,
        dest_tag: srcTag,
        ...(platforms && { platforms }),
      },
    ];
    const credentials = {
      [toDestination.registry]: { username: 'ci', password: 'ci-pass', repository: `${toDestination.registry}/org/app` },
    };
    const inputs: Record<string, string> = {
      'work-dir': work,
      mirror: JSON.stringify(items),
      'registry-credentials': JSON.stringify(credentials),
    };
    const result = await mirror({ env: { ...process.env, RUNNER_TEMP: work }, logger, read: (name) => inputs[name] ?? '', exec });
    return { result, logger };
  };

  /** Every path the destination saw lies in org/app (or is the API ping). */
  const outsideRepository = () =>
    toDestination.log.map((e) => e.path).filter((path) => path !== '/v2/' && !path.startsWith('/v2/org/app/'));

  test('an index child (not even a selected platform) with a traversal digest: the run fails naming it, org/victim never reached', async () => {
    const index = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: MediaType.OciIndex,
        manifests: [
          { mediaType: MediaType.OciManifest, size: child.size, digest: child.digest, platform: { os: 'linux', architecture: 'amd64' } },
          { mediaType: MediaType.OciManifest, size: 100, digest: TRAVERSAL, platform: { os: 'linux', architecture: 's390x' } },
        ],
      }),
    );
    fromSource.rules.push({
      path: new RegExp(`^/v2/lib/app/manifests/(hostile-index|${sha256(index)})$`),
      times: Infinity,
      fault: { kind: 'respond', status: 200, headers: { 'content-type': MediaType.OciIndex }, body: index },
    });
    toDestination.log.length = 0;
    const { result, logger } = await runMirror('hostile-index', ['linux/amd64']);
    assert.deepEqual(outsideRepository(), []);
    assert.ok(result.failure, logger.lines.join('\n'));
    assert.match(
      logger.lines.join('\n') + String(result.failure),
      /sha256:x\/\.\.\/\.\.\/\.\.\/victim\/manifests\/latest" is not a digest/,
    );
  });

  test('a referrer listed with a traversal digest: refused by name, nothing outside org/app reached', async () => {
    fromSource.rules.push({
      path: /^\/v2\/lib\/app\/referrers\//,
      times: Infinity,
      fault: {
        kind: 'respond',
        status: 200,
        headers: { 'content-type': MediaType.OciIndex },
        body: JSON.stringify({
          schemaVersion: 2,
          mediaType: MediaType.OciIndex,
          manifests: [{ mediaType: MediaType.OciManifest, size: 100, digest: TRAVERSAL, artifactType: 'application/spdx+json' }],
        }),
      },
    });
    toDestination.log.length = 0;
    const { result, logger } = await runMirror('amd64');
    assert.deepEqual(outsideRepository(), []);
    assert.ok(result.failure, logger.lines.join('\n'));
    assert.match(logger.lines.join('\n') + String(result.failure), /victim\/manifests\/latest" is not a digest/);
  });
});

describe("a login restricted to some repositories (registry-credentials' repository pattern)", () => {
  let tokens: TokenServer;
  let registry: RegistryProcess;
  before(async () => {
    // The token server would grant every repository: the pattern is the only thing in the way.
    tokens = await startTokenServer({ ci: { password: 'ci-pass', grants: [{ repository: /.*/, actions: ['pull', 'push', 'delete'] }] } }, [
      { repository: /.*/, actions: ['pull'] },
    ]);
    registry = await startRegistry({
      token: { realm: tokens.realm, service: tokens.service, issuer: tokens.issuer, rootCertBundle: tokens.certFile },
    });
  });
  after(async () => {
    await registry.stop();
    await tokens.close();
  });

  test('writes elsewhere are refused unsent; reads elsewhere keep the login, as its own repository does', async () => {
    const sent: string[] = [];
    const session = new RegistrySession({
      credentials: { explicit: logins(registry.registry, `${registry.registry}/org/app`, 'ci', 'ci-pass') },
      transport: { onRequest: (method, url) => sent.push(`${method} ${url.pathname}`) },
      retry: NO_RETRY,
    });
    const client = session.client(registry.registry);
    const image = await pushSynthetic(session, registry.registry, 'org/app', { layers: [200], tags: ['v1'] });
    const manifest = await client.getManifest('org/app', 'v1');
    assert.ok(tokens.requests.every((r) => r.user === 'ci'));

    sent.length = 0;
    tokens.requests.length = 0;
    await assert.rejects(
      client.putManifest('org/victim', 'latest', manifest),
      (error: Error) =>
        error.name === 'CredentialScopeError' &&
        error.message.includes(`${registry.registry}/org/victim is outside`) &&
        error.message.includes(`registry-credentials["${registry.registry}"].repository "${registry.registry}/org/app"`),
    );
    await assert.rejects(client.deleteManifest('org/victim', image.digest), /CredentialScopeError|is outside/);
    assert.deepEqual(sent, []);
    assert.equal(tokens.requests.length, 0);

    // A read of another repository keeps the login (a mirror's source on the same registry).
    assert.equal(await client.headManifest('org/other', 'v1'), undefined);
    assert.ok(tokens.requests.length > 0);
    assert.ok(
      tokens.requests.every((r) => r.user === 'ci'),
      JSON.stringify(tokens.requests),
    );
    session.close();
  });
});

/** `registry.test` and `token.test` are this machine, as names a split-horizon DNS would give. */
const lookup: LookupFunction = (hostname, options, callback) => {
  if (hostname !== 'registry.test' && hostname !== 'token.test') return callback(new Error(`unexpected lookup of ${hostname}`), '', 4);
  if ((options as { all?: boolean }).all)
    return (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [
      { address: '127.0.0.1', family: 4 },
    ]);
  callback(null, '127.0.0.1', 4);
};

describe('a token realm may not downgrade an HTTPS registry to plain HTTP', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cia-realm-'));
  let realm = '';
  let tokenServer: StandIn;
  let registry: StandIn;
  let port = 0;
  before(async () => {
    makeCertificates(dir, ['registry.test']);
    tokenServer = await standIn((_url, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ token: 'granted-token', expires_in: 300 }));
    });
    // A registry stand-in over HTTPS: 401 naming whichever realm the test set, 200 for the token.
    const tls = { cert: readFileSync(join(dir, 'server.pem')), key: readFileSync(join(dir, 'server.key')) };
    registry = await standIn(
      (_url, res) => {
        if (res.req.headers.authorization === 'Bearer granted-token') {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ name: 'org/app', tags: ['v1'] }));
          return;
        }
        res.writeHead(401, { 'www-authenticate': `Bearer realm="${realm}",service="registry.test"`, 'content-type': 'application/json' });
        res.end('{"errors":[{"code":"UNAUTHORIZED"}]}');
      },
      { tls },
    );
    port = Number(new URL(registry.origin).port);
  });
  after(() => Promise.all([registry.close(), tokenServer.close()]));

  const session = () =>
    new RegistrySession({
      credentials: { explicit: new Map([[`registry.test:${port}`, { username: 'ci', password: 'ci-secret' }]]) },
      transport: { ca: readFileSync(join(dir, 'ca.pem'), 'utf8'), lookup },
      retry: NO_RETRY,
    });

  test('an http:// realm on another host is refused, named, and sent nothing', async () => {
    realm = `http://token.test:${new URL(tokenServer.origin).port}/token`;
    tokenServer.seen.length = 0;
    const s = session();
    await assert.rejects(s.client(`registry.test:${port}`).listTags('org/app'), (error: Error) => {
      assert.match(error.message, new RegExp(`token realm ${realm.replace(/[.?]/g, '\\$&')}.*refused, nothing was sent to it`));
      assert.doesNotMatch(error.message, /ci-secret|Y2k6Y2ktc2VjcmV0/);
      return true;
    });
    assert.deepEqual(tokenServer.seen, []);
    s.close();
  });

  test('an http:// realm on loopback is refused too: the registry is remote, the realm whatever listens here', async () => {
    realm = `${tokenServer.origin}/token`;
    tokenServer.seen.length = 0;
    const s = session();
    await assert.rejects(
      s.client(`registry.test:${port}`).listTags('org/app'),
      /token realm http:\/\/127\.0\.0\.1:\d+\/token.*refused, nothing was sent to it/,
    );
    assert.deepEqual(tokenServer.seen, []);
    s.close();
  });
});
