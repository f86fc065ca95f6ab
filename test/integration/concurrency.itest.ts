// Requests in flight adapt to what a registry bears: a front that answers 429 with Retry-After to
// whatever goes beyond three requests at once, and a TCP front that takes four connections and
// resets the rest. A mirror of 60 images through each completes with every tag in place, the
// limits bit (429s sent, connections reset), and the window came down; max-concurrency caps it.
import assert from 'node:assert/strict';
import http from 'node:http';
import { createServer, connect, type Socket } from 'node:net';
import { afterAll as after, beforeAll as before, describe, test } from '@jest/globals';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mirror, type MirroredTag } from '../../src/commands/mirror.js';
import { RegistrySession } from '../../src/registry/session.js';
import { exec } from '../helpers/exec.js';
import { pushSynthetic } from '../helpers/images.js';
import { runMirror } from '../helpers/mirror-run.js';
import { freePort, startRegistry, type RegistryProcess } from '../helpers/registry-process.js';
import { recordingLogger, uniqueName } from '../helpers/testbed.js';

interface Front {
  readonly registry: string;
  readonly peak: () => number;
  readonly refused: () => number;
  close(): Promise<void>;
}

/**
 * Sends a front's request on to the registry and its answer back: `onAnswer` runs when the answer
 * starts, `headers` (read then) are added to it.
 */
function forward(
  target: string,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  options: { onAnswer?: () => void; headers?: () => Record<string, string> } = {},
): void {
  const [host, port] = target.split(':');
  const upstream = http.request({ host, port: Number(port), method: req.method, path: req.url, headers: req.headers }, (answer) => {
    options.onAnswer?.();
    res.writeHead(answer.statusCode ?? 502, { ...answer.headers, ...options.headers?.() });
    answer.pipe(res);
  });
  upstream.on('error', () => res.destroy());
  req.pipe(upstream);
}

/** An HTTP front on a free loopback port. */
async function listenHttp(handler: http.RequestListener): Promise<{ registry: string; close(): Promise<void> }> {
  const server = http.createServer(handler);
  const listen = await freePort();
  await new Promise<void>((resolve) => server.listen(listen, '127.0.0.1', resolve));
  return {
    registry: `127.0.0.1:${listen}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** HTTP front: at most `cap` requests at once reach the registry; the rest get 429 with Retry-After: 2. */
async function throttlingFront(target: string, cap: number): Promise<Front & { arrivals: number[]; refusals: number[] }> {
  let inFlight = 0;
  let peak = 0;
  let refused = 0;
  const arrivals: number[] = [];
  const refusals: number[] = [];
  const front = await listenHttp((req, res) => {
    arrivals.push(Date.now());
    if (inFlight >= cap) {
      refused++;
      refusals.push(Date.now());
      req.resume();
      res
        .writeHead(429, { 'retry-after': '2', 'content-type': 'application/json' })
        .end('{"errors":[{"code":"TOOMANYREQUESTS","message":"slow down"}]}');
      return;
    }
    // In flight from the request's arrival until its answer starts, as a client counts it.
    inFlight++;
    peak = Math.max(peak, inFlight);
    let done = false;
    const leave = () => {
      if (!done) inFlight--;
      done = true;
    };
    res.on('close', leave);
    forward(target, req, res, { onAnswer: leave });
  });
  return { ...front, peak: () => peak, refused: () => refused, arrivals, refusals };
}

/** TCP front: at most `cap` connections at once; a connection beyond them is reset at once. */
async function connectionCapFront(target: string, cap: number): Promise<Front> {
  const [host, port] = target.split(':');
  const open = new Set<Socket>();
  let peak = 0;
  let refused = 0;
  const server = createServer((socket) => {
    if (open.size >= cap) {
      refused++;
      socket.resetAndDestroy();
      return;
    }
    open.add(socket);
    peak = Math.max(peak, open.size);
    const upstream = connect(Number(port), host);
    socket.pipe(upstream).pipe(socket);
    const end = () => {
      open.delete(socket);
      socket.destroy();
      upstream.destroy();
    };
    socket.on('close', end).on('error', end);
    upstream.on('close', end).on('error', end);
  });
  const listen = await freePort();
  await new Promise<void>((resolve) => server.listen(listen, '127.0.0.1', resolve));
  return {
    registry: `127.0.0.1:${listen}`,
    peak: () => peak,
    refused: () => refused,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of open) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/**
 * HTTP front with Docker Hub's quota headers: `remaining` pulls, one spent per manifest GET (HEADs
 * are free, as on Hub); at zero, 429.
 */
async function quotaFront(target: string, remaining: number): Promise<Front & { left: () => number }> {
  let refused = 0;
  const front = await listenHttp((req, res) => {
    const pull = req.method === 'GET' && /\/manifests\//.test(req.url ?? '');
    if (pull && remaining <= 0) {
      refused++;
      req.resume();
      res.writeHead(429, { 'ratelimit-limit': '100;w=21600', 'ratelimit-remaining': '0;w=21600' }).end();
      return;
    }
    if (pull) remaining--;
    const quota = (): Record<string, string> =>
      /\/manifests\//.test(req.url ?? '') ? { 'ratelimit-limit': '100;w=21600', 'ratelimit-remaining': `${remaining};w=21600` } : {};
    forward(target, req, res, { headers: quota });
  });
  return { ...front, peak: () => 0, refused: () => refused, left: () => remaining };
}

describe('requests in flight adapt to the registry', () => {
  let source: RegistryProcess;
  let destination: RegistryProcess;
  const images: string[] = [];
  before(async () => {
    [source, destination] = await Promise.all([startRegistry(), startRegistry()]);
    const seed = new RegistrySession();
    for (let i = 0; i < 60; i++) {
      images.push(`burst/img${i}`);
      await pushSynthetic(seed, source.registry, `burst/img${i}`, { layers: [256], tags: ['v1'] });
    }
    seed.close();
  }, 120_000);
  after(async () => {
    await Promise.all([source.stop(), destination.stop()]);
  });

  const listThrough = (from: string, to: string, prefix: string) =>
    JSON.stringify(
      images.map((image) => ({ src_repository: `${from}/${image}`, src_tag: 'v1', dest_repository: `${to}/${prefix}/${image}` })),
    );

  async function assertAllThere(prefix: string) {
    const client = new RegistrySession().client(destination.registry);
    const heads = await Promise.all(images.map((image) => client.headManifest(`${prefix}/${image}`, 'v1')));
    assert.equal(heads.filter(Boolean).length, images.length, 'every tag is in place');
  }

  test('429 with Retry-After under a burst: the window comes down, Retry-After is waited out, nothing is lost and nothing fails', async () => {
    const front = await throttlingFront(source.registry, 3);
    try {
      const prefix = uniqueName('throttled');
      const mirrored = await runMirror({ mirror: listThrough(front.registry, destination.registry, prefix), referrers: 'false' });
      assert.equal(mirrored.filter((m) => m.status === 'copied').length, images.length);
      assert.ok(front.refused() > 0, 'the front did answer 429s');
      // Retry-After: 2 held every request: after the first 429, nothing new arrived for most of two
      // seconds (what was already on its way arrives within moments).
      const first = front.refusals[0];
      const during = front.arrivals.filter((t) => t > first + 500 && t < first + 1_900);
      assert.deepEqual(during, [], `${during.length} request(s) arrived while Retry-After held them`);
      await assertAllThere(prefix);
    } finally {
      await front.close();
    }
  });

  test('a registry that takes four connections and resets the rest: every tag copied', async () => {
    const front = await connectionCapFront(source.registry, 4);
    try {
      const prefix = uniqueName('capped');
      const mirrored = await runMirror({ mirror: listThrough(front.registry, destination.registry, prefix), referrers: 'false' });
      assert.equal(mirrored.filter((m) => m.status === 'copied').length, images.length);
      assert.ok(front.refused() > 0, 'connections beyond four were reset');
      await assertAllThere(prefix);
    } finally {
      await front.close();
    }
  });

  test('max-concurrency caps what is in flight: through a front that refuses a fourth request, max-concurrency 3 gets no 429', async () => {
    const front = await throttlingFront(source.registry, 3);
    try {
      const prefix = uniqueName('capped-by-input');
      const mirrored = await runMirror({
        mirror: listThrough(front.registry, destination.registry, prefix),
        referrers: 'false',
        'max-concurrency': '3',
      });
      assert.equal(mirrored.filter((m) => m.status === 'copied').length, images.length);
      assert.equal(front.refused(), 0);
      assert.ok(front.peak() <= 3);
      await assertAllThere(prefix);
    } finally {
      await front.close();
    }
  });

  test('rate-limit-floor: the copies stop before the quota does; what is left is reported undone, no 429, no failure', async () => {
    const front = await quotaFront(source.registry, 20);
    try {
      const prefix = uniqueName('quota');
      const logger = recordingLogger();
      const result = await mirror({
        env: { ...process.env, RUNNER_TEMP: mkdtempSync(join(tmpdir(), 'cia-quota-')) },
        logger,
        read: (name) =>
          ({
            mirror: listThrough(front.registry, destination.registry, prefix),
            referrers: 'false',
            'rate-limit-floor': '10',
            parallel: '2',
          })[name as string] ?? '',
        exec,
      });
      assert.equal(result.failure, undefined, logger.lines.join('\n'));
      const mirrored = JSON.parse(result.outputs.mirrored ?? '[]') as MirroredTag[];
      const copied = mirrored.filter((m) => m.status === 'copied').length;
      const skipped = mirrored.filter((m) => m.status === 'skipped');
      assert.equal(copied + skipped.length, images.length);
      assert.ok(copied >= 10 && copied <= 12, `copied ${copied}: ten pulls to the floor, and at most the copies under way (parallel 2)`);
      assert.match(skipped[0].error ?? '', /^left undone: 127\.0\.0\.1:\d+ has \d+ pulls left, rate-limit-floor is 10$/);
      assert.equal(front.refused(), 0, 'no request met a 429');
      assert.ok(front.left() >= 8);
      assert.match(
        result.summary?.title ?? '',
        new RegExp(`${skipped.length} left undone.*; ${front.registry}: \\d+ of 100 pulls left \\(window 6 h\\)`),
      );
      assert.ok(logger.lines.some((l) => l.startsWith(`warning: rate-limit-floor: ${skipped.length} image(s) left undone`)));
    } finally {
      await front.close();
    }
  });

  test('without a cap, a registry that bears it gets more than four requests at once', async () => {
    const front = await throttlingFront(source.registry, 1000);
    try {
      const prefix = uniqueName('wide');
      await runMirror({ mirror: listThrough(front.registry, destination.registry, prefix), referrers: 'false' });
      assert.ok(front.peak() > 4, `peak ${front.peak()}`);
    } finally {
      await front.close();
    }
  });
});
