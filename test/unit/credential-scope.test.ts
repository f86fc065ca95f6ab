import assert from 'node:assert/strict';
import { describe, test } from '@jest/globals';
import { loginOf, parseCredentials } from '../../src/config/inputs/credentials.js';
import { checkDigest, sha256 } from '../../src/registry/digest.js';
import { parseJson, subsetIndex } from '../../src/registry/manifest.js';
import { MediaType } from '../../src/registry/media-types.js';
import { RegistryClient } from '../../src/registry/client.js';
import { CredentialStore } from '../../src/registry/auth/credentials.js';
import { Transport } from '../../src/registry/transport.js';

const TRAVERSAL = 'sha256:x/../../../victim/manifests/latest';
const good = sha256(Buffer.from('a child'));
const descriptor = (digest: unknown, architecture = 'amd64') => ({
  mediaType: MediaType.OciManifest,
  size: 10,
  digest,
  platform: { os: 'linux', architecture },
});

describe('digests from the network are checked as they are parsed', () => {
  test.each([
    ['an index child', { manifests: [descriptor(good), descriptor(TRAVERSAL, 's390x')] }, 'manifests[1]'],
    ['a layer', { config: { mediaType: MediaType.OciConfig, digest: good, size: 2 }, layers: [{ digest: TRAVERSAL }] }, 'layers[0]'],
    ['the config', { config: { mediaType: MediaType.OciConfig, digest: TRAVERSAL, size: 2 }, layers: [] }, 'config'],
    ['the subject', { config: { mediaType: MediaType.OciConfig, digest: good }, layers: [], subject: { digest: TRAVERSAL } }, 'subject'],
    ['a number for a digest', { manifests: [descriptor(5)] }, 'manifests[0]'],
  ])('%s with a traversal digest is refused, named', (_what, body, where) => {
    assert.throws(
      () => parseJson(Buffer.from(JSON.stringify(body)), 'manifest src/app:v1'),
      (error: Error) => error.name === 'InvalidDigestError' && error.message.startsWith(`manifest src/app:v1, ${where}: `),
    );
  });

  test('a child no platform filter keeps is checked too: the whole index is refused before any request', () => {
    const bytes = Buffer.from(JSON.stringify({ schemaVersion: 2, manifests: [descriptor(good), descriptor(TRAVERSAL, 's390x')] }));
    assert.throws(
      () => subsetIndex({ bytes, mediaType: MediaType.OciIndex, digest: sha256(bytes) }, ['linux/amd64'], 'src/app:v1'),
      /s390x|victim\/manifests\/latest" is not a digest/,
    );
  });

  test("an image config's own config (no digest, no media type) is no descriptor", () => {
    const parsed = parseJson<{ config: { Labels: Record<string, string> } }>(
      Buffer.from(JSON.stringify({ architecture: 'amd64', config: { Labels: { a: 'b' } }, rootfs: { diff_ids: [] } })),
      'image config',
    );
    assert.equal(parsed.config.Labels.a, 'b');
  });

  test.each([good, `sha512:${'a'.repeat(128)}`])('%s is a digest', (digest) => assert.equal(checkDigest(digest, 'x'), digest));
  test.each([TRAVERSAL, 'sha256:ABC', `sha256:${'a'.repeat(63)}`, 'latest', '', `sha256:${'a'.repeat(64)}/`])('%j is not', (digest) =>
    assert.throws(() => checkDigest(digest, 'x'), /is not a digest/),
  );
});

describe('the client refuses a URL built from a reference that is neither a tag nor a digest', () => {
  // Port 9 on loopback: nothing listens there; the guard must refuse before anything is sent.
  const sent: string[] = [];
  const client = new RegistryClient('127.0.0.1:9', {
    transport: new Transport({ onRequest: (method, url) => sent.push(`${method} ${url}`) }),
    credentials: new CredentialStore({ env: {} }),
    retry: { attempts: 1, baseDelayMs: 1, maxDelayMs: 1 },
  });

  test.each([
    ['HEAD manifest', () => client.headManifest('org/app', TRAVERSAL)],
    ['GET manifest', () => client.getManifest('org/app', TRAVERSAL)],
    ['PUT manifest', () => client.putManifest('org/app', TRAVERSAL, { bytes: Buffer.from('{}'), mediaType: MediaType.OciManifest })],
    ['DELETE manifest', () => client.deleteManifest('org/app', TRAVERSAL)],
    ['a tag with a slash', () => client.headManifest('org/app', 'v1/../../victim/manifests/latest')],
    ['HEAD blob', () => client.headBlob('org/app', TRAVERSAL)],
    ['GET blob', () => client.getBlob('org/app', TRAVERSAL)],
    ['mount', () => client.mountBlob('org/app', TRAVERSAL, 'org/other')],
    ['upload', () => client.uploadBlob('org/app', TRAVERSAL, 0, async () => Promise.reject(new Error('not opened')))],
    ['referrers', () => client.getReferrers('org/app', TRAVERSAL)],
    ['a repository with ..', () => client.headManifest('org/../victim', 'latest')],
  ])('%s', async (_what, call) => {
    await assert.rejects(call(), /victim.*(is not a digest|is not a valid tag)|repository path components/);
    assert.deepEqual(sent, []);
  });
});

describe("registry-credentials' repository pattern", () => {
  test('a Jinja template in it is reported as Jinja, naming the field', () => {
    assert.throws(
      () => parseCredentials('quay.io: {username: u, password: p, repository: "{{ container_registry }}/org/.*"}', () => {}),
      /registry-credentials\["quay.io"\]\.repository: "\{\{ container_registry \}\}\/org\/\.\*" holds a Jinja template, and templates are not evaluated here/,
    );
    assert.throws(
      () => parseCredentials('quay.io: {username: u, password: p, repository: "quay.io/{% if x %}a{% endif %}"}', () => {}),
      /\.repository: .* holds a Jinja template/,
    );
  });

  test('the login carries it, anchored, named by its field', () => {
    const map = parseCredentials('quay.io: {username: u, password: p, repository: "quay.io/org/a"}', () => {});
    const repositories = loginOf(map.get('quay.io'))?.repositories;
    assert.ok(repositories);
    assert.ok(repositories.admits('quay.io/org/a'));
    assert.ok(!repositories.admits('quay.io/org/abc-evil'));
    assert.ok(!repositories.admits('quay.io/org/victim'));
    assert.equal(repositories.source, 'registry-credentials["quay.io"].repository "quay.io/org/a"');
    assert.equal(loginOf(parseCredentials('quay.io: {username: u, password: p}', () => {}).get('quay.io'))?.repositories, undefined);
  });
});
