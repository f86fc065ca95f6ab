// Real Zuul image lists as their authors meant them: build-docker-image's names, one repository
// in several entries, the command line's quoting, Jinja, job files, role variables.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from '@jest/globals';
import { planUploads } from '../../src/commands/upload-plan.js';
import { parseCredentials } from '../../src/config/inputs/credentials.js';
import { readBuildInputs } from '../../src/config/readers/build.js';
import { loadImageList, validateImageList } from '../../src/config/images/list.js';
import type { InputName } from '../../src/config/inputs/table.js';
import { applyMetadataTags } from '../../src/config/images/metadata-tags.js';
import { readShellQuoted } from '../../src/config/zuul/quoting.js';
import { messageOf } from '../helpers/messages.js';

const workDir = mkdtempSync(join(tmpdir(), 'cia-zuul-'));
mkdirSync(join(workDir, 'app'));

const load = (inline: string) => loadImageList({ inline, file: '', workDir });

describe("build-docker-image's docker_images", () => {
  test('a vars file with docker_images and dockerfile loads like container_images with container_filename', () => {
    writeFileSync(
      join(workDir, 'docker-vars.yaml'),
      [
        'docker_images:',
        '  - context: app',
        '    dockerfile: Dockerfile.alpine',
        '    repository: docker.io/acme/tool',
        '    tags: [edge]',
        '',
      ].join('\n'),
    );
    const [image] = loadImageList({ inline: '', file: 'docker-vars.yaml', workDir });
    assert.equal(image.entry.container_filename, 'Dockerfile.alpine');
    assert.equal(image.repository, 'docker.io/acme/tool');
  });

  test('dockerfile and container_filename together, or both list variables, are refused', () => {
    assert.match(
      messageOf(() => load('[{context: app, repository: quay.io/o/a, dockerfile: A, container_filename: B}]')),
      /images\[0\]: give container_filename or dockerfile \(build-docker-image's name for it\), not both/,
    );
    assert.match(
      messageOf(() => load('{container_images: [{context: app, repository: quay.io/o/a}], docker_images: []}')),
      /images: sets both container_images and docker_images; keep one list/,
    );
  });

  test('the unkeyed docker_credentials shape gets the keyed form, and the password is never shown', () => {
    const secrets: string[] = [];
    const message = messageOf(() =>
      parseCredentials('{username: robot, password: hunter2-secret, repository: "quay.io/acme/.*"}', (s) => secrets.push(s)),
    );
    assert.match(message, /registry-credentials: username and password at the top, like build-docker-image's docker_credentials/);
    assert.match(message, /\{"quay\.io": \{username: u, password:/);
    assert.ok(!message.includes('hunter2-secret'));
    assert.ok(secrets.includes('hunter2-secret'), 'masked before the error');
  });
});

describe('one repository in several entries (a release per entry)', () => {
  const list = validateImageList([
    { context: 'app', repository: 'quay.io/helm/libvirt', tags: ['2024.1-ubuntu_jammy'], build_args: ['RELEASE=2024.1'] },
    { context: 'app', repository: 'quay.io/helm/libvirt', tags: ['2025.1-ubuntu_noble'], build_args: ['RELEASE=2025.1'] },
    { context: 'app', repository: 'quay.io/helm/other' },
  ]);

  test('is accepted, each entry keeping its own tags and build args', () => {
    assert.deepEqual(
      list.map((i) => [i.repository, i.tags, i.entry.build_args]),
      [
        ['quay.io/helm/libvirt', ['2024.1-ubuntu_jammy'], ['RELEASE=2024.1']],
        ['quay.io/helm/libvirt', ['2025.1-ubuntu_noble'], ['RELEASE=2025.1']],
        ['quay.io/helm/other', ['latest'], []],
      ],
    );
  });

  test('only the same repository:tag twice is an error', () => {
    assert.match(
      messageOf(() =>
        load('[{context: app, repository: quay.io/o/a, tags: [a, b]}, {context: app, repository: quay.io/o/a, tags: [c, b]}]'),
      ),
      /images\[1\]\.tags: "quay\.io\/o\/a:b" is also built by images\[0\]/,
    );
  });

  test('uploads: each entry is its own push target; an intermediate namespace folding two names into one tag is refused', () => {
    const targets = planUploads(list, 'gate', 'change_7', { credentials: new Map() });
    assert.deepEqual(
      targets.map((t) => [t.repository, t.tags]),
      [
        ['helm/libvirt', ['change_7_2024.1-ubuntu_jammy']],
        ['helm/libvirt', ['change_7_2025.1-ubuntu_noble']],
        ['helm/other', ['change_7_latest']],
      ],
    );
    const folded = validateImageList([
      { context: 'app', repository: 'quay.io/acme/app' },
      { context: 'app', repository: 'ghcr.io/acme/app' },
    ]);
    assert.throws(
      () => planUploads(folded, 'intermediate', 'change_7', { intermediate: { registry: 'ir.example:5000' }, credentials: new Map() }),
      /images\[1\]: ir\.example:5000\/acme\/app:change_7_latest is also pushed by images\[0\]/,
    );
  });

  test('metadata-tags naming a repository several entries build cannot pick one: an error, not a guess', () => {
    assert.match(
      messageOf(() => applyMetadataTags(list, 'quay.io/helm/libvirt:1.0')),
      /metadata-tags: "quay\.io\/helm\/libvirt:1\.0" names quay\.io\/helm\/libvirt, which images\[0\] and images\[1\] all build/,
    );
    // The repository built once still takes them.
    assert.deepEqual(applyMetadataTags(list, 'quay.io/helm/other:1.0')[2].tags, ['1.0']);
  });
});

describe("docker/metadata-action's bare tags (its images input empty)", () => {
  const list = validateImageList([
    { context: 'app', repository: 'ghcr.io/acme/app' },
    { context: 'app', repository: 'ghcr.io/acme/worker', tags: ['edge'] },
  ]);

  test('go to every image of the list', () => {
    const tagged = applyMetadataTags(list, 'latest\n1.1.1\n1.1\n');
    assert.deepEqual(
      tagged.map((i) => i.tags),
      [
        ['latest', '1.1.1', '1.1'],
        ['latest', '1.1.1', '1.1'],
      ],
    );
  });

  test('mixed with full references, invalid, or over a shared repository: clear errors', () => {
    assert.match(
      messageOf(() => applyMetadataTags(list, 'latest\nghcr.io/acme/app:1')),
      /mixes bare tags \(latest\) with full references/,
    );
    assert.match(
      messageOf(() => applyMetadataTags(list, 'Bad!tag')),
      /metadata-tags: "Bad!tag" is not a valid tag/,
    );
    const shared = validateImageList([
      { context: 'app', repository: 'quay.io/o/a', tags: ['1'] },
      { context: 'app', repository: 'quay.io/o/a', tags: ['2'] },
    ]);
    assert.match(
      messageOf(() => applyMetadataTags(shared, 'latest')),
      /images\[0\] and images\[1\] both build quay\.io\/o\/a/,
    );
  });
});

describe("values read as Zuul's command line reads them (a shell's quoting, blanks kept)", () => {
  test('quoted values lose their quotes; an unquoted value with blanks stays one value', () => {
    // Checked against Python's shlex (what Ansible runs) in test/integration/zuul-argv.itest.ts.
    assert.equal(readShellQuoted(`FROM='public.ecr.aws/ubuntu/ubuntu:noble'`), 'FROM=public.ecr.aws/ubuntu/ubuntu:noble');
    assert.equal(readShellQuoted('EXTRA=a b c'), 'EXTRA=a b c');
  });

  test('the list: build args, tags, target, path and container file are read; labels as the role quotes them', () => {
    const [image] = load(
      `[{context: app, repository: "'quay.io/o/a'", path: "'.'", container_filename: '"Dockerfile"', target: "'final'", ` +
        `tags: ["'1.0'"], build_args: ["FROM='quay.io/x/y:1'"], labels: ["description='my app'", 'title="a b"']}]`,
    );
    assert.equal(image.repository, 'quay.io/o/a');
    assert.deepEqual(image.tags, ['1.0']);
    assert.equal(image.entry.path, '.');
    assert.equal(image.entry.container_filename, 'Dockerfile');
    assert.equal(image.entry.target, 'final');
    assert.deepEqual(image.entry.build_args, ['FROM=quay.io/x/y:1']);
    // `--label "{{ label }}"`: single quotes stay literal inside the role's double quotes.
    assert.deepEqual(image.entry.labels, ["description='my app'", 'title=a b']);
  });

  test('an unbalanced quote is an error naming the entry, without echoing the value', () => {
    const message = messageOf(() => load(`[{context: app, repository: quay.io/o/a, build_args: ["TOKEN='s3cr3t"]}]`));
    assert.match(message, /images\[0\]\.build_args\[0\]: has an unbalanced single quote \(Zuul's command line reads values like a shell/);
    assert.ok(!message.includes('s3cr3t'));
    assert.match(
      messageOf(() => load(`[{context: app, repository: quay.io/o/a, labels: ['a="b']}]`)),
      /images\[0\]\.labels\[0\]: has an unbalanced/,
    );
  });
});

describe('Jinja is an error naming the field, saying what to use instead', () => {
  const cases: [string, string][] = [
    ['[{context: app, repository: quay.io/o/a, tags: ["{{ zuul.tag }}"]}]', 'images[0].tags[0]'],
    ['[{context: app, repository: quay.io/o/a, build_args: ["BASE={{ container_registry }}/base"]}]', 'images[0].build_args[0]'],
    ['[{context: app, repository: quay.io/o/a, labels: ["v={% if zuul.tag %}1{% endif %}"]}]', 'images[0].labels[0]'],
    ['[{context: app, repository: "{{ registry }}/o/a"}]', 'images[0].repository'],
  ];
  for (const [inline, field] of cases) {
    test(field, () => {
      const message = messageOf(() => load(inline));
      assert.ok(message.startsWith(`${field}: holds a Jinja template`), message);
      assert.match(message, /templates are not evaluated here/);
      assert.match(message, /workflow expressions \(\$\{\{ … \}\}\) in the inline images input/);
      assert.match(message, /metadata-tags \(docker\/metadata-action\) for zuul\.tag-style tags/);
    });
  }
});

describe('a zuul.d job file as images-file', () => {
  writeFileSync(
    join(workDir, 'jobs.yaml'),
    [
      '- job:',
      '    name: acme-images-base',
      '    abstract: true',
      '    vars: &image_vars',
      '      container_command: docker',
      '      container_images:',
      '        - context: app',
      '          registry: quay.io',
      '          repository: acme/app',
      '          tags: [latest]',
      '- job:',
      '    name: acme-build-images',
      '    parent: acme-images-base',
      '- job:',
      '    name: acme-upload-images',
      '    parent: upload-container-image',
      '    vars: *image_vars',
      '- job:',
      '    name: acme-upload-podman',
      '    parent: acme-images-base',
      '    vars:',
      '      container_command: podman',
      '- job:',
      '    name: unrelated-tox',
      '    vars: {tox_envlist: py3}',
      '- project:',
      '    check: {jobs: [acme-build-images]}',
      '',
    ].join('\n'),
  );
  const fromJob = (zuulJob: string) => loadImageList({ inline: '', file: 'jobs.yaml', workDir, zuulJob });

  test('zuul-job picks a job, following parent: jobs of the same file', () => {
    assert.deepEqual(
      fromJob('acme-build-images').map((i) => i.repository),
      ['quay.io/acme/app'],
    );
    assert.deepEqual(
      fromJob('acme-upload-images').map((i) => i.repository),
      ['quay.io/acme/app'],
    );
  });

  test('without zuul-job the error lists the jobs that define an image list', () => {
    assert.match(
      messageOf(() => fromJob('')),
      /jobs\.yaml: images: a Zuul job file; name the job whose image list to use with zuul-job \(jobs with an image list: acme-images-base, acme-build-images, acme-upload-images, acme-upload-podman\)/,
    );
  });

  test('an unknown job, a job with no list, or zuul-job on a plain list: clear errors', () => {
    assert.match(
      messageOf(() => fromJob('acme-build-image')),
      /zuul-job: no job "acme-build-image" in the file \(did you mean "acme-build-images"\?\)/,
    );
    assert.match(
      messageOf(() => fromJob('unrelated-tox')),
      /zuul-job: job "unrelated-tox" \(and its parents in the file\) sets no image list/,
    );
    assert.match(
      messageOf(() => loadImageList({ inline: '[{context: app, repository: quay.io/o/a}]', file: '', workDir, zuulJob: 'x' })),
      /zuul-job: "x" names a job, but images is not a Zuul job file/,
    );
  });

  test('a role variable the job sets beside the list must agree with its input', () => {
    const read = (inputs: Partial<Record<InputName, string>>) => (name: InputName) => inputs[name] ?? '';
    const env = { GITHUB_WORKSPACE: workDir };
    const inputs = readBuildInputs(read({ 'images-file': 'jobs.yaml', 'zuul-job': 'acme-build-images' }), env, {
      secret: () => {},
      notice: () => {},
    });
    assert.equal(inputs.images.length, 1);
    assert.match(
      messageOf(() =>
        readBuildInputs(read({ 'images-file': 'jobs.yaml', 'zuul-job': 'acme-upload-podman' }), env, {
          secret: () => {},
          notice: () => {},
        }),
      ),
      /jobs\.yaml: job "acme-upload-podman" sets container_command: "podman", but container-command is "docker": set container-command: "podman" on the step/,
    );
  });
});

describe('keys', () => {
  test('an unknown key gets a "did you mean"', () => {
    assert.match(
      messageOf(() => load('[{context: app, repository: quay.io/o/a, build_arg: [A=1]}]')),
      /images\[0\]\.build_arg: unknown key \(did you mean "build_args"\?\)/,
    );
  });

  test('a Zuul role variable written into an entry gets a message of its own', () => {
    assert.match(
      messageOf(() => load('[{context: app, repository: quay.io/o/a, container_command: podman}]')),
      /images\[0\]\.container_command: a Zuul role variable, not a key of an image; here it is the container-command input/,
    );
    assert.match(
      messageOf(() => load('[{context: app, repository: quay.io/o/a, zuul_work_dir: src/x}]')),
      /images\[0\]\.zuul_work_dir: a Zuul role variable, not a key of an image; here it is the work-dir input/,
    );
  });
});
