import assert from 'node:assert/strict';
import { describe, test } from '@jest/globals';
import { parseRateLimit, RateLimits } from '../../src/registry/rate-limit.js';

describe("a registry's pull quota", () => {
  test("Docker Hub's headers: remaining, limit and window", () =>
    assert.deepEqual(parseRateLimit({ 'ratelimit-limit': '100;w=21600', 'ratelimit-remaining': '76;w=21600' }), {
      remaining: 76,
      limit: 100,
      windowSeconds: 21600,
    }));
  test('without a window it is no pull quota (the IETF draft’s per-request limits)', () =>
    assert.equal(parseRateLimit({ 'ratelimit-remaining': '5' }), undefined));
  test('no header, or no number', () => {
    assert.equal(parseRateLimit({}), undefined);
    assert.equal(parseRateLimit({ 'ratelimit-remaining': 'lots;w=60' }), undefined);
  });
  test('the lowest seen per registry counts (answers arrive out of order), and is described', () => {
    const limits = new RateLimits();
    limits.note('docker.io', { 'ratelimit-limit': '100;w=21600', 'ratelimit-remaining': '40;w=21600' });
    limits.note('docker.io', { 'ratelimit-limit': '100;w=21600', 'ratelimit-remaining': '41;w=21600' });
    limits.note('ghcr.io', {});
    assert.equal(limits.remaining('docker.io'), 40);
    assert.equal(limits.remaining('ghcr.io'), undefined);
    assert.deepEqual(limits.describe(), ['docker.io: 40 of 100 pulls left (window 6 h)']);
  });
});
