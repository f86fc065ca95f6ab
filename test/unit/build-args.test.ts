import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildxBuildArgs, dockerBuildArgs, ociBuildArgs } from '../../src/engines/build-args.js';
import type { BuildSpec } from '../../src/engines/build-spec.js';

const base: BuildSpec = {
  contextDir: '/w/app',
  containerFile: '/w/app/Containerfile',
  buildPath: '/w/app',
  tags: ['quay.io/o/a:latest', 'quay.io/o/a:change_7_latest'],
  buildArgs: [],
  labels: [],
  platforms: [],
  iidFile: '/tmp/iid',
};

const full: BuildSpec = {
  ...base,
  buildPath: '/w/src',
  target: 'final',
  buildArgs: ['A=1', 'B=two words; $(rm -rf /)', 'FROM_ENV'],
  labels: ['org.zuul-ci.change=7', 'k=v=w'],
};

const multi: BuildSpec = { ...full, platforms: ['linux/amd64', 'linux/arm64'] };

describe('engine argv (inputs -> argv, no shell anywhere)', () => {
  const table: [string, (s: BuildSpec) => string[], BuildSpec, string[]][] = [
    ['docker, minimal', dockerBuildArgs, base, ['build', '--file', '/w/app/Containerfile', '--iidfile', '/tmp/iid', '--tag', 'quay.io/o/a:latest', '--tag', 'quay.io/o/a:change_7_latest', '/w/app']],
    [
      'docker, target + build args + labels',
      dockerBuildArgs,
      full,
      ['build', '--file', '/w/app/Containerfile', '--target', 'final', '--build-arg', 'A=1', '--build-arg', 'B=two words; $(rm -rf /)', '--build-arg', 'FROM_ENV', '--label', 'org.zuul-ci.change=7', '--label', 'k=v=w', '--iidfile', '/tmp/iid', '--tag', 'quay.io/o/a:latest', '--tag', 'quay.io/o/a:change_7_latest', '/w/src'],
    ],
    [
      'buildx, two platforms',
      buildxBuildArgs,
      multi,
      ['buildx', 'build', '--platform', 'linux/amd64,linux/arm64', '--file', '/w/app/Containerfile', '--target', 'final', '--build-arg', 'A=1', '--build-arg', 'B=two words; $(rm -rf /)', '--build-arg', 'FROM_ENV', '--label', 'org.zuul-ci.change=7', '--label', 'k=v=w', '--iidfile', '/tmp/iid', '--tag', 'quay.io/o/a:latest', '--tag', 'quay.io/o/a:change_7_latest', '/w/src'],
    ],
    ['podman/buildah, one platform', ociBuildArgs, base, ['build', '--file', '/w/app/Containerfile', '--iidfile', '/tmp/iid', '--tag', 'quay.io/o/a:latest', '--tag', 'quay.io/o/a:change_7_latest', '/w/app']],
    [
      'podman/buildah, two platforms into a manifest list named by the first tag, no iidfile',
      ociBuildArgs,
      multi,
      ['build', '--file', '/w/app/Containerfile', '--target', 'final', '--build-arg', 'A=1', '--build-arg', 'B=two words; $(rm -rf /)', '--build-arg', 'FROM_ENV', '--label', 'org.zuul-ci.change=7', '--label', 'k=v=w', '--platform', 'linux/amd64,linux/arm64', '--manifest', 'quay.io/o/a:latest', '/w/src'],
    ],
  ];
  for (const [name, builder, spec, expected] of table) {
    test(name, () => assert.deepEqual(builder(spec), expected));
  }
  test('podman/buildah, one platform pinned to the host so a stale base name cannot pick another', () => {
    assert.deepEqual(ociBuildArgs(base, 'linux/amd64'), ['build', '--file', '/w/app/Containerfile', '--platform', 'linux/amd64', '--iidfile', '/tmp/iid', '--tag', 'quay.io/o/a:latest', '--tag', 'quay.io/o/a:change_7_latest', '/w/app']);
  });
});
