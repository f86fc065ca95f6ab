import assert from 'node:assert/strict';
import { describe, test } from '@jest/globals';
import { parseAttestations } from '../../src/config/inputs/attestations.js';
import { buildxBuildArgs } from '../../src/engines/build-args.js';
import { buildxPushArgs } from '../../src/engines/push-args.js';

const multi = [{ index: 0, platforms: ['linux/amd64', 'linux/arm64'] }];

describe('attestations input -> buildx flags', () => {
  test('choices, buildx default, none', () => {
    assert.equal(parseAttestations('', 'docker', multi, undefined), undefined);
    assert.deepEqual(parseAttestations('provenance', 'docker', multi, undefined), ['--provenance=mode=min', '--sbom=false']);
    assert.deepEqual(parseAttestations('provenance=max, sbom', 'docker', multi, undefined), ['--provenance=mode=max', '--sbom=true']);
    assert.deepEqual(parseAttestations('sbom', 'docker', multi, undefined), ['--provenance=false', '--sbom=true']);
    assert.deepEqual(parseAttestations('none', 'docker', multi, undefined), ['--provenance=false', '--sbom=false']);
  });

  test('errors name the field and the value', () => {
    assert.throws(() => parseAttestations('slsa', 'docker', multi, undefined), /attestations: "slsa" is not one of provenance, /);
    assert.throws(() => parseAttestations('none,sbom', 'docker', multi, undefined), /attestations: none goes alone/);
    assert.throws(
      () => parseAttestations('sbom', 'podman', multi, undefined),
      /attestations: BuildKit makes attestations: use container-command: docker/,
    );
    assert.throws(() => parseAttestations('sbom', 'docker', multi, 'linux/arm64'), /attestations: a platform job/);
    assert.throws(
      () => parseAttestations('sbom', 'docker', [...multi, { index: 1, platforms: [] }], undefined),
      /images\[1\]\.arch: required with attestations/,
    );
  });

  test('made as OCI artifacts (with a subject) by the build and by the push', () => {
    const spec = {
      contextDir: '/w',
      containerFile: '/w/Containerfile',
      buildPath: '/w',
      tags: ['r/a:latest'],
      buildArgs: [],
      labels: [],
      platforms: ['linux/amd64', 'linux/arm64'],
      iidFile: '/tmp/iid',
      attestations: ['--provenance=mode=max', '--sbom=false'],
    };
    assert.ok(
      buildxBuildArgs(spec).join(' ').includes('--provenance=mode=max --sbom=false --output type=image,push=false,oci-artifact=true'),
    );
    const push = buildxPushArgs(spec, 'r/a:change_1_latest', '/tmp/meta').join(' ');
    assert.ok(
      push.includes('--tag r/a:change_1_latest --provenance=mode=max --sbom=false --output type=image,push=true,oci-artifact=true'),
    );
    assert.ok(!push.includes('--push'));
    assert.ok(buildxPushArgs({ ...spec, attestations: undefined }, 'r/a:x', '/tmp/meta').includes('--push'));
  });
});
