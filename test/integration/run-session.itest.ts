// The session every command takes from the one factory carries the vendor quirks: a split
// build's merge deletes its per-platform tags on Quay with the `*` scope, as promote does.
import assert from 'node:assert/strict';
import { afterAll as after, beforeAll as before, describe, test } from '@jest/globals';
import { upload } from '../../src/commands/upload.js';
import { RegistrySession } from '../../src/registry/session.js';
import { pushSynthetic } from '../helpers/images.js';
import { eventEnv, fixtureProject, recordingLogger, uniqueName } from '../helpers/testbed.js';
import { startQuayRegistry, type QuayRegistry } from '../helpers/vendor-fakes.js';

const LOGIN = { username: 'robot', password: 'quay-robot-pw' };
const gate = (change: number) =>
  eventEnv('merge_group', {
    merge_group: { head_sha: 'e'.repeat(40), head_ref: `refs/heads/gh-readonly-queue/main/pr-${change}-${'f'.repeat(40)}` },
  });

describe('one run session for every command', () => {
  let quay: QuayRegistry;
  let seed: RegistrySession;
  before(async () => {
    quay = await startQuayRegistry(LOGIN);
    seed = new RegistrySession({ credentials: { explicit: new Map([[quay.registry, LOGIN]]) } });
  });
  after(async () => {
    seed.close();
    await quay.stop();
  });

  test("merge on Quay deletes the per-platform tags with Quay's `*` delete scope", async () => {
    const path = `acme/${uniqueName('merge')}`;
    for (const platform of ['linux/amd64', 'linux/arm64'])
      await pushSynthetic(seed, quay.registry, path, {
        layers: [64],
        platforms: [platform],
        tags: [`change_41_latest__${platform.replace('/', '-')}`],
      });
    const inputs: Record<string, string> = {
      images: JSON.stringify([
        { context: 'multiarch', repository: `${quay.registry}/${path}`, arch: ['linux/amd64', 'linux/arm64'], tags: ['latest'] },
      ]),
      merge: 'true',
      'work-dir': fixtureProject(),
      'registry-credentials': `"${quay.registry}": {type: quay, username: ${LOGIN.username}, password: ${LOGIN.password}}`,
    };
    const logger = recordingLogger();
    await upload({
      env: { ...process.env, ...gate(41) },
      logger,
      read: (name) => inputs[name] ?? '',
      exec: () => Promise.reject(new Error('a merge runs no process')),
    });
    assert.deepEqual(
      logger.lines.filter((l) => l.startsWith('warning:')),
      [],
    );
    assert.deepEqual(await seed.client(quay.registry).listTags(path), ['change_41_latest']);
    assert.deepEqual(quay.refused, []);
    assert.ok(
      quay.scopes.some(
        (s) =>
          s.startsWith(`repository:${path}:`) &&
          s
            .slice(s.lastIndexOf(':') + 1)
            .split(',')
            .includes('*'),
      ),
      `asked for ${quay.scopes.join(' ')}`,
    );
  });
});
