import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from '@jest/globals';
import { buildxBuilder } from '../../src/engines/buildx-builder.js';
import { createEngine } from '../../src/engines/engine.js';
import { ExecError } from '../../src/exec.js';
import { silentLogger } from '../../src/logger.js';
import { isTransientEngineFailure } from '../../src/engines/transient.js';
import type { BuildSpec } from '../../src/engines/build-spec.js';

/** A docker client config as the docker CLI and `docker buildx create --use` leave it. */
function dockerConfig(builder?: { name: string; driver: string }, plugin = true): string {
  const dir = mkdtempSync(join(tmpdir(), 'cia-docker-config-'));
  mkdirSync(join(dir, 'cli-plugins'));
  if (plugin) symlinkSync('/bin/true', join(dir, 'cli-plugins', 'docker-buildx'));
  if (builder) {
    mkdirSync(join(dir, 'buildx', 'instances'), { recursive: true });
    writeFileSync(
      join(dir, 'buildx', 'current'),
      JSON.stringify({ Key: 'unix:///var/run/docker.sock', Name: builder.name, Global: false }),
    );
    writeFileSync(
      join(dir, 'buildx', 'instances', builder.name.toLowerCase()),
      JSON.stringify({ Name: builder.name, Driver: builder.driver }),
    );
  }
  return dir;
}

const spec: BuildSpec = {
  contextDir: '/w/app',
  containerFile: '/w/app/Containerfile',
  buildPath: '/w/app',
  tags: ['r.example/app:1'],
  buildArgs: [],
  labels: [],
  platforms: [],
  iidFile: '/t/image-0.iid',
  cache: { repository: 'r.example/app-cache', write: true },
};

describe("docker's buildx builder, read from the CLI's files", () => {
  test('no plugin: no buildx; a plugin and no builder recorded: the docker driver', () => {
    assert.deepEqual(buildxBuilder({ DOCKER_CONFIG: dockerConfig(undefined, false) }), { installed: false });
    assert.deepEqual(buildxBuilder({ DOCKER_CONFIG: dockerConfig() }), { installed: true, driver: 'docker' });
  });

  test('the builder `buildx create --use` recorded (its file named in lower case), and BUILDX_BUILDER over it', () => {
    const dir = dockerConfig({ name: 'CI-Builder', driver: 'docker-container' });
    assert.deepEqual(buildxBuilder({ DOCKER_CONFIG: dir }), { installed: true, driver: 'docker-container' });
    // A docker context's builder has no instance file: the docker driver.
    assert.deepEqual(buildxBuilder({ DOCKER_CONFIG: dir, BUILDX_BUILDER: 'default' }), { installed: true, driver: 'docker' });
  });
});

describe('the engine decides, from what it has, what it runs', () => {
  const engine = (env: NodeJS.ProcessEnv) => createEngine('docker', { env, logger: silentLogger });

  test('docker with cache on: the daemon builder pulls, builds, tags and pushes the cache image; a remote builder loads with the registry cache', () => {
    const daemon = engine({ DOCKER_CONFIG: dockerConfig({ name: 'default', driver: 'docker' }) }).buildPlan(spec);
    assert.deepEqual(
      daemon.steps.map((step) => step.argv.slice(0, 2)),
      [
        ['pull', 'r.example/app-cache:buildcache'],
        ['build', '--file'],
        ['image', 'inspect'],
        ['tag', 'r.example/app:1'],
        ['push', 'r.example/app-cache:buildcache'],
      ],
    );
    const remote = engine({ DOCKER_CONFIG: dockerConfig({ name: 'ci', driver: 'remote' }) }).buildPlan(spec);
    assert.deepEqual(
      remote.steps.map((step) => step.argv.slice(0, 2)),
      [
        ['buildx', 'build'],
        ['image', 'inspect'],
      ],
    );
    assert.ok(remote.steps[0].argv.includes('--load'));
  });

  test('capabilities: docker without buildx neither builds several platforms nor attests, and says so before running anything', () => {
    const noBuildx = engine({ DOCKER_CONFIG: dockerConfig(undefined, false) });
    assert.equal(noBuildx.capabilities.multiPlatform, false);
    assert.equal(noBuildx.capabilities.attestations, false);
    assert.throws(() => noBuildx.buildPlan({ ...spec, platforms: ['linux/amd64', 'linux/arm64'] }), /needs docker buildx/);
    const podman = createEngine('podman', { env: {}, logger: silentLogger });
    assert.deepEqual(
      [podman.capabilities.certDir, podman.capabilities.registriesConf, podman.capabilities.storesMultiPlatform],
      [true, true, true],
    );
  });

  test("a push failure is transient by the engine's last words", () => {
    assert.ok(
      isTransientEngineFailure(
        new ExecError('podman', 125, ['Error: writing blob: received unexpected HTTP status: 503 Service Unavailable']),
      ),
    );
    assert.ok(!isTransientEngineFailure(new ExecError('podman', 125, ['Error: requested access to the resource is denied'])));
  });
});
