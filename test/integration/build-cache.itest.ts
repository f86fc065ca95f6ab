// A registry build cache with real podman on empty local stores: a trusted build writes it, the
// next build on an empty store reuses its layers, and a pull request's build never writes it.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll as after, describe, test } from '@jest/globals';
import { build, type BuiltImageReport } from '../../src/commands/build.js';
import type { InputName } from '../../src/config/inputs/table.js';
import { RegistrySession } from '../../src/registry/session.js';
import { exec } from '../helpers/exec.js';
import { eventEnv, recordingLogger, testbed, uniqueName } from '../helpers/testbed.js';

const bed = testbed();
const session = new RegistrySession({
  credentials: { explicit: new Map([[bed.registryAuth, { username: bed.authUser, password: bed.authPassword }]]) },
});
const stores: string[] = [];

/** A podman store of its own, empty: what a fresh runner has. */
function emptyStore(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cia-store-'));
  writeFileSync(join(dir, 'storage.conf'), `[storage]\ndriver = "vfs"\ngraphroot = "${dir}/graph"\nrunroot = "${dir}/run"\n`);
  stores.push(dir);
  return join(dir, 'storage.conf');
}

function project(step: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'cia-cache-project-'));
  mkdirSync(join(dir, 'app'));
  writeFileSync(join(dir, 'app', 'Containerfile'), `ARG BASE_IMAGE\nFROM \${BASE_IMAGE}\nRUN ${step}\n`);
  return dir;
}

const pullRequest = eventEnv('pull_request', {
  number: 77,
  pull_request: { number: 77, html_url: 'https://github.com/acme/widgets/pull/77', head: { sha: 'c'.repeat(40) } },
});
const push = eventEnv('push', { ref: 'refs/heads/main' });

async function runBuild(work: string, storageConf: string, event: Record<string, string>, cacheRepository: string) {
  const logger = recordingLogger();
  const inputs: Partial<Record<InputName, string>> = {
    'container-command': 'podman',
    'work-dir': work,
    images: JSON.stringify([{ context: 'app', repository: `${bed.registry}/cached/app`, build_args: [`BASE_IMAGE=${bed.baseImage}`] }]),
    cache: 'true',
    'cache-repository': cacheRepository,
    'registry-credentials': JSON.stringify({ [bed.registryAuth]: { username: bed.authUser, password: bed.authPassword } }),
  };
  const env = { ...process.env, ...event, CONTAINERS_STORAGE_CONF: storageConf };
  const result = await build({ env, logger, read: (name) => inputs[name] ?? '', exec });
  const [image] = JSON.parse(result.outputs.images ?? '[]') as BuiltImageReport[];
  // The layers' diff ids: equal when the RUN step came from the cache, not run again.
  const layers = execFileSync('podman', ['image', 'inspect', '--format', '{{json .RootFS.Layers}}', image.tags[0]], {
    env,
    encoding: 'utf8',
  });
  return { layers: JSON.parse(layers) as string[], logger };
}

describe('registry build cache (podman, empty local stores, cache on an htpasswd registry)', () => {
  after(() => {
    session.close();
    for (const dir of stores) execFileSync('rm', ['-rf', dir]);
  });

  test('a trusted build writes the cache; a build on an empty store reuses it; a pull request reads but never writes it', async () => {
    const cache = `${bed.registryAuth}/cache/${uniqueName('app')}`;
    const cachePath = cache.slice(bed.registryAuth.length + 1);
    const work = project('sleep 1 && date +%s%N > /stamp');
    const first = await runBuild(work, emptyStore(), push, cache);
    assert.match(first.logger.lines.join('\n'), /build cache: .* \(read and written\)/);
    const written = await session.client(bed.registryAuth).listTags(cachePath);
    assert.ok(written.length > 0, 'the trusted build wrote the cache');

    const second = await runBuild(work, emptyStore(), pullRequest, cache);
    assert.deepEqual(second.layers, first.layers, 'the RUN step came from the cache');
    assert.match(second.logger.lines.join('\n'), /read only: a pull_request event never writes it/);

    // A pull request changing the build: it runs, and the cache is exactly as it was.
    const poisoned = await runBuild(project('echo poisoned > /stamp'), emptyStore(), pullRequest, cache);
    assert.notDeepEqual(poisoned.layers, first.layers);
    assert.deepEqual((await session.client(bed.registryAuth).listTags(cachePath)).sort(), [...written].sort());
  });
});
