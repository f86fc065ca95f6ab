import assert from 'node:assert/strict';
import { describe, test } from '@jest/globals';
import { apiHost, formatReference, isLoopback, parseReference, type Reference } from '../../src/registry/reference.js';

const D = `sha256:${'0123456789abcdef'.repeat(4)}`;

describe('parseReference: valid references normalise like docker', () => {
  const cases: [string, Reference][] = [
    ['busybox', { registry: 'docker.io', repository: 'library/busybox' }],
    ['busybox:1.36', { registry: 'docker.io', repository: 'library/busybox', tag: '1.36' }],
    ['library/busybox', { registry: 'docker.io', repository: 'library/busybox' }],
    ['docker.io/busybox', { registry: 'docker.io', repository: 'library/busybox' }],
    ['index.docker.io/busybox', { registry: 'docker.io', repository: 'library/busybox' }],
    ['registry-1.docker.io/org/app', { registry: 'docker.io', repository: 'org/app' }],
    ['org/app', { registry: 'docker.io', repository: 'org/app' }],
    ['quay.io/org/app', { registry: 'quay.io', repository: 'org/app' }],
    ['quay.io/org/app:v1.2.3', { registry: 'quay.io', repository: 'org/app', tag: 'v1.2.3' }],
    ['ghcr.io/o/a/b/c', { registry: 'ghcr.io', repository: 'o/a/b/c' }],
    ['localhost/app', { registry: 'localhost', repository: 'app' }],
    ['localhost:5000/x', { registry: 'localhost:5000', repository: 'x' }],
    ['localhost:5000/x:tag', { registry: 'localhost:5000', repository: 'x', tag: 'tag' }],
    ['127.0.0.1:5510/ci/busybox:latest', { registry: '127.0.0.1:5510', repository: 'ci/busybox', tag: 'latest' }],
    ['[::1]:5000/app', { registry: '[::1]:5000', repository: 'app' }],
    ['[::1]/app:1', { registry: '[::1]', repository: 'app', tag: '1' }],
    [`quay.io/o/a@${D}`, { registry: 'quay.io', repository: 'o/a', digest: D }],
    [`quay.io/o/a:t@${D}`, { registry: 'quay.io', repository: 'o/a', tag: 't', digest: D }],
    [`busybox@${D}`, { registry: 'docker.io', repository: 'library/busybox', digest: D }],
    ['my-registry.example.com:443/a/b', { registry: 'my-registry.example.com:443', repository: 'a/b' }],
    ['Registry.Example.com/a', { registry: 'Registry.Example.com', repository: 'a' }],
    ['a.b/c__d', { registry: 'a.b', repository: 'c__d' }],
    ['a.b/c---d', { registry: 'a.b', repository: 'c---d' }],
    ['a.b/c.d_e-f', { registry: 'a.b', repository: 'c.d_e-f' }],
    ['x:A_b.C-d', { registry: 'docker.io', repository: 'library/x', tag: 'A_b.C-d' }],
    [`x:${'t'.repeat(128)}`, { registry: 'docker.io', repository: 'library/x', tag: 't'.repeat(128) }],
  ];
  for (const [input, expected] of cases) {
    test(input.length > 60 ? `${input.slice(0, 57)}...` : input, () => assert.deepEqual(parseReference(input), expected));
  }

  test('defaultRegistry applies to names without a host', () => {
    assert.deepEqual(parseReference('org/app', { defaultRegistry: 'quay.io' }), { registry: 'quay.io', repository: 'org/app' });
    assert.deepEqual(parseReference('ghcr.io/org/app', { defaultRegistry: 'quay.io' }), { registry: 'ghcr.io', repository: 'org/app' });
  });
});

describe('parseReference: invalid references say why', () => {
  const cases: [string, RegExp][] = [
    ['', /empty/],
    ['Busybox', /must be lowercase/],
    ['quay.io/Org/app', /must be lowercase/],
    ['a b', /white space/],
    ['app:', /"" is not a valid tag/],
    ['app:-x', /"-x" is not a valid tag/],
    ['app:.x', /"\.x" is not a valid tag/],
    [`app:${'t'.repeat(129)}`, /is not a valid tag/],
    ['app@sha256:abc', /is not a valid digest/],
    [`app@sha256:${'G'.repeat(64)}`, /is not a valid digest/],
    ['quay.io/-app', /path components/],
    ['quay.io/app-', /path components/],
    ['quay.io/a//b', /path components/],
    ['quay.io/a..b', /path components/],
    ['quay.io:99999/a', /not a valid registry/],
    ['-quay.io/a', /path components|not a valid registry/],
    [`quay.io/${'a/'.repeat(130)}a`, /longer than 255/],
  ];
  for (const [input, reason] of cases) {
    test(JSON.stringify(input.length > 40 ? `${input.slice(0, 37)}...` : input), () => assert.throws(() => parseReference(input), reason));
  }
});

describe('reference helpers', () => {
  test('apiHost sends Docker Hub to registry-1.docker.io', () => {
    assert.equal(apiHost('docker.io'), 'registry-1.docker.io');
    assert.equal(apiHost('quay.io'), 'quay.io');
  });
  test('formatReference round-trips', () => {
    for (const input of ['quay.io/o/a:t', `quay.io/o/a@${D}`, 'docker.io/library/busybox:1', '[::1]:5000/app:x']) {
      assert.equal(formatReference(parseReference(input)), input);
    }
  });
  test('loopback detection (plain HTTP like docker)', () => {
    for (const r of ['localhost', 'localhost:5000', '127.0.0.1:5510', '127.1.2.3', '[::1]:5000']) assert.ok(isLoopback(r), r);
    for (const r of ['quay.io', '10.0.0.1:5000', '[fe80::1]:5000', 'localhost.example.com']) assert.ok(!isLoopback(r), r);
  });
});
