// URLs a registry hands back (an upload Location, a tag name) are its word, not ours: the login goes
// only to the registry's own origin, and a tag name no tag may have is never acted on.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import type { Server } from 'node:http';
import { Readable } from 'node:stream';
import { afterAll as after, describe, test } from '@jest/globals';
import { RegistrySession } from '../../src/registry/session.js';
import { standIn } from '../helpers/stand-in.js';

const USER = 'ci';
const PASSWORD = 'foreign-urls-Secret-3';
const BASIC = `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`;

describe('URLs and names a registry hands back', () => {
  const servers: Server[] = [];
  after(() => servers.forEach((s) => (s.closeAllConnections(), s.close())));

  const loggedIn = (registry: string) =>
    new RegistrySession({ credentials: { explicit: new Map([[registry, { username: USER, password: PASSWORD }]]) } });

  test('an upload Location on another origin gets the blob without the login; the registry gets it for its own requests', async () => {
    const storage = await standIn((_url, res) => res.writeHead(201).end());
    const registry = await standIn((url, res) => {
      if (res.req.headers.authorization !== BASIC) return res.writeHead(401, { 'www-authenticate': 'Basic realm="r"' }).end();
      if (url.pathname === '/v2/') return res.writeHead(200).end('{}');
      res.writeHead(202, { location: `${storage.origin}/upload/session-1?state=x` }).end();
    });
    servers.push(storage.server, registry.server);
    const blob = Buffer.from('layer bytes');
    const digest = `sha256:${createHash('sha256').update(blob).digest('hex')}`;
    const session = loggedIn(registry.host);
    await session.client(registry.host).uploadBlob('app', digest, blob.length, Readable.from([blob]));
    session.close();
    assert.ok(registry.seen.some((r) => r.method === 'POST' && r.headers.authorization === BASIC));
    const put = storage.seen.find((r) => r.method === 'PUT');
    assert.ok(put, 'the blob went to the Location');
    assert.match(put.url, /^\/upload\/session-1\?state=x&digest=sha256%3A[0-9a-f]{64}$/);
    assert.equal(put.headers.authorization, undefined);
  });

  test('tag names no tag may have are dropped from a listing, the others kept', async () => {
    const registry = await standIn((url, res) => {
      if (url.pathname === '/v2/') return res.writeHead(200).end('{}');
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ name: 'app', tags: ['change_1_latest', 'change_1/../../victim', '../x', 42, 'v1.0'] }));
    });
    servers.push(registry.server);
    const session = new RegistrySession();
    assert.deepEqual(await session.client(registry.host).listTags('app'), ['change_1_latest', 'v1.0']);
    session.close();
  });
});
