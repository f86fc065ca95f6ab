// The local end-to-end demo: starts the test bed, then runs the gated flow's pipelines through
// the composite actions exactly as a runner would (inputs -> env, GITHUB_OUTPUT, summary), and
// prints what is where: the check pipeline (build), the gate (upload of change_<N>_<tag>), the
// promotion after merge, a scheduled mirror to a second registry, the same gate and promotion
// through an intermediate registry, and a release that promotes the gated images of a change.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RegistrySession } from '../src/registry/session.js';
import { formatPlainTable } from '../src/runtime/report.js';
import { runAction } from './lib/action-runner.js';

const root = join(import.meta.dirname, '..');
const testbedDir = process.env.TESTBED_DIR || '/tmp/cia-testbed';

function startTestbed(): boolean {
  const wasRunning = existsSync(join(testbedDir, 'env'));
  execFileSync('bash', [join(root, 'scripts', 'testbed.sh'), 'start'], { stdio: 'inherit' });
  for (const line of readFileSync(join(testbedDir, 'env'), 'utf8').split('\n')) {
    const eq = line.indexOf('=');
    if (eq > 0) process.env[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return !wasRunning;
}

interface Built {
  repository: string;
  tags: string[];
  image_id: string;
  platforms: string[];
}

async function main(): Promise<void> {
  const started = startTestbed();
  const work = mkdtempSync(join(tmpdir(), 'cia-demo-'));
  try {
    cpSync(join(root, 'test', 'fixtures', 'project'), work, { recursive: true });
    const registry = process.env.CIA_REGISTRY!;
    await startFresh([registry, process.env.CIA_REGISTRY_B!]);
    const base = `BASE_IMAGE=${process.env.CIA_BASE_IMAGE}`;
    writeFileSync(
      join(work, 'event.json'),
      JSON.stringify({
        number: 1,
        pull_request: { number: 1, html_url: 'https://github.com/acme/widgets/pull/1', head: { sha: '1'.repeat(40) } },
      }),
    );
    const env = {
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: join(work, 'event.json'),
      GITHUB_REPOSITORY: 'acme/widgets',
      GITHUB_WORKSPACE: work,
      CONTAINERS_CONF: process.env.CONTAINERS_CONF,
      CONTAINERS_REGISTRIES_CONF: process.env.CONTAINERS_REGISTRIES_CONF,
      BUILDAH_ISOLATION: 'chroot',
    };
    writeFileSync(
      join(work, 'images.yaml'),
      [
        '# One image list for every pipeline, as a Zuul vars file.',
        'container_images:',
        '  - context: app',
        `    repository: ${registry}/demo/app`,
        '    target: final',
        `    build_args: ["${base}", "GREETING=hello from the demo"]`,
        '    siblings: [libs/common]',
        '    tags: [latest, "1.0"]',
        '  - context: multiarch',
        `    repository: ${registry}/demo/multiarch`,
        `    build_args: ["${base}"]`,
        '    arch: [linux/amd64, linux/arm64]',
        '',
      ].join('\n'),
    );

    console.log('\n== check pipeline (pull_request #1): actions/build with podman');
    const check = await runAction(join(root, 'actions', 'build', 'action.yml'), {
      inputs: { 'images-file': 'images.yaml', 'container-command': 'podman' },
      env,
    });
    process.stdout.write(
      check.stdout
        .split('\n')
        .filter((l) => /^(::group::|built |change )/.test(l))
        .map((l) => `  ${l}\n`)
        .join(''),
    );
    if (check.code !== 0) throw new Error(`actions/build failed:\n${check.stdout}\n${check.stderr}`);
    const built = JSON.parse(check.outputs.images) as Built[];

    for (const b of built) {
      const id = execFileSync('podman', ['image', 'inspect', '--format', '{{.Id}}', b.tags[0]], { encoding: 'utf8' }).trim();
      if (`sha256:${id}` !== b.image_id) throw new Error(`${b.tags[0]} is ${id} in the store, not ${b.image_id}`);
    }

    console.log('\n== gate pipeline (merge queue entry for #1): actions/upload pushes change_1_<tag> only');
    writeFileSync(
      join(work, 'queue.json'),
      JSON.stringify({ merge_group: { head_sha: '2'.repeat(40), head_ref: `refs/heads/gh-readonly-queue/main/pr-1-${'3'.repeat(40)}` } }),
    );
    const gate = await runAction(join(root, 'actions', 'upload', 'action.yml'), {
      inputs: { 'images-file': 'images.yaml', 'container-command': 'podman' },
      env: { ...env, GITHUB_EVENT_NAME: 'merge_group', GITHUB_EVENT_PATH: join(work, 'queue.json') },
    });
    process.stdout.write(
      gate.stdout
        .split('\n')
        .filter((l) => /^(pushed |gate upload)/.test(l))
        .map((l) => `  ${l}\n`)
        .join(''),
    );
    if (gate.code !== 0) throw new Error(`actions/upload failed:\n${gate.stdout}\n${gate.stderr}`);

    console.log(
      '\n== promote pipeline (#1 merged): actions/promote moves change_1_<tag> to <tag> server-side, then deletes the temporary tags',
    );
    writeFileSync(
      join(work, 'merged.json'),
      JSON.stringify({ action: 'closed', number: 1, pull_request: { number: 1, merged: true, head: { sha: '1'.repeat(40) } } }),
    );
    const promoted = await runAction(join(root, 'actions', 'promote', 'action.yml'), {
      inputs: { 'images-file': 'images.yaml' },
      env: { ...env, GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: join(work, 'merged.json') },
    });
    process.stdout.write(
      promoted.stdout
        .split('\n')
        .filter((l) => /^(promoting|127\.0\.0\.1.* -> )/.test(l))
        .map((l) => `  ${l}\n`)
        .join(''),
    );
    if (promoted.code !== 0) throw new Error(`actions/promote failed:\n${promoted.stdout}\n${promoted.stderr}`);
    console.log(`  deleted: ${(JSON.parse(promoted.outputs.deleted) as string[]).join(', ')}`);

    console.log(`\n== mirror pipeline (schedule): actions/mirror copies the promoted images to ${process.env.CIA_REGISTRY_B}`);
    const mirrorList = built.map((b) => ({
      src_repository: b.repository,
      all_tags: true,
      dest_repository: `${process.env.CIA_REGISTRY_B}/mirror/${b.repository.slice(registry.length + 1)}`,
    }));
    const mirrored = await runAction(join(root, 'actions', 'mirror', 'action.yml'), {
      inputs: { mirror: JSON.stringify(mirrorList) },
      env: { ...env, GITHUB_EVENT_NAME: 'schedule' },
    });
    if (mirrored.code !== 0) throw new Error(`actions/mirror failed:\n${mirrored.stdout}\n${mirrored.stderr}`);
    process.stdout.write(
      mirrored.stdout
        .split('\n')
        .filter((l) => /^(plan:| {2}127)/.test(l))
        .map((l) => `  ${l}\n`)
        .join(''),
    );

    const registryB = process.env.CIA_REGISTRY_B!;
    console.log(`\n== gate, intermediate-registry mode (merge queue entry for #2): actions/upload pushes to ${registryB}/gate only`);
    const queueSha = '4'.repeat(40);
    writeFileSync(
      join(work, 'queue2.json'),
      JSON.stringify({ merge_group: { head_sha: queueSha, head_ref: `refs/heads/gh-readonly-queue/main/pr-2-${'6'.repeat(40)}` } }),
    );
    const irInputs = {
      'images-file': 'images.yaml',
      'promote-method': 'intermediate-registry',
      'intermediate-registry': `${registryB}/gate`,
    };
    const gate2 = await runAction(join(root, 'actions', 'upload', 'action.yml'), {
      inputs: { ...irInputs, 'container-command': 'podman' },
      env: { ...env, GITHUB_EVENT_NAME: 'merge_group', GITHUB_EVENT_PATH: join(work, 'queue2.json') },
    });
    if (gate2.code !== 0) throw new Error(`actions/upload (intermediate) failed:\n${gate2.stdout}\n${gate2.stderr}`);
    process.stdout.write(
      gate2.stdout
        .split('\n')
        .filter((l) => /^pushed /.test(l))
        .map((l) => `  ${l}\n`)
        .join(''),
    );

    console.log('\n== promote via the intermediate registry (#2 merged): actions/promote copies every platform to the final tags');
    writeFileSync(
      join(work, 'merged2.json'),
      JSON.stringify({
        action: 'closed',
        number: 2,
        pull_request: { number: 2, merged: true, merge_commit_sha: queueSha, head: { sha: '5'.repeat(40) } },
      }),
    );
    const promoted2 = await runAction(join(root, 'actions', 'promote', 'action.yml'), {
      inputs: {
        'images-file': 'images.yaml',
        'promote-method': 'intermediate-registry',
        'intermediate-registry': `${registryB}/gate`,
        artifacts: gate2.outputs.artifacts,
      },
      env: { ...env, GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: join(work, 'merged2.json') },
    });
    if (promoted2.code !== 0) throw new Error(`actions/promote (intermediate) failed:\n${promoted2.stdout}\n${promoted2.stderr}`);
    process.stdout.write(
      promoted2.stdout
        .split('\n')
        .filter((l) => /^127\.0\.0\.1.*: (copied|already promoted)/.test(l))
        .map((l) => `  ${l}\n`)
        .join(''),
    );

    console.log(
      '\n== release (tag v1.1.0 pushed on the commit #2 landed as): actions/promote with release-from: change puts the version ' +
        "tags on #2's gated images, server-side, nothing rebuilt",
    );
    const release = await runAction(join(root, 'actions', 'promote', 'action.yml'), {
      // No forge here to ask which pull request merged the commit: the change is given.
      inputs: { 'images-file': 'images.yaml', 'release-from': 'change', change: '2' },
      env: {
        ...env,
        GITHUB_EVENT_NAME: 'push',
        GITHUB_REF: 'refs/tags/v1.1.0',
        GITHUB_SHA: queueSha,
        GITHUB_EVENT_PATH: join(work, 'queue2.json'),
      },
    });
    if (release.code !== 0) throw new Error(`actions/promote (release) failed:\n${release.stdout}\n${release.stderr}`);
    process.stdout.write(
      release.stdout
        .split('\n')
        .filter((l) => /: the gated image is |^127\.0\.0\.1.* -> /.test(l))
        .map((l) => `  ${l}\n`)
        .join(''),
    );

    // What the registries themselves hold, read back through their API.
    const session = new RegistrySession();
    const rows: string[][] = [];
    for (const b of built) {
      const path = b.repository.slice(registry.length + 1);
      for (const [where, repository] of [
        [registry, path],
        [registryB, `mirror/${path}`],
        [registryB, `gate/${path}`],
      ]) {
        const client = session.client(where);
        for (const tag of (await client.listTags(repository)).sort()) {
          const head = await client.headManifest(repository, tag);
          rows.push([`${where}/${repository}:${tag}`, head?.digest ?? '?', head?.mediaType.includes('index') ? 'index' : 'image']);
        }
      }
    }
    session.close();
    console.log(
      `\n${formatPlainTable({ title: 'What is where (read back from the registries)', headers: ['reference', 'digest', 'kind'], rows })}`,
    );
    const local = built.map((b) => [b.repository, b.platforms.join(' ')]);
    console.log(`\n${formatPlainTable({ title: 'Built locally (podman)', headers: ['repository', 'platforms'], rows: local })}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
    if (started) spawnSync('bash', [join(root, 'scripts', 'testbed.sh'), 'stop'], { stdio: 'inherit' });
  }
}

main().catch((error: unknown) => {
  console.error(`demo failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});

/**
 * The demo's repositories emptied first, so that every run shows the whole flow: a release tag
 * is never moved to another image, and a second run's gate builds another one.
 */
async function startFresh(registries: readonly string[]): Promise<void> {
  const session = new RegistrySession();
  try {
    for (const where of registries) {
      const client = session.client(where);
      for (const prefix of ['', 'mirror/', 'gate/']) {
        for (const name of ['app', 'multiarch']) {
          const repository = `${prefix}demo/${name}`;
          const tags = await client.listTags(repository).catch(() => [] as string[]);
          for (const tag of tags) {
            const head = await client.headManifest(repository, tag);
            if (head) await client.deleteManifest(repository, head.digest).catch(() => undefined);
          }
        }
      }
    }
  } finally {
    session.close();
  }
}
