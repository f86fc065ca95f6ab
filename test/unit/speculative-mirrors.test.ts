import assert from 'node:assert/strict';
import { describe, test } from '@jest/globals';
import { mirrorsConf } from '../../src/speculative/mirrors-conf.js';
import { proxiedRepositories } from '../../src/speculative/repositories.js';

const resolution = (reference: string, speculative: string, digest: string) => ({
  reference,
  speculative,
  digest,
  change: 'https://github.com/acme/base/pull/42',
  repository: 'acme/base',
});
const D1 = `sha256:${'1'.repeat(64)}`;
const D2 = `sha256:${'2'.repeat(64)}`;

describe('the speculative registry: one path per final repository, a mirror entry per path', () => {
  const repositories = proxiedRepositories(
    [
      resolution('quay.io/acme/base:latest', 'quay.io/acme/base:change_42_latest', D1),
      resolution('quay.io/acme/base:1.0', 'quay.io/acme/base:change_42_1.0', D2),
      resolution('127.0.0.1:5000/acme/base:latest', 'zuul.example/acme/base:change_42_latest', D2),
    ],
    'k3y',
  );

  test('tags of one final repository share its path; the same path on another registry gets its own', () => {
    assert.deepEqual(repositories, [
      {
        prefix: 'quay.io/acme/base',
        registry: 'quay.io',
        path: 'k3y/r0/acme/base',
        tags: { latest: D1, '1.0': D2 },
        sources: [{ registry: 'quay.io', repository: 'acme/base' }],
      },
      {
        prefix: '127.0.0.1:5000/acme/base',
        registry: '127.0.0.1:5000',
        path: 'k3y/r1/acme/base',
        tags: { latest: D2 },
        sources: [{ registry: 'zuul.example', repository: 'acme/base' }],
      },
    ]);
  });

  test("layered over the user's file: the final repository keeps its TLS, the mirror on loopback is plain HTTP", () => {
    const base = 'unqualified-search-registries = ["docker.io"]\n';
    const { text, skipped } = mirrorsConf(base, '127.0.0.1:40000', repositories, (r) => r.startsWith('127.'));
    assert.deepEqual(skipped, []);
    assert.ok(text.startsWith(base));
    assert.match(
      text,
      /\[\[registry\]\]\nprefix = "quay.io\/acme\/base"\nlocation = "quay.io\/acme\/base"\n\[\[registry.mirror\]\]\nlocation = "127.0.0.1:40000\/k3y\/r0\/acme\/base"\ninsecure = true\n/,
    );
    assert.match(text, /prefix = "127.0.0.1:5000\/acme\/base"\nlocation = "127.0.0.1:5000\/acme\/base"\ninsecure = true\n/);
  });

  test("a repository the user's file configures (by prefix or by location alone), and a v1 or broken file, are left alone", () => {
    const own = "[[registry]]\nprefix = 'quay.io/acme/base'\nlocation = 'mirror.example/acme/base'\n";
    assert.deepEqual(
      mirrorsConf(own, '127.0.0.1:1', repositories, () => false).skipped.map((s) => s.prefix),
      ['quay.io/acme/base'],
    );
    const byLocation = '[[registry]]\nlocation = "127.0.0.1:5000/acme/base"\ninsecure = true\n';
    assert.deepEqual(
      mirrorsConf(byLocation, '127.0.0.1:1', repositories, () => false).skipped.map((s) => s.prefix),
      ['127.0.0.1:5000/acme/base'],
    );
    const v1 = '[registries.search]\nregistries = ["docker.io"]\n';
    const old = mirrorsConf(v1, '127.0.0.1:1', repositories, () => false);
    assert.equal(old.text, v1);
    assert.deepEqual(
      old.skipped.map((s) => s.why),
      ['the registries.conf in use is in the v1 format', 'the registries.conf in use is in the v1 format'],
    );
    const broken = mirrorsConf('[[registry]\nlocation = ', '127.0.0.1:1', repositories, () => false);
    assert.match(broken.skipped[0].why, /not valid TOML/);
  });

  test("the user's entry for the host lends its insecure to the longer prefix; a blocked host gets no mirror", () => {
    const host = '[[registry]]\nlocation = "quay.io"\ninsecure = true\n';
    const { text } = mirrorsConf(host, '127.0.0.1:1', repositories.slice(0, 1), () => false);
    assert.match(text, /prefix = "quay.io\/acme\/base"\nlocation = "quay.io\/acme\/base"\ninsecure = true\n/);
    const other = '[[registry]]\nlocation = "quay.io.evil"\ninsecure = true\n';
    assert.doesNotMatch(
      mirrorsConf(other, '127.0.0.1:1', repositories.slice(0, 1), () => false).text,
      /location = "quay.io\/acme\/base"\ninsecure/,
      'only a prefix at a path boundary',
    );
    const blocked = '[[registry]]\nprefix = "quay.io/acme"\nlocation = "quay.io/acme"\nblocked = true\n';
    const result = mirrorsConf(blocked, '127.0.0.1:1', repositories.slice(0, 1), () => false);
    assert.equal(result.text.trim(), blocked.trim());
    assert.match(result.skipped[0].why, /blocks quay.io\/acme/);
  });
});
