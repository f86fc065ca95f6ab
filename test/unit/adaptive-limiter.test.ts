import assert from 'node:assert/strict';
import { describe, test } from '@jest/globals';
import { AdaptiveLimiter } from '../../src/registry/adaptive-limiter.js';

/** `n` tasks started at once, each held until released; returns how many run at a time. */
function saturate(limiter: AdaptiveLimiter, n: number) {
  let running = 0;
  let peak = 0;
  const gates: (() => void)[] = [];
  const done = Array.from({ length: n }, () =>
    limiter.run(async () => {
      running++;
      peak = Math.max(peak, running);
      await new Promise<void>((resolve) => gates.push(resolve));
      running--;
    }),
  );
  return { running: () => running, peak: () => peak, release: () => gates.splice(0).forEach((g) => g()), done: Promise.all(done) };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('the adaptive window of requests in flight', () => {
  test('starts at its initial width and never exceeds its cap', async () => {
    const limiter = new AdaptiveLimiter({ initial: 8, max: 16 });
    const load = saturate(limiter, 40);
    await tick();
    assert.equal(load.running(), 8);
    // Fast answers while requests wait: the window opens, one place per answer, up to the cap.
    for (let i = 0; i < 40; i++) limiter.feedback({ status: 200, latencyMs: 10 });
    assert.equal(limiter.limit, 16);
    load.release();
    await tick();
    assert.ok(load.running() <= 16);
    while (load.running() > 0) {
      load.release();
      await tick();
    }
    await load.done;
    assert.equal(load.peak(), 16);
  });

  test('does not grow when nothing waits, nor when answers slow down', () => {
    const limiter = new AdaptiveLimiter({ initial: 4, max: 32 });
    for (let i = 0; i < 10; i++) limiter.feedback({ status: 200, latencyMs: 10 });
    assert.equal(limiter.limit, 4, 'no request waited');
  });

  test('halves on a 429 or a 503, once per burst, and grows back one place per window after', async () => {
    const limiter = new AdaptiveLimiter({ initial: 16, max: 32 });
    const load = saturate(limiter, 64);
    await tick();
    // The fastest answer (1 s) spaces the cuts: the second signal below is part of the same burst.
    limiter.feedback({ status: 200, latencyMs: 1_000 });
    limiter.feedback({ status: 429, latencyMs: 20 });
    assert.equal(limiter.limit, 8);
    limiter.feedback({ status: 503, latencyMs: 20 });
    assert.equal(limiter.limit, 8, 'the same burst is one signal');
    for (let i = 0; i < 8; i++) limiter.feedback({ status: 200, latencyMs: 1_000 });
    assert.equal(limiter.limit, 9, 'past the halving point: one more per window');
    while (load.running() > 0) {
      load.release();
      await tick();
    }
    load.release();
    await load.done;
  });

  test('eases by a quarter when answers stay far slower than the fastest seen (a queue); not for one slow answer, nor blob transfers', () => {
    const limiter = new AdaptiveLimiter({ initial: 16, max: 32 });
    limiter.feedback({ status: 200, latencyMs: 5 });
    limiter.feedback({ status: 201, latencyMs: 5_000, transfer: true });
    limiter.feedback({ status: 200, latencyMs: 400 });
    assert.equal(limiter.limit, 16, 'one slow answer (this process may have paused) is not a queue');
    for (let i = 0; i < 10; i++) limiter.feedback({ status: 200, latencyMs: 400 });
    assert.equal(limiter.limit, 12, 'a sustained slowdown: three quarters, once');
  });

  test('no answer at all (status 0: a reset) counts as overload', () => {
    const limiter = new AdaptiveLimiter({ initial: 8, max: 8 });
    limiter.feedback({ status: 0, latencyMs: 1 });
    assert.equal(limiter.limit, 4);
  });

  test('Retry-After holds every new request until it has passed', async () => {
    const limiter = new AdaptiveLimiter({ initial: 4, max: 4 });
    limiter.feedback({ status: 429, latencyMs: 1, retryAfterMs: 300 });
    const asked = Date.now();
    let started = 0;
    await limiter.run(async () => {
      started = Date.now();
    });
    assert.ok(started - asked >= 290, `started after ${started - asked} ms`);
  });

  test('requests are let through in the order they asked, and a hold wakes the queued ones when it ends', async () => {
    const limiter = new AdaptiveLimiter({ initial: 1, max: 1 });
    const order: number[] = [];
    let open!: () => void;
    const first = limiter.run(() => new Promise<void>((resolve) => (open = resolve)));
    const rest = [1, 2, 3].map((n) => limiter.run(async () => void order.push(n)));
    await tick();
    limiter.feedback({ status: 429, latencyMs: 1, retryAfterMs: 100 });
    open();
    await first;
    await Promise.all(rest);
    assert.deepEqual(order, [1, 2, 3]);
  });

  test('a task holding a place runs its nested requests in it: no deadlock at a window of one', async () => {
    const limiter = new AdaptiveLimiter({ initial: 1, max: 1 });
    assert.equal(await limiter.run(() => limiter.run(async () => 'nested')), 'nested');
  });

  test('a cap below one is refused', () => assert.throws(() => new AdaptiveLimiter({ initial: 1, max: 0 }), /at least 1/));
});
