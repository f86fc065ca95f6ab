// docker with BuildKit for real: buildkitd and buildx built from their Go modules
// (scripts/go-tools.sh), a `remote` buildx builder as the current one, as a runner with
// docker/setup-buildx-action has. Whole CLI processes against real registries.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll as after, beforeAll as before, describe, test } from '@jest/globals';
import { sha256 } from '../../src/registry/digest.js';
import { startBuildkit, type Buildkit } from '../helpers/buildkit.js';
import { runCli } from '../helpers/cli.js';
import { skopeoRaw, skopeoTags } from '../helpers/images.js';
import { startReferrersRegistry } from '../helpers/referrers-registry.js';
import { startRegistry, type RegistryProcess } from '../helpers/registry-process.js';
import { eventEnv, fixtureProject, multiarchList, sh, testbed, uniqueName } from '../helpers/testbed.js';

const bed = testbed();
const project = fixtureProject();
const PASSWORD = `bk-${uniqueName('pw')}`;
const authFile = join(project, 'skopeo-auth.json');
const gate = (change: number) =>
  eventEnv('merge_group', {
    merge_group: { head_sha: 'e'.repeat(40), head_ref: `refs/heads/gh-readonly-queue/main/pr-${change}-${'f'.repeat(40)}` },
  });
const afterMerge = eventEnv('push', { ref: 'refs/heads/main' });

interface Index {
  manifests: { digest: string; mediaType: string; platform?: { os: string; architecture: string }; annotations?: Record<string, string> }[];
}

describe('docker buildx on a real BuildKit', () => {
  let buildkit: Buildkit;
  let registry: RegistryProcess;
  let mirrorTarget: RegistryProcess;
  before(async () => {
    const htpasswd = join(project, 'htpasswd');
    writeFileSync(htpasswd, sh('htpasswd', ['-Bbn', 'ci', PASSWORD]));
    [buildkit, registry, mirrorTarget] = await Promise.all([startBuildkit(), startRegistry({ htpasswd }), startRegistry()]);
    writeFileSync(authFile, JSON.stringify({ auths: { [registry.registry]: { auth: Buffer.from(`ci:${PASSWORD}`).toString('base64') } } }));
  });
  after(async () => {
    await Promise.all([buildkit?.stop(), registry?.stop(), mirrorTarget?.stop()]);
  });

  const credentials = () => JSON.stringify({ [registry.registry]: { username: 'ci', password: PASSWORD } });
  const listFor = (repository: string) => multiarchList(repository);
  const upload = (inputs: Record<string, string>, env: Record<string, string>) =>
    runCli(
      'upload',
      { 'container-command': 'docker', 'registry-credentials': credentials(), 'work-dir': project, ...inputs },
      { DOCKER_CONFIG: buildkit.dockerConfig, ...env },
    );
  const index = async (ref: string) => JSON.parse((await skopeoRaw(ref, authFile)).toString()) as Index;
  const blobText = async (repository: string, digest: string) => {
    const [host, ...path] = repository.split('/');
    return (await fetch(`http://${host}/v2/${path.join('/')}/blobs/${digest}`)).text();
  };

  test('multi-platform: buildx build --push with credentials, gated and promoted; the arm64 child runs aarch64', async () => {
    const repository = `${registry.registry}/bk/${uniqueName('multi')}`;
    const images = listFor(repository);
    const run = await upload({ images }, gate(31));
    assert.equal(run.code, 0, run.log);
    const [pushed] = JSON.parse(run.outputs.images) as { digest: string; platforms: string[] }[];
    assert.deepEqual(await skopeoTags(repository, authFile), ['change_31_latest']);
    const gated = await index(`${repository}:change_31_latest`);
    const platforms = gated.manifests.filter((m) => m.platform?.os === 'linux').map((m) => m.platform?.architecture);
    assert.deepEqual(platforms.sort(), ['amd64', 'arm64']);
    assert.equal(pushed.digest, sha256(await skopeoRaw(`${repository}:change_31_latest`, authFile)));

    const promoted = await runCli(
      'promote',
      { images, change: '31', 'work-dir': project, 'registry-credentials': credentials() },
      afterMerge,
    );
    assert.equal(promoted.code, 0, promoted.log);
    assert.deepEqual(await skopeoTags(repository, authFile), ['latest']);
    // BuildKit's provenance attestations are manifests of the index: promote and mirror carry them with its digest.
    const attestations = gated.manifests.filter((m) => m.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest');
    assert.equal(attestations.length, 2, JSON.stringify(gated));
    assert.equal(sha256(await skopeoRaw(`${repository}:latest`, authFile)), pushed.digest);
    const copy = `${mirrorTarget.registry}/bk/${uniqueName('mirrored')}`;
    const mirrored = await runCli('mirror', {
      mirror: JSON.stringify([{ src_repository: repository, src_tag: 'latest', dest_repository: copy }]),
      'registry-credentials': JSON.stringify({
        [registry.registry]: { username: 'ci', password: PASSWORD },
        [mirrorTarget.registry]: { username: 'any', password: 'any' },
      }),
      'work-dir': project,
    });
    assert.equal(mirrored.code, 0, mirrored.log);
    assert.equal(sha256(await skopeoRaw(`${copy}:latest`)), pushed.digest);
    for (const attestation of attestations) await skopeoRaw(`${copy}@${attestation.digest}`);
    const ran = execFileSync(
      'podman',
      ['run', '--rm', '--tls-verify=false', '--authfile', authFile, '--platform', 'linux/arm64', `${repository}:latest`],
      {
        encoding: 'utf8',
      },
    ).trim();
    assert.equal(ran, 'aarch64');
  });

  test('registry cache (type=registry): a trusted build writes it, a fresh BuildKit reuses it, a pull request leaves it as it was', async () => {
    const repository = `${registry.registry}/bk/${uniqueName('cached')}`;
    const cacheRef = `${repository}-cache:buildcache`;
    // Random output: a layer that is equal in two builds came from the cache.
    mkdirSync(join(project, 'random'), { recursive: true });
    writeFileSync(join(project, 'random', 'Containerfile'), 'ARG BASE_IMAGE\nFROM ${BASE_IMAGE}\nRUN head -c 32 /dev/urandom > /random\n');
    const images = JSON.stringify([{ context: 'random', repository, build_args: [`BASE_IMAGE=${bed.baseImage}`], tags: ['latest'] }]);
    const pullRequest = eventEnv('pull_request', {
      action: 'synchronize',
      number: 5,
      pull_request: { number: 5, head: { sha: 'a'.repeat(40) } },
    });
    const build = async (event: Record<string, string>, config: string, cache: boolean) => {
      const run = await runCli(
        'build',
        { images, 'container-command': 'docker', cache: String(cache), 'registry-credentials': credentials(), 'work-dir': project },
        { DOCKER_CONFIG: config, ...event },
      );
      assert.equal(run.code, 0, run.log);
      // --load: the image is in docker's own store, where a later `docker push` takes it from.
      const layers = sh('docker', ['image', 'inspect', '--format', '{{json .RootFS.Layers}}', `${repository}:latest`]);
      return { log: run.log, layers: JSON.parse(layers) as string[] };
    };
    const trusted = await build(eventEnv('push', { ref: 'refs/heads/main' }), buildkit.dockerConfig, true);
    assert.match(trusted.log, /exporting cache to registry/);
    const written = sha256(await skopeoRaw(cacheRef, authFile));

    // Two empty BuildKits: one reads the registry cache, the other (the control) builds without it.
    const [fresh, control] = await Promise.all([startBuildkit(), startBuildkit()]);
    try {
      const pr = await build(pullRequest, fresh.dockerConfig, true);
      assert.match(pr.log, /importing cache manifest from .*-cache:buildcache/);
      assert.deepEqual(pr.layers, trusted.layers, 'the RUN step came from the registry cache');
      assert.doesNotMatch(pr.log, /exporting cache/);
      const uncached = await build(pullRequest, control.dockerConfig, false);
      assert.notDeepEqual(uncached.layers, trusted.layers, 'without the cache the RUN step runs again');
    } finally {
      await Promise.all([fresh.stop(), control.stop()]);
    }
    assert.equal(sha256(await skopeoRaw(cacheRef, authFile)), written, 'the pull request changed the cache');
  });

  test('split flow on buildx: an amd64 and an arm64 job (--load, docker push), merged; the arm64 child runs aarch64', async () => {
    const repository = `${registry.registry}/bk/${uniqueName('split')}`;
    const images = listFor(repository);
    const job = async (platform: string) => {
      const run = await upload({ images, platform }, gate(32));
      assert.equal(run.code, 0, run.log);
      return (JSON.parse(run.outputs.images) as { digest: string }[])[0].digest;
    };
    const amd64 = await job('linux/amd64');
    const arm64 = await job('linux/arm64');
    assert.deepEqual(await skopeoTags(repository, authFile), ['change_32_latest__linux-amd64', 'change_32_latest__linux-arm64']);
    const merged = await upload({ images, merge: 'true' }, gate(32));
    assert.equal(merged.code, 0, merged.log);
    const children = (await index(`${repository}:change_32_latest`)).manifests;
    assert.deepEqual(children.map((m) => [m.platform?.architecture, m.digest]).sort(), [
      ['amd64', amd64],
      ['arm64', arm64],
    ]);
    const ran = execFileSync(
      'podman',
      ['run', '--rm', '--tls-verify=false', '--authfile', authFile, '--platform', 'linux/arm64', `${repository}:change_32_latest`],
      { encoding: 'utf8' },
    ).trim();
    assert.equal(ran, 'aarch64');
  });

  test('attestations: provenance=max pushed as OCI artifacts whose subject is each platform image: referrers at the registry, carried by the mirror; none: no attestation at all', async () => {
    const api = await startReferrersRegistry();
    try {
      const repository = `${api.registry}/bk/${uniqueName('attested')}`;
      const run = await upload({ images: listFor(repository), attestations: 'provenance=max', 'registry-credentials': '' }, gate(33));
      assert.equal(run.code, 0, run.log);
      const pushed = await index(`${repository}:change_33_latest`);
      const images = pushed.manifests.filter((m) => m.platform?.os === 'linux');
      const attestations = pushed.manifests.filter((m) => m.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest');
      assert.equal(attestations.length, 2);
      const path = repository.slice(api.registry.length + 1);
      for (const image of images) {
        const listed = await fetch(`http://${api.registry}/v2/${path}/referrers/${image.digest}`);
        const referrers = ((await listed.json()) as { manifests: { digest: string; artifactType?: string }[] }).manifests;
        assert.equal(referrers.length, 1, `referrers of ${image.platform?.architecture}`);
        assert.equal(referrers[0].artifactType, 'application/vnd.docker.attestation.manifest.v1+json');
        const manifest = JSON.parse((await skopeoRaw(`${repository}@${referrers[0].digest}`)).toString()) as {
          subject: { digest: string };
          layers: { digest: string; annotations?: Record<string, string> }[];
        };
        assert.equal(manifest.subject.digest, image.digest);
        assert.equal(manifest.layers[0].annotations?.['in-toto.io/predicate-type'], 'https://slsa.dev/provenance/v1');
        // mode=max records the build's own definition (the Containerfile's steps); min does not.
        const statement = await blobText(`${repository}`, manifest.layers[0].digest);
        assert.match(statement, /"buildConfig"/);
      }

      const copy = `${mirrorTarget.registry}/bk/${uniqueName('attested-copy')}`;
      const mirrored = await runCli('mirror', {
        mirror: JSON.stringify([{ src_repository: repository, src_tag: 'change_33_latest', dest_repository: copy }]),
        'registry-credentials': JSON.stringify({ [mirrorTarget.registry]: { username: 'any', password: 'any' } }),
        'work-dir': project,
      });
      assert.equal(mirrored.code, 0, mirrored.log);
      const copied = JSON.parse(mirrored.outputs.mirrored) as { digest: string; referrer?: { subject: string } }[];
      assert.deepEqual(
        copied
          .filter((m) => m.referrer)
          .map((m) => [m.referrer?.subject, m.digest])
          .sort(),
        attestations.map((a) => [a.annotations?.['vnd.docker.reference.digest'], a.digest]).sort(),
      );
      for (const image of images) {
        const fallback = JSON.parse((await skopeoRaw(`${copy}:${image.digest.replace(':', '-')}`)).toString()) as Index;
        assert.equal(fallback.manifests.length, 1);
      }

      const bare = `${api.registry}/bk/${uniqueName('bare')}`;
      const none = await upload({ images: listFor(bare), attestations: 'none', 'registry-credentials': '' }, gate(34));
      assert.equal(none.code, 0, none.log);
      assert.deepEqual((await index(`${bare}:change_34_latest`)).manifests.map((m) => m.platform?.architecture).sort(), ['amd64', 'arm64']);
    } finally {
      await api.stop();
    }
  });
});
