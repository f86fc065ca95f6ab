import assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll as before, describe, test } from '@jest/globals';
import { build, type BuiltImageReport } from '../../src/commands/build.js';
import { ConfigError } from '../../src/config/errors.js';
import type { InputName } from '../../src/config/inputs/table.js';
import { ExecError, type Exec } from '../../src/exec.js';
import { exec } from '../helpers/exec.js';
import { fixtureProject, recordingLogger, sh, testbed, uniqueName } from '../helpers/testbed.js';

const bed = testbed();
const project = fixtureProject();
const eventFile = join(project, 'event.json');
writeFileSync(
  eventFile,
  JSON.stringify({
    number: 42,
    pull_request: { number: 42, html_url: 'https://github.com/acme/widgets/pull/42', head: { sha: 'a'.repeat(40) } },
  }),
);

/** A pull_request run of PR 42 in acme/widgets, inputs given by name. */
async function runBuild(inputs: Partial<Record<InputName, string>>, options: { exec?: Exec } = {}) {
  const logger = recordingLogger();
  const env = {
    ...process.env,
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: eventFile,
    GITHUB_REPOSITORY: 'acme/widgets',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_SHA: 'b'.repeat(40),
  };
  const result = await build({ env, logger, read: (name) => inputs[name] ?? '', exec: options.exec ?? exec });
  return { images: JSON.parse(result.outputs.images ?? '[]') as BuiltImageReport[], logger, result };
}

/** Reads a file from an image by running it (docker for docker, podman for podman/buildah). */
function catInImage(engine: string, ref: string, file: string): string {
  return engine === 'docker' ? sh('docker', ['run', '--rm', ref, 'cat', file]) : sh('podman', ['run', '--rm', ref, 'cat', file]);
}

function labelsOf(engine: string, ref: string): Record<string, string> {
  const cli = engine === 'docker' ? 'docker' : 'podman';
  return JSON.parse(sh(cli, ['image', 'inspect', '--format', '{{json .Config.Labels}}', ref])) as Record<string, string>;
}

const baseArg = `BASE_IMAGE=${bed.baseImage}`;

for (const engine of ['docker', 'podman', 'buildah'] as const) {
  describe(`build with ${engine} (real engine)`, () => {
    const repository = `${bed.registry}/it/${uniqueName(`${engine}-app`)}`;
    let images: BuiltImageReport[];

    before(async () => {
      ({ images } = await runBuild({
        'container-command': engine,
        'work-dir': project,
        images: JSON.stringify([
          {
            context: 'app',
            repository,
            target: 'final',
            build_args: [baseArg, 'GREETING=hello; $(touch /pwned) world'],
            tags: ['latest', '1.0'],
            siblings: ['libs/common'],
            labels: ['com.example.team=widgets'],
          },
        ]),
      }));
    });

    test('tags the image with the final and the change_<N>_ tags, locally', () => {
      assert.equal(images.length, 1);
      assert.deepEqual(images[0].tags, [
        `${repository}:latest`,
        `${repository}:1.0`,
        `${repository}:change_42_latest`,
        `${repository}:change_42_1.0`,
      ]);
      const cli = engine === 'docker' ? 'docker' : 'podman';
      const ids = images[0].tags.map((ref) => sh(cli, ['image', 'inspect', '--format', '{{.Id}}', ref]));
      assert.equal(new Set(ids).size, 1, 'all four tags name one image');
      assert.match(images[0].image_id, /^sha256:[0-9a-f]{64}$/);
      assert.equal(images[0].change, 42);
      assert.deepEqual(images[0].platforms, ['linux/amd64']);
    });

    test('target picks the stage; build args arrive as single argv items', () => {
      assert.equal(catInImage(engine, `${repository}:latest`, '/stage'), 'final');
      assert.equal(catInImage(engine, `${repository}:latest`, '/greeting'), 'hello; $(touch /pwned) world');
    });

    test('siblings are copied in, announced in ZUUL_SIBLINGS, and removed afterwards', () => {
      assert.equal(catInImage(engine, `${repository}:latest`, '/siblings'), 'libs/common');
      assert.equal(catInImage(engine, `${repository}:latest`, '/sibling-content'), 'common library v1');
      assert.ok(!existsSync(join(project, 'app', '.zuul-siblings')), '.zuul-siblings must be removed after the build');
    });

    test('labels: the user label, OCI labels and Zuul change labels', () => {
      const labels = labelsOf(engine, `${repository}:latest`);
      assert.equal(labels['com.example.team'], 'widgets');
      assert.equal(labels['org.zuul-ci.change'], '42');
      assert.equal(labels['org.zuul-ci.change_url'], 'https://github.com/acme/widgets/pull/42');
      assert.equal(labels['org.opencontainers.image.revision'], 'a'.repeat(40));
      assert.equal(labels['org.opencontainers.image.source'], 'https://github.com/acme/widgets');
      assert.match(labels['org.opencontainers.image.created'], /^\d{4}-\d\d-\d\dT/);
    });

    test('Containerfile-only and Dockerfile-only contexts, and a build path apart from the context', async () => {
      const names = ['containerfile-only', 'dockerfile-only', 'split'].map((n) => `${bed.registry}/it/${uniqueName(`${engine}-${n}`)}`);
      const { images: built } = await runBuild({
        'container-command': engine,
        'work-dir': project,
        images: JSON.stringify([
          { context: 'containerfile-only', repository: names[0], build_args: [baseArg] },
          { context: 'dockerfile-only', repository: names[1], build_args: [baseArg] },
          { context: 'split/context', path: '../src', repository: names[2], build_args: [baseArg] },
        ]),
      });
      assert.equal(built.length, 3);
      assert.equal(catInImage(engine, `${names[0]}:latest`, '/built-from'), 'Containerfile');
      assert.equal(catInImage(engine, `${names[1]}:latest`, '/built-from'), 'Dockerfile');
      assert.equal(catInImage(engine, `${names[2]}:latest`, '/source.txt'), 'from the split source dir');
    });

    test('a failing build still removes the .zuul-siblings folder it made', async () => {
      const dir = fixtureProject();
      await assert.rejects(
        runBuild({
          'container-command': engine,
          'work-dir': dir,
          images: JSON.stringify([
            {
              context: 'failing',
              repository: `${bed.registry}/it/${uniqueName(`${engine}-sib-fail`)}`,
              build_args: [baseArg],
              siblings: ['libs/common'],
            },
          ]),
        }),
        ExecError,
      );
      assert.ok(!existsSync(join(dir, 'failing', '.zuul-siblings')));
    });

    test("an engine failure names the image and keeps the engine's last words", async () => {
      const repositoryFailing = `${bed.registry}/it/${uniqueName(`${engine}-failing`)}`;
      await assert.rejects(
        runBuild({
          'container-command': engine,
          'work-dir': project,
          images: JSON.stringify([{ context: 'failing', repository: repositoryFailing, build_args: [baseArg] }]),
        }),
        (error: unknown) => {
          assert.ok(error instanceof ExecError);
          assert.match(error.message, new RegExp(`building images\\[0\\] ${repositoryFailing.replace(/[.]/g, '\\.')} failed`));
          assert.match(error.message, /the failing step says why/);
          return true;
        },
      );
    });
  });
}

for (const engine of ['podman', 'buildah'] as const) {
  describe(`two-platform image with ${engine} (qemu runs the arm64 RUN step)`, () => {
    test('one manifest list with linux/amd64 and linux/arm64, whose RUN uname -m differs per platform; mixed with a single-platform image', async () => {
      const repository = `${bed.registry}/it/${uniqueName(`${engine}-multi`)}`;
      const single = `${bed.registry}/it/${uniqueName(`${engine}-single`)}`;
      const { images } = await runBuild({
        'container-command': engine,
        'work-dir': project,
        images: JSON.stringify([
          { context: 'multiarch', repository, build_args: [baseArg], tags: ['latest', 'v1'], arch: ['linux/amd64', 'linux/arm64'] },
          { context: 'containerfile-only', repository: single, build_args: [baseArg] },
        ]),
      });
      assert.deepEqual(images[0].platforms.slice().sort(), ['linux/amd64', 'linux/arm64']);
      assert.deepEqual(images[1].platforms, ['linux/amd64']);
      for (const tag of ['latest', 'v1', 'change_42_latest', 'change_42_v1']) {
        const list = JSON.parse(sh(engine, ['manifest', 'inspect', `${repository}:${tag}`])) as {
          manifests: { digest: string; platform: { architecture: string } }[];
        };
        const byArch = Object.fromEntries(list.manifests.map((m) => [m.platform.architecture, m.digest]));
        assert.deepEqual(Object.keys(byArch).sort(), ['amd64', 'arm64'], `${tag} lists both platforms once`);
        if (tag === 'latest') {
          assert.equal(sh('podman', ['run', '--rm', `${repository}@${byArch.amd64}`]), 'x86_64');
          assert.equal(sh('podman', ['run', '--rm', `${repository}@${byArch.arm64}`]), 'aarch64');
        }
      }
    });

    test('a rebuild replaces the manifest list instead of appending to it', async () => {
      const repository = `${bed.registry}/it/${uniqueName(`${engine}-rebuild`)}`;
      const inputs = {
        'container-command': engine,
        'work-dir': project,
        images: JSON.stringify([{ context: 'multiarch', repository, build_args: [baseArg], arch: ['linux/amd64', 'linux/arm64'] }]),
      };
      await runBuild(inputs);
      await runBuild(inputs);
      const list = JSON.parse(sh(engine, ['manifest', 'inspect', `${repository}:latest`])) as { manifests: unknown[] };
      assert.equal(list.manifests.length, 2);
    });
  });
}

describe('docker without buildx', () => {
  test('a multi-platform image is a clear error naming the alternatives, and nothing is built', async () => {
    const repository = `${bed.registry}/it/${uniqueName('docker-multi')}`;
    await assert.rejects(
      runBuild({
        'container-command': 'docker',
        'work-dir': project,
        images: JSON.stringify([{ context: 'multiarch', repository, build_args: [baseArg], arch: ['linux/amd64', 'linux/arm64'] }]),
      }),
      /needs docker buildx, which this docker does not have: install the buildx plugin .* or use container-command: podman or buildah/,
    );
    assert.throws(() => sh('docker', ['image', 'inspect', `${repository}:latest`]));
  });
});

describe('bad input builds nothing', () => {
  const calls: string[][] = [];
  const recording: Exec = (file, args, options) => {
    calls.push([file, ...args]);
    return exec(file, args, options);
  };
  const cases: [string, Partial<Record<InputName, string>>, RegExp][] = [
    [
      'an invalid tag in the second image',
      { images: `[{context: app, repository: ${bed.registry}/it/a}, {context: app, repository: ${bed.registry}/it/b, tags: ["Latest!"]}]` },
      /images\[1\]\.tags\[0\]: "Latest!" is not a valid tag/,
    ],
    [
      'a context outside the work dir',
      { images: `[{context: ../.., repository: ${bed.registry}/it/a}]` },
      /images\[0\]\.context: "\.\.\/\.\." is outside the work dir/,
    ],
    [
      'a missing container file',
      { images: `[{context: app, container_filename: Nope, repository: ${bed.registry}/it/a}]` },
      /images\[0\]\.container_filename: "Nope" does not exist/,
    ],
    [
      'a context without a container file',
      { images: `[{context: libs, repository: ${bed.registry}/it/a}]` },
      /container-filename: neither Containerfile nor Dockerfile exists/,
    ],
    [
      'an unknown engine',
      { images: `[{context: app, repository: ${bed.registry}/it/a}]`, 'container-command': 'kaniko' },
      /container-command: "kaniko" is not supported; one of docker, podman, buildah/,
    ],
    [
      'a bad build-extra-env',
      { images: `[{context: app, repository: ${bed.registry}/it/a}]`, 'build-extra-env': '[a, b]' },
      /build-extra-env: expected a mapping of NAME: value/,
    ],
    [
      'a temporary tag that would be too long',
      { images: `[{context: app, repository: ${bed.registry}/it/a, tags: ["${'t'.repeat(125)}"]}]` },
      /is too long for its temporary tag "change_42_t+"/,
    ],
  ];
  for (const [name, inputs, expected] of cases) {
    test(name, async () => {
      calls.length = 0;
      await assert.rejects(
        runBuild({ 'work-dir': project, 'container-command': 'docker', ...inputs }, { exec: recording }),
        (error: unknown) => {
          assert.ok(error instanceof ConfigError, String(error));
          assert.match(error.message, expected);
          return true;
        },
      );
      assert.deepEqual(calls, [], 'no engine call was made');
    });
  }

  test('a pre-existing .zuul-siblings folder is refused and left alone', async () => {
    const dir = fixtureProject();
    const marker = join(dir, 'app', '.zuul-siblings', 'keep.txt');
    sh('mkdir', ['-p', join(dir, 'app', '.zuul-siblings')]);
    writeFileSync(marker, 'mine');
    calls.length = 0;
    await assert.rejects(
      runBuild(
        { 'work-dir': dir, images: `[{context: app, repository: ${bed.registry}/it/a, siblings: [libs/common]}]` },
        { exec: recording },
      ),
      /\.zuul-siblings already exists/,
    );
    assert.ok(existsSync(marker));
    assert.deepEqual(calls, []);
  });
});

describe('build-extra-env reaches every engine', () => {
  for (const engine of ['docker', 'podman', 'buildah'] as const) {
    test(engine, async () => {
      const seen: NodeJS.ProcessEnv[] = [];
      const recording: Exec = (file, args, options) => {
        seen.push(options?.env ?? {});
        return exec(file, args, options);
      };
      await runBuild(
        {
          'container-command': engine,
          'work-dir': project,
          'build-extra-env': 'CIA_PROBE: "from extra env"\nCIA_NUMBER: 3',
          images: JSON.stringify([
            { context: 'containerfile-only', repository: `${bed.registry}/it/${uniqueName(`${engine}-env`)}`, build_args: [baseArg] },
          ]),
        },
        { exec: recording },
      );
      assert.ok(seen.length > 0);
      for (const env of seen) {
        assert.equal(env.CIA_PROBE, 'from extra env');
        assert.equal(env.CIA_NUMBER, '3');
      }
    });
  }
});
