import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, test } from '@jest/globals';
import { linearPattern } from '../../src/config/pattern.js';
import { parseYamlInput } from '../../src/config/yaml.js';
import { algorithmOf, DigestMismatchError, verifyBytes } from '../../src/registry/digest.js';
import { redactCredentials, RegistryError } from '../../src/registry/errors.js';
import { schemeOrCredentials } from '../../src/registry/reference.js';

describe('linear-time patterns (RE2)', () => {
  test('anchored patterns match the whole text; unanchored ones anywhere', () => {
    const anchored = linearPattern('quay.io/org/a', 'field', true);
    assert.ok(anchored.test('quay.io/org/a'));
    assert.ok(!anchored.test('quay.io/org/abc-evil'));
    assert.ok(linearPattern('^v[0-9]', 'field', false).test('v1.2'));
    assert.ok(linearPattern('rc', 'field', false).test('1.0-rc1'));
  });

  test('a catastrophic pattern for a backtracking engine returns at once', () => {
    const started = performance.now();
    assert.equal(linearPattern('(a|aa)+', 'cleanup-regex', true).test(`${'a'.repeat(5000)}b`), false);
    assert.ok(performance.now() - started < 2000);
  });

  test('look-around and back-references are refused with the field named', () => {
    assert.throws(
      () => linearPattern('(?<=a)b', 'cleanup-regex', true),
      /^ConfigError: cleanup-regex: "\(\?<=a\)b" is not a valid regular expression \(RE2 syntax/,
    );
    assert.throws(() => linearPattern('(a)\\1', 'tag_regex', false), /tag_regex: .* is not a valid regular expression/);
  });
});

describe('digests', () => {
  const bytes = Buffer.from('{"schemaVersion":2}');
  const sha512 = `sha512:${createHash('sha512').update(bytes).digest('hex')}`;
  test('sha256 and sha512 are verified; others are refused by name', () => {
    verifyBytes(sha512, bytes, 'm');
    assert.throws(() => verifyBytes(sha512, Buffer.from('other'), 'm'), DigestMismatchError);
    assert.equal(algorithmOf(sha512), 'sha512');
    assert.throws(
      () => algorithmOf(`sha384:${'a'.repeat(96)}`, 'pin'),
      /pin: digest algorithm "sha384" cannot be verified; supported: sha256, sha512/,
    );
  });
});

describe('secrets in what servers send', () => {
  test('Basic and Bearer values are hidden in error text', () => {
    assert.equal(redactCredentials('bad header Authorization: Basic Y2k6aHVudGVyMg== here'), 'bad header Authorization: Basic *** here');
    assert.equal(redactCredentials('{"auth":"Bearer eyJhbGciOi.eyJzdWIi.sig"}'), '{"auth":"Bearer ***"}');
    const error = new RegistryError('GET', 'http://r/v2/', 400, [{ code: 'DENIED', message: 'echo: Basic Y2k6aHVudGVyMg==' }]);
    assert.ok(!error.message.includes('Y2k6aHVudGVyMg=='));
  });

  test('names with a scheme or user info are refused without echoing the user info', () => {
    assert.match(schemeOrCredentials('https://quay.io/a/b') ?? '', /"https:\/\/quay\.io\/a\/b" must be written host\/path/);
    assert.equal(
      schemeOrCredentials('bob:pw@quay.io/a/b'),
      '"***@quay.io/a/b" must be written host/path, with no scheme or credentials (credentials go in registry-credentials)',
    );
    assert.equal(schemeOrCredentials('quay.io/a/b@sha256:abc'), undefined);
    assert.equal(schemeOrCredentials('app@sha256:abc'), undefined);
  });
});

describe('YAML inputs are data', () => {
  test('tags are errors, aliases are bounded, errors name line and column without the text', () => {
    assert.throws(
      () => parseYamlInput('a: !secret hunter2', 'images'),
      /^ConfigError: images: YAML tags are not supported \(line 1, column 4\): !secret/,
    );
    const laughs = [
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      ...'bcdef'.split('').map((c, i) => `${c}: &${c} [${Array(10).fill(`*${'abcdef'[i]}`).join(', ')}]`),
    ].join('\n');
    assert.throws(() => parseYamlInput(laughs, 'images'), /images: YAML aliases expand more than 1000 times/);
    assert.deepEqual(parseYamlInput('base: &b {x: 1}\nimage: {<<: *b, y: 2}', 'images'), { base: { x: 1 }, image: { x: 1, y: 2 } });
    assert.throws(() => parseYamlInput('a: 1\na: 2', 'images'), /images: not valid YAML \(line 2, column 1\): Map keys must be unique/);
  });
});
