import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from '@jest/globals';
import { ConfigError } from '../../src/config/errors.js';
import { loadMirrorList, tagInRange } from '../../src/config/mirror/list.js';
import type { MirrorSource } from '../../src/config/mirror/types.js';

const workDir = mkdtempSync(join(tmpdir(), 'cia-mirror-list-'));
const load = (source: Partial<MirrorSource>, secrets: string[] = []) =>
  loadMirrorList({ inline: '', file: '', format: 'zuul', destination: '', workDir, ...source }, (s) => secrets.push(s));
const error = (source: Partial<MirrorSource>) => {
  try {
    load(source);
  } catch (e) {
    assert.ok(e instanceof ConfigError);
    return e.message;
  }
  assert.fail('expected a ConfigError');
};

describe('mirror list: Zuul items', () => {
  test('selectors, renames, registries and platforms as written', () => {
    const list = load({
      inline: `
- {src_repository: quay.io/org/a, dest_repository: "127.0.0.1:5000/m/a"}
- {src_repository: docker.io/library/busybox, src_tag: "1.36", dest_repository: "127.0.0.1:5000/m/bb", dest_tag: stable, dest_registry: mirror}
- {src_repository: quay.io/org/b, tags: [v1, "sha256:${'a'.repeat(64)}"], dest_repository: "127.0.0.1:5000/m/b", dest_tags: {v1: one}}
- {src_repository: quay.io/org/c, tag_regex: "^v[0-9]+$", dest_repository: "127.0.0.1:5000/m/c", platforms: [linux/amd64, linux/arm64/v8]}
- {src_repository: quay.io/org/d, semver: ">=1.2 <2", dest_repository: "127.0.0.1:5000/m/d"}
- {src_repository: quay.io/org/e, all_tags: true, dest_repository: "127.0.0.1:5000/m/e"}`,
    });
    const [a, bb, b, c, d, e] = list.items;
    assert.deepEqual(a.selector, { kind: 'tags', tags: ['latest'] });
    assert.equal(a.credentialsKey, '127.0.0.1:5000');
    assert.deepEqual([bb.source.registry, bb.source.repository], ['docker.io', 'library/busybox']);
    assert.deepEqual(bb.rename, { '1.36': 'stable' });
    assert.equal(bb.credentialsKey, 'mirror');
    assert.deepEqual(b.selector, { kind: 'tags', tags: ['v1', `sha256:${'a'.repeat(64)}`] });
    assert.deepEqual(b.rename, { v1: 'one' });
    assert.equal(c.selector.kind, 'regex');
    assert.ok(c.selector.kind === 'regex' && c.selector.regex.test('v12') && !c.selector.regex.test('v1.2'));
    assert.deepEqual(c.platforms, ['linux/amd64', 'linux/arm64/v8']);
    assert.deepEqual(d.selector, { kind: 'semver', range: '>=1.2 <2' });
    assert.deepEqual(e.selector, { kind: 'all' });
    assert.deepEqual(
      list.items.map((i) => i.label),
      ['mirror[0]', 'mirror[1]', 'mirror[2]', 'mirror[3]', 'mirror[4]', 'mirror[5]'],
    );
  });

  test('a Zuul vars file with mirror_container_images_images', () => {
    writeFileSync(
      join(workDir, 'vars.yaml'),
      'mirror_container_images_images:\n  - {src_repository: quay.io/org/a, dest_repository: "127.0.0.1:5000/a"}\n',
    );
    assert.equal(load({ file: 'vars.yaml' }).items.length, 1);
  });

  test('errors name the item and field', () => {
    assert.match(
      error({ inline: '[{src_repository: a/b, dest_repository: c/d, tags: []}]' }),
      /mirror\[0\]\.tags: must list at least one tag/,
    );
    assert.match(
      error({ inline: '[{src_repository: "quay.io/a/b:v1", dest_repository: c/d}]' }),
      /mirror\[0\]\.src_repository: "quay\.io\/a\/b:v1" must not include a tag or digest/,
    );
    assert.match(
      error({ inline: '[{src_repository: a/b, dest_repository: c/d, platforms: [amd64]}]' }),
      /mirror\[0\]\.platforms: "amd64" is not os\/arch\[\/variant\]/,
    );
    assert.match(
      error({ inline: '[{src_repository: a/b, dest_repository: c/d, tags: ["sha384:' + 'a'.repeat(96) + '"]}]' }),
      /digest algorithm "sha384" cannot be verified; supported: sha256, sha512/,
    );
    assert.match(
      error({ inline: '[{src_repository: a/b, dest_repository: c/d, tag_regex: "(?=x)"}]' }),
      /mirror\[0\]\.tag_regex: "\(\?=x\)" is not a valid regular expression \(RE2 syntax/,
    );
    assert.match(
      error({ inline: '{something: else}' }),
      /mirror: expected a list, or a mapping with a "mirror_container_images_images" key/,
    );
    assert.match(error({ inline: '[]' }), /must list at least one item/);
  });
});

describe('mirror list: skopeo-sync files', () => {
  test('registries, images, regexes and semver ranges under the destination; source credentials masked', () => {
    const secrets: string[] = [];
    const list = load(
      {
        format: 'skopeo-sync',
        destination: '127.0.0.1:5000/mirror',
        inline: `
quay.io:
  tls-verify: false
  credentials: {username: u, password: sync-secret}
  images:
    org/app: [v1, v2]
    org/all:
  images-by-tag-regex:
    org/rx: "^v"
  images-by-semver:
    org/sv: ">=1"`,
      },
      secrets,
    );
    assert.deepEqual(
      list.items.map((i) => [i.source.repository, i.selector.kind]),
      [
        ['org/app', 'tags'],
        ['org/all', 'all'],
        ['org/rx', 'regex'],
        ['org/sv', 'semver'],
      ],
    );
    // skopeo sync names a copy by its source's last path component (docs/registries.md).
    assert.equal(list.items[0].destination.repository, 'mirror/app');
    assert.deepEqual(list.insecureSources, ['quay.io']);
    assert.deepEqual(list.sourceCredentials, [{ registry: 'quay.io', username: 'u', password: 'sync-secret' }]);
    assert.ok(secrets.includes('sync-secret'));
  });

  test('mirror-destination is required', () => {
    assert.match(
      error({ format: 'skopeo-sync', inline: 'quay.io: {images: {a/b: [v1]}}' }),
      /mirror-destination: required with mirror-format: skopeo-sync/,
    );
  });
});

describe('skopeo-sync files: names as skopeo sync --dest docker forms them (docs/registries.md)', () => {
  const sync = (inline: string, scoped = false) =>
    load({ format: 'skopeo-sync', destination: 'mirror.example/copies', inline, scoped }).items.map((i) => [
      `${i.source.registry}/${i.source.repository}`,
      `${i.destination.registry}/${i.destination.repository}`,
    ]);

  test('the last path component by default; the whole name with mirror-scoped', () => {
    const file = 'quay.io: {images: {org/team/app: [v1]}}\ndocker.io: {images: {library/busybox: [latest]}}';
    assert.deepEqual(sync(file), [
      ['quay.io/org/team/app', 'mirror.example/copies/app'],
      ['docker.io/library/busybox', 'mirror.example/copies/busybox'],
    ]);
    assert.deepEqual(sync(file, true), [
      ['quay.io/org/team/app', 'mirror.example/copies/quay.io/org/team/app'],
      ['docker.io/library/busybox', 'mirror.example/copies/docker.io/library/busybox'],
    ]);
  });

  test('a top-level key may carry a namespace, joined as skopeo joins it; its settings apply to the registry', () => {
    const list = load({
      format: 'skopeo-sync',
      destination: 'mirror.example',
      inline: 'k8s.gcr.io/sig-storage: {tls-verify: false, images: {csi-provisioner: [v3.0.0]}}',
    });
    assert.equal(list.items[0].source.registry, 'k8s.gcr.io');
    assert.equal(list.items[0].source.repository, 'sig-storage/csi-provisioner');
    assert.equal(list.items[0].destination.repository, 'csi-provisioner');
    assert.deepEqual(list.insecureSources, ['k8s.gcr.io']);
  });

  test('two sources landing on one name, a port under mirror-scoped, mirror-scoped with a Zuul list: clear errors', () => {
    assert.match(
      error({ format: 'skopeo-sync', destination: 'm.example', inline: 'quay.io: {images: {a/app: [v1], b/app: [v1]}}' }),
      /quay\.io\/a\/app and quay\.io\/b\/app would all be copied to m\.example\/app .*set mirror-scoped: true/,
    );
    assert.match(
      error({ format: 'skopeo-sync', destination: 'm.example', scoped: true, inline: '"127.0.0.1:5000": {images: {a/app: [v1]}}' }),
      /with mirror-scoped the destination holds the source's registry "127\.0\.0\.1:5000", and a port cannot be part of a repository name/,
    );
    assert.match(
      error({ inline: '[{src_repository: a/b, dest_repository: c/d}]', scoped: true }),
      /mirror-scoped: only goes with mirror-format: skopeo-sync/,
    );
  });

  test('cert-dir: its CA files are trusted for that registry; client certificates, no CA or no directory are refused', () => {
    const dir = mkdtempSync(join(workDir, 'certs-'));
    const pem = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
    writeFileSync(join(dir, 'ca.crt'), pem);
    const list = load({ format: 'skopeo-sync', destination: 'm.example', inline: `quay.io: {cert-dir: ${dir}, images: {a/b: [v1]}}` });
    assert.deepEqual(list.certDirs['quay.io'], { dir, ca: pem });
    assert.deepEqual(Object.keys(list.certDirs), ['quay.io']);
    writeFileSync(join(dir, 'client.cert'), pem);
    writeFileSync(join(dir, 'client.key'), 'key');
    assert.match(
      error({ format: 'skopeo-sync', destination: 'm.example', inline: `quay.io: {cert-dir: ${dir}, images: {a/b: [v1]}}` }),
      /mirror\["quay\.io"\]\.cert-dir: ".*" holds client certificate files \(client\.cert, client\.key\); client certificates are not supported/,
    );
    const empty = mkdtempSync(join(workDir, 'empty-'));
    assert.match(
      error({ format: 'skopeo-sync', destination: 'm.example', inline: `quay.io: {cert-dir: ${empty}, images: {a/b: [v1]}}` }),
      /cert-dir: ".*" holds no CA file \(\*\.crt\)/,
    );
    assert.match(
      error({ format: 'skopeo-sync', destination: 'm.example', inline: 'quay.io: {cert-dir: /nonexistent/certs, images: {a/b: [v1]}}' }),
      /cert-dir: cannot read "\/nonexistent\/certs": no such directory/,
    );
  });
});

describe('tagInRange', () => {
  const cases: [string, string, boolean][] = [
    ['1.2.3', '>=1.2', true],
    ['v1.2.3', '>=1.2', true],
    ['1.2', '>=1.2', true],
    ['1', '^1', true],
    ['2.0.0', '^1', false],
    ['1.3.0-rc1', '>=1.2', false],
    ['latest', '*', false],
    ['1.2.3.4', '*', false],
    ['sha256-abc', '*', false],
  ];
  for (const [tag, range, expected] of cases) test(`${tag} in ${range}: ${expected}`, () => assert.equal(tagInRange(tag, range), expected));
});
