// Real-shaped zuul.d files: secrets beside the jobs, both names for the container file, Jinja in a
// mirror list, build-docker-image's registry apart from the repository, and job files of thousands
// of jobs resolved in linear time.
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from '@jest/globals';
import { loadImageList } from '../../src/config/images/list.js';
import { loadMirrorList } from '../../src/config/mirror/list.js';
import { jobImageList } from '../../src/config/zuul/jobs.js';
import { messageOf } from '../helpers/messages.js';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'zuul');
const workDir = mkdtempSync(join(tmpdir(), 'cia-zuul-files-'));
for (const name of readdirSync(fixtures)) copyFileSync(join(fixtures, name), join(workDir, name));

function fromJob(file: string, zuulJob: string) {
  const notices: string[] = [];
  const images = loadImageList({ inline: '', file, workDir, zuulJob, notice: (message) => notices.push(message) });
  return { images, notices };
}

describe('zuul.d files holding secrets', () => {
  test('a job beside !encrypted/pkcs1-oaep secrets loads; the ciphertext is read as an opaque value', () => {
    const { images } = fromJob('secrets-jobs.yaml', 'widgets-upload-container-image');
    assert.deepEqual(
      images.map((image) => image.repository),
      ['quay.io/widgets/api', 'quay.io/widgets/worker'],
    );
  });

  test("a list using a secret names it: Zuul's secrets are not decrypted here", () => {
    assert.match(
      messageOf(() => fromJob('secrets-jobs.yaml', 'widgets-upload-with-token')),
      /secrets-jobs\.yaml: zuul-job: job "widgets-upload-with-token": images\[0\]\.build_args\[0\] uses the Zuul secret "widgets-token" \(as build_token\); Zuul secrets are not decrypted here/,
    );
    const encrypted = `- job:\n    name: j\n    vars:\n      container_images:\n        - context: .\n          repository: quay.io/o/a\n          build_args: !encrypted/pkcs1-oaep [QUJD]\n`;
    writeFileSync(join(workDir, 'encrypted-in-list.yaml'), encrypted);
    assert.match(
      messageOf(() => fromJob('encrypted-in-list.yaml', 'j')),
      /job "j": images\[0\]\.build_args is an encrypted value \(!encrypted\/pkcs1-oaep\)/,
    );
  });

  test('outside a job file an encrypted value is still a tag, refused where it is', () => {
    assert.match(
      messageOf(() =>
        loadImageList({ inline: '[{context: ., repository: quay.io/o/a, labels: !encrypted/pkcs1-oaep QUJD}]', file: '', workDir }),
      ),
      /^images\[0\]\.labels: YAML tags are not supported \(!encrypted\/pkcs1-oaep\)/,
    );
    assert.match(
      messageOf(() => loadImageList({ inline: '[{context: ., repository: !secret quay.io/o/a}]', file: '', workDir })),
      /images: YAML tags are not supported \(line 1, column 27\): !secret/,
    );
  });
});

describe('container_filename and dockerfile', () => {
  test('the same value under both names is accepted; different values are still refused', () => {
    const { images } = fromJob('secrets-jobs.yaml', 'widgets-container-image');
    assert.deepEqual(
      images.map((image) => image.entry.container_filename),
      ['Containerfile.api', 'Containerfile.worker'],
    );
    assert.match(
      messageOf(() =>
        loadImageList({ inline: '[{context: ., repository: quay.io/o/a, dockerfile: A, container_filename: B}]', file: '', workDir }),
      ),
      /images\[0\]: give container_filename or dockerfile \(build-docker-image's name for it\), not both with different values/,
    );
  });
});

describe('a parent job of another file', () => {
  test('the list found, the parent outside the file is a notice naming it', () => {
    const { notices } = fromJob('secrets-jobs.yaml', 'widgets-upload-container-image');
    assert.deepEqual(notices, [
      'secrets-jobs.yaml: job "widgets-upload-container-image" has the parent "opendev-build-container-image", which this file ' +
        'does not define: its vars (merged under "widgets-container-image"\'s in Zuul) are not read here',
    ]);
  });

  test('no list in the file, the parent outside it: the error says the list may be there', () => {
    assert.match(
      messageOf(() => fromJob('secrets-jobs.yaml', 'widgets-lint')),
      /job "widgets-lint" \(and its parents in the file\) sets no image list, and its parent "tox" is defined in another file: the list may be there/,
    );
  });

  test('a parent cycle is an error naming the cycle', () => {
    const jobs = [
      { job: { name: 'a', parent: 'c', vars: { container_images: [] } } },
      { job: { name: 'b', parent: 'a' } },
      { job: { name: 'c', parent: 'b' } },
    ];
    assert.match(
      messageOf(() => jobImageList(jobs, 'b', '')),
      /job "b" is its own ancestor \(b → a → c → b\)/,
    );
  });
});

/** `count` jobs, each the parent of the next, the first with the list: the file's every job has it. */
function chain(count: number): unknown[] {
  const jobs: unknown[] = [
    { job: { name: 'job-0', parent: 'base', vars: { container_images: [{ context: '.', repository: 'quay.io/acme/app' }] } } },
  ];
  for (let i = 1; i < count; i++) jobs.push({ job: { name: `job-${i}`, parent: `job-${i - 1}`, vars: { [`v${i}`]: `value-${i}` } } });
  return jobs;
}

describe('job files of thousands of jobs (no step more than linear)', () => {
  // The test timeout is the bound: the old quadratic-per-job walk took 35 s for 3,000 jobs, hours for 13 MB.
  test('a 3,000-job chain (240 KB), the last job chosen, and the error listing the jobs with a list', () => {
    const text = chain(3000)
      .map((item) => {
        const { name, parent, vars } = (item as { job: { name: string; parent: string; vars: object } }).job;
        return `- job:\n    name: ${name}\n    parent: ${parent}\n    vars: ${JSON.stringify(vars)}\n`;
      })
      .join('');
    writeFileSync(join(workDir, 'chain.yaml'), text);
    const { images } = fromJob('chain.yaml', 'job-2999');
    assert.equal(images[0].repository, 'quay.io/acme/app');
    assert.match(
      messageOf(() => fromJob('chain.yaml', '')),
      /jobs with an image list: job-0, job-1, .*, job-19 and 2980 more\)$/,
    );
  }, 20_000);

  test("a 13 MB file's jobs (165,000 in one chain): the last job, and every job's list looked up", () => {
    const jobs = chain(165_000);
    assert.ok(JSON.stringify(jobs).length > 13_000_000);
    const found = jobImageList(jobs, 'job-164999', '');
    assert.equal(Object.keys(found.vars).length, 165_000);
    assert.match(
      messageOf(() => jobImageList(jobs, 'job-x', '')),
      /no job "job-x" in the file .*and 164980 more$/,
    );
  }, 20_000);
});

describe('Jinja in a mirror list', () => {
  test('dest_repository and dest_registry templates are reported as Jinja, by field', () => {
    const message = messageOf(() =>
      loadMirrorList({ inline: '', file: 'mirror-jinja.yaml', format: 'zuul', destination: '', workDir }, () => {}),
    );
    const lines = message.split('\n');
    assert.match(
      lines.find((l) => l.includes('mirror[0]')) ?? '',
      /^\s*mirror-jinja\.yaml: mirror\[0\]\.dest_repository: holds a Jinja template \("\{\{ mirror_registry \}\}\/library\/python"\), and templates are not evaluated here: write a plain value/,
    );
    assert.match(
      lines.find((l) => l.includes('mirror[1]')) ?? '',
      /^\s*mirror-jinja\.yaml: mirror\[1\]\.dest_registry: holds a Jinja template/,
    );
    assert.doesNotMatch(message, /reference|pattern/);
  });
});

describe('registry apart from a repository without a host', () => {
  test('kept as <registry>/<repository>, said once per entry as a notice naming it', () => {
    const { images, notices } = fromJob('relative-repository.yaml', 'gadgets-build-image');
    assert.deepEqual(
      images.map((image) => image.repository),
      ['quay.io/gadgets/server', 'quay.io/gadgets/client', 'docker.io/gadgets/tools'],
    );
    const relative = notices.filter((notice) => !notice.includes('has the parent'));
    assert.deepEqual(relative, [
      'relative-repository.yaml: images[0]: repository "gadgets/server" has no host, so it is pushed to quay.io/gadgets/server ' +
        '(under registry "quay.io"); upstream zuul-jobs would push it to Docker Hub (docker.io/gadgets/server): write the host ' +
        'into repository to make either explicit',
    ]);
  });
});
