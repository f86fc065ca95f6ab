// The composite actions under a real runner: nektos/act (host mode, `-P ubuntu-latest=-self-hosted`)
// runs the small workflows of test/fixtures/runners/workflows against the test bed's registries:
// check (build), gate (upload), promote by tag, mirror. `uses: ./actions/<name>` from the checkout,
// no action fetched. The Forgejo runner and Gitea's act_runner are not served by the Go module
// proxy these machines reach (scripts/go-tools.sh list says why); their behaviour stays covered by
// the emulation suites (*-action.itest.ts).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll as after, beforeAll as before, describe, test } from '@jest/globals';
import { goTool } from '../helpers/go-tools.js';
import { skopeoTags } from '../helpers/images.js';
import { startRegistry, type RegistryProcess } from '../helpers/registry-process.js';
import { engineEnv, fixtureProject, sh, testbed, uniqueName } from '../helpers/testbed.js';

const root = join(import.meta.dirname, '..', '..');
const bed = testbed();
const CHANGE = 77;
const HEAD_SHA = 'c'.repeat(40);

interface RunnerResult {
  readonly code: number | null;
  readonly log: string;
}

/** A checkout as a runner sees it: the actions, the bundle, the workflows and the build contexts, in git. */
function workspace(): string {
  const dir = fixtureProject();
  for (const part of ['actions', 'dist']) cpSync(join(root, part), join(dir, part), { recursive: true });
  cpSync(join(import.meta.dirname, '..', 'fixtures', 'runners', 'workflows'), join(dir, '.github', 'workflows'), { recursive: true });
  const git = (...args: string[]) => sh('git', ['-C', dir, '-c', 'user.name=ci', '-c', 'user.email=ci@example.invalid', ...args]);
  git('init', '-q', '-b', 'main');
  git('remote', 'add', 'origin', 'https://github.com/acme/widgets.git');
  git('add', '-A');
  git('commit', '-q', '-m', 'fixture');
  return dir;
}

describe('nektos/act runs the composite actions on the host', () => {
  const act = goTool('act');
  const project = workspace();
  const work = mkdtempSync(join(tmpdir(), 'cia-act-'));
  const out = join(work, 'out');
  mkdirSync(out);
  const PASSWORD = `act-${uniqueName('pw')}-secret`;
  const basicPair = Buffer.from(`runner:${PASSWORD}`).toString('base64');
  let registry: RegistryProcess;
  let mirrorTarget: RegistryProcess;
  let repository: string;
  // The commit the fixture checkout is at: the one act reports for a push, and the merge commit.
  const landed = sh('git', ['-C', project, 'rev-parse', 'HEAD']);

  before(async () => {
    writeFileSync(join(work, 'htpasswd'), sh('htpasswd', ['-Bbn', 'runner', PASSWORD]));
    [registry, mirrorTarget] = await Promise.all([startRegistry({ htpasswd: join(work, 'htpasswd') }), startRegistry()]);
    repository = `${registry.registry}/runners/${uniqueName('app')}`;
  });
  after(async () => {
    await Promise.all([registry.stop(), mirrorTarget.stop()]);
  });

  // The mirror's destination needs an entry too (Zuul's dest_registry); this one takes any login.
  const credentials = () =>
    JSON.stringify({
      [registry.registry]: { username: 'runner', password: PASSWORD },
      [mirrorTarget.registry]: { username: 'runner', password: PASSWORD },
    });
  const images = () =>
    JSON.stringify([{ context: 'containerfile-only', repository, build_args: [`BASE_IMAGE=${bed.baseImage}`], tags: ['latest', '1.0'] }]);

  /** `act <event>` on one workflow; the credentials travel as a runner secret, read from a 0600 file. */
  async function runAct(workflow: string, event: string, payload: unknown, env: Record<string, string> = {}): Promise<RunnerResult> {
    const eventFile = join(work, `${workflow}-event.json`);
    writeFileSync(eventFile, JSON.stringify(payload));
    const secrets = join(work, 'secrets');
    writeFileSync(secrets, `REGISTRY_CREDENTIALS=${credentials()}\n`, { mode: 0o600 });
    const vars: Record<string, string> = { CIA_OUT: out, CIA_IMAGES: images(), CIA_ENGINE: 'podman', ...env };
    for (const [name, value] of Object.entries(engineEnv())) if (value) vars[name] = value;
    const args = [event, '-W', `.github/workflows/${workflow}.yml`, '-e', eventFile, '-P', 'ubuntu-latest=-self-hosted'];
    args.push('--no-cache-server', '--verbose', '--secret-file', secrets);
    for (const [name, value] of Object.entries(vars)) args.push('--env', `${name}=${value}`);
    const child = spawn(act, args, { cwd: project, env: { PATH: process.env.PATH, HOME: process.env.HOME } });
    let log = '';
    child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    writeFileSync(join(work, `${workflow}.log`), log);
    return { code, log };
  }

  /** The secret is the whole credentials mapping; the password and the Basic pair alone are masked by the action's ::add-mask::. */
  function assertMasked(result: RunnerResult): void {
    assert.ok(!result.log.includes(PASSWORD), 'the password is in the runner log');
    assert.ok(!result.log.includes(basicPair), 'the Basic pair is in the runner log');
    assert.match(result.log, /⚙ {2}\*\*\*\n/, 'act saw no ::add-mask:: from the action');
    // Every workflow command the action issued was one act knows.
    assert.doesNotMatch(result.log, /❓/);
  }

  const readOutput = <T>(name: string): T => JSON.parse(readFileSync(join(out, `${name}.json`), 'utf8')) as T;
  const digestOf = async (tag: string) => {
    const response = await fetch(`http://${registry.registry}/v2/${repository.slice(registry.registry.length + 1)}/manifests/${tag}`, {
      method: 'HEAD',
      headers: {
        authorization: `Basic ${basicPair}`,
        accept: 'application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json',
      },
    });
    return response.ok ? response.headers.get('docker-content-digest') : undefined;
  };
  /** The repository's tags, [] when the registry has no such repository (404). */
  const tagsOf = async () => {
    const response = await fetch(`http://${registry.registry}/v2/${repository.slice(registry.registry.length + 1)}/tags/list`, {
      headers: { authorization: `Basic ${basicPair}` },
    });
    if (response.status === 404) return [];
    assert.equal(response.status, 200);
    // Array.from: the body is parsed in another realm, and deepEqual compares prototypes.
    return Array.from(((await response.json()) as { tags: string[] | null }).tags ?? []).sort();
  };

  test('check (pull_request): build runs, its images output reaches the next step, nothing is pushed', async () => {
    const result = await runAct('check', 'pull_request', {
      action: 'synchronize',
      number: CHANGE,
      pull_request: { number: CHANGE, head: { sha: HEAD_SHA }, merged: false },
    });
    assert.equal(result.code, 0, result.log);
    const built = readOutput<{ repository: string; image_id: string; tags: string[] }[]>('check');
    assert.equal(built.length, 1);
    assert.equal(built[0].repository, repository);
    assert.match(built[0].image_id, /^(sha256:)?[0-9a-f]{64}$/);
    assert.equal(
      sh('podman', ['image', 'inspect', '--format', '{{.Id}}', `${repository}:latest`]),
      built[0].image_id.replace(/^sha256:/, ''),
    );
    assert.deepEqual(await tagsOf(), []);
  });

  test('gate (merge_group): only change_<N>_<tag> is pushed, the digest reaches the next step, the summary and the masks hold', async () => {
    const result = await runAct('gate', 'merge_group', {
      merge_group: { head_sha: HEAD_SHA, head_ref: `refs/heads/gh-readonly-queue/main/pr-${CHANGE}-${HEAD_SHA}` },
    });
    assert.equal(result.code, 0, result.log);
    assertMasked(result);
    const uploaded = readOutput<{ digest: string; refs: string[] }[]>('gate');
    assert.equal(uploaded.length, 1);
    assert.match(uploaded[0].digest, /^sha256:[0-9a-f]{64}$/);
    assert.deepEqual(await tagsOf(), [`change_${CHANGE}_1.0`, `change_${CHANGE}_latest`]);
    assert.equal(await digestOf(`change_${CHANGE}_latest`), uploaded[0].digest);
    // act prints the job summary (HTML, as @actions/core writes it) into its log.
    assert.match(
      result.log,
      new RegExp(`Summary - <h3>Uploaded for change_${CHANGE} \\(gate\\)</h3>\n<table>.*<td>${uploaded[0].digest}</td>`),
    );
  });

  test('promote (pull_request closed, merged): the final tags hold the gated digest, the temporary tags are gone', async () => {
    const gated = readOutput<{ digest: string }[]>('gate')[0].digest;
    const result = await runAct('promote', 'pull_request', {
      action: 'closed',
      number: CHANGE,
      pull_request: { number: CHANGE, merged: true, head: { sha: HEAD_SHA }, merge_commit_sha: landed },
    });
    assert.equal(result.code, 0, result.log);
    assertMasked(result);
    assert.deepEqual(await tagsOf(), ['1.0', 'latest', `sha-${landed.slice(0, 12)}`]);
    assert.equal(await digestOf(`sha-${landed.slice(0, 12)}`), gated);
    assert.equal(await digestOf('latest'), gated);
    assert.equal(await digestOf('1.0'), gated);
    const promoted = readOutput<{ repository: string; tag: string; digest: string }[]>('promote');
    assert.deepEqual(promoted.map((p) => [p.tag, p.digest]).sort(), [
      ['1.0', gated],
      ['latest', gated],
    ]);
  });

  test('mirror (workflow_dispatch): every tag reaches the second registry with its digest', async () => {
    const gated = readOutput<{ digest: string }[]>('gate')[0].digest;
    const target = `${mirrorTarget.registry}/mirrored/${repository.split('/').pop()}`;
    const result = await runAct(
      'mirror',
      'workflow_dispatch',
      {},
      {
        CIA_MIRROR: JSON.stringify([{ src_repository: repository, all_tags: true, dest_repository: target }]),
      },
    );
    assert.equal(result.code, 0, result.log);
    assertMasked(result);
    assert.deepEqual((await skopeoTags(target)).sort(), ['1.0', 'latest', `sha-${landed.slice(0, 12)}`]);
    assert.equal(sh('skopeo', ['inspect', '--tls-verify=false', '--format', '{{.Digest}}', `docker://${target}:latest`]), gated);
    const mirrored = readOutput<{ status: string }[]>('mirror');
    assert.deepEqual(
      mirrored.map((m) => m.status),
      ['copied', 'copied', 'copied'],
    );
  });

  test('release (push of tag v1.0.0): the gated digest gets the version tags, nothing is built', async () => {
    const gated = readOutput<{ digest: string }[]>('gate')[0].digest;
    const result = await runAct('release', 'push', { ref: 'refs/tags/v1.0.0', after: landed }, { CIA_CHANGE: String(CHANGE) });
    assert.equal(result.code, 0, result.log);
    assertMasked(result);
    // The gated digest itself: a rebuild would have made another (its created time differs).
    for (const tag of ['1.0.0', '1.0', '1', 'latest']) assert.equal(await digestOf(tag), gated, tag);
    const released = readOutput<{ tag: string; status: string }[]>('release');
    assert.deepEqual(
      released.map((r) => [r.tag, r.status]),
      [
        ['1.0.0', 'moved'],
        ['1', 'moved'],
        ['1.0', 'in-place'],
        ['latest', 'in-place'],
      ],
    );
  });

  test('gate then use (merge_group, two jobs): the second job runs the final name and gets the image the first uploaded', async () => {
    const change = CHANGE + 1;
    const result = await runAct('gate-use', 'merge_group', {
      merge_group: { head_sha: HEAD_SHA, head_ref: `refs/heads/gh-readonly-queue/main/pr-${change}-${HEAD_SHA}` },
    });
    assert.equal(result.code, 0, result.log);
    assertMasked(result);
    const uploaded = readOutput<{ digest: string }[]>('gate-use-upload')[0].digest;
    assert.equal(await digestOf(`change_${change}_latest`), uploaded);
    const used = readOutput<{ reference: string; speculative: string; digest: string }[]>('gate-use');
    assert.deepEqual(
      used.map((u) => [u.reference, u.speculative, u.digest]),
      [
        [`${repository}:latest`, `${repository}:change_${change}_latest`, uploaded],
        [`${repository}:1.0`, `${repository}:change_${change}_1.0`, uploaded],
      ],
    );
    assert.equal(readFileSync(join(out, 'gate-use-ran.txt'), 'utf8').trim(), 'Containerfile');
    assert.ok(readFileSync(join(out, 'gate-use-digest.txt'), 'utf8').split('\n').includes(`${repository}@${uploaded}`));
    assert.equal(readFileSync(join(out, 'gate-use-skopeo.txt'), 'utf8').trim(), uploaded);
    // The final tags still hold the release: nothing was published.
    assert.notEqual(await digestOf('latest'), uploaded);
  });
});
