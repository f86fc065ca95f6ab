import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import type { LookupFunction } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll as after, beforeAll as before, describe, test } from '@jest/globals';
import type { InputName } from '../../src/config/inputs/table.js';
import { readMirrorInputs } from '../../src/config/readers/mirror.js';
import { readTransportOptions } from '../../src/config/inputs/transport.js';
import { RegistrySession } from '../../src/registry/session.js';
import { pushSynthetic } from '../helpers/images.js';
import { makeCertificates } from '../helpers/certificates.js';
import { startRegistry, type RegistryProcess } from '../helpers/registry-process.js';

/** `registry.test` (and `other.test`) are this machine, like private registries' names in a split-horizon DNS. */
const lookup: LookupFunction = (hostname, options, callback) => {
  if (hostname !== 'registry.test' && hostname !== 'other.test') return callback(new Error(`unexpected lookup of ${hostname}`), '', 4);
  if ((options as { all?: boolean }).all)
    return (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [
      { address: '127.0.0.1', family: 4 },
    ]);
  callback(null, '127.0.0.1', 4);
};

describe('TLS and plain-HTTP rules for registries that are not on loopback', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cia-tls-'));
  let tlsRegistry: RegistryProcess;
  let plainRegistry: RegistryProcess;
  before(async () => {
    makeCertificates(dir, ['registry.test', 'other.test']);
    [tlsRegistry, plainRegistry] = await Promise.all([
      startRegistry({ tls: { certificate: join(dir, 'server.pem'), key: join(dir, 'server.key') } }),
      startRegistry(),
    ]);
  });
  after(async () => {
    await Promise.all([tlsRegistry.stop(), plainRegistry.stop()]);
  });

  test('a private CA given as ca-file is trusted: push and read over verified TLS', async () => {
    const name = `registry.test:${tlsRegistry.port}`;
    const options = readTransportOptions((input) => (input === 'ca-file' ? 'ca.pem' : ''), dir);
    const session = new RegistrySession({ transport: { ...options, lookup } });
    const image = await pushSynthetic(session, name, 'private/app', { layers: [1000], tags: ['v1'] });
    assert.equal((await session.client(name).headManifest('private/app', 'v1'))?.digest, image.digest);
    session.close();
  });

  test("a skopeo-sync file's cert-dir is trusted for that registry alone", async () => {
    const certs = mkdtempSync(join(dir, 'certs.d-'));
    writeFileSync(join(certs, 'ca.crt'), readFileSync(join(dir, 'ca.pem')));
    const name = `registry.test:${tlsRegistry.port}`;
    const seed = new RegistrySession({ transport: { ...readTransportOptions((i) => (i === 'ca-file' ? 'ca.pem' : ''), dir), lookup } });
    await pushSynthetic(seed, name, 'synced/app', { layers: [500], tags: ['v1'] });
    seed.close();
    const file = `"${name}": {cert-dir: ${certs}, images: {synced/app: [v1]}}`;
    const read = (input: InputName) =>
      ({ mirror: file, 'mirror-format': 'skopeo-sync', 'mirror-destination': '127.0.0.1:1/m', 'work-dir': dir })[input as string] ?? '';
    const inputs = readMirrorInputs(read, {}, () => {});
    const session = new RegistrySession({
      transport: { ...inputs.transport, lookup },
      retry: { attempts: 1, baseDelayMs: 1, maxDelayMs: 1 },
    });
    assert.deepEqual(await session.client(name).listTags('synced/app'), ['v1']);
    // The same server under a name the file gives no cert-dir: the CA is not trusted there.
    await assert.rejects(session.client(`other.test:${tlsRegistry.port}`).listTags('synced/app'), /self[- ]signed|unable to (get|verify)/i);
    session.close();
  });

  test('without the CA, TLS verification refuses the registry', async () => {
    const session = new RegistrySession({ transport: { lookup }, retry: { attempts: 1, baseDelayMs: 1, maxDelayMs: 1 } });
    await assert.rejects(
      session.client(`registry.test:${tlsRegistry.port}`).listTags('private/app'),
      /self[- ]signed|unable to (get|verify)/i,
    );
    session.close();
  });

  test('plain HTTP only for registries listed in insecure-registries', async () => {
    const name = `registry.test:${plainRegistry.port}`;
    const refused = new RegistrySession({ transport: { lookup } });
    await assert.rejects(refused.client(name).listTags('x'), /wrong version number|EPROTO|ssl|tls/i);
    refused.close();
    const options = readTransportOptions((input) => (input === 'insecure-registries' ? `other.example:5000, ${name}` : ''), dir);
    const allowed = new RegistrySession({ transport: { ...options, lookup } });
    assert.deepEqual(await allowed.client(name).listTags('x'), []);
    allowed.close();
  });

  test('bad transport inputs name the input and the value', () => {
    assert.throws(
      () => readTransportOptions((i) => (i === 'insecure-registries' ? 'http://x' : ''), dir),
      /insecure-registries: "http:\/\/x" is not a registry host\[:port\]/,
    );
    assert.throws(() => readTransportOptions((i) => (i === 'ca-file' ? 'missing.pem' : ''), dir), /ca-file: cannot read "missing.pem"/);
    writeFileSync(join(dir, 'not-a-cert.pem'), 'hello');
    assert.throws(
      () => readTransportOptions((i) => (i === 'ca-file' ? 'not-a-cert.pem' : ''), dir),
      /ca-file: "not-a-cert.pem" holds no PEM certificate/,
    );
    assert.ok(readFileSync(join(dir, 'ca.pem'), 'utf8').includes('BEGIN CERTIFICATE'));
  });
});
