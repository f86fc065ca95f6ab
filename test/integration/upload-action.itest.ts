import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll as after, beforeAll as before, describe, test } from '@jest/globals';
import { runAction } from '../../scripts/lib/action-runner.js';
import { skopeoRaw, skopeoTags } from '../helpers/images.js';
import { startRegistry, type RegistryProcess } from '../helpers/registry-process.js';
import { engineEnv, fixtureProject, testbed, uniqueName } from '../helpers/testbed.js';

const root = join(import.meta.dirname, '..', '..');
const bed = testbed();
const PASSWORD = 'Sup3r-s3cret upload password';
const sha256 = (bytes: Buffer) => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;

/** Wrappers that log the argv of every engine process the action starts, then run the real tool. */
function recordingPath(): { dir: string; log: string } {
  const dir = mkdtempSync(join(tmpdir(), 'cia-argv-'));
  const log = join(dir, 'argv.log');
  for (const tool of ['docker', 'podman', 'buildah', 'skopeo']) {
    const real = execFileSync('bash', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).trim();
    writeFileSync(join(dir, tool), `#!/bin/bash\nprintf '%s\\n' "${tool} $*" >> "${log}"\nexec "${real}" "$@"\n`);
    chmodSync(join(dir, tool), 0o755);
  }
  return { dir, log };
}

describe('actions/upload/action.yml run as a runner would', () => {
  let registry: RegistryProcess;
  let intermediate: RegistryProcess;
  const project = fixtureProject();
  const dir = mkdtempSync(join(tmpdir(), 'cia-upload-action-'));
  const eventFile = join(dir, 'event.json');
  writeFileSync(
    eventFile,
    JSON.stringify({ merge_group: { head_sha: 'a'.repeat(40), head_ref: `refs/heads/gh-readonly-queue/main/pr-77-${'b'.repeat(40)}` } }),
  );

  before(async () => {
    writeFileSync(join(dir, 'htpasswd'), execFileSync('htpasswd', ['-Bbn', 'ci', PASSWORD], { encoding: 'utf8' }));
    [registry, intermediate] = await Promise.all([startRegistry({ htpasswd: join(dir, 'htpasswd') }), startRegistry()]);
  });
  after(async () => {
    await Promise.all([registry.stop(), intermediate.stop()]);
  });

  async function run(engine: string, inputs: Record<string, string>, eventName = 'merge_group', extraEnv: Record<string, string> = {}) {
    const argv = recordingPath();
    const stepTmp = mkdtempSync(join(tmpdir(), 'cia-step-tmp-'));
    const result = await runAction(join(root, 'actions', 'upload', 'action.yml'), {
      inputs: {
        'container-command': engine,
        'registry-credentials': `"${registry.registry}": {username: ci, password: "${PASSWORD}"}`,
        ...inputs,
      },
      env: {
        PATH: `${argv.dir}:${process.env.PATH}`,
        TMPDIR: stepTmp,
        GITHUB_EVENT_NAME: eventName,
        GITHUB_EVENT_PATH: eventFile,
        GITHUB_REPOSITORY: 'acme/widgets',
        GITHUB_WORKSPACE: project,
        ...engineEnv(),
        ...extraEnv,
      },
    });
    return { ...result, argv: existsSync(argv.log) ? readFileSync(argv.log, 'utf8') : '', leftovers: [...readdirSync(stepTmp)] };
  }

  const images = (repository: string) =>
    `- context: containerfile-only\n  repository: ${repository}\n  build_args: ["BASE_IMAGE=${bed.baseImage}"]\n  tags: [latest, "1.0"]\n`;

  for (const engine of ['docker', 'podman']) {
    test(`${engine}, gate: change_<N>_ tags pushed; the password in no log line, no argv, no file left`, async () => {
      const repository = `${registry.registry}/action/${uniqueName(engine)}`;
      const result = await run(engine, { images: images(repository) });
      assert.equal(result.code, 0, result.stdout + result.stderr);
      const [image] = JSON.parse(result.outputs.images) as { digest: string; refs: string[] }[];
      assert.deepEqual(image.refs, [`${repository}:change_77_latest`, `${repository}:change_77_1.0`]);
      assert.match(image.digest, /^sha256:[0-9a-f]{64}$/);
      assert.match(result.argv, new RegExp(`${engine} (build|push)`));
      // The runner consumes ::add-mask:: commands (that is how it learns what to hide); every other line is shown.
      const masks = result.stdout.split('\n').filter((l) => l.startsWith('::add-mask::'));
      assert.ok(masks.includes(`::add-mask::${PASSWORD}`), 'the password is registered as a secret');
      const shown = result.stdout
        .split('\n')
        .filter((l) => !l.startsWith('::add-mask::'))
        .join('\n');
      for (const [where, text] of Object.entries({
        stdout: shown,
        stderr: result.stderr,
        argv: result.argv,
        summary: result.summary,
        outputs: JSON.stringify(result.outputs),
      })) {
        assert.ok(!text.includes(PASSWORD), `the password appears in ${where}`);
        assert.ok(!text.includes(Buffer.from(`ci:${PASSWORD}`).toString('base64')), `the encoded password appears in ${where}`);
      }
      assert.deepEqual(result.leftovers, [], 'the step left no file in its temp dir');
    });
  }

  for (const engine of ['docker', 'podman']) {
    test(`${engine}: on a self-hosted runner the local images go once pushed; on a GitHub-hosted one they stay`, async () => {
      const present = (ref: string) => {
        try {
          execFileSync(engine, ['image', 'inspect', ref], { stdio: 'ignore', env: { ...process.env, ...engineEnv() } });
          return true;
        } catch {
          return false;
        }
      };
      const kept = `${registry.registry}/action/${uniqueName(`${engine}-hosted`)}`;
      const hosted = await run(engine, { images: images(kept) }, 'merge_group', { RUNNER_ENVIRONMENT: 'github-hosted' });
      assert.equal(hosted.code, 0, hosted.stdout + hosted.stderr);
      assert.ok(present(`${kept}:change_77_latest`), 'a GitHub-hosted runner keeps them (its disk goes with the job)');
      const gone = `${registry.registry}/action/${uniqueName(`${engine}-self`)}`;
      const self = await run(engine, { images: images(gone) }, 'merge_group', { RUNNER_ENVIRONMENT: 'self-hosted' });
      assert.equal(self.code, 0, self.stdout + self.stderr);
      assert.match(self.stdout, /remove-local-images: 4 local tag\(s\) removed once pushed/);
      for (const tag of ['latest', '1.0', 'change_77_latest', 'change_77_1.0'])
        assert.ok(!present(`${gone}:${tag}`), `${gone}:${tag} is still there`);
      const [pushed] = JSON.parse(self.outputs.images) as { digest: string }[];
      assert.match(pushed.digest, /^sha256:/);
      execFileSync(engine, ['rmi', `${kept}:latest`, `${kept}:1.0`, `${kept}:change_77_latest`, `${kept}:change_77_1.0`], {
        stdio: 'ignore',
      });
    });
  }

  test('release: the final tags; flat outputs digest, digests and tags name what the registry holds', async () => {
    const repository = `${registry.registry}/action/${uniqueName('release')}`;
    const result = await run('podman', { images: images(repository), promote: 'false' }, 'push');
    assert.equal(result.code, 0, result.stdout + result.stderr);
    const authfile = join(dir, 'auth.json');
    writeFileSync(authfile, JSON.stringify({ auths: { [registry.registry]: { auth: Buffer.from(`ci:${PASSWORD}`).toString('base64') } } }));
    assert.deepEqual(await skopeoTags(repository, authfile), ['1.0', 'latest']);
    assert.equal(JSON.parse(result.outputs.artifacts).length, 0);
    // The digest of the bytes another client reads under each tag, not the one the action computed.
    const held = sha256(await skopeoRaw(`${repository}:latest`, authfile));
    assert.equal(sha256(await skopeoRaw(`${repository}:1.0`, authfile)), held);
    assert.equal(result.outputs.digest, held);
    assert.deepEqual(JSON.parse(result.outputs.digests), { [repository]: held });
    assert.deepEqual(result.outputs.tags.split('\n'), [`${repository}:latest`, `${repository}:1.0`]);
  });

  test('two images: no single digest; digests and tags cover both', async () => {
    const first = `${registry.registry}/action/${uniqueName('flat-a')}`;
    const second = `${registry.registry}/action/${uniqueName('flat-b')}`;
    const list =
      images(first) +
      `- context: containerfile-only\n  repository: ${second}\n  build_args: ["BASE_IMAGE=${bed.baseImage}"]\n  tags: [edge]\n`;
    const result = await run('podman', { images: list });
    assert.equal(result.code, 0, result.stdout + result.stderr);
    const authfile = join(dir, 'auth.json');
    writeFileSync(authfile, JSON.stringify({ auths: { [registry.registry]: { auth: Buffer.from(`ci:${PASSWORD}`).toString('base64') } } }));
    assert.equal(result.outputs.digest, '');
    assert.deepEqual(JSON.parse(result.outputs.digests), {
      [first]: sha256(await skopeoRaw(`${first}:change_77_latest`, authfile)),
      [second]: sha256(await skopeoRaw(`${second}:change_77_edge`, authfile)),
    });
    assert.deepEqual(result.outputs.tags.split('\n'), [`${first}:change_77_latest`, `${first}:change_77_1.0`, `${second}:change_77_edge`]);
  });

  test('intermediate registry: artifacts output and job summary', async () => {
    const name = uniqueName('inter');
    const repository = `${registry.registry}/action/${name}`;
    const result = await run('podman', {
      images: images(repository),
      'promote-method': 'intermediate-registry',
      'intermediate-registry': intermediate.registry,
      // A given map must name every registry pushed to; the intermediate one needs no login here:
      // an entry with only a repository pattern (README, "Registry credentials").
      'registry-credentials': `"${registry.registry}": {username: ci, password: "${PASSWORD}"}\n"${intermediate.registry}": {repository: "${intermediate.registry}/action/.*"}`,
    });
    assert.equal(result.code, 0, result.stdout + result.stderr);
    const artifacts = JSON.parse(result.outputs.artifacts) as { url: string; metadata: { tag: string } }[];
    assert.deepEqual(
      artifacts.map((a) => [a.url, a.metadata.tag]),
      [
        [`docker://${intermediate.registry}/action/${name}:change_77_latest`, 'latest'],
        [`docker://${intermediate.registry}/action/${name}:change_77_1.0`, '1.0'],
      ],
    );
    assert.match(result.summary, /Uploaded to the intermediate registry/);
    assert.deepEqual(await skopeoTags(`${intermediate.registry}/action/${name}`), ['change_77_1.0', 'change_77_latest']);
  });
});
