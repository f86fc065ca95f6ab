import assert from 'node:assert/strict';
import { describe, test } from '@jest/globals';
import { KeyedMutex, Limiter, SingleFlight } from '../../src/registry/limiter.js';

const tick = (ms = 5) => new Promise((resolve) => setTimeout(resolve, ms));

describe('Limiter', () => {
  test('never runs more than its limit at once, and starts waiting tasks in order', async () => {
    const limiter = new Limiter(3);
    let active = 0;
    let peak = 0;
    const started: number[] = [];
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        limiter.run(async () => {
          started.push(i);
          peak = Math.max(peak, ++active);
          await tick(i % 3);
          active--;
        }),
      ),
    );
    assert.equal(peak, 3);
    assert.deepEqual(started.slice(0, 3), [0, 1, 2]);
    assert.deepEqual(
      [...started].sort((a, b) => a - b),
      Array.from({ length: 12 }, (_, i) => i),
    );
  });

  test('a failing task frees its place', async () => {
    const limiter = new Limiter(1);
    await assert.rejects(
      limiter.run(async () => Promise.reject(new Error('boom'))),
      /boom/,
    );
    assert.equal(await limiter.run(async () => 'next'), 'next');
  });

  test('refuses a limit below 1', () => {
    assert.throws(() => new Limiter(0), /at least 1, got 0/);
  });
});

describe('KeyedMutex', () => {
  test('one task at a time per key, in the order given; other keys go side by side', async () => {
    const mutex = new KeyedMutex();
    const log: string[] = [];
    const task = (key: string, i: number) =>
      mutex.run(key, async () => {
        log.push(`${key}${i}+`);
        await tick();
        log.push(`${key}${i}-`);
      });
    await Promise.all([task('a', 1), task('a', 2), task('b', 1)]);
    const a = log.filter((l) => l.startsWith('a'));
    assert.deepEqual(a, ['a1+', 'a1-', 'a2+', 'a2-']);
    assert.ok(log.indexOf('b1+') < log.indexOf('a1-'), 'b ran while a1 was running');
  });

  test('a failed task does not block the next one of its key', async () => {
    const mutex = new KeyedMutex();
    const first = mutex.run('k', async () => Promise.reject(new Error('first')));
    const second = mutex.run('k', async () => 'second');
    await assert.rejects(first, /first/);
    assert.equal(await second, 'second');
  });
});

describe('SingleFlight', () => {
  test('callers for one key share one run; after it ends, a new call runs again', async () => {
    const flight = new SingleFlight<number>();
    let runs = 0;
    const task = async () => {
      runs++;
      await tick();
      return runs;
    };
    const [x, y] = await Promise.all([flight.run('k', task), flight.run('k', task)]);
    assert.deepEqual([x, y, runs], [1, 1, 1]);
    assert.equal(await flight.run('k', task), 2);
  });
});
