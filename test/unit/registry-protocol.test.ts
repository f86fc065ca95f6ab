import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Writable } from 'node:stream';
import { describe, test } from '@jest/globals';
import { mergeScopes, parseChallenges, parseScope, splitScopes } from '../../src/registry/auth/challenge.js';
import { DigestMismatchError, sha256, VerifyingStream } from '../../src/registry/digest.js';
import { redactUrl, RegistryError } from '../../src/registry/errors.js';
import { parseNextLink, parseRetryAfter } from '../../src/registry/http-headers.js';
import { registryKind } from '../../src/registry/kinds.js';
import { backoffDelay, isRetryable } from '../../src/registry/retry.js';
import { dummyManifest, isDummy } from '../../src/registry/tag-delete/dummy.js';

describe('WWW-Authenticate challenges', () => {
  const cases: [string, string | string[], { scheme: string; params: Record<string, string> }[]][] = [
    [
      'Bearer with realm, service, scope',
      'Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/busybox:pull"',
      [
        {
          scheme: 'Bearer',
          params: { realm: 'https://auth.docker.io/token', service: 'registry.docker.io', scope: 'repository:library/busybox:pull' },
        },
      ],
    ],
    ['Basic alone', 'Basic realm="Registry Realm"', [{ scheme: 'Basic', params: { realm: 'Registry Realm' } }]],
    [
      'two challenges in one header',
      'Bearer realm="https://a/token",service="a", Basic realm="a"',
      [
        { scheme: 'Bearer', params: { realm: 'https://a/token', service: 'a' } },
        { scheme: 'Basic', params: { realm: 'a' } },
      ],
    ],
    [
      'a quoted comma inside a value',
      'Bearer realm="https://a/token",scope="repository:x:pull,push",error="insufficient_scope"',
      [{ scheme: 'Bearer', params: { realm: 'https://a/token', scope: 'repository:x:pull,push', error: 'insufficient_scope' } }],
    ],
    [
      'space-separated scopes with host:port names',
      'Bearer realm="http://127.0.0.1:1/t",scope="repository:a/b:pull repository:127.0.0.1:5000/c:pull,push"',
      [{ scheme: 'Bearer', params: { realm: 'http://127.0.0.1:1/t', scope: 'repository:a/b:pull repository:127.0.0.1:5000/c:pull,push' } }],
    ],
    [
      'unquoted values and odd spacing',
      'Bearer  realm=https://a/token , service=svc',
      [{ scheme: 'Bearer', params: { realm: 'https://a/token', service: 'svc' } }],
    ],
    ['escaped quote inside a value', 'Basic realm="say \\"hi\\""', [{ scheme: 'Basic', params: { realm: 'say "hi"' } }]],
    [
      'two header lines',
      ['Basic realm="x"', 'Bearer realm="https://t"'],
      [
        { scheme: 'Basic', params: { realm: 'x' } },
        { scheme: 'Bearer', params: { realm: 'https://t' } },
      ],
    ],
    [
      'upper-case parameter names',
      'Bearer Realm="https://t",Service="s"',
      [{ scheme: 'Bearer', params: { realm: 'https://t', service: 's' } }],
    ],
  ];
  for (const [name, header, expected] of cases) test(name, () => assert.deepEqual(parseChallenges(header), expected));
  test('no header: no challenge', () => assert.deepEqual(parseChallenges(undefined), []));
});

describe('scopes', () => {
  test('a scope name may hold host:port; actions follow the last colon', () => {
    assert.deepEqual(parseScope('repository:127.0.0.1:5000/a:pull,push'), {
      type: 'repository',
      name: '127.0.0.1:5000/a',
      actions: ['pull', 'push'],
    });
    assert.deepEqual(parseScope('registry:catalog:*'), { type: 'registry', name: 'catalog', actions: ['*'] });
    assert.equal(parseScope('nonsense'), undefined);
  });
  test('merging unites actions per resource, in a stable order', () => {
    assert.deepEqual(mergeScopes(['repository:b:pull', 'repository:a:push', 'repository:a:pull', 'repository:b:pull']), [
      'repository:a:pull,push',
      'repository:b:pull',
    ]);
  });
  test('splitting a challenge scope', () =>
    assert.deepEqual(splitScopes('repository:a:pull  repository:b:push'), ['repository:a:pull', 'repository:b:push']));
});

describe('Link pagination', () => {
  const base = new URL('http://r:5000/v2/a/tags/list?n=2');
  const cases: [string | undefined, string | undefined][] = [
    ['</v2/a/tags/list?last=b&n=2>; rel="next"', 'http://r:5000/v2/a/tags/list?last=b&n=2'],
    ['<https://other/v2/a/tags/list?last=b>; rel=next', 'https://other/v2/a/tags/list?last=b'],
    ['<tags/list?last=c>; rel="next"', 'http://r:5000/v2/a/tags/tags/list?last=c'],
    ['</x>; rel="prev", </v2/a/tags/list?last=z>; rel="next"', 'http://r:5000/v2/a/tags/list?last=z'],
    ['</x>; rel="prev"', undefined],
    [undefined, undefined],
  ];
  for (const [header, expected] of cases) test(String(header), () => assert.equal(parseNextLink(header, base)?.toString(), expected));
});

describe('Retry-After', () => {
  const now = Date.parse('2026-11-28T00:00:00Z');
  test('seconds', () => assert.equal(parseRetryAfter('3', now), 3000));
  test('an HTTP date', () => assert.equal(parseRetryAfter('Sat, 28 Nov 2026 00:00:05 GMT', now), 5000));
  test('a date in the past is no wait', () => assert.equal(parseRetryAfter('Fri, 27 Nov 2026 00:00:00 GMT', now), 0));
  test('capped at a minute', () => assert.equal(parseRetryAfter('86400', now), 60_000));
  test('garbage is ignored', () => assert.equal(parseRetryAfter('soon', now), undefined));
});

describe('retry policy', () => {
  test('what is retried', () => {
    for (const status of [429, 500, 502, 503, 504, 408]) assert.ok(isRetryable(new RegistryError('GET', 'u', status)), String(status));
    for (const status of [400, 401, 403, 404, 405, 501]) assert.ok(!isRetryable(new RegistryError('GET', 'u', status)), String(status));
    assert.ok(isRetryable(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' })));
    assert.ok(isRetryable(new RegistryError('GET', 'u', undefined)));
    assert.ok(!isRetryable(new DigestMismatchError('a', 'b', 'blob')));
  });
  test('exponential backoff with jitter inside its ceiling, Retry-After first', () => {
    const policy = { attempts: 5, baseDelayMs: 100, maxDelayMs: 1000 };
    assert.equal(
      backoffDelay(policy, 1, new Error(), () => 0),
      50,
    );
    assert.equal(
      backoffDelay(policy, 3, new Error(), () => 1),
      400,
    );
    assert.equal(
      backoffDelay(policy, 10, new Error(), () => 1),
      1000,
    );
    assert.equal(backoffDelay(policy, 1, Object.assign(new Error(), { retryAfterMs: 2500 })), 2500);
  });
});

describe('errors never carry credentials', () => {
  test('user info and token-like query values are redacted', () => {
    assert.equal(redactUrl('https://user:pass@r/v2/?token=abc&n=1&X-Amz-Signature=zz'), 'https://r/v2/?token=***&n=1&X-Amz-Signature=***');
  });
  test('the message names method, URL, status and OCI codes', () => {
    assert.equal(
      new RegistryError('PUT', 'http://r/v2/a/manifests/t', 400, [{ code: 'MANIFEST_INVALID', message: 'manifest invalid' }]).message,
      'PUT http://r/v2/a/manifests/t: HTTP 400 MANIFEST_INVALID: manifest invalid',
    );
  });
});

describe('registry kinds', () => {
  const cases: [string, string][] = [
    ['docker.io', 'docker'],
    ['registry-1.docker.io', 'docker'],
    ['quay.io', 'quay'],
    ['ghcr.io', 'ghcr'],
    ['registry.gitlab.com', 'gitlab'],
    ['registry.gitlab.example.org:5050', 'gitlab'],
    ['harbor.example.org', 'harbor'],
    ['123456789012.dkr.ecr.eu-west-1.amazonaws.com', 'ecr'],
    ['123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn', 'ecr'],
    ['123456789012.dkr-ecr.us-east-1.on.aws', 'ecr'],
    ['dkr.ecr.eu-west-1.amazonaws.com', 'generic'],
    ['europe-west3-docker.pkg.dev', 'gar'],
    ['us-docker.pkg.dev', 'gar'],
    ['pkg.dev', 'generic'],
    ['myregistry.azurecr.io', 'acr'],
    ['myregistry.azurecr.io.example.org', 'generic'],
    ['127.0.0.1:5000', 'generic'],
  ];
  for (const [registry, kind] of cases) test(registry, () => assert.equal(registryKind(registry), kind));
  test('the declared type wins', () => assert.equal(registryKind('127.0.0.1:5000', 'quay'), 'quay'));
});

describe('dummy manifests for tag deletion', () => {
  test('unique per call even for the same tag and time, and self-consistent', () => {
    const at = new Date(0);
    const a = dummyManifest('change_1_latest', at);
    const b = dummyManifest('change_1_latest', at);
    assert.notEqual(a.digest, b.digest);
    assert.equal(a.digest, sha256(a.bytes));
    const manifest = JSON.parse(a.bytes.toString()) as {
      config: { digest: string; size: number };
      layers: { digest: string; size: number }[];
    };
    assert.deepEqual(
      [manifest.config, ...manifest.layers].map((d) => [d.digest, d.size]),
      a.blobs.map((blob) => [sha256(blob.bytes), blob.bytes.length]),
    );
    assert.match(a.bytes.toString(), /"org.container-image-actions.deleted-tag":"change_1_latest"/);
    assert.deepEqual(a.blobs, b.blobs, 'the blobs are shared by every dummy: uploaded once per repository');
    assert.ok(isDummy(a) && isDummy(b));
    assert.ok(
      !isDummy({ bytes: Buffer.from(JSON.stringify({ config: { digest: manifest.config.digest }, annotations: {} })) }),
      'the annotation is required',
    );
    assert.ok(
      !isDummy({
        bytes: Buffer.from(
          JSON.stringify({ config: { digest: 'sha256:x' }, annotations: { 'org.container-image-actions.deleted-tag': 't' } }),
        ),
      }),
      'and the fixed config',
    );
  });
});

describe('streaming verification', () => {
  const data = Buffer.from('some layer bytes, long enough to come in more than one chunk');
  const chunks = [data.subarray(0, 10), data.subarray(10, 30), data.subarray(30)];
  const collect = async (verify: VerifyingStream) => {
    const received: Buffer[] = [];
    await pipeline(Readable.from(chunks), verify, new Writable({ write: (c: Buffer, _e, cb) => (received.push(c), cb()) }));
    return Buffer.concat(received);
  };
  test('passes matching bytes through unchanged', async () =>
    assert.ok((await collect(new VerifyingStream(sha256(data), data.length, 'blob'))).equals(data)));
  test('a wrong digest fails, and the last chunk is never released', async () => {
    const received: Buffer[] = [];
    await assert.rejects(
      pipeline(
        Readable.from(chunks),
        new VerifyingStream(sha256(Buffer.from('other')), data.length, 'blob x'),
        new Writable({ write: (c: Buffer, _e, cb) => (received.push(c), cb()) }),
      ),
      DigestMismatchError,
    );
    assert.ok(Buffer.concat(received).length < data.length, 'the consumer never got the whole blob');
  });
  test('a short or long body fails on size', async () => {
    await assert.rejects(collect(new VerifyingStream(sha256(data), data.length + 1, 'blob')), /got \d+ bytes, expected/);
    await assert.rejects(collect(new VerifyingStream(sha256(data), 5, 'blob')), /more than the expected 5 bytes/);
  });
});
