import assert from 'node:assert/strict';
import { describe, test } from '@jest/globals';
import {
  buildCommands,
  buildxBuildArgs,
  buildxLoadArgs,
  dockerBuildArgs,
  dockerCacheCommands,
  ociBuildArgs,
} from '../../src/engines/build-args.js';
import {
  buildxPushArgs,
  buildxPushedDigest,
  dockerPushArgs,
  dockerPushedDigest,
  ociPushArgs,
  type PushSpec,
} from '../../src/engines/push-args.js';
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
    [
      'docker, minimal',
      dockerBuildArgs,
      base,
      [
        'build',
        '--file',
        '/w/app/Containerfile',
        '--iidfile',
        '/tmp/iid',
        '--tag',
        'quay.io/o/a:latest',
        '--tag',
        'quay.io/o/a:change_7_latest',
        '/w/app',
      ],
    ],
    [
      'docker, target + build args + labels',
      dockerBuildArgs,
      full,
      [
        'build',
        '--file',
        '/w/app/Containerfile',
        '--target',
        'final',
        '--build-arg',
        'A=1',
        '--build-arg',
        'B=two words; $(rm -rf /)',
        '--build-arg',
        'FROM_ENV',
        '--label',
        'org.zuul-ci.change=7',
        '--label',
        'k=v=w',
        '--iidfile',
        '/tmp/iid',
        '--tag',
        'quay.io/o/a:latest',
        '--tag',
        'quay.io/o/a:change_7_latest',
        '/w/src',
      ],
    ],
    [
      'buildx, two platforms',
      buildxBuildArgs,
      multi,
      [
        'buildx',
        'build',
        '--platform',
        'linux/amd64,linux/arm64',
        '--file',
        '/w/app/Containerfile',
        '--target',
        'final',
        '--build-arg',
        'A=1',
        '--build-arg',
        'B=two words; $(rm -rf /)',
        '--build-arg',
        'FROM_ENV',
        '--label',
        'org.zuul-ci.change=7',
        '--label',
        'k=v=w',
        '--output',
        'type=image,push=false',
        '--iidfile',
        '/tmp/iid',
        '--tag',
        'quay.io/o/a:latest',
        '--tag',
        'quay.io/o/a:change_7_latest',
        '/w/src',
      ],
    ],
    [
      'podman/buildah, one platform',
      ociBuildArgs,
      base,
      [
        'build',
        '--file',
        '/w/app/Containerfile',
        '--iidfile',
        '/tmp/iid',
        '--tag',
        'quay.io/o/a:latest',
        '--tag',
        'quay.io/o/a:change_7_latest',
        '/w/app',
      ],
    ],
    [
      'podman/buildah, two platforms into a manifest list named by the first tag, no iidfile',
      ociBuildArgs,
      multi,
      [
        'build',
        '--file',
        '/w/app/Containerfile',
        '--target',
        'final',
        '--build-arg',
        'A=1',
        '--build-arg',
        'B=two words; $(rm -rf /)',
        '--build-arg',
        'FROM_ENV',
        '--label',
        'org.zuul-ci.change=7',
        '--label',
        'k=v=w',
        '--platform',
        'linux/amd64,linux/arm64',
        '--manifest',
        'quay.io/o/a:latest',
        '/w/src',
      ],
    ],
  ];
  for (const [name, builder, spec, expected] of table) {
    test(name, () => assert.deepEqual(builder(spec), expected));
  }
  test('podman/buildah, one platform pinned to the host so a stale base name cannot pick another', () => {
    assert.deepEqual(ociBuildArgs(base, 'linux/amd64'), [
      'build',
      '--file',
      '/w/app/Containerfile',
      '--platform',
      'linux/amd64',
      '--iidfile',
      '/tmp/iid',
      '--tag',
      'quay.io/o/a:latest',
      '--tag',
      'quay.io/o/a:change_7_latest',
      '/w/app',
    ]);
  });
});

describe('push argv', () => {
  const push: PushSpec = {
    source: 'quay.io/o/a:latest',
    destination: 'quay.io/o/a:change_7_latest',
    multiPlatform: false,
    insecure: false,
    digestFile: '/tmp/d',
  };
  const table: [string, string[][], string[][]][] = [
    [
      'podman/buildah push, TLS on, no credentials',
      [ociPushArgs(push)],
      [['push', '--digestfile', '/tmp/d', 'quay.io/o/a:latest', 'docker://quay.io/o/a:change_7_latest']],
    ],
    [
      'podman/buildah manifest push --all to an insecure registry with a temporary auth file',
      [ociPushArgs({ ...push, multiPlatform: true, insecure: true, authFile: '/tmp/cia-auth-x/config.json' })],
      [
        [
          'manifest',
          'push',
          '--all',
          '--tls-verify=false',
          '--authfile',
          '/tmp/cia-auth-x/config.json',
          '--digestfile',
          '/tmp/d',
          'quay.io/o/a:latest',
          'docker://quay.io/o/a:change_7_latest',
        ],
      ],
    ],
    [
      'docker: tag to the destination name, then push',
      dockerPushArgs(push),
      [
        ['tag', 'quay.io/o/a:latest', 'quay.io/o/a:change_7_latest'],
        ['push', 'quay.io/o/a:change_7_latest'],
      ],
    ],
    [
      'docker: no tag step when the names agree',
      dockerPushArgs({ ...push, source: push.destination }),
      [['push', 'quay.io/o/a:change_7_latest']],
    ],
    [
      'docker buildx: rebuild (cached) with --push and a metadata file',
      [buildxPushArgs(multi, 'quay.io/o/a:change_7_latest', '/tmp/meta.json')],
      [
        [
          'buildx',
          'build',
          '--platform',
          'linux/amd64,linux/arm64',
          '--file',
          '/w/app/Containerfile',
          '--target',
          'final',
          '--build-arg',
          'A=1',
          '--build-arg',
          'B=two words; $(rm -rf /)',
          '--build-arg',
          'FROM_ENV',
          '--label',
          'org.zuul-ci.change=7',
          '--label',
          'k=v=w',
          '--tag',
          'quay.io/o/a:change_7_latest',
          '--push',
          '--metadata-file',
          '/tmp/meta.json',
          '/w/src',
        ],
      ],
    ],
  ];
  for (const [name, actual, expected] of table) test(name, () => assert.deepEqual(actual, expected));

  test('pushed digests are read from docker push output and buildx metadata', () => {
    const d = `sha256:${'ab'.repeat(32)}`;
    assert.equal(dockerPushedDigest(`The push refers to repository [127.0.0.1:5000/a]\nchange_7_latest: digest: ${d} size: 735\n`), d);
    assert.equal(dockerPushedDigest('no digest here'), undefined);
    assert.equal(buildxPushedDigest(JSON.stringify({ 'containerimage.digest': d, 'image.name': 'x' })), d);
    assert.equal(buildxPushedDigest('{}'), undefined);
  });
});

describe('registry build cache argv: read always, written on trusted events only', () => {
  const read: BuildSpec = { ...base, cache: { repository: 'quay.io/o/a-cache', write: false } };
  const write: BuildSpec = { ...base, cache: { repository: 'quay.io/o/a-cache', write: true }, authFile: '/tmp/auth/config.json' };

  test('podman and buildah: --layers and --cache-from; --cache-to only when written; the cache login file', () => {
    assert.deepEqual(ociBuildArgs(read, 'linux/amd64').slice(0, 9), [
      'build',
      '--file',
      '/w/app/Containerfile',
      '--layers',
      '--cache-from',
      'quay.io/o/a-cache',
      '--platform',
      'linux/amd64',
      '--iidfile',
    ]);
    assert.ok(!ociBuildArgs(read, 'linux/amd64').includes('--cache-to'));
    const written = ociBuildArgs(write, 'linux/amd64');
    assert.deepEqual(written.slice(3, 11), [
      '--authfile',
      '/tmp/auth/config.json',
      '--layers',
      '--cache-from',
      'quay.io/o/a-cache',
      '--cache-to',
      'quay.io/o/a-cache',
      '--platform',
    ]);
  });

  test("docker's classic builder: the cache image pulled first, --cache-from, then tagged and pushed when written", () => {
    assert.deepEqual(dockerBuildArgs(read).slice(3, 5), ['--cache-from', 'quay.io/o/a-cache:buildcache']);
    assert.deepEqual(dockerCacheCommands(read), { before: [['pull', 'quay.io/o/a-cache:buildcache']], after: [] });
    assert.deepEqual(dockerCacheCommands(write).after, [
      ['tag', 'quay.io/o/a:latest', 'quay.io/o/a-cache:buildcache'],
      ['push', 'quay.io/o/a-cache:buildcache'],
    ]);
    assert.deepEqual(dockerCacheCommands(base), { before: [], after: [] });
  });

  test('buildx: type=registry, every stage written (mode=max) only when written', () => {
    const multiRead = buildxBuildArgs({ ...read, platforms: ['linux/amd64', 'linux/arm64'] });
    const multiWrite = buildxBuildArgs({ ...write, platforms: ['linux/amd64', 'linux/arm64'] });
    assert.ok(multiRead.join(' ').includes('--cache-from type=registry,ref=quay.io/o/a-cache:buildcache --output'));
    assert.ok(
      multiWrite
        .join(' ')
        .includes(
          '--cache-from type=registry,ref=quay.io/o/a-cache:buildcache --cache-to type=registry,ref=quay.io/o/a-cache:buildcache,mode=max',
        ),
    );
    assert.deepEqual(dockerCacheCommands({ ...write, platforms: ['linux/amd64'] }), { before: [], after: [] });
    // One platform on a builder outside the daemon: --load, the same registry cache.
    const load = buildxLoadArgs({ ...write, platform: 'linux/arm64' }).join(' ');
    assert.ok(load.startsWith('buildx build --file'));
    assert.ok(load.includes('mode=max --platform linux/arm64 --load --iidfile'));
    assert.deepEqual(buildCommands('docker', write, 'linux/amd64', { buildxLoad: true }), [buildxLoadArgs(write)]);
  });
});
