import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from '@jest/globals';
import { runAction } from '../../scripts/lib/action-runner.js';
import { engineEnv, fixtureProject, sh, testbed, uniqueName } from '../helpers/testbed.js';

const root = join(import.meta.dirname, '..', '..');
const bed = testbed();
const project = fixtureProject();
const eventFile = join(project, 'event.json');
writeFileSync(
  eventFile,
  JSON.stringify({
    number: 5,
    pull_request: { number: 5, html_url: 'https://github.com/acme/widgets/pull/5', head: { sha: 'c'.repeat(40) } },
  }),
);

const runnerEnv = {
  GITHUB_EVENT_NAME: 'pull_request',
  GITHUB_EVENT_PATH: eventFile,
  GITHUB_REPOSITORY: 'acme/widgets',
  GITHUB_WORKSPACE: project,
  ...engineEnv(),
};

describe('actions/build/action.yml run as a runner would', () => {
  test('inputs -> env, build with podman, outputs through GITHUB_OUTPUT, a job summary', async () => {
    const repository = `${bed.registry}/it/${uniqueName('action-build')}`;
    const run = await runAction(join(root, 'actions', 'build', 'action.yml'), {
      inputs: {
        'container-command': 'podman',
        images: `- context: containerfile-only\n  repository: ${repository}\n  build_args: ["BASE_IMAGE=${bed.baseImage}"]\n  tags: [latest, "2.0"]\n`,
      },
      env: runnerEnv,
    });
    assert.equal(run.code, 0, run.stdout + run.stderr);
    const images = JSON.parse(run.outputs.images) as { repository: string; tags: string[]; image_id: string; change: number }[];
    assert.equal(images.length, 1);
    assert.equal(images[0].repository, repository);
    assert.equal(images[0].change, 5);
    assert.deepEqual(images[0].tags, [
      `${repository}:latest`,
      `${repository}:2.0`,
      `${repository}:change_5_latest`,
      `${repository}:change_5_2.0`,
    ]);
    assert.equal(
      sh('podman', ['image', 'inspect', '--format', '{{.Id}}', `${repository}:change_5_2.0`]),
      images[0].image_id.replace('sha256:', ''),
    );
    // Flat outputs: nothing is pushed, so the digest is the local image's ID, and tags are the local references.
    assert.equal(run.outputs.digest, images[0].image_id);
    assert.deepEqual(JSON.parse(run.outputs.digests), { [repository]: images[0].image_id });
    assert.deepEqual(run.outputs.tags.split('\n'), images[0].tags);
    assert.match(run.summary, /<h3>Built images<\/h3>/);
    assert.ok(run.summary.includes(repository));
    assert.match(run.stdout, /::group::Build .* \(podman\)/);
  });

  test('bad input: exit 1, an error annotation naming the field, no output', async () => {
    const run = await runAction(join(root, 'actions', 'build', 'action.yml'), {
      inputs: { images: '[{context: containerfile-only, repository: quay.io/o/a, tags: ["Latest!"]}]' },
      env: runnerEnv,
    });
    assert.equal(run.code, 1);
    assert.match(run.stdout, /::error::images\[0\]\.tags\[0\]: "Latest!" is not a valid tag/);
    assert.equal(run.outputs.images, '');
  });

  test('node missing from PATH, or older than 20: a clear error before anything runs', async () => {
    const onlyBash = mkdtempSync(join(tmpdir(), 'cia-path-'));
    symlinkSync('/bin/bash', join(onlyBash, 'bash'));
    const missing = await runAction(join(root, 'actions', 'build', 'action.yml'), { env: { ...runnerEnv, PATH: onlyBash } });
    assert.equal(missing.code, 1);
    assert.match(missing.stdout, /::error title=container-image-actions::node 20 or newer must be on PATH/);

    const oldNode = mkdtempSync(join(tmpdir(), 'cia-old-node-'));
    symlinkSync('/bin/bash', join(oldNode, 'bash'));
    writeFileSync(join(oldNode, 'node'), '#!/bin/bash\nif [ "$1" = --version ]; then echo v18.19.0; else echo 18; fi\n');
    chmodSync(join(oldNode, 'node'), 0o755);
    const old = await runAction(join(root, 'actions', 'build', 'action.yml'), { env: { ...runnerEnv, PATH: oldNode } });
    assert.equal(old.code, 1);
    assert.match(old.stdout, /node 20 or newer is needed, found v18\.19\.0/);
  });

  test('the root action (node24, command input) runs the same core', async () => {
    const repository = `${bed.registry}/it/${uniqueName('root-build')}`;
    const run = await runAction(join(root, 'action.yml'), {
      inputs: {
        command: 'build',
        'container-command': 'docker',
        images: JSON.stringify([{ context: 'dockerfile-only', repository, build_args: [`BASE_IMAGE=${bed.baseImage}`] }]),
      },
      env: runnerEnv,
    });
    assert.equal(run.code, 0, run.stdout + run.stderr);
    const [image] = JSON.parse(run.outputs.images) as { image_id: string }[];
    assert.equal(sh('docker', ['image', 'inspect', '--format', '{{.Id}}', `${repository}:latest`]), image.image_id);
  });
});
