import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from '@jest/globals';
import { ConfigError } from '../../src/config/errors.js';
import { loadImageList } from '../../src/config/images/list.js';

const workDir = mkdtempSync(join(tmpdir(), 'cia-list-'));
mkdirSync(join(workDir, 'app'));

const load = (inline: string) => loadImageList({ inline, file: '', workDir });

function problemsOf(inline: string): string {
  try {
    load(inline);
  } catch (error) {
    assert.ok(error instanceof ConfigError, `expected a ConfigError, got ${String(error)}`);
    return error.message;
  }
  assert.fail(`expected an error for ${inline}`);
}

describe('image list: bad input names the entry, the field and the value', () => {
  const cases: [string, string, string | RegExp][] = [
    ['tag with "!"', '[{context: app, repository: quay.io/o/a, tags: ["Latest!"]}]', 'images[0].tags[0]: "Latest!" is not a valid tag'],
    [
      'second image, first tag',
      '[{context: app, repository: quay.io/o/a}, {context: app, repository: quay.io/o/b, tags: ["Latest!"]}]',
      'images[1].tags[0]: "Latest!" is not a valid tag',
    ],
    ['tag starting with "."', '[{context: app, repository: quay.io/o/a, tags: [".x"]}]', 'images[0].tags[0]: ".x" is not a valid tag'],
    ['tag starting with "-"', '[{context: app, repository: quay.io/o/a, tags: ["-x"]}]', 'images[0].tags[0]: "-x" is not a valid tag'],
    [
      'tag of 129 characters',
      `[{context: app, repository: quay.io/o/a, tags: ["${'a'.repeat(129)}"]}]`,
      /images\[0\]\.tags\[0\]: "a+\.\.\. is not a valid tag/,
    ],
    [
      'numeric tag that YAML rounds',
      '[{context: app, repository: quay.io/o/a, tags: [3.10]}]',
      'images[0].tags[0]: 3.1 is a number, not a tag: quote it',
    ],
    ['tags as a string', '[{context: app, repository: quay.io/o/a, tags: latest}]', 'images[0].tags: expected a list, got "latest"'],
    ['empty tag list', '[{context: app, repository: quay.io/o/a, tags: []}]', 'images[0].tags: must list at least one tag'],
    ['duplicate tag', '[{context: app, repository: quay.io/o/a, tags: [a, a]}]', 'images[0].tags: lists a tag twice'],
    [
      'upper-case repository',
      '[{context: app, repository: quay.io/Org/a}]',
      'images[0].repository: "quay.io/Org/a" is not a valid repository: names must be lowercase',
    ],
    [
      'upper-case namespace without host',
      '[{context: app, repository: MyOrg/app}]',
      'images[0].repository: "MyOrg/app" is not a valid repository: names must be lowercase',
    ],
    [
      'repository with a tag',
      '[{context: app, repository: quay.io/o/a:1.0}]',
      'images[0].repository: "quay.io/o/a:1.0" must not include a tag',
    ],
    [
      'repository with a digest',
      `[{context: app, repository: "quay.io/o/a@sha256:${'a'.repeat(64)}"}]`,
      /images\[0\]\.repository: "quay\.io\/o\/a@sha256:a+\.\.\. must not include a digest/,
    ],
    [
      'repository with a bad separator',
      '[{context: app, repository: quay.io/o/a--/b}]',
      'images[0].repository: "quay.io/o/a--/b" is not a valid repository: path components',
    ],
    [
      'repository on another registry',
      '[{context: app, registry: quay.io, repository: ghcr.io/o/a}]',
      'images[0].repository: "ghcr.io/o/a" must start with the registry "quay.io"',
    ],
    [
      'registry with a path',
      '[{context: app, registry: quay.io/org, repository: quay.io/o/a}]',
      'images[0].registry: "quay.io/org" is not a registry: expected host[:port]',
    ],
    [
      'registry with a bad port',
      '[{context: app, registry: "quay.io:99999", repository: o/a}]',
      'images[0].registry: "quay.io:99999" is not a registry',
    ],
    ['missing repository', '[{context: app}]', 'images[0].repository: is required'],
    ['missing context', '[{repository: quay.io/o/a}]', 'images[0].context: is required'],
    ['empty context', '[{context: "", repository: quay.io/o/a}]', 'images[0].context: must not be empty'],
    [
      'unknown key with a near miss',
      '[{context: app, repository: quay.io/o/a, tag: [x]}]',
      'images[0].tag: unknown key (did you mean "tags"?)',
    ],
    [
      'unknown key, hyphenated Zuul key',
      '[{context: app, repository: quay.io/o/a, build-args: [A=1]}]',
      'images[0].build-args: unknown key (did you mean "build_args"?)',
    ],
    [
      'unknown key far from any',
      '[{context: app, repository: quay.io/o/a, colour: red}]',
      /images\[0\]\.colour: unknown key; known keys: context/,
    ],
    [
      'build arg without a name',
      '[{context: app, repository: quay.io/o/a, build_args: ["=x"]}]',
      'images[0].build_args[0]: "=x" is not a build argument',
    ],
    [
      'build args as a string',
      '[{context: app, repository: quay.io/o/a, build_args: "A=1 B=2"}]',
      'images[0].build_args: expected a list, got "A=1 B=2"',
    ],
    [
      'label without "="',
      '[{context: app, repository: quay.io/o/a, labels: [nolabel]}]',
      'images[0].labels[0]: "nolabel" is not a label: expected key=value',
    ],
    [
      'labels as a mapping',
      '[{context: app, repository: quay.io/o/a, labels: {a: b}}]',
      'images[0].labels: expected a list, got {"a":"b"}',
    ],
    [
      'platform without os',
      '[{context: app, repository: quay.io/o/a, arch: [arm64]}]',
      'images[0].arch[0]: "arm64" is not a platform: expected os/arch[/variant]',
    ],
    [
      'duplicate platform',
      '[{context: app, repository: quay.io/o/a, arch: [linux/amd64, linux/amd64]}]',
      'images[0].arch: lists a platform twice',
    ],
    ['empty platform list', '[{context: app, repository: quay.io/o/a, arch: []}]', 'images[0].arch: must list at least one platform'],
    [
      'bad target',
      '[{context: app, repository: quay.io/o/a, target: "my stage"}]',
      'images[0].target: "my stage" is not a build stage name',
    ],
    ['entry that is a string', '["quay.io/o/a"]', 'images[0]: expected a mapping of image keys, got "quay.io/o/a"'],
    ['empty list', '[]', 'images: must list at least one image'],
    ['a scalar', 'hello', 'images: expected a list, got "hello"'],
    [
      'mapping without container_images',
      '{images: []}',
      'images: expected a list of images or a mapping with a "container_images" or "docker_images" key',
    ],
    ['malformed YAML', '[{context: app, repository: [}', /images: not valid YAML \(line 1, column \d+\)/],
    ['duplicate key', '[{context: app, context: b, repository: quay.io/o/a}]', /images: not valid YAML .*Map keys must be unique/],
    [
      'same repository:tag twice',
      '[{context: app, repository: quay.io/o/a}, {context: app, registry: quay.io, repository: o/a}]',
      'images[1].tags: "quay.io/o/a:latest" is also built by images[0]',
    ],
  ];
  for (const [name, inline, expected] of cases) {
    test(name, () => {
      const message = problemsOf(inline);
      if (typeof expected === 'string') assert.ok(message.includes(expected), `message:\n${message}\nexpected to contain:\n${expected}`);
      else assert.match(message, expected);
    });
  }

  test('every problem of a list is reported at once', () => {
    const message = problemsOf('[{context: app, repository: quay.io/O/a, tags: ["!"]}, {context: app}]');
    assert.match(message, /^4 problems|^3 problems/);
    assert.ok(message.includes('images[0].repository'));
    assert.ok(message.includes('images[0].tags[0]'));
    assert.ok(message.includes('images[1].repository: is required'));
  });
});

describe('image list: valid input', () => {
  test('defaults: tags latest, path ".", no platforms', () => {
    const [image] = load('[{context: app, repository: quay.io/o/a}]');
    assert.deepEqual(image.tags, ['latest']);
    assert.equal(image.entry.path, '.');
    assert.deepEqual(image.platforms, []);
    assert.equal(image.repository, 'quay.io/o/a');
    assert.deepEqual(image.reference, { registry: 'quay.io', repository: 'o/a' });
  });

  test('repository relative to registry (docs/zuul.md)', () => {
    const [image] = load('[{context: app, registry: quay.io, repository: opentelekomcloud/eyes-on-docs}]');
    assert.equal(image.repository, 'quay.io/opentelekomcloud/eyes-on-docs');
  });

  test('registry with a port and a repository naming it', () => {
    const [image] = load('[{context: app, registry: "localhost:5000", repository: "localhost:5000/x/y", tags: ["1.0", v2]}]');
    assert.equal(image.repository, 'localhost:5000/x/y');
    assert.deepEqual(image.tags, ['1.0', 'v2']);
  });

  test('JSON is accepted', () => {
    const [image] = load('[{"context": "app", "repository": "ghcr.io/o/a", "arch": ["linux/amd64", "linux/arm64"]}]');
    assert.deepEqual(image.platforms, ['linux/amd64', 'linux/arm64']);
  });

  test('a Zuul vars file with anchors works verbatim from images-file', () => {
    writeFileSync(
      join(workDir, 'vars.yaml'),
      [
        'base: &base',
        '  context: app',
        '  registry: quay.io',
        'container_images:',
        '  - <<: *base',
        '    repository: quay.io/o/one',
        '  - <<: *base',
        '    repository: o/two',
        '    tags: ["3", "3.19", "3.19.0"]',
        'container_command: podman',
        '',
      ].join('\n'),
    );
    const images = loadImageList({ inline: '', file: 'vars.yaml', workDir });
    assert.deepEqual(
      images.map((i) => [i.repository, i.tags]),
      [
        ['quay.io/o/one', ['latest']],
        ['quay.io/o/two', ['3', '3.19', '3.19.0']],
      ],
    );
  });

  test('images-file errors name the file', () => {
    writeFileSync(join(workDir, 'bad.yaml'), 'container_images:\n  - context: app\n    repository: quay.io/o/a\n    tags: ["Bad tag"]\n');
    assert.throws(
      () => loadImageList({ inline: '', file: 'bad.yaml', workDir }),
      /bad\.yaml: images\[0\]\.tags\[0\]: "Bad tag" is not a valid tag/,
    );
  });

  test('images and images-file together are refused', () => {
    assert.throws(() => loadImageList({ inline: '[]', file: 'x.yaml', workDir }), /either images or images-file, not both/);
  });

  test('neither images nor images-file is refused', () => {
    assert.throws(() => loadImageList({ inline: '', file: '', workDir }), /no images/);
  });

  test('images-file outside the work dir is refused', () => {
    assert.throws(
      () => loadImageList({ inline: '', file: '../../etc/passwd', workDir }),
      /images-file: "..\/..\/etc\/passwd" is outside the work dir/,
    );
  });
});
