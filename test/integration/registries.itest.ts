// The gated flow against four independent registry servers, each for real: CNCF distribution 2.8
// (Debian's) and v3.1 (from its Go module), go-containerregistry's registry (`crane registry
// serve`) and Gitea 1.27's package registry (built from its Go module, with a login). On each:
// gate then promote by tag (its one-tag deletion chosen by the probe), release, the server as
// the intermediate registry, and mirror with referrers; on Gitea, the leaked-tag cleanup asks
// Gitea's own pull-request API.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll as after, beforeAll as before, describe, test } from '@jest/globals';
import { upload, type Artifact } from '../../src/commands/upload.js';
import type { InputName } from '../../src/config/inputs/table.js';
import { fallbackTag } from '../../src/registry/referrers.js';
import { RegistrySession } from '../../src/registry/session.js';
import { pushSbom, pushSignature, putFallbackIndex, SPDX } from '../helpers/artifacts.js';
import { exec } from '../helpers/exec.js';
import { startGitea, type Gitea } from '../helpers/gitea.js';
import { goTool } from '../helpers/go-tools.js';
import { pushSynthetic, skopeoRaw, skopeoTags } from '../helpers/images.js';
import { runMirror } from '../helpers/mirror-run.js';
import { merged, promoteOrThrow } from '../helpers/promote-run.js';
import { startCraneRegistry, startRegistry } from '../helpers/registry-process.js';
import { eventEnv, fixtureProject, recordingLogger, testbed, uniqueName } from '../helpers/testbed.js';

const bed = testbed();
const project = fixtureProject();

interface Server {
  readonly registry: string;
  /** Where the tests may create repositories (Gitea: the user's own namespace). */
  readonly namespace: string;
  /** The registry-credentials input for it ('' when it needs no login). */
  readonly credentials: string;
  /** A skopeo --authfile for it, when it needs a login. */
  readonly authfile?: string;
  readonly gitea?: Gitea;
  stop(): Promise<void>;
}

interface Kind {
  readonly name: string;
  readonly start: () => Promise<Server>;
  /** How promote's probe must find its tag DELETE: `safe` where it removes one tag, `no` where refused. */
  readonly tagDelete: 'safe' | 'no';
  /** And its DELETE by digest. */
  readonly byDigest: 'works' | 'leaves the tags';
}

const open = (registry: string, stop: () => Promise<void>): Server => ({ registry, namespace: 'flows', credentials: '', stop });

const KINDS: Kind[] = [
  {
    name: 'distribution 2.8',
    tagDelete: 'no',
    byDigest: 'works',
    start: async () => (async (r) => open(r.registry, r.stop))(await startRegistry()),
  },
  {
    name: 'distribution 3.1',
    tagDelete: 'safe',
    byDigest: 'works',
    start: async () => (async (r) => open(r.registry, r.stop))(await startRegistry({ binary: goTool('distribution-v3', 'registry') })),
  },
  {
    name: "go-containerregistry's registry",
    tagDelete: 'safe',
    byDigest: 'leaves the tags',
    start: async () => (async (r) => open(r.registry, r.stop))(await startCraneRegistry(goTool('crane'))),
  },
  {
    name: 'Gitea 1.27',
    tagDelete: 'safe',
    byDigest: 'works',
    start: async () => {
      const gitea = await startGitea();
      const authfile = join(mkdtempSync(join(tmpdir(), 'cia-gitea-auth-')), 'auth.json');
      const auth = Buffer.from(`${gitea.user}:${gitea.password}`).toString('base64');
      writeFileSync(authfile, JSON.stringify({ auths: { [gitea.registry]: { auth } } }), { mode: 0o600 });
      return {
        registry: gitea.registry,
        namespace: gitea.user,
        credentials: JSON.stringify({ [gitea.registry]: { username: gitea.user, password: gitea.password } }),
        authfile,
        gitea,
        stop: () => gitea.stop(),
      };
    },
  },
];

const gateQueue = (change: number) =>
  eventEnv('merge_group', {
    merge_group: { head_sha: 'e'.repeat(40), head_ref: `refs/heads/gh-readonly-queue/main/pr-${change}-${'f'.repeat(40)}` },
  });

const imageList = (repository: string) =>
  JSON.stringify([{ context: 'multiarch', repository, build_args: [`BASE_IMAGE=${bed.baseImage}`], tags: ['latest', '1.0'] }]);

async function runUpload(inputs: Partial<Record<InputName, string>>, env: Record<string, string>) {
  const logger = recordingLogger();
  const all: Partial<Record<InputName, string>> = { 'container-command': 'podman', 'work-dir': project, ...inputs };
  const result = await upload({ env: { ...process.env, ...env }, logger, read: (name) => all[name] ?? '', exec });
  assert.equal(result.failure, undefined, logger.lines.join('\n'));
  return {
    digest: result.outputs.digest ?? '',
    artifacts: JSON.parse(result.outputs.artifacts ?? '[]') as Artifact[],
  };
}

describe.each(KINDS)('the gated flow on $name', (kind) => {
  let server: Server;
  let session: RegistrySession;
  const credentials = () => server.credentials;
  const tagsOf = (repository: string) => skopeoTags(repository, server.authfile).catch(() => [] as string[]);

  before(async () => {
    server = await kind.start();
    session = new RegistrySession({
      credentials: {
        explicit: server.gitea ? new Map([[server.registry, { username: server.gitea.user, password: server.gitea.password }]]) : new Map(),
      },
    });
  }, 120_000);
  after(async () => {
    session?.close();
    await server?.stop();
  });

  test(`gate, then promote by tag: the final tags hold the gated digest, the temporary tags go (tag DELETE ${kind.tagDelete === 'safe' ? 'found safe' : 'refused: dummy manifests'})`, async () => {
    const repository = `${server.registry}/${server.namespace}/${uniqueName('app')}`;
    const gated = await runUpload({ images: imageList(repository), 'registry-credentials': credentials() }, gateQueue(41));
    assert.deepEqual(await tagsOf(repository), ['change_41_1.0', 'change_41_latest']);
    const { promoted, deleted, lines } = await promoteOrThrow(
      { images: imageList(repository), 'registry-credentials': credentials() },
      merged(41),
    );
    assert.deepEqual(
      promoted.map((p) => [p.tag, p.digest, p.status]),
      [
        ['latest', gated.digest, 'moved'],
        ['1.0', gated.digest, 'moved'],
      ],
    );
    assert.deepEqual(deleted.sort(), [`${repository}:change_41_1.0`, `${repository}:change_41_latest`]);
    // Only the final tags are left (the probe's throw-away tags went too), on the gated bytes.
    assert.deepEqual(await tagsOf(repository), ['1.0', 'latest']);
    const probe = lines.find((l) => / tag DELETE (safe|destructive|no), DELETE by digest /.test(l)) ?? '';
    assert.ok(probe.endsWith(`tag DELETE ${kind.tagDelete}, DELETE by digest ${kind.byDigest}`), lines.join('\n'));
    const raw = await skopeoRaw(`${repository}:latest`, server.authfile);
    assert.equal(`sha256:${createHash('sha256').update(raw).digest('hex')}`, gated.digest);
  });

  test('release: upload with promote off pushes the final tags directly', async () => {
    const repository = `${server.registry}/${server.namespace}/${uniqueName('rel')}`;
    const released = await runUpload(
      { images: imageList(repository), 'registry-credentials': credentials(), promote: 'false' },
      eventEnv('push', { ref: 'refs/tags/1.0.0' }),
    );
    assert.deepEqual(await tagsOf(repository), ['1.0', 'latest']);
    assert.equal(
      (await session.client(server.registry).headManifest(repository.slice(server.registry.length + 1), 'latest'))?.digest,
      released.digest,
    );
  });

  test('as the intermediate registry: the gate pushes there, promote copies to the final registry and removes the intermediate tags', async () => {
    const final = `${bed.registry}/flows/${uniqueName('ir')}`;
    const intermediate = `${server.registry}/${server.namespace}/gate`;
    // Once a map is given, the final registry needs its entry too: anonymous, by name.
    const withFinal = server.credentials
      ? JSON.stringify({ ...JSON.parse(server.credentials), [bed.registry]: { repository: `${bed.registry}/flows/.*` } })
      : '';
    const inputs = { 'promote-method': 'intermediate-registry', 'intermediate-registry': intermediate, 'registry-credentials': withFinal };
    const gated = await runUpload({ images: imageList(final), ...inputs }, gateQueue(42));
    assert.deepEqual(await tagsOf(final), [], 'nothing reached the final registry in gate');
    const intermediateRepo = gated.artifacts[0].url.slice('docker://'.length).replace(/:[^:/]+$/, '');
    assert.ok(intermediateRepo.startsWith(`${intermediate}/`), intermediateRepo);
    assert.deepEqual(await tagsOf(intermediateRepo), ['change_42_1.0', 'change_42_latest']);
    const { promoted, deleted } = await promoteOrThrow(
      { images: imageList(final), ...inputs, artifacts: JSON.stringify(gated.artifacts) },
      merged(42, { headSha: 'e'.repeat(40) }),
    );
    assert.deepEqual(
      promoted.map((p) => [p.tag, p.digest]),
      [
        ['latest', gated.artifacts[0].metadata.digest],
        ['1.0', gated.artifacts[0].metadata.digest],
      ],
    );
    assert.ok(
      deleted.includes(`${intermediateRepo}:change_42_latest`) && deleted.includes(`${intermediateRepo}:change_42_1.0`),
      deleted.join('\n'),
    );
    assert.deepEqual(await tagsOf(intermediateRepo), []);
  });

  test('mirror with referrers: the image, its cosign signature and its SBOM arrive byte for byte', async () => {
    const seed = new RegistrySession();
    const source = `mirror-src/${uniqueName('app')}`;
    const image = await pushSynthetic(seed, bed.registry, source, {
      layers: [300],
      platforms: ['linux/amd64', 'linux/arm64'],
      tags: ['v1'],
    });
    const head = (await seed.client(bed.registry).headManifest(source, image.digest))!;
    const subject = { digest: image.digest, mediaType: head.mediaType, size: head.size };
    const signature = await pushSignature(seed, bed.registry, source, subject, { tag: `${fallbackTag(image.digest)}.sig` });
    const sbom = await pushSbom(seed, bed.registry, source, subject);
    await putFallbackIndex(seed, bed.registry, source, image.digest, [sbom]);
    seed.close();
    const dest = `${server.namespace}/${uniqueName('mirror')}`;
    const mirrored = await runMirror({
      mirror: JSON.stringify([
        { src_repository: `${bed.registry}/${source}`, src_tag: 'v1', dest_repository: `${server.registry}/${dest}` },
      ]),
      'registry-credentials': credentials(),
    });
    assert.deepEqual(
      mirrored
        .filter((m) => m.referrer)
        .map((m) => [m.digest, m.status])
        .sort(),
      [
        [signature.digest, 'copied'],
        [sbom.digest, 'copied'],
      ].sort(),
    );
    const client = session.client(server.registry);
    assert.equal((await client.headManifest(dest, 'v1'))?.digest, image.digest);
    assert.equal((await client.headManifest(dest, `${fallbackTag(image.digest)}.sig`))?.digest, signature.digest);
    assert.ok((await client.getManifest(dest, sbom.digest)).bytes.equals(sbom.bytes));
    // Found by the next client either way: the referrers API where the server has one, else the fallback tag.
    const fallback = async () =>
      (
        JSON.parse((await client.getManifest(dest, fallbackTag(image.digest))).bytes.toString()) as {
          manifests: { digest: string; artifactType?: string }[];
        }
      ).manifests;
    const listed = (await client.getReferrers(dest, image.digest)) ?? (await fallback());
    assert.deepEqual(
      listed.map((d) => [d.digest, d.artifactType]),
      [[sbom.digest, SPDX]],
    );
  });
});

describe('leaked-tag cleanup on Gitea decides by its real pull-request API', () => {
  let gitea: Gitea;
  let session: RegistrySession;
  before(async () => {
    gitea = await startGitea();
    session = new RegistrySession({
      credentials: { explicit: new Map([[gitea.registry, { username: gitea.user, password: gitea.password }]]) },
    });
    await gitea.api('POST', '/user/repos', { name: 'app', auto_init: true, default_branch: 'main' });
    // Two pull requests, #1 left open and #2 closed unmerged; each needs a change on its branch.
    for (const n of [1, 2]) {
      await gitea.api('POST', `/repos/${gitea.user}/app/contents/change-${n}.txt`, {
        content: Buffer.from(`change ${n}\n`).toString('base64'),
        branch: 'main',
        new_branch: `change-${n}`,
        message: `change ${n}`,
      });
      await gitea.api('POST', `/repos/${gitea.user}/app/pulls`, { head: `change-${n}`, base: 'main', title: `change ${n}` });
    }
    await gitea.api('PATCH', `/repos/${gitea.user}/app/pulls/2`, { state: 'closed' });
  }, 120_000);
  after(async () => {
    session?.close();
    await gitea?.stop();
  });

  test('an open pull request keeps its tag, a closed one loses it, through a promote run on a Gitea runner', async () => {
    const path = `${gitea.user}/${uniqueName('cleanup')}`;
    const repository = `${gitea.registry}/${path}`;
    const created = new Date().toISOString();
    // Young tags: only the forge's word can remove them before cleanup-age.
    await pushSynthetic(session, gitea.registry, path, { layers: [10], tags: ['change_1_latest'], created });
    await pushSynthetic(session, gitea.registry, path, { layers: [10], tags: ['change_2_latest'], created });
    await pushSynthetic(session, gitea.registry, path, {
      layers: [10],
      tags: ['change_3_latest', 'change_3_1.0'],
      labels: { 'org.zuul-ci.change': '3' },
      created,
    });
    const { deleted, summary } = await promoteOrThrow(
      {
        images: JSON.stringify([{ context: '.', repository, tags: ['latest', '1.0'] }]),
        'registry-credentials': JSON.stringify({ [gitea.registry]: { username: gitea.user, password: gitea.password } }),
        token: gitea.token,
      },
      merged(3, {
        env: {
          GITEA_ACTIONS: 'true',
          GITHUB_SERVER_URL: gitea.url,
          GITHUB_API_URL: `${gitea.url}/api/v1`,
          GITHUB_REPOSITORY: `${gitea.user}/app`,
        },
      }),
    );
    const status = (tag: string) => summary.find((row) => row[0] === `${repository}:${tag}`)?.[3] ?? '';
    assert.match(status('change_2_latest'), /^deleted: leaked, .*closed/);
    assert.match(status('change_1_latest'), /^kept: .*open/);
    assert.deepEqual(deleted.sort(), [`${repository}:change_2_latest`, `${repository}:change_3_1.0`, `${repository}:change_3_latest`]);
    const auth = join(mkdtempSync(join(tmpdir(), 'cia-gitea-auth-')), 'auth.json');
    writeFileSync(
      auth,
      JSON.stringify({ auths: { [gitea.registry]: { auth: Buffer.from(`${gitea.user}:${gitea.password}`).toString('base64') } } }),
    );
    assert.deepEqual(await skopeoTags(repository, auth), ['1.0', 'change_1_latest', 'latest']);
  });
});
