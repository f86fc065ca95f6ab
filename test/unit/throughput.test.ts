// The throughput floor that bounds blob transfers: judged per window on what moved, blaming the
// registry only when it was the one behind, whatever size the manifest declared.
import assert from 'node:assert/strict';
import { describe, test } from '@jest/globals';
import { formatRate, THROUGHPUT_FLOOR, ThroughputWatch, Transport } from '../../src/registry/transport.js';

const floor = { bytesPerSecond: 64 * 1024, windowMs: 30_000 };

describe('ThroughputWatch', () => {
  test('a window under the floor reports the rate it saw; at or over the floor, nothing', () => {
    const watch = new ThroughputWatch(floor);
    watch.add(3);
    assert.equal(watch.endWindow(), 0.1);
    watch.add(64 * 1024 * 30);
    assert.equal(watch.endWindow(), undefined);
    watch.add(64 * 1024 * 30 - 1);
    assert.ok(watch.endWindow()! < 64 * 1024);
  });

  test('each window starts from nothing: a fast window does not pay for a slow one after it', () => {
    const watch = new ThroughputWatch(floor);
    watch.add(100 * 1024 * 1024);
    assert.equal(watch.endWindow(), undefined);
    assert.equal(watch.endWindow(), 0);
  });

  test('a window our own side held back (slow source, slow reader) blames nobody', () => {
    const watch = new ThroughputWatch(floor);
    watch.add(1);
    assert.equal(watch.endWindow(false), undefined);
    assert.equal(watch.endWindow(true), 0);
  });

  test('the default floor is 64 KiB/s over 30 s, and a floor must be positive', () => {
    assert.deepEqual(THROUGHPUT_FLOOR, { bytesPerSecond: 65536, windowMs: 30_000 });
    assert.equal(new Transport().throughputFloor, THROUGHPUT_FLOOR);
    assert.throws(() => new Transport({ throughputFloor: { bytesPerSecond: 0, windowMs: 1000 } }), /positive rate and window/);
    assert.throws(() => new Transport({ throughputFloor: { bytesPerSecond: 1, windowMs: -1 } }), /positive rate and window/);
  });

  test.each([
    [0.1, '0 B/s'],
    [1023, '1023 B/s'],
    [65536, '64.0 KiB/s'],
    [1.5 * 1024 * 1024, '1.5 MiB/s'],
  ])('formatRate(%p) is %p', (rate, text) => {
    assert.equal(formatRate(rate), text);
  });
});
