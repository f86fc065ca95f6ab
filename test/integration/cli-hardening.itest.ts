// The CLI against bad inputs and interruptions (issue: hardening): messages that name the field
// and never a secret, YAML that is data only, SIGTERM that leaves no auth file or child behind,
// and patterns from inputs that cannot hang a run.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll as after, beforeAll as before, describe, test } from '@jest/globals';
import { RegistrySession } from '../../src/registry/session.js';
import { runCli, startCli } from '../helpers/cli.js';
import { startFaultProxy, type FaultProxy } from '../helpers/fault-proxy.js';
import { pushSynthetic, skopeoTags } from '../helpers/images.js';
import { startRegistry, type RegistryProcess } from '../helpers/registry-process.js';
import { eventEnv, uniqueName } from '../helpers/testbed.js';

const SECRET = 'hunter2-Yaml-Secret';

describe('CLI: inputs that must not leak or hang', () => {
  let registry: RegistryProcess;
  let proxy: FaultProxy;
  const seed = new RegistrySession();
  const work = mkdtempSync(join(tmpdir(), 'cia-cli-work-'));

  before(async () => {
    registry = await startRegistry();
    proxy = await startFaultProxy(registry.registry);
  });
  after(async () => {
    seed.close();
    await proxy.close();
    await registry.stop();
  });

  const images = () => JSON.stringify([{ context: '.', repository: `${registry.registry}/cli/app` }]);

  test('7. YAML with a tag or a key missing its space: an error naming the input, line and column, never the value', async () => {
    const cases: [string, RegExp][] = [
      [
        `"${registry.registry}": {username: u, password: !secret ${SECRET}}`,
        /registry-credentials: YAML tags are not supported \(line 1, column \d+\): !secret; write plain values/,
      ],
      [
        `"${registry.registry}": {username: u, password: !!js/function "${SECRET}"}`,
        /registry-credentials: YAML tags are not supported \(line 1, column \d+\): tag:yaml\.org,2002:js\/function/,
      ],
      [
        `"${registry.registry}": {username: u, password:${SECRET}}`,
        /registry-credentials\["127\.0\.0\.1:\d+"\]\["password…"\]: unknown key \(did you mean "password"\?\) \(a key and its value without a space after the colon\? The rest is not shown\)/,
      ],
      [`"${registry.registry}":\n  username: u\n  password:${SECRET}\n  oops`, /registry-credentials: not valid YAML \(line 3, column 3\)/],
    ];
    for (const [credentials, expected] of cases) {
      const run = await runCli('promote', { images: images(), change: '1', 'registry-credentials': credentials });
      assert.equal(run.code, 1);
      assert.match(run.log, expected);
      assert.ok(!run.log.includes(SECRET), `the secret stays out of: ${run.log}`);
      assert.ok(!run.log.includes('Warning'), 'no YAML warning printed by node');
    }
  });

  test('12. bad inputs name their field, without echoing user info; nothing is sent', async () => {
    mkdirSync(join(work, 'a-directory'), { recursive: true });
    const laughs = [
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      ...'bcdefg'.split('').map((c, i) => `${c}: &${c} [${Array(10).fill(`*${'abcdefg'[i]}`).join(', ')}]`),
    ].join('\n');
    const tooMany = JSON.stringify(
      Array.from({ length: 1001 }, (_, i) => ({ context: '.', repository: `${proxy.registry}/many/app${i}` })),
    );
    const cases: [string, Record<string, string>, RegExp][] = [
      [
        'build',
        { images: laughs },
        /^error: images: YAML aliases expand more than 1000 times \(a "billion laughs" document\?\); refused$/m,
      ],
      [
        'build',
        { images: JSON.stringify([{ context: '.', repository: 'https://quay.io/org/app' }]) },
        /images\[0\]\.repository: "https:\/\/quay\.io\/org\/app" must be written host\/path, with no scheme or credentials/,
      ],
      [
        'build',
        { images: JSON.stringify([{ context: '.', repository: `bob:${SECRET}@quay.io/org/app` }]) },
        /images\[0\]\.repository: "\*\*\*@quay\.io\/org\/app" must be written host\/path, with no scheme or credentials/,
      ],
      [
        'mirror',
        { mirror: JSON.stringify([{ src_repository: `https://bob:${SECRET}@quay.io/a/b`, dest_repository: `${proxy.registry}/c` }]) },
        /mirror\[0\]\.src_repository: invalid image reference: "https:\/\/\*\*\*@quay\.io\/a\/b" must be written host\/path/,
      ],
      ['mirror', { 'mirror-file': 'a-directory', 'work-dir': work }, /mirror-file: "a-directory" is a directory, not a file/],
      [
        'promote',
        {
          images: JSON.stringify([{ context: '.', repository: `${proxy.registry}/x/y` }]),
          change: '1',
          'registry-credentials': `quay.io: {username: u, password: ${SECRET}}`,
        },
        new RegExp(
          `registry-credentials: ${proxy.registry} credentials not found \\(needed for ${proxy.registry}/x/y\\); the map has quay\\.io`,
        ),
      ],
      [
        'promote',
        {
          images: JSON.stringify([{ context: '.', repository: `${proxy.registry}/x/y` }]),
          change: '1',
          'registry-credentials': `"${proxy.registry}": {username: u, password: ${SECRET}, repository: "${proxy.registry}/other/.*"}`,
        },
        new RegExp(
          `registry-credentials\\["${proxy.registry}"\\]\\.repository: ${proxy.registry}/x/y not permitted by ${proxy.registry}/other/\\.\\*`,
        ),
      ],
      ['build', { images: tooMany }, /images: lists 1001 images; at most 1000 are allowed/],
      ['promote', { images: tooMany, change: '1' }, /images: lists 1001 images; at most 1000 are allowed/],
      [
        'promote',
        { images: images(), change: '1', 'cleanup-regex': '(?<=a)b' },
        /cleanup-regex: "\(\?<=a\)b" is not a valid regular expression \(RE2 syntax, no look-around or back-references\)/,
      ],
    ];
    for (const [command, inputs, expected] of cases) {
      proxy.log.length = 0;
      const run = await runCli(command, inputs);
      assert.equal(run.code, 1, `${command} ${JSON.stringify(inputs).slice(0, 80)}: ${run.log}`);
      assert.match(run.log, expected);
      assert.ok(!run.log.includes(SECRET));
      assert.deepEqual(proxy.log, [], 'no request reached the registry');
    }
  });

  test('9. a catastrophic-backtracking cleanup-regex against long tags: promote completes at once', async () => {
    const path = `cli/${uniqueName('regex')}`;
    await pushSynthetic(seed, registry.registry, path, {
      layers: [10],
      tags: ['change_3_latest'],
      labels: { 'org.zuul-ci.change': '3' },
      created: new Date().toISOString(),
    });
    await pushSynthetic(seed, registry.registry, path, {
      layers: [10],
      tags: [`${'a'.repeat(60)}b`, 'a'.repeat(50)],
      created: new Date(Date.now() - 5 * 86_400_000).toISOString(),
    });
    const event = eventEnv('pull_request', { action: 'closed', number: 3, pull_request: { number: 3, merged: true } });
    const run = await runCli(
      'promote',
      { images: JSON.stringify([{ context: '.', repository: `${registry.registry}/${path}` }]), 'cleanup-regex': '(a|aa)+' },
      event,
    );
    assert.equal(run.code, 0, run.log);
    assert.ok(run.ms < 20_000, `took ${run.ms} ms`);
    assert.deepEqual(
      await skopeoTags(`${registry.registry}/${path}`),
      [`${'a'.repeat(60)}b`, 'latest'],
      "the 50 a's matched and went; the other tag did not match",
    );
  });

  test('7. SIGTERM during engine: skopeo removes the auth file, stops skopeo, and exits 143', async () => {
    const path = `cli/${uniqueName('term')}`;
    await pushSynthetic(seed, registry.registry, path, { layers: [200_000], tags: ['v1'] });
    // The source stalls on its blobs: skopeo hangs there until the run is cancelled.
    proxy.rules.push({ method: 'GET', path: new RegExp(`/v2/${path}/blobs/`), times: Infinity, fault: { kind: 'stall', ms: 60_000 } });
    const tmp = mkdtempSync(join(tmpdir(), 'cia-term-'));
    const { child, done } = startCli(
      'mirror',
      {
        engine: 'skopeo',
        mirror: JSON.stringify([
          { src_repository: `${proxy.registry}/${path}`, src_tag: 'v1', dest_repository: `${registry.registry}/${path}-copy` },
        ]),
        'registry-credentials': `{"${registry.registry}": {username: u, password: ${SECRET}}, "${proxy.registry}": {}}`,
      },
      { TMPDIR: tmp },
    );
    let skopeo: number | undefined;
    for (let i = 0; i < 200 && skopeo === undefined; i++) {
      await new Promise((r) => setTimeout(r, 100));
      const found = (spawnSync('pgrep', ['-f', `skopeo copy.*${tmp}`], { encoding: 'utf8' }).stdout ?? '')
        .trim()
        .split('\n')
        .filter(Boolean)
        .map(Number);
      skopeo = found[0];
    }
    assert.ok(skopeo, 'skopeo started');
    const authDirs = readdirSync(tmp).filter((d) => d.startsWith('cia-auth-'));
    assert.equal(authDirs.length, 1, 'the auth file exists while skopeo runs');
    assert.ok(readFileSync(join(tmp, authDirs[0], 'config.json'), 'utf8').includes('auths'));
    child.kill('SIGTERM');
    const run = await done;
    proxy.rules.length = 0;
    assert.equal(run.code, 143);
    assert.deepEqual(
      [...readdirSync(tmp)].filter((d) => d.startsWith('cia-auth-')),
      [],
      'the auth file is gone',
    );
    for (let i = 0; i < 50 && existsSync(`/proc/${skopeo}`); i++) await new Promise((r) => setTimeout(r, 100));
    assert.ok(!existsSync(`/proc/${skopeo}`) || readFileSync(`/proc/${skopeo}/stat`, 'utf8').split(' ')[2] === 'Z', 'skopeo was stopped');
    writeFileSync(join(tmp, 'done'), '');
  });
});
