import assert from 'node:assert/strict';
import { describe, test } from '@jest/globals';
import { credentialFor, parseCredentials, readCredentialFor } from '../../src/config/inputs/credentials.js';

const parse = (text: string) => {
  const masked: string[] = [];
  return { map: parseCredentials(text, (s) => masked.push(s)), masked };
};

describe('registry credentials (Zuul container_registry_credentials)', () => {
  test('parses the Zuul map and masks every secret as it is read', () => {
    const { map, masked } = parse(
      'quay.io: {username: u, password: p4ss, repository: "^quay.io/org/.*", api_token: t0ken, type: quay}\n"127.0.0.1:5000": {username: a, password: b}',
    );
    assert.equal(map.get('quay.io')?.username, 'u');
    assert.equal(map.get('quay.io')?.type, 'quay');
    assert.equal(map.get('127.0.0.1:5000')?.password, 'b');
    // The user:password pairs too: their base64 is the Basic header an engine may echo.
    assert.deepEqual(masked.sort(), ['a:b', 'b', 'p4ss', 't0ken', 'u:p4ss']);
  });

  test('empty input: no map, nothing required', () => {
    assert.equal(parse('').map.size, 0);
    assert.equal(credentialFor(parse('').map, 'quay.io', 'quay.io/o/a'), undefined);
  });

  test('a registry missing from a given map: "<registry> credentials not found"', () => {
    const { map } = parse('quay.io: {username: u, password: p}');
    assert.throws(
      () => credentialFor(map, 'ghcr.io', 'ghcr.io/o/a'),
      /^ConfigError: registry-credentials: ghcr.io credentials not found \(needed for ghcr.io\/o\/a\); the map has /,
    );
  });

  test('the repository pattern is anchored: a prefix match is not enough', () => {
    const { map } = parse('quay.io: {username: u, password: p, repository: "quay.io/org/a"}');
    assert.ok(credentialFor(map, 'quay.io', 'quay.io/org/a'));
    assert.throws(
      () => credentialFor(map, 'quay.io', 'quay.io/org/abc-evil'),
      /^ConfigError: registry-credentials\["quay.io"\]\.repository: quay.io\/org\/abc-evil not permitted by quay.io\/org\/a/,
    );
    assert.throws(() => credentialFor(map, 'quay.io', 'evil.io/quay.io/org/a'), /not permitted/);
  });

  test("use's reads: the registry's entry whatever its pattern (it limits writes), else none, never an error", () => {
    const { map } = parse('quay.io: {username: u, password: p, repository: "quay.io/org/.*"}');
    assert.equal(readCredentialFor(map, 'quay.io')?.username, 'u');
    assert.equal(readCredentialFor(map, 'ghcr.io'), undefined);
  });

  test('alternation in the pattern is anchored as a whole', () => {
    const { map } = parse('quay.io: {username: u, password: p, repository: "quay.io/a|quay.io/b"}');
    assert.ok(credentialFor(map, 'quay.io', 'quay.io/b'));
    assert.throws(() => credentialFor(map, 'quay.io', 'quay.io/bad'), /not permitted/);
  });

  const bad: [string, string, RegExp][] = [
    [
      'unknown key',
      'quay.io: {user: u, password: p}',
      /registry-credentials\["quay.io"\]\.user: unknown key \(did you mean "username"\?\)/,
    ],
    ['password without username', 'quay.io: {password: p}', /registry-credentials\["quay.io"\]: username and password go together/],
    ['bad type', 'quay.io: {type: nexus}', /registry-credentials\["quay.io"\]\.type: "nexus" is not a registry type/],
    [
      'bad regex',
      'quay.io: {repository: "quay.io/(unclosed"}',
      /registry-credentials\["quay.io"\]\.repository: "quay.io\/\(unclosed" is not a valid regular expression/,
    ],
    ['a list instead of a map', '[quay.io]', /registry-credentials: expected a mapping keyed by registry name/],
    [
      'bad registry name',
      '"https://quay.io": {username: u, password: p}',
      /registry-credentials: "https:\/\/quay.io" is not a registry host\[:port\]/,
    ],
  ];
  for (const [name, text, expected] of bad) {
    test(`refuses ${name}`, () => assert.throws(() => parse(text), expected));
  }

  test('a password never appears in an error message', () => {
    try {
      parse('quay.io: {username: u, password: {nested: s3cr3t-value}}');
      assert.fail('expected an error');
    } catch (error) {
      assert.doesNotMatch(String(error), /s3cr3t-value/);
    }
  });
});
