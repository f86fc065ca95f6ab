// The registry build cache and the trust of the event: a workflow_run whose payload comes from a
// pull request's run builds that pull request's code, so it reads the cache and never writes it;
// a push to a branch of the repository writes it (the same build, the same real registry).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll as after, describe, test } from '@jest/globals';
import { build } from '../../src/commands/build.js';
import type { InputName } from '../../src/config/inputs/table.js';
import { RegistrySession } from '../../src/registry/session.js';
import { exec } from '../helpers/exec.js';
import { eventEnv, recordingLogger, testbed, uniqueName } from '../helpers/testbed.js';

const bed = testbed();
const session = new RegistrySession({
  credentials: { explicit: new Map([[bed.registryAuth, { username: bed.authUser, password: bed.authPassword }]]) },
});
const dirs: string[] = [];

function scratch(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

/** A podman store of its own, empty: what a fresh runner has. */
function emptyStore(): string {
  const dir = scratch('cia-store-');
  writeFileSync(join(dir, 'storage.conf'), `[storage]\ndriver = "vfs"\ngraphroot = "${dir}/graph"\nrunroot = "${dir}/run"\n`);
  return join(dir, 'storage.conf');
}

function project(): string {
  const dir = scratch('cia-cache-trust-');
  mkdirSync(join(dir, 'app'));
  writeFileSync(join(dir, 'app', 'Containerfile'), 'ARG BASE_IMAGE\nFROM ${BASE_IMAGE}\nRUN echo built > /stamp\n');
  return dir;
}

/** GitHub's workflow_run after a pull request's run from a fork: the head is the fork's branch. */
const workflowRun = eventEnv(
  'workflow_run',
  JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'events', 'github-workflow_run-fork.json'), 'utf8')),
);
const push = eventEnv('push', { ref: 'refs/heads/main' });

async function runBuild(work: string, event: Record<string, string>, cacheRepository: string) {
  const logger = recordingLogger();
  const inputs: Partial<Record<InputName, string>> = {
    'container-command': 'podman',
    'work-dir': work,
    images: JSON.stringify([{ context: 'app', repository: `${bed.registry}/trust/app`, build_args: [`BASE_IMAGE=${bed.baseImage}`] }]),
    cache: 'true',
    'cache-repository': cacheRepository,
    'registry-credentials': JSON.stringify({ [bed.registryAuth]: { username: bed.authUser, password: bed.authPassword } }),
  };
  await build({
    env: { ...process.env, ...event, CONTAINERS_STORAGE_CONF: emptyStore() },
    logger,
    read: (name) => inputs[name] ?? '',
    exec,
  });
  return logger.lines.join('\n');
}

describe('build cache writes follow the trust of the event (podman, cache on an htpasswd registry)', () => {
  after(() => {
    session.close();
    for (const dir of dirs) execFileSync('rm', ['-rf', dir]);
  });

  test('a workflow_run from a pull request only reads the cache; a push writes it', async () => {
    const cache = `${bed.registryAuth}/cache/${uniqueName('trust')}`;
    const cachePath = cache.slice(bed.registryAuth.length + 1);
    const work = project();

    const fromPullRequest = await runBuild(work, workflowRun, cache);
    assert.match(fromPullRequest, /build cache: .* \(read only: a workflow_run event never writes it/);
    assert.deepEqual(await session.client(bed.registryAuth).listTags(cachePath), [], 'the workflow_run build wrote no cache');

    const trusted = await runBuild(work, push, cache);
    assert.match(trusted, /build cache: .* \(read and written\)/);
    assert.ok((await session.client(bed.registryAuth).listTags(cachePath)).length > 0, 'the push build wrote the cache');
  });
});
