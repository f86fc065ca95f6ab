import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll as after, beforeAll as before, describe, test } from '@jest/globals';
import type { Exec } from '../../src/exec.js';
import { exec } from '../helpers/exec.js';
import { Skopeo } from '../../src/copiers/skopeo.js';
import { copyImage } from '../../src/registry/copy.js';
import { RegistrySession } from '../../src/registry/session.js';
import { runCli } from '../helpers/cli.js';
import { pushSynthetic, skopeoTags } from '../helpers/images.js';
import { freePort, startRegistry, type RegistryProcess } from '../helpers/registry-process.js';

const PASSWORD = 'skopeo-secret-password';

describe('skopeo engine', () => {
  let source: RegistryProcess;
  let protectedRegistry: RegistryProcess;
  before(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cia-skopeo-'));
    writeFileSync(join(dir, 'htpasswd'), execFileSync('htpasswd', ['-Bbn', 'ci', PASSWORD], { encoding: 'utf8' }));
    [source, protectedRegistry] = await Promise.all([startRegistry(), startRegistry({ htpasswd: join(dir, 'htpasswd') })]);
    const seed = new RegistrySession();
    await pushSynthetic(seed, source.registry, 'src/app', {
      layers: [100_000, 2000],
      platforms: ['linux/amd64', 'linux/arm64'],
      tags: ['v1'],
    });
    seed.close();
  });
  after(async () => {
    await Promise.all([source.stop(), protectedRegistry.stop()]);
  });

  test('copy --all --preserve-digests gives the same digest as the native engine; credentials only in a 0600 file that is gone afterwards', async () => {
    const seen: { args: readonly string[]; authMode?: number; dirMode?: number; authContent?: string }[] = [];
    const recording: Exec = (file, args, options) => {
      const authfile = args[args.indexOf('--authfile') + 1];
      const entry: (typeof seen)[number] = { args };
      if (args.includes('--authfile')) {
        entry.authMode = statSync(authfile).mode & 0o777;
        entry.dirMode = statSync(dirname(authfile)).mode & 0o777;
        entry.authContent = readFileSync(authfile, 'utf8');
      }
      seen.push(entry);
      return exec(file, args, options);
    };
    const skopeo = new Skopeo({
      exec: recording,
      env: { ...process.env, XDG_DATA_HOME: mkdtempSync(join(tmpdir(), 'cia-xdg-')) },
      credential: async (registry) => (registry === protectedRegistry.registry ? { username: 'ci', password: PASSWORD } : undefined),
    });
    await skopeo.copy(
      { registry: source.registry, repository: 'src/app', reference: 'v1' },
      { registry: protectedRegistry.registry, repository: 'via/skopeo', reference: 'v1' },
    );

    const session = new RegistrySession({
      credentials: { explicit: new Map([[protectedRegistry.registry, { username: 'ci', password: PASSWORD }]]) },
    });
    const native = await copyImage(
      session,
      { registry: source.registry, repository: 'src/app' },
      { registry: protectedRegistry.registry, repository: 'via/native' },
      { source: 'v1', tags: ['v1'] },
    );
    const viaSkopeo = await session.client(protectedRegistry.registry).headManifest('via/skopeo', 'v1');
    session.close();
    assert.equal(viaSkopeo?.digest, native.digest);

    const [call] = seen;
    assert.deepEqual(call.args.slice(0, 3), ['copy', '--all', '--preserve-digests']);
    assert.ok(!call.args.some((a) => a.includes(PASSWORD)), 'the password is not in argv');
    assert.equal(call.authMode, 0o600);
    assert.equal(call.dirMode, 0o700);
    assert.match(call.authContent ?? '', new RegExp(Buffer.from(`ci:${PASSWORD}`).toString('base64')));
    const authfile = call.args[call.args.indexOf('--authfile') + 1];
    assert.ok(!existsSync(authfile) && !existsSync(dirname(authfile)), 'the auth file and its directory are removed');
  });

  test('inspect --raw and list-tags through skopeo', async () => {
    const skopeo = new Skopeo({ exec, credential: async () => ({ username: 'ci', password: PASSWORD }) });
    const tags = await skopeo.listTags(protectedRegistry.registry, 'via/skopeo');
    assert.deepEqual(tags, ['v1']);
    const raw = await skopeo.inspectRaw({ registry: source.registry, repository: 'src/app', reference: 'v1' });
    assert.match(JSON.parse(raw.toString()).mediaType, /image.index/);
  });

  test('a missing skopeo is a clear error with the install hint', async () => {
    const skopeo = new Skopeo({ exec, binary: '/nonexistent/skopeo' });
    await assert.rejects(
      skopeo.listTags(source.registry, 'src/app'),
      /skopeo was not found \(\/nonexistent\/skopeo\): install skopeo \(Debian\/Ubuntu: apt-get install skopeo\), or give the mirror action skopeo-url and skopeo-sha256 to download a pinned binary/,
    );
  });
});

describe('pinned skopeo download (skopeo-url + skopeo-sha256, @actions/tool-cache)', () => {
  test('downloads once, verifies the sha256, caches, and refuses a mismatch', async () => {
    const binary = readFileSync('/usr/bin/skopeo');
    const sha = createHash('sha256').update(binary).digest('hex');
    const port = await freePort();
    let downloads = 0;
    const server = createServer((_req, res) => {
      downloads++;
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': binary.length });
      res.end(binary);
    });
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    const root = mkdtempSync(join(tmpdir(), 'cia-toolcache-'));
    // tool-cache reads these from the environment, as on a runner.
    process.env.RUNNER_TOOL_CACHE = join(root, 'cache');
    process.env.RUNNER_TEMP = join(root, 'temp');
    try {
      const { pinnedTool } = await import('../../src/runtime/tool-download.js');
      const url = `http://127.0.0.1:${port}/skopeo`;
      const path = await pinnedTool('skopeo', url, sha);
      assert.match(spawnSync(path, ['--version'], { encoding: 'utf8' }).stdout, /skopeo version/);
      assert.equal(await pinnedTool('skopeo', url, sha), path);
      assert.equal(downloads, 1, 'the second call used the cache');
      await assert.rejects(pinnedTool('skopeo', url, 'f'.repeat(64)), /has sha256 [0-9a-f]{64}, not the pinned f{64}; nothing was run/);
      await assert.rejects(pinnedTool('skopeo', url, 'not-a-digest'), /skopeo-sha256: "not-a-digest" is not a sha256 hex digest/);
    } finally {
      delete process.env.RUNNER_TOOL_CACHE;
      delete process.env.RUNNER_TEMP;
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  test('mirror with engine: skopeo on a runner without skopeo: skopeo-url + skopeo-sha256 fetch it, a wrong pin runs nothing', async () => {
    const binary = readFileSync('/usr/bin/skopeo');
    const sha = createHash('sha256').update(binary).digest('hex');
    const port = await freePort();
    const server = createServer((_req, res) => res.writeHead(200, { 'content-length': binary.length }).end(binary));
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    const registry = await startRegistry();
    const seed = new RegistrySession();
    try {
      const image = await pushSynthetic(seed, registry.registry, 'pinned/app', { layers: [100], tags: ['v1'] });
      // No skopeo on PATH: only node and the basics.
      const bare = mkdtempSync(join(tmpdir(), 'cia-bare-'));
      symlinkSync(process.execPath, join(bare, 'node'));
      const root = mkdtempSync(join(tmpdir(), 'cia-toolcache-'));
      const env = { PATH: `${bare}:/bin`, RUNNER_TOOL_CACHE: join(root, 'cache'), XDG_DATA_HOME: join(root, 'xdg') };
      const mirror = (dest: string, pin: string) =>
        runCli(
          'mirror',
          {
            engine: 'skopeo',
            'skopeo-url': `http://127.0.0.1:${port}/skopeo`,
            'skopeo-sha256': pin,
            mirror: JSON.stringify([
              { src_repository: `${registry.registry}/pinned/app`, src_tag: 'v1', dest_repository: `${registry.registry}/${dest}` },
            ]),
          },
          env,
        );
      const wrong = await mirror('pinned/wrong', 'f'.repeat(64));
      assert.equal(wrong.code, 1);
      assert.match(
        wrong.log,
        /skopeo-url: the file at http:\/\/127\.0\.0\.1:\d+\/skopeo has sha256 [0-9a-f]{64}, not the pinned f{64}; nothing was run/,
      );
      const run = await mirror('pinned/copy', sha);
      assert.equal(run.code, 0, run.log);
      assert.match(run.log, new RegExp(`skopeo: ${join(root, 'cache')}/skopeo/.*/skopeo \\(pinned sha256 ${sha.slice(0, 12)}`));
      assert.equal((await seed.client(registry.registry).headManifest('pinned/copy', 'v1'))?.digest, image.digest);
      assert.deepEqual(await skopeoTags(`${registry.registry}/pinned/wrong`).catch(() => []), []);
    } finally {
      seed.close();
      await registry.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
