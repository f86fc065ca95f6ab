import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll as after, beforeAll as before, describe, test } from '@jest/globals';
import type { Logger } from '../../src/logger.js';
import { copyImage } from '../../src/registry/copy.js';
import { RegistryError } from '../../src/registry/errors.js';
import { RegistrySession } from '../../src/registry/session.js';
import { pushSynthetic, skopeoRaw } from '../helpers/images.js';
import { startRegistry, type RegistryProcess } from '../helpers/registry-process.js';
import { exec } from '../helpers/exec.js';
import { startTokenServer, type TokenServer } from '../helpers/token-server.js';

const PASSWORD = 'correct horse battery staple';

function maskingLogger(): Logger & { masked: Set<string>; lines: string[] } {
  const masked = new Set<string>();
  const lines: string[] = [];
  return {
    masked,
    lines,
    debug: (m) => lines.push(m),
    info: (m) => lines.push(m),
    warning: (m) => lines.push(m),
    error: (m) => lines.push(m),
    group: (_t, fn) => fn(),
    mask: (s) => masked.add(s),
  };
}

describe('registry auth against real registries', () => {
  let source: RegistryProcess;
  let basic: RegistryProcess;
  let tokenRegistry: RegistryProcess;
  let tokens: TokenServer;
  const dir = mkdtempSync(join(tmpdir(), 'cia-auth-'));

  before(async () => {
    const htpasswd = join(dir, 'htpasswd');
    writeFileSync(htpasswd, execFileSync('htpasswd', ['-Bbn', 'ci', PASSWORD], { encoding: 'utf8' }));
    tokens = await startTokenServer(
      {
        ci: { password: PASSWORD, grants: [{ repository: /.*/, actions: ['pull', 'push', 'delete'] }] },
        reader: { password: 'reader-pass', grants: [{ repository: /.*/, actions: ['pull'] }] },
      },
      [{ repository: /^public\/.*/, actions: ['pull'] }],
    );
    [source, basic, tokenRegistry] = await Promise.all([
      startRegistry(),
      startRegistry({ htpasswd }),
      startRegistry({ token: { realm: tokens.realm, service: tokens.service, issuer: tokens.issuer, rootCertBundle: tokens.certFile } }),
    ]);
    const seed = new RegistrySession();
    await pushSynthetic(seed, source.registry, 'src/app', {
      layers: [200_000, 3000],
      platforms: ['linux/amd64', 'linux/arm64'],
      tags: ['v1'],
    });
    seed.close();
  });
  after(async () => {
    await Promise.all([source.stop(), basic.stop(), tokenRegistry.stop(), tokens.close()]);
  });

  const session = (
    registry: string,
    credential?: { username: string; password: string },
    extra: Partial<ConstructorParameters<typeof RegistrySession>[0]> = {},
  ) => {
    const logger = maskingLogger();
    const s = new RegistrySession({
      logger,
      credentials: { explicit: credential ? new Map([[registry, credential]]) : undefined, env: { HOME: dir } },
      ...extra,
    });
    return { s, logger };
  };

  test('htpasswd (Basic): copy in with the password, which is masked', async () => {
    const { s, logger } = session(basic.registry, { username: 'ci', password: PASSWORD });
    const result = await copyImage(
      s,
      { registry: source.registry, repository: 'src/app' },
      { registry: basic.registry, repository: 'app' },
      { source: 'v1', tags: ['v1'] },
    );
    s.close();
    assert.equal(result.status, 'copied');
    assert.ok(logger.masked.has(PASSWORD));
    assert.ok(!logger.lines.some((l) => l.includes(PASSWORD)));
  });

  test('htpasswd: a wrong password is a clear 401, and nothing is pushed', async () => {
    const { s } = session(basic.registry, { username: 'ci', password: 'wrong' });
    await assert.rejects(
      copyImage(
        s,
        { registry: source.registry, repository: 'src/app' },
        { registry: basic.registry, repository: 'denied' },
        { source: 'v1', tags: ['v1'] },
      ),
      (error: unknown) => {
        assert.ok(error instanceof RegistryError);
        assert.equal(error.status, 401);
        assert.match(error.message, /HTTP 401/);
        assert.doesNotMatch(error.message, /wrong/);
        return true;
      },
    );
    s.close();
    const { s: good } = session(basic.registry, { username: 'ci', password: PASSWORD });
    assert.deepEqual(await good.client(basic.registry).listTags('denied'), []);
    good.close();
  });

  test('token auth: scoped tokens, fetched once per scope set and masked; result byte-identical', async () => {
    tokens.requests.length = 0;
    const { s, logger } = session(tokenRegistry.registry, { username: 'ci', password: PASSWORD });
    await copyImage(
      s,
      { registry: source.registry, repository: 'src/app' },
      { registry: tokenRegistry.registry, repository: 'team/app' },
      { source: 'v1', tags: ['v1'] },
    );
    s.close();
    assert.ok(tokens.requests.every((r) => r.user === 'ci'));
    const scopeSets = tokens.requests.map((r) => r.scopes.sort().join(' '));
    assert.deepEqual(
      [...new Set(scopeSets)].length,
      scopeSets.length,
      `a token per scope set, each fetched once: ${scopeSets.join(' | ')}`,
    );
    assert.ok(scopeSets.includes('repository:team/app:pull,push'));
    assert.ok(logger.masked.size >= 2, 'the password and every minted token are masked');
    const authfile = join(dir, 'skopeo-auth.json');
    writeFileSync(
      authfile,
      JSON.stringify({ auths: { [tokenRegistry.registry]: { auth: Buffer.from(`ci:${PASSWORD}`).toString('base64') } } }),
    );
    assert.ok(
      (await skopeoRaw(`${tokenRegistry.registry}/team/app:v1`, authfile)).equals(await skopeoRaw(`${source.registry}/src/app:v1`)),
    );
  });

  test('token auth: a cross-repository mount asks for pull on the source repository too', async () => {
    tokens.requests.length = 0;
    const { s } = session(tokenRegistry.registry, { username: 'ci', password: PASSWORD });
    const result = await copyImage(
      s,
      { registry: tokenRegistry.registry, repository: 'team/app' },
      { registry: tokenRegistry.registry, repository: 'team/copy' },
      { source: 'v1', tags: ['v1'] },
    );
    s.close();
    assert.ok(result.blobsMounted > 0);
    assert.ok(
      tokens.requests.some((r) => r.scopes.includes('repository:team/app:pull') && r.scopes.includes('repository:team/copy:pull,push')),
    );
  });

  test('token auth: a user granted pull only gets a clear insufficient_scope refusal on push', async () => {
    const { s } = session(tokenRegistry.registry, { username: 'reader', password: 'reader-pass' });
    await assert.rejects(
      copyImage(
        s,
        { registry: source.registry, repository: 'src/app' },
        { registry: tokenRegistry.registry, repository: 'team/readonly' },
        { source: 'v1', tags: ['v1'] },
      ),
      (error: unknown) => {
        assert.ok(error instanceof RegistryError);
        assert.equal(error.status, 401);
        assert.ok(error.hasCode('UNAUTHORIZED'), error.message);
        assert.match(error.message, /insufficient_scope: the credentials do not grant repository:team\/readonly:(pull,push|push,pull)/);
        return true;
      },
    );
    s.close();
  });

  test('token auth: anonymous tokens pull public repositories', async () => {
    const { s: writer } = session(tokenRegistry.registry, { username: 'ci', password: PASSWORD });
    await copyImage(
      writer,
      { registry: source.registry, repository: 'src/app' },
      { registry: tokenRegistry.registry, repository: 'public/app' },
      { source: 'v1', tags: ['v1'] },
    );
    writer.close();
    tokens.requests.length = 0;
    const { s } = session(tokenRegistry.registry);
    const manifest = await s.client(tokenRegistry.registry).getManifest('public/app', 'v1');
    s.close();
    assert.match(manifest.digest, /^sha256:/);
    assert.equal(tokens.requests[0].user, undefined);
  });

  test('credentials from DOCKER_CONFIG auths, with an identity token through the OAuth2 POST grant', async () => {
    const dockerDir = mkdtempSync(join(tmpdir(), 'cia-docker-'));
    writeFileSync(
      join(dockerDir, 'config.json'),
      JSON.stringify({ auths: { [tokenRegistry.registry]: { identitytoken: `ci:${PASSWORD}` } } }),
    );
    tokens.requests.length = 0;
    const s = new RegistrySession({ credentials: { env: { DOCKER_CONFIG: dockerDir } } });
    await s.client(tokenRegistry.registry).getManifest('team/app', 'v1');
    s.close();
    assert.equal(tokens.requests[0].method, 'POST');
    assert.equal(tokens.requests[0].user, 'ci');
  });

  test('credentials from a docker credential helper (credHelpers, then credsStore), and from podman auth.json', async () => {
    const bin = mkdtempSync(join(tmpdir(), 'cia-helper-'));
    writeFileSync(
      join(bin, 'docker-credential-cia'),
      `#!/bin/sh\nread server\n[ "$server" = "${basic.registry}" ] || exit 1\nprintf '{"ServerURL":"%s","Username":"ci","Secret":"${PASSWORD}"}' "$server"\n`,
    );
    chmodSync(join(bin, 'docker-credential-cia'), 0o755);
    const dockerDir = mkdtempSync(join(tmpdir(), 'cia-docker-'));
    writeFileSync(join(dockerDir, 'config.json'), JSON.stringify({ credHelpers: { [basic.registry]: 'cia' } }));
    const storeDir = mkdtempSync(join(tmpdir(), 'cia-docker-'));
    writeFileSync(join(storeDir, 'config.json'), JSON.stringify({ credsStore: 'cia' }));
    const oldPath = process.env.PATH;
    process.env.PATH = `${bin}:${oldPath}`;
    try {
      for (const config of [dockerDir, storeDir]) {
        const s = new RegistrySession({ credentials: { env: { DOCKER_CONFIG: config }, exec } });
        assert.deepEqual(await s.client(basic.registry).listTags('app'), ['v1']);
        s.close();
      }
    } finally {
      process.env.PATH = oldPath;
    }
    const authFile = join(mkdtempSync(join(tmpdir(), 'cia-podman-')), 'auth.json');
    writeFileSync(authFile, JSON.stringify({ auths: { [basic.registry]: { auth: Buffer.from(`ci:${PASSWORD}`).toString('base64') } } }));
    const s = new RegistrySession({ credentials: { env: { REGISTRY_AUTH_FILE: authFile, DOCKER_CONFIG: join(dir, 'none') } } });
    assert.deepEqual(await s.client(basic.registry).listTags('app'), ['v1']);
    s.close();
  });
});
