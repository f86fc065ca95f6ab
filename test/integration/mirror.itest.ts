import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll as after, beforeAll as before, describe, test } from '@jest/globals';
import { mirror, type MirroredTag } from '../../src/commands/mirror.js';
import { ConfigError } from '../../src/config/errors.js';
import type { InputName } from '../../src/config/inputs/table.js';
import { RegistrySession } from '../../src/registry/session.js';
import { runAction } from '../../scripts/lib/action-runner.js';
import { exec } from '../helpers/exec.js';
import { startFaultProxy, type FaultProxy } from '../helpers/fault-proxy.js';
import { pushSynthetic, skopeoCopy, skopeoRaw, skopeoTags } from '../helpers/images.js';
import { startRegistry, type RegistryProcess } from '../helpers/registry-process.js';
import { recordingLogger, uniqueName } from '../helpers/testbed.js';
import { startTokenServer, type TokenServer } from '../helpers/token-server.js';

const root = join(import.meta.dirname, '..', '..');
const PASSWORD = 'mirror-password';

async function runMirror(inputs: Partial<Record<InputName, string>>) {
  const logger = recordingLogger();
  const workDir = inputs['work-dir'] ?? mkdtempSync(join(tmpdir(), 'cia-mirror-'));
  const result = await mirror({
    env: { ...process.env, RUNNER_TEMP: workDir },
    logger,
    read: (name) => ({ 'work-dir': workDir, ...inputs })[name] ?? '',
    exec,
  });
  return {
    mirrored: JSON.parse(result.outputs.mirrored ?? '[]') as MirroredTag[],
    digestFile: result.outputs['digest-file'] ?? '',
    failure: result.failure,
    logger,
  };
}

describe('mirror between real registries', () => {
  let source: RegistryProcess;
  let basic: RegistryProcess;
  let tokenRegistry: RegistryProcess;
  let tokens: TokenServer;
  let fromSource: FaultProxy;
  const dir = mkdtempSync(join(tmpdir(), 'cia-mirror-auth-'));
  const seed = new RegistrySession();
  const digests: Record<string, string> = {};
  const authfile = join(dir, 'auth.json');

  before(async () => {
    writeFileSync(join(dir, 'htpasswd'), execFileSync('htpasswd', ['-Bbn', 'ci', PASSWORD], { encoding: 'utf8' }));
    tokens = await startTokenServer({ ci: { password: PASSWORD, grants: [{ repository: /.*/, actions: ['pull', 'push'] }] } });
    [source, basic, tokenRegistry] = await Promise.all([
      startRegistry(),
      startRegistry({ htpasswd: join(dir, 'htpasswd') }),
      startRegistry({ token: { realm: tokens.realm, service: tokens.service, issuer: tokens.issuer, rootCertBundle: tokens.certFile } }),
    ]);
    fromSource = await startFaultProxy(source.registry);
    for (const tag of ['1.0.0', '1.2.0', '1.2.5', '2.0.0', 'v1.3.0', 'latest', 'nightly-2026']) {
      digests[tag] = (
        await pushSynthetic(seed, source.registry, 'lib/app', {
          layers: [20_000, 300],
          platforms: tag === 'latest' ? ['linux/amd64', 'linux/arm64'] : ['linux/amd64'],
          tags: [tag],
        })
      ).digest;
    }
    writeFileSync(
      authfile,
      JSON.stringify({
        auths: Object.fromEntries(
          [basic.registry, tokenRegistry.registry].map((r) => [r, { auth: Buffer.from(`ci:${PASSWORD}`).toString('base64') }]),
        ),
      }),
    );
  });
  after(async () => {
    seed.close();
    await fromSource.close();
    await Promise.all([source.stop(), basic.stop(), tokenRegistry.stop(), tokens.close()]);
  });

  const credentials = () =>
    `"${basic.registry}": {username: ci, password: "${PASSWORD}"}\n"${tokenRegistry.registry}": {username: ci, password: "${PASSWORD}"}\n"${fromSource.registry}": {}\n"${source.registry}": {}`;

  test('tag lists, regex, semver and all_tags into htpasswd and token-auth registries: byte-identical to the source and to skopeo copy --all', async () => {
    const dest = (registry: string, name: string) => `${registry}/${name}`;
    const items = [
      {
        src_repository: `${source.registry}/lib/app`,
        src_tag: 'latest',
        dest_repository: dest(basic.registry, 'one/app'),
        dest_tag: 'stable',
      },
      {
        src_repository: `${source.registry}/lib/app`,
        tags: ['1.0.0', digests['2.0.0']],
        dest_repository: dest(basic.registry, 'list/app'),
        dest_tags: { [digests['2.0.0']]: 'two' },
      },
      {
        src_repository: `${source.registry}/lib/app`,
        tag_regex: '^nightly-.*$',
        dest_repository: dest(tokenRegistry.registry, 'regex/app'),
      },
      {
        src_repository: `${source.registry}/lib/app`,
        semver: '>=1.2.0 <2.0.0',
        dest_repository: dest(tokenRegistry.registry, 'semver/app'),
      },
      { src_repository: `${source.registry}/lib/app`, all_tags: true, dest_repository: dest(tokenRegistry.registry, 'all/app') },
    ];
    const { mirrored } = await runMirror({ mirror: JSON.stringify(items), 'registry-credentials': credentials() });
    assert.ok(
      mirrored.every((m) => m.status === 'copied'),
      JSON.stringify(mirrored),
    );
    assert.deepEqual(await skopeoTags(`${basic.registry}/one/app`, authfile), ['stable']);
    assert.deepEqual(await skopeoTags(`${basic.registry}/list/app`, authfile), ['1.0.0', 'two']);
    assert.deepEqual(await skopeoTags(`${tokenRegistry.registry}/regex/app`, authfile), ['nightly-2026']);
    assert.deepEqual(await skopeoTags(`${tokenRegistry.registry}/semver/app`, authfile), ['1.2.0', '1.2.5', 'v1.3.0']);
    assert.deepEqual(await skopeoTags(`${tokenRegistry.registry}/all/app`, authfile), Object.keys(digests).sort());
    assert.ok(
      (await skopeoRaw(`${basic.registry}/one/app:stable`, authfile)).equals(await skopeoRaw(`${source.registry}/lib/app:latest`)),
      'the two-platform index, byte for byte',
    );
    await skopeoCopy(`${source.registry}/lib/app:latest`, `${source.registry}/skopeo/app:latest`);
    assert.ok(
      (await skopeoRaw(`${source.registry}/skopeo/app:latest`)).equals(await skopeoRaw(`${basic.registry}/one/app:stable`, authfile)),
    );
    for (const [tag, digest] of Object.entries(digests))
      assert.equal(mirrored.find((m) => m.dest === `${tokenRegistry.registry}/all/app:${tag}`)?.digest, digest);
  });

  test('a re-run with nothing changed: all unchanged, the source got one HEAD per tag, one referrers probe and one tag list; a moved tag alone is copied', async () => {
    const items = [
      {
        src_repository: `${fromSource.registry}/lib/app`,
        tags: ['1.0.0', '1.2.0', 'latest'],
        dest_repository: `${basic.registry}/rerun/app`,
      },
    ];
    const inputs = { mirror: JSON.stringify(items), 'registry-credentials': credentials() };
    await runMirror(inputs);
    fromSource.log.length = 0;
    const again = await runMirror(inputs);
    assert.deepEqual(
      again.mirrored.map((m) => m.status),
      ['unchanged', 'unchanged', 'unchanged'],
    );
    const toSource = fromSource.log.filter((e) => e.path !== '/v2/');
    // Referrers (signatures, SBOMs) cost one referrers-API probe per registry and one tag list per
    // repository (docs/registries.md, "Referrers: signatures, SBOMs and attestations").
    const probes = toSource.filter((e) => e.method === 'GET' && e.path.includes('/referrers/'));
    assert.equal(probes.length, 1);
    assert.deepEqual(
      toSource
        .filter((e) => !probes.includes(e))
        .map((e) => `${e.method} ${e.path.split('?')[0]}`)
        .sort(),
      [
        'GET /v2/lib/app/tags/list',
        'HEAD /v2/lib/app/manifests/1.0.0',
        'HEAD /v2/lib/app/manifests/1.2.0',
        'HEAD /v2/lib/app/manifests/latest',
      ],
    );
    // Without referrers: one HEAD per tag and nothing else.
    fromSource.log.length = 0;
    await runMirror({ ...inputs, referrers: 'false' });
    assert.deepEqual(
      fromSource.log.filter((e) => e.path !== '/v2/').map((e) => e.method),
      ['HEAD', 'HEAD', 'HEAD'],
    );
    // The source's 1.2.0 moves: only that one is copied.
    const moved = await pushSynthetic(seed, source.registry, 'lib/app', { layers: [500], tags: ['1.2.0'] });
    const third = await runMirror(inputs);
    assert.deepEqual(third.mirrored.map((m) => [m.dest.split(':').pop(), m.status]).sort(), [
      ['1.0.0', 'unchanged'],
      ['1.2.0', 'copied'],
      ['latest', 'unchanged'],
    ]);
    assert.equal(third.mirrored.find((m) => m.dest.endsWith(':1.2.0'))?.digest, moved.digest);
    digests['1.2.0'] = moved.digest;
    assert.deepEqual(
      readFileSync(third.digestFile, 'utf8').trim().split('\n').sort(),
      third.mirrored.map((m) => `${m.digest} docker://${m.dest}`).sort(),
    );
  });

  test('faults on the source side are retried; a persistent one fails the item named, others go on with keep-going, and no destination tag names an incomplete image', async () => {
    fromSource.rules.push({ method: 'GET', path: /\/blobs\/sha256/, fault: { kind: 'reset-mid-body' }, times: 2 });
    const ok = await runMirror({
      mirror: JSON.stringify([
        { src_repository: `${fromSource.registry}/lib/app`, src_tag: 'latest', dest_repository: `${basic.registry}/faults/app` },
      ]),
      'registry-credentials': credentials(),
    });
    assert.deepEqual(
      ok.mirrored.map((m) => m.status),
      ['copied'],
    );
    assert.ok(
      (await skopeoRaw(`${basic.registry}/faults/app:latest`, authfile)).equals(await skopeoRaw(`${source.registry}/lib/app:latest`)),
    );

    const broken = `broken/${uniqueName('b')}`;
    await pushSynthetic(seed, source.registry, broken, { layers: [50_000], tags: ['v1'] });
    fromSource.rules.length = 0;
    fromSource.rules.push({
      method: 'GET',
      path: new RegExp(`/v2/${broken}/blobs/sha256`),
      fault: { kind: 'status', status: 500 },
      times: Infinity,
    });
    const items = [
      { src_repository: `${fromSource.registry}/${broken}`, src_tag: 'v1', dest_repository: `${basic.registry}/${broken}` },
      { src_repository: `${fromSource.registry}/lib/app`, src_tag: '1.0.0', dest_repository: `${basic.registry}/keepgoing/app` },
    ];
    const result = await runMirror({ mirror: JSON.stringify(items), 'registry-credentials': credentials(), 'keep-going': 'true' });
    fromSource.rules.length = 0;
    assert.match(
      result.failure ?? '',
      new RegExp(
        `1 image\\(s\\) failed to mirror:\\n  mirror\\[0\\] ${fromSource.registry.replace(/[.]/g, '\\.')}/${broken}:v1: .*HTTP 500`,
      ),
    );
    assert.deepEqual(
      result.mirrored.map((m) => m.status),
      ['failed', 'copied'],
      'reported in the order of the list',
    );
    assert.deepEqual(await skopeoTags(`${basic.registry}/keepgoing/app`, authfile), ['1.0.0']);
    assert.deepEqual(
      await skopeoTags(`${basic.registry}/${broken}`, authfile).catch(() => []),
      [],
      'no tag on the image whose blob never arrived',
    );
  });

  test('faults on the destination side (a reset upload, a 503 on the tag) are retried, and the copy is identical', async () => {
    const toDest = await startFaultProxy(basic.registry);
    try {
      toDest.rules.push(
        { method: 'PUT', path: /\/blobs\/uploads\//, fault: { kind: 'reset' } },
        { method: 'PUT', path: /\/manifests\/latest$/, fault: { kind: 'status', status: 503 } },
      );
      const { mirrored } = await runMirror({
        mirror: JSON.stringify([
          { src_repository: `${source.registry}/lib/app`, src_tag: 'latest', dest_repository: `${toDest.registry}/destfaults/app` },
        ]),
        'registry-credentials': `"${toDest.registry}": {username: ci, password: "${PASSWORD}"}`,
      });
      assert.deepEqual(
        mirrored.map((m) => m.status),
        ['copied'],
      );
      assert.ok(toDest.log.some((e) => e.fault === 'reset') && toDest.log.some((e) => e.status === 503), 'both faults were hit');
      assert.ok(
        (await skopeoRaw(`${basic.registry}/destfaults/app:latest`, authfile)).equals(await skopeoRaw(`${source.registry}/lib/app:latest`)),
      );
    } finally {
      await toDest.close();
    }
  });

  test('a Zuul vars file and a skopeo-sync file, used verbatim', async () => {
    const work = mkdtempSync(join(tmpdir(), 'cia-mirror-files-'));
    writeFileSync(
      join(work, 'zuul.yaml'),
      [
        'mirror_container_images_images:',
        `  - src_repository: ${source.registry}/lib/app`,
        '    src_tag: "1.0.0"',
        `    dest_repository: ${basic.registry}/zuul/app`,
        '    dest_tag: "1.0"',
        `    dest_registry: ${basic.registry}`,
        '',
      ].join('\n'),
    );
    const zuul = await runMirror({ 'work-dir': work, 'mirror-file': 'zuul.yaml', 'registry-credentials': credentials() });
    assert.deepEqual(
      zuul.mirrored.map((m) => [m.dest, m.status]),
      [[`${basic.registry}/zuul/app:1.0`, 'copied']],
    );
    writeFileSync(
      join(work, 'sync.yaml'),
      [
        `${source.registry}:`,
        '  images:',
        '    lib/app:',
        '      - "1.0.0"',
        '  images-by-tag-regex:',
        '    lib/app: ^nightly-',
        '  images-by-semver:',
        '    lib/app: ">= 2.0.0"',
        '  tls-verify: false',
        '',
      ].join('\n'),
    );
    const sync = await runMirror({
      'work-dir': work,
      'mirror-file': 'sync.yaml',
      'mirror-format': 'skopeo-sync',
      'mirror-destination': `${basic.registry}/synced`,
      'registry-credentials': credentials(),
    });
    assert.ok(sync.mirrored.every((m) => m.status === 'copied'));
    // Named as skopeo sync names it: the source's last path component under the destination.
    assert.deepEqual(await skopeoTags(`${basic.registry}/synced/app`, authfile), ['1.0.0', '2.0.0', 'nightly-2026']);
  });

  test('a platform subset: a smaller index with those platforms only, and its re-run is unchanged', async () => {
    const inputs = {
      mirror: JSON.stringify([
        {
          src_repository: `${source.registry}/lib/app`,
          src_tag: 'latest',
          platforms: ['linux/arm64'],
          dest_repository: `${basic.registry}/subset/app`,
        },
      ]),
      'registry-credentials': credentials(),
    };
    const first = await runMirror(inputs);
    assert.deepEqual(
      first.mirrored.map((m) => m.status),
      ['copied'],
    );
    const index = JSON.parse((await skopeoRaw(`${basic.registry}/subset/app:latest`, authfile)).toString()) as {
      manifests: { platform: { architecture: string } }[];
    };
    assert.deepEqual(
      index.manifests.map((m) => m.platform.architecture),
      ['arm64'],
    );
    assert.notEqual(first.mirrored[0].digest, digests.latest);
    const again = await runMirror(inputs);
    assert.deepEqual(
      again.mirrored.map((m) => [m.status, m.digest]),
      [['unchanged', first.mirrored[0].digest]],
    );
  });

  test('engine: skopeo runs the same plan and gives the same digests', async () => {
    const { mirrored } = await runMirror({
      engine: 'skopeo',
      mirror: JSON.stringify([
        { src_repository: `${source.registry}/lib/app`, tags: ['latest', '2.0.0'], dest_repository: `${basic.registry}/viaskopeo/app` },
      ]),
      'registry-credentials': credentials(),
    });
    assert.deepEqual(
      mirrored.map((m) => [m.status, m.digest]),
      [
        ['copied', digests.latest],
        ['copied', digests['2.0.0']],
      ],
    );
  });

  const bad: [string, Partial<Record<InputName, string>>, RegExp][] = [
    ['malformed YAML', { mirror: '[{src_repository: [' }, /mirror: not valid YAML/],
    [
      'an unknown key',
      { mirror: '[{src_repository: a/b, dest_repository: c/d, src_tags: [x]}]' },
      /mirror\[0\]\.src_tags: unknown key \(did you mean "src_tag"\?\)/,
    ],
    [
      'a bad regex',
      { mirror: '[{src_repository: a/b, dest_repository: c/d, tag_regex: "(x"}]' },
      /mirror\[0\]\.tag_regex: "\(x" is not a valid regular expression/,
    ],
    [
      'a bad semver range',
      { mirror: '[{src_repository: a/b, dest_repository: c/d, semver: "next please"}]' },
      /mirror\[0\]\.semver: "next please" is not a semver range/,
    ],
    [
      'two selectors',
      { mirror: '[{src_repository: a/b, dest_repository: c/d, src_tag: x, all_tags: true}]' },
      /give one of src_tag, tags, tag_regex, semver, all_tags; got src_tag and all_tags/,
    ],
    [
      'dest_tag with several sources',
      { mirror: '[{src_repository: a/b, dest_repository: c/d, tags: [x, y], dest_tag: z}]' },
      /mirror\[0\]\.dest_tag: only goes with a single source tag/,
    ],
  ];
  for (const [name, inputs, expected] of bad) {
    test(`bad input, ${name}: a clear error and no request`, async () => {
      fromSource.log.length = 0;
      await assert.rejects(
        runMirror(inputs),
        (error: unknown) => (assert.ok(error instanceof ConfigError), assert.match(error.message, expected), true),
      );
      assert.deepEqual(fromSource.log, []);
    });
  }

  test('a destination the credentials do not permit: refused before any request, nothing copied', async () => {
    fromSource.log.length = 0;
    await assert.rejects(
      runMirror({
        mirror: JSON.stringify([{ src_repository: `${fromSource.registry}/lib/app`, dest_repository: `${basic.registry}/team/abc-evil` }]),
        'registry-credentials': `"${basic.registry}": {username: ci, password: "${PASSWORD}", repository: "${basic.registry}/team/a"}`,
      }),
      new RegExp(
        `mirror\\[0\\]: registry-credentials\\["${basic.registry}"\\]\\.repository: ${basic.registry}/team/abc-evil not permitted by ${basic.registry}/team/a`,
      ),
    );
    assert.deepEqual(fromSource.log, []);
  });

  test('dry-run plans and copies nothing', async () => {
    const { mirrored, logger } = await runMirror({
      'dry-run': 'true',
      mirror: JSON.stringify([
        { src_repository: `${source.registry}/lib/app`, src_tag: '1.0.0', dest_repository: `${basic.registry}/dry/app` },
      ]),
      'registry-credentials': credentials(),
    });
    assert.deepEqual(mirrored, []);
    assert.ok(logger.lines.some((l) => l.includes(`-> ${basic.registry}/dry/app:1.0.0`)));
    assert.deepEqual(await skopeoTags(`${basic.registry}/dry/app`, authfile).catch(() => []), []);
  });

  test('actions/mirror/action.yml run as a runner would', async () => {
    const result = await runAction(join(root, 'actions', 'mirror', 'action.yml'), {
      inputs: {
        mirror: `- src_repository: ${source.registry}/lib/app\n  src_tag: "1.0.0"\n  dest_repository: ${basic.registry}/action/app\n`,
        'registry-credentials': credentials(),
      },
      env: { GITHUB_EVENT_NAME: 'schedule', GITHUB_WORKSPACE: dir },
    });
    assert.equal(result.code, 0, result.stdout + result.stderr);
    assert.deepEqual(
      (JSON.parse(result.outputs.mirrored) as MirroredTag[]).map((m) => m.status),
      ['copied'],
    );
    assert.match(result.summary, /Mirrored: 1 copied, 0 unchanged, 0 failed/);
    assert.ok(
      !result.stdout
        .split('\n')
        .filter((l) => !l.startsWith('::add-mask::'))
        .some((l) => l.includes(PASSWORD)),
    );
  });
});
