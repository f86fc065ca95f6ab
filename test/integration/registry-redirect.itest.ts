import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { afterAll as after, beforeAll as before, describe, test } from '@jest/globals';
import { readBody } from '../../src/registry/transport.js';
import { RegistrySession } from '../../src/registry/session.js';
import { pushSynthetic } from '../helpers/images.js';
import { freePort, startRegistry, type RegistryProcess } from '../helpers/registry-process.js';

const listen = async (server: Server) => {
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return port;
};

describe('blob downloads that redirect to storage on another host', () => {
  const blob = Buffer.from('layer bytes served by object storage');
  const digest = `sha256:${createHash('sha256').update(blob).digest('hex')}`;
  const storageHeaders: IncomingHttpHeaders[] = [];
  let registryPort: number;
  let servers: Server[];

  before(async () => {
    // Object storage on another host:port: it must never see the registry's credentials.
    const storage = createServer((req, res) => {
      storageHeaders.push(req.headers);
      res.writeHead(200, { 'content-length': blob.length }).end(blob);
    });
    const storagePort = await listen(storage);
    // A registry that wants Basic auth and redirects blob GETs to presigned storage URLs.
    const registry = createServer((req, res) => {
      if (req.headers.authorization !== `Basic ${Buffer.from('ci:pw').toString('base64')}`) {
        return res.writeHead(401, { 'www-authenticate': 'Basic realm="test"' }).end();
      }
      if (req.url === '/v2/') return res.writeHead(200).end('{}');
      if (req.url === `/v2/app/blobs/${digest}`)
        return res.writeHead(307, { location: `http://127.0.0.1:${storagePort}/bucket/blob?X-Amz-Signature=abc` }).end();
      res.writeHead(404).end();
    });
    registryPort = await listen(registry);
    servers = [storage, registry];
  });
  after(async () => {
    await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
  });

  test('the redirect is followed, the bytes arrive, and Authorization stays behind', async () => {
    const session = new RegistrySession({
      credentials: { explicit: new Map([[`127.0.0.1:${registryPort}`, { username: 'ci', password: 'pw' }]]) },
    });
    const response = await session.client(`127.0.0.1:${registryPort}`).getBlob('app', digest);
    assert.ok((await readBody(response)).equals(blob));
    session.close();
    assert.equal(storageHeaders.length, 1);
    assert.equal(storageHeaders[0].authorization, undefined);
  });
});

describe('cross-repository mounts the registry refuses', () => {
  let registry: RegistryProcess;
  before(async () => {
    registry = await startRegistry();
  });
  after(async () => {
    await registry.stop();
  });

  test('a 202 (the source does not hold the blob) means "upload instead", and the opened session is cancelled', async () => {
    const requests: string[] = [];
    const session = new RegistrySession({ transport: { onRequest: (m, u) => requests.push(`${m} ${u.pathname}`) } });
    const image = await pushSynthetic(session, registry.registry, 'src/app', { layers: [100], tags: ['v1'] });
    requests.length = 0;
    const mounted = await session.client(registry.registry).mountBlob('dst/app', image.layerDigests[0], 'nowhere/else');
    assert.equal(mounted, false);
    assert.deepEqual(
      requests.map((r) => r.split(' ')[0]),
      ['POST', 'DELETE'],
      'the upload session the 202 opened was cancelled',
    );
    assert.equal(await session.client(registry.registry).headBlob('dst/app', image.layerDigests[0]), undefined);
    session.close();
  });
});
