// Dry-run prints the very plan the run executes: for each engine and mode, the processes a real
// run starts (recorded through the Exec seam: argv, working directory, the variables it sets)
// equal the steps the dry run of the same inputs printed. Temporary directories are the only
// difference allowed: both sides name them <tmp>.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll as after, beforeAll as before, describe, test } from '@jest/globals';
import { build } from '../../src/commands/build.js';
import type { PlannedImage } from '../../src/commands/dry-run.js';
import { upload } from '../../src/commands/upload.js';
import type { InputName } from '../../src/config/inputs/table.js';
import type { PlannedStep } from '../../src/engines/plan.js';
import type { Exec } from '../../src/exec.js';
import { startBuildkit, type Buildkit } from '../helpers/buildkit.js';
import { exec } from '../helpers/exec.js';
import { eventEnv, recordingLogger, testbed, uniqueName } from '../helpers/testbed.js';

const bed = testbed();
const work = mkdtempSync(join(tmpdir(), 'cia-plans-'));
mkdirSync(join(work, 'img'));
// No RUN step: a foreign platform needs no emulation, every case stays a few seconds.
writeFileSync(join(work, 'img', 'Containerfile'), 'ARG BASE_IMAGE\nFROM ${BASE_IMAGE}\nCOPY main.txt /main.txt\n');
writeFileSync(join(work, 'img', 'main.txt'), 'plans\n');

interface Process {
  readonly argv: readonly string[];
  readonly cwd?: string;
  readonly envKeys: readonly string[];
}

/** Temporary directories of a run (and their placeholders) as one name, on both sides. */
const TEMP = new RegExp(`${tmpdir().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/cia-(build|push|auth)-[A-Za-z0-9]+`, 'g');
const normalise = (text: string) => text.replace(TEMP, (_, kind: string) => (kind === 'auth' ? '<tmp>/auth' : '<tmp>'));
const proc = (argv: readonly string[], cwd: string | undefined, envKeys: readonly string[]): Process => ({
  argv: argv.map(normalise),
  ...(cwd !== undefined && { cwd }),
  envKeys: [...envKeys].sort(),
});

/** An Exec that runs for real and keeps every process: the variables it gets that the runner's environment has not (or has otherwise). */
function recording(base: NodeJS.ProcessEnv): { exec: Exec; processes: Process[] } {
  const processes: Process[] = [];
  const recorder: Exec = (file, args, options = {}) => {
    const env = options.env ?? base;
    const changed = Object.keys(env).filter((key) => env[key] !== base[key]);
    processes.push(proc([file, ...args], options.cwd, changed));
    return exec(file, args, options);
  };
  return { exec: recorder, processes };
}

/**
 * The processes a plan starts. A step that waits for a query starts the query; the step itself
 * runs only when the query succeeds, which it never does here: every case's names are new.
 */
function expected(steps: readonly PlannedStep[]): Process[] {
  return steps.map((step) => (step.onlyIf ? proc(step.onlyIf, undefined, step.envKeys) : proc(step.argv, step.cwd, step.envKeys)));
}

interface Case {
  readonly name: string;
  readonly command: 'build' | 'upload';
  readonly engine: 'docker' | 'podman' | 'buildah';
  readonly event: Record<string, string>;
  readonly inputs?: Partial<Record<InputName, string>>;
  readonly entry?: Record<string, unknown>;
  readonly registry?: string;
}

const pullRequest = () =>
  eventEnv('pull_request', { number: 7, pull_request: { number: 7, head: { sha: 'a'.repeat(40) } } }, { GITHUB_SHA: 'b'.repeat(40) });
const mergeQueue = () =>
  eventEnv('merge_group', {
    merge_group: { head_sha: 'e'.repeat(40), head_ref: `refs/heads/gh-readonly-queue/main/pr-21-${'f'.repeat(40)}` },
  });
const tagPush = () => eventEnv('push', { ref: 'refs/tags/1.0.0' });
const MULTI = { arch: ['linux/amd64', 'linux/arm64'] };

async function runCase(c: Case, extraEnv: Record<string, string> = {}) {
  const registry = c.registry ?? bed.registry;
  const repository = `${registry}/plans/${uniqueName(`${c.engine}-${c.command}`)}`;
  const images = JSON.stringify([
    { context: 'img', repository, build_args: [`BASE_IMAGE=${bed.baseImage}`], tags: ['1', 'latest'], ...c.entry },
  ]);
  const env = { ...process.env, ...extraEnv, ...c.event, SOURCE_DATE_EPOCH: '1700000000' };
  const inputs: Partial<Record<InputName, string>> = {
    'container-command': c.engine,
    'work-dir': work,
    images,
    change: '21',
    'build-extra-env': 'PLANS_EXTRA: "1"',
    ...c.inputs,
  };
  const command = c.command === 'build' ? build : upload;
  const read = (dryRun: boolean) => (name: InputName) => ({ ...inputs, 'dry-run': String(dryRun) })[name] ?? '';
  const dry = await command({ env, logger: recordingLogger(), read: read(true), exec: (file) => assert.fail(`dry-run ran ${file}`) });
  const [planned] = JSON.parse(dry.outputs.images ?? '[]') as PlannedImage[];
  const recorder = recording(env);
  await command({ env, logger: recordingLogger(), read: read(false), exec: recorder.exec });
  const ran = recorder.processes.filter((p) => p.argv[0] === c.engine);
  return { planned, ran };
}

async function check(c: Case, extraEnv?: Record<string, string>) {
  const { planned, ran } = await runCase(c, extraEnv);
  assert.ok(planned.build.length > 0 && ran.length > 0, 'the case built something');
  assert.deepEqual(ran, [...expected(planned.steps.build), ...expected(planned.steps.push)]);
  return planned;
}

const auth = () => `"${bed.registryAuth}": {username: ${bed.authUser}, password: "${bed.authPassword}"}`;

describe('dry-run prints the plan the run executes', () => {
  const cases: Case[] = [
    { name: 'docker: build', command: 'build', engine: 'docker', event: pullRequest() },
    {
      name: 'docker: gate upload, cache written with a login',
      command: 'upload',
      engine: 'docker',
      event: mergeQueue(),
      registry: bed.registryAuth,
      inputs: { cache: 'true', 'registry-credentials': auth() },
    },
    { name: 'docker: release', command: 'upload', engine: 'docker', event: tagPush(), inputs: { promote: 'false' } },
    {
      name: 'docker: split platform',
      command: 'upload',
      engine: 'docker',
      event: mergeQueue(),
      entry: MULTI,
      inputs: { platform: 'linux/amd64' },
    },
    { name: 'podman: build, cache read', command: 'build', engine: 'podman', event: pullRequest(), inputs: { cache: 'true' } },
    {
      name: 'podman: gate upload, cache written with a login',
      command: 'upload',
      engine: 'podman',
      event: mergeQueue(),
      registry: bed.registryAuth,
      inputs: { cache: 'true', 'registry-credentials': auth() },
    },
    {
      name: 'podman: release, two platforms',
      command: 'upload',
      engine: 'podman',
      event: tagPush(),
      entry: MULTI,
      inputs: { promote: 'false' },
    },
    {
      name: 'podman: split platform',
      command: 'upload',
      engine: 'podman',
      event: mergeQueue(),
      entry: MULTI,
      inputs: { platform: 'linux/arm64' },
    },
    { name: 'buildah: gate upload, cache written', command: 'upload', engine: 'buildah', event: mergeQueue(), inputs: { cache: 'true' } },
    { name: 'buildah: gate upload, two platforms', command: 'upload', engine: 'buildah', event: mergeQueue(), entry: MULTI },
  ];
  test.each(cases.map((c) => [c.name, c] as const))('%s', async (_, c) => {
    await check(c);
  });
});

describe('dry-run prints the plan the run executes: docker buildx on a builder outside the daemon (remote driver)', () => {
  let buildkit: Buildkit;
  before(async () => {
    buildkit = await startBuildkit();
  });
  after(async () => {
    await buildkit?.stop();
  });
  const env = () => ({ DOCKER_CONFIG: buildkit.dockerConfig });

  test('build with cache on: buildx build --load with the registry cache, no docker pull/tag/push', async () => {
    const planned = await check({ name: '', command: 'build', engine: 'docker', event: mergeQueue(), inputs: { cache: 'true' } }, env());
    assert.deepEqual(
      planned.build.map((argv) => argv.slice(0, 3)),
      [['docker', 'buildx', 'build']],
    );
    assert.ok(planned.build[0].includes('--load'));
  });

  test('gate upload, one platform: --load, then docker push', async () => {
    await check({ name: '', command: 'upload', engine: 'docker', event: mergeQueue(), inputs: { cache: 'true' } }, env());
  });

  test('release, two platforms with attestations: buildx build, then buildx build --push', async () => {
    const planned = await check(
      {
        name: '',
        command: 'upload',
        engine: 'docker',
        event: tagPush(),
        entry: MULTI,
        inputs: { promote: 'false', attestations: 'provenance' },
      },
      env(),
    );
    assert.equal(planned.push[0][1], 'buildx');
  });
});
