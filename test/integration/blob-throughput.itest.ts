// A blob transfer is bounded by the bytes it moves, not by the size its manifest declares: a
// source dripping a "10 GiB" layer under the idle timeout fails within a few windows of the
// throughput floor (retried like any transient failure), while a steady transfer above the floor
// completes. Source: a stand-in registry on loopback; destination: a real distribution registry.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { afterAll as after, beforeAll as before, describe, test } from '@jest/globals';
import { copyImage } from '../../src/registry/copy.js';
import { sha256 } from '../../src/registry/digest.js';
import { MediaType } from '../../src/registry/media-types.js';
import { RegistrySession } from '../../src/registry/session.js';
import { startRegistry, type RegistryProcess } from '../helpers/registry-process.js';
import { standIn } from '../helpers/stand-in.js';

const FAST_RETRY = { attempts: 3, baseDelayMs: 20, maxDelayMs: 100 };
/** 4 KiB/s over two seconds: 8 KiB a window, a window long enough that a busy machine's pauses do not empty one. */
const FLOOR = { bytesPerSecond: 4 * 1024, windowMs: 2_000 };

interface Drip {
  /** Bytes per tick, and the tick. */
  readonly bytes: number;
  readonly everyMs: number;
}

interface SlowSource {
  readonly registry: string;
  readonly layerGets: () => number;
  close(): Promise<void>;
}

/**
 * One image, `slow/app:v1`: a small config served at once and a layer sent `drip.bytes` every
 * `drip.everyMs`, under a declared size (the real one, or a lie).
 */
async function startSlowSource(layer: Buffer, declaredSize: number, drip: Drip): Promise<SlowSource> {
  const config = Buffer.from('{"architecture":"amd64","os":"linux","rootfs":{"type":"layers","diff_ids":[]},"config":{}}');
  const layerDigest = sha256(layer);
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: MediaType.OciManifest,
      config: { mediaType: MediaType.OciConfig, digest: sha256(config), size: config.length },
      layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar', digest: layerDigest, size: declaredSize }],
    }),
  );
  const dripLayer = (res: ServerResponse) => {
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': declaredSize });
    let sent = 0;
    const timer = setInterval(() => {
      if (sent >= layer.length) {
        clearInterval(timer);
        res.end();
        return;
      }
      res.write(layer.subarray(sent, sent + drip.bytes));
      sent += drip.bytes;
    }, drip.everyMs);
    res.on('close', () => clearInterval(timer));
  };
  const source = await standIn((url, res, method) => {
    const path = url.pathname;
    if (path === '/v2/') return res.writeHead(200).end('{}');
    if (/^\/v2\/slow\/app\/manifests\/(v1|sha256:[a-f0-9]{64})$/.test(path)) {
      res.writeHead(200, {
        'content-type': MediaType.OciManifest,
        'content-length': manifest.length,
        'docker-content-digest': sha256(manifest),
      });
      return res.end(method === 'HEAD' ? undefined : manifest);
    }
    if (path === `/v2/slow/app/blobs/${sha256(config)}`) return res.writeHead(200, { 'content-length': config.length }).end(config);
    if (path === `/v2/slow/app/blobs/${layerDigest}`) return dripLayer(res);
    res.writeHead(404).end();
  });
  const layerUrl = `/v2/slow/app/blobs/${layerDigest}`;
  return {
    registry: source.host,
    layerGets: () => source.seen.filter((r) => r.method === 'GET' && r.url === layerUrl).length,
    close: () => source.close(),
  };
}

/** The copy's outcome, or a failure of the test once `ms` passed (a drip must not hold a copy for hours). */
async function within<T>(ms: number, session: RegistrySession, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      session.abort(new Error('test over'));
      reject(new Error(`the copy was still running after ${ms} ms`));
    }, ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

describe('blob transfers are bounded by their throughput, not their declared size', () => {
  let destination: RegistryProcess;
  before(async () => {
    destination = await startRegistry();
  });
  after(async () => {
    await destination.stop();
  });

  test('a "10 GiB" layer dripped a byte every 100 ms fails within a few windows, naming the blob, the URL and the rate', async () => {
    const layer = randomBytes(64);
    const source = await startSlowSource(layer, 10 * 1024 ** 3, { bytes: 1, everyMs: 100 });
    const session = new RegistrySession({ retry: FAST_RETRY, transport: { throughputFloor: FLOOR } });
    const started = Date.now();
    try {
      const copy = copyImage(
        session,
        { registry: source.registry, repository: 'slow/app' },
        { registry: destination.registry, repository: 'slow/app' },
        {
          source: 'v1',
          tags: ['v1'],
        },
      );
      await assert.rejects(
        within(40_000, session, copy),
        new RegExp(
          `blob ${sha256(layer)}: GET http://${source.registry}/v2/slow/app/blobs/${sha256(layer)}: ` +
            `\\d+ B/s over the last 2 s, under the floor of 4.0 KiB/s`,
        ),
      );
      assert.equal(source.layerGets(), FAST_RETRY.attempts, 'a stalled transfer is retried like other transient failures');
      // Three attempts of one window each, where the size-based deadline would have waited for hours.
      assert.ok(Date.now() - started < 30_000, `failed after ${Date.now() - started} ms`);
    } finally {
      session.close();
      await source.close();
    }
  });

  test('a steady transfer above the floor completes, however long it takes', async () => {
    const layer = randomBytes(640 * 1024);
    // 8 KiB every 50 ms: about 160 KiB/s, forty times the floor; four seconds in all, two windows of the floor.
    const source = await startSlowSource(layer, layer.length, { bytes: 8 * 1024, everyMs: 50 });
    const session = new RegistrySession({ retry: FAST_RETRY, transport: { throughputFloor: FLOOR } });
    try {
      const result = await copyImage(
        session,
        { registry: source.registry, repository: 'slow/app' },
        { registry: destination.registry, repository: 'steady/app' },
        {
          source: 'v1',
          tags: ['v1'],
        },
      );
      assert.equal(result.status, 'copied');
      assert.equal(result.bytesMoved >= layer.length, true);
      assert.equal(await session.client(destination.registry).headBlob('steady/app', sha256(layer)), layer.length);
    } finally {
      session.close();
      await source.close();
    }
  });
});
