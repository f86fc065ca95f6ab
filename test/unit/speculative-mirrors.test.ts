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

  test("a repository the user's file configures, and a v1 file, are left as they are", () => {
    const own = '[[registry]]\nprefix = "quay.io/acme/base"\nlocation = "mirror.example/acme/base"\n';
    assert.deepEqual(mirrorsConf(own, '127.0.0.1:1', repositories, () => false).skipped, ['quay.io/acme/base']);
    const v1 = '[registries.search]\nregistries = ["docker.io"]\n';
    const old = mirrorsConf(v1, '127.0.0.1:1', repositories, () => false);
    assert.equal(old.text, v1);
    assert.equal(old.skipped.length, 2);
  });
});
