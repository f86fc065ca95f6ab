// Platforms as engines write them: podman and buildah often leave an arm64 image's variant out,
// buildx writes v8; both are the same platform to a puller (containerd's normalisation).
import assert from 'node:assert/strict';
import { describe, test } from '@jest/globals';
import { platformMatches } from '../../src/registry/manifest.js';

describe('platform matching', () => {
  test.each([
    ['linux/arm64/v8', { os: 'linux', architecture: 'arm64' }, true],
    ['linux/arm64/v8', { os: 'linux', architecture: 'arm64', variant: 'v8' }, true],
    ['linux/arm64', { os: 'linux', architecture: 'arm64', variant: 'v8' }, true],
    ['linux/arm/v7', { os: 'linux', architecture: 'arm' }, true],
    ['linux/arm/v6', { os: 'linux', architecture: 'arm' }, false],
    ['linux/arm/v6', { os: 'linux', architecture: 'arm', variant: 'v7' }, false],
    ['linux/arm64/v9', { os: 'linux', architecture: 'arm64' }, false],
    ['linux/amd64', { os: 'linux', architecture: 'arm64' }, false],
    ['linux/amd64/v2', { os: 'linux', architecture: 'amd64' }, false],
  ])('%s against %j: %s', (wanted, platform, matches) => {
    assert.equal(platformMatches(wanted, platform), matches);
  });
});
