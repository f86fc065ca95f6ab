// Signatures, SBOMs and attestations travel with the image: mirror and intermediate-registry
// promote copy an image's referrers (and those of its children, and referrers of referrers)
// between real registries, through the OCI 1.1 referrers API or the fallback tag schema, bytes
// unchanged; promote by tag and its cleanup leave them alone.
import assert from 'node:assert/strict';
import { afterAll as after, beforeAll as before, describe, test } from '@jest/globals';
import { promote, type PromotedTag } from '../../src/commands/promote.js';
import type { InputName } from '../../src/config/inputs/table.js';
import { fallbackTag } from '../../src/registry/referrers.js';
import { RegistrySession } from '../../src/registry/session.js';
import {
  COSIGN_SIGNATURE_ARTIFACT,
  COSIGN_SIGNATURE_LAYER,
  indexEntries,
  pushSbom,
  pushSignature,
  putFallbackIndex,
  SPDX,
  type PushedArtifact,
} from '../helpers/artifacts.js';
import { exec } from '../helpers/exec.js';
import { startFaultProxy } from '../helpers/fault-proxy.js';
import { pushSynthetic } from '../helpers/images.js';
import { startReferrersRegistry, type ReferrersRegistry } from '../helpers/referrers-registry.js';
import { startRegistry, type RegistryProcess } from '../helpers/registry-process.js';
import { runMirror } from '../helpers/mirror-run.js';
import { recordingLogger, uniqueName } from '../helpers/testbed.js';

const session = new RegistrySession();

/** A two-platform image signed the ways tools sign: what each registry should end up holding. */
interface Signed {
  readonly repository: string;
  readonly digest: string;
  readonly child: string;
  readonly cosignSig: PushedArtifact;
  readonly sbom: PushedArtifact;
  readonly sbomSig: PushedArtifact;
  readonly childSig: PushedArtifact;
}

/**
 * cosign's legacy `.sig` tag on the index, an SPDX SBOM with `subject` the index, a signature on
 * the SBOM, and a signature on the arm64 child. A registry without the referrers API gets the
 * fallback indexes a client would write.
 */
async function signedImage(registry: string, repository: string, api: boolean): Promise<Signed> {
  const image = await pushSynthetic(session, registry, repository, {
    layers: [300],
    platforms: ['linux/amd64', 'linux/arm64'],
    tags: ['v1'],
  });
  const client = session.client(registry);
  const head = (await client.headManifest(repository, image.digest))!;
  const subject = { digest: image.digest, mediaType: head.mediaType, size: head.size };
  const child = image.childDigests[1];
  const childHead = (await client.headManifest(repository, child))!;
  const cosignSig = await pushSignature(session, registry, repository, subject, { tag: `${fallbackTag(image.digest)}.sig` });
  const sbom = await pushSbom(session, registry, repository, subject);
  const sbomSig = await pushSignature(
    session,
    registry,
    repository,
    { digest: sbom.digest, mediaType: sbom.mediaType, size: sbom.bytes.length },
    { subject: true, note: 'sbom' },
  );
  const childSig = await pushSignature(
    session,
    registry,
    repository,
    { digest: child, mediaType: childHead.mediaType, size: childHead.size },
    { subject: true, note: 'child' },
  );
  if (!api) {
    await putFallbackIndex(session, registry, repository, image.digest, [sbom]);
    await putFallbackIndex(session, registry, repository, sbom.digest, [sbomSig]);
    await putFallbackIndex(session, registry, repository, child, [childSig]);
  }
  return { repository, digest: image.digest, child, cosignSig, sbom, sbomSig, childSig };
}

const mirrorList = (from: string, to: string) => JSON.stringify([{ src_repository: from, src_tag: 'v1', dest_repository: to }]);

/** The manifest's bytes at the destination equal the source's: the digest is checked over the bytes. */
async function assertSameBytes(registry: string, repository: string, artifact: PushedArtifact) {
  const copy = await session.client(registry).getManifest(repository, artifact.digest);
  assert.ok(copy.bytes.equals(artifact.bytes), `${artifact.digest} differs at ${registry}/${repository}`);
}

describe('referrers travel with mirrored and promoted images', () => {
  let plainA: RegistryProcess;
  let plainB: RegistryProcess;
  let withApi: ReferrersRegistry;
  before(async () => {
    [plainA, plainB, withApi] = await Promise.all([startRegistry(), startRegistry(), startReferrersRegistry()]);
  });
  after(async () => {
    session.close();
    await Promise.all([plainA.stop(), plainB.stop(), withApi.stop()]);
  });

  test('fallback tag schema to fallback tag schema: every referrer byte-identical, the indexes too; a re-run only looks', async () => {
    const src = await signedImage(plainA.registry, `signed/${uniqueName('app')}`, false);
    const dest = `mirror/${uniqueName('app')}`;
    const mirrored = await runMirror({ mirror: mirrorList(`${plainA.registry}/${src.repository}`, `${plainB.registry}/${dest}`) });
    const referrers = mirrored.filter((m) => m.referrer);
    assert.deepEqual(
      referrers.map((m) => [m.digest, m.referrer?.via, m.status]).sort(),
      [
        [src.cosignSig.digest, 'cosign-tag', 'copied'],
        [src.sbom.digest, 'fallback-tag', 'copied'],
        [src.sbomSig.digest, 'fallback-tag', 'copied'],
        [src.childSig.digest, 'fallback-tag', 'copied'],
      ].sort(),
    );
    assert.equal(referrers.find((m) => m.digest === src.sbom.digest)?.referrer?.artifact_type, SPDX);
    assert.equal(referrers.find((m) => m.digest === src.sbomSig.digest)?.referrer?.subject, src.sbom.digest);
    for (const artifact of [src.cosignSig, src.sbom, src.sbomSig, src.childSig]) await assertSameBytes(plainB.registry, dest, artifact);
    assert.equal(
      (await session.client(plainB.registry).headManifest(dest, `${fallbackTag(src.digest)}.sig`))?.digest,
      src.cosignSig.digest,
    );
    // The fallback indexes were written with the source's own bytes.
    for (const subject of [src.digest, src.sbom.digest, src.child]) {
      const [a, b] = await Promise.all([
        session.client(plainA.registry).getManifest(src.repository, fallbackTag(subject)),
        session.client(plainB.registry).getManifest(dest, fallbackTag(subject)),
      ]);
      assert.ok(a.bytes.equals(b.bytes));
    }

    const watched = await startFaultProxy(plainB.registry);
    try {
      const again = await runMirror({ mirror: mirrorList(`${plainA.registry}/${src.repository}`, `${watched.registry}/${dest}`) });
      assert.ok(
        again.every((m) => m.status === 'unchanged'),
        JSON.stringify(again),
      );
      const writes = watched.log.filter((e) => !['GET', 'HEAD'].includes(e.method));
      assert.deepEqual(writes, [], 'a re-run writes nothing');
      const gets = watched.log.filter((e) => e.method === 'GET' && e.path !== '/v2/' && !e.path.includes('/referrers/'));
      assert.deepEqual(gets, [], 'a re-run checks the destination with HEADs (and one referrers-API probe)');
    } finally {
      await watched.close();
    }
  });

  test('an index already at the destination is merged with, never overwritten', async () => {
    const src = await signedImage(plainA.registry, `signed/${uniqueName('app')}`, false);
    const dest = `mirror/${uniqueName('app')}`;
    const image = await session.client(plainA.registry).headManifest(src.repository, src.digest);
    await runMirror({ mirror: mirrorList(`${plainA.registry}/${src.repository}`, `${plainB.registry}/${dest}`) });
    const own = await pushSignature(
      session,
      plainB.registry,
      dest,
      { digest: src.digest, mediaType: image!.mediaType, size: image!.size },
      { subject: true, note: 'dest' },
    );
    // A client at the destination that did not merge: the index there now names only its own signature.
    await putFallbackIndex(session, plainB.registry, dest, src.digest, [own]);
    const extra = await pushSbom(
      session,
      plainA.registry,
      src.repository,
      { digest: src.digest, mediaType: image!.mediaType, size: image!.size },
      'a second SBOM',
    );
    await putFallbackIndex(session, plainA.registry, src.repository, src.digest, [src.sbom, extra]);
    await runMirror({ mirror: mirrorList(`${plainA.registry}/${src.repository}`, `${plainB.registry}/${dest}`) });
    assert.deepEqual(await indexEntries(session, plainB.registry, dest, src.digest), [own.digest, src.sbom.digest, extra.digest].sort());
  });

  test('referrers API at the source, none at the destination: found by the API, the fallback index written', async () => {
    const src = await signedImage(withApi.registry, `signed/${uniqueName('app')}`, true);
    const dest = `mirror/${uniqueName('app')}`;
    const mirrored = await runMirror({ mirror: mirrorList(`${withApi.registry}/${src.repository}`, `${plainB.registry}/${dest}`) });
    assert.ok(withApi.referrerRequests.some((r) => r.endsWith(`@${src.digest}`)));
    const referrers = mirrored.filter((m) => m.referrer);
    assert.deepEqual(
      referrers.map((m) => [m.digest, m.referrer?.via]).sort(),
      [
        [src.cosignSig.digest, 'cosign-tag'],
        [src.sbom.digest, 'referrers-api'],
        [src.sbomSig.digest, 'referrers-api'],
        [src.childSig.digest, 'referrers-api'],
      ].sort(),
    );
    for (const artifact of [src.cosignSig, src.sbom, src.sbomSig, src.childSig]) await assertSameBytes(plainB.registry, dest, artifact);
    assert.deepEqual(await indexEntries(session, plainB.registry, dest, src.digest), [src.sbom.digest]);
    assert.deepEqual(await indexEntries(session, plainB.registry, dest, src.sbom.digest), [src.sbomSig.digest]);
    assert.deepEqual(await indexEntries(session, plainB.registry, dest, src.child), [src.childSig.digest]);
    // One type asked for: the registry's own artifactType filter does the work.
    const sbomOnly = `mirror/${uniqueName('api-sbom')}`;
    const filtered = await runMirror({
      mirror: mirrorList(`${withApi.registry}/${src.repository}`, `${plainB.registry}/${sbomOnly}`),
      'referrer-types': SPDX,
    });
    assert.ok(withApi.referrerRequests.includes(`${src.repository}@${src.digest}?${SPDX}`));
    assert.deepEqual(
      filtered.filter((m) => m.referrer).map((m) => m.digest),
      [src.sbom.digest],
    );
  });

  test('fallback tags at the source, referrers API at the destination: no fallback tag written there, its API lists them', async () => {
    const src = await signedImage(plainA.registry, `signed/${uniqueName('app')}`, false);
    const dest = `mirror/${uniqueName('app')}`;
    await runMirror({ mirror: mirrorList(`${plainA.registry}/${src.repository}`, `${withApi.registry}/${dest}`) });
    for (const artifact of [src.cosignSig, src.sbom, src.sbomSig, src.childSig]) await assertSameBytes(withApi.registry, dest, artifact);
    assert.equal(await indexEntries(session, withApi.registry, dest, src.digest), undefined);
    const listed = await session.client(withApi.registry).getReferrers(dest, src.digest);
    assert.deepEqual(
      listed?.map((d) => d.digest),
      [src.sbom.digest],
    );
    const ofSbom = await session.client(withApi.registry).getReferrers(dest, src.sbom.digest, COSIGN_SIGNATURE_ARTIFACT);
    assert.deepEqual(
      ofSbom?.map((d) => d.digest),
      [src.sbomSig.digest],
    );
  });

  test('referrer-types copies only those types (and the index lists only them); referrers: false copies none', async () => {
    const src = await signedImage(plainA.registry, `signed/${uniqueName('app')}`, false);
    const sbomsOnly = `mirror/${uniqueName('sbom')}`;
    const mirrored = await runMirror({
      mirror: mirrorList(`${plainA.registry}/${src.repository}`, `${plainB.registry}/${sbomsOnly}`),
      'referrer-types': SPDX,
    });
    assert.deepEqual(
      mirrored.filter((m) => m.referrer).map((m) => m.digest),
      [src.sbom.digest],
    );
    assert.deepEqual(await indexEntries(session, plainB.registry, sbomsOnly, src.digest), [src.sbom.digest]);
    const signaturesOnly = `mirror/${uniqueName('sig')}`;
    const signatures = await runMirror({
      mirror: mirrorList(`${plainA.registry}/${src.repository}`, `${plainB.registry}/${signaturesOnly}`),
      'referrer-types': `${COSIGN_SIGNATURE_LAYER},${COSIGN_SIGNATURE_ARTIFACT}`,
    });
    assert.deepEqual(
      signatures
        .filter((m) => m.referrer)
        .map((m) => m.digest)
        .sort(),
      [src.cosignSig.digest, src.childSig.digest].sort(),
    );
    const none = `mirror/${uniqueName('none')}`;
    const plain = await runMirror({
      mirror: mirrorList(`${plainA.registry}/${src.repository}`, `${plainB.registry}/${none}`),
      referrers: 'false',
    });
    assert.equal(plain.filter((m) => m.referrer).length, 0);
    assert.deepEqual(
      (await session.client(plainB.registry).listTags(none)).filter((t) => t.startsWith('sha256-')),
      [],
    );
  });

  test('dry-run lists the referrers it would copy and writes nothing', async () => {
    const src = await signedImage(plainA.registry, `signed/${uniqueName('app')}`, false);
    const dest = `mirror/${uniqueName('dry')}`;
    const mirrored = await runMirror({
      mirror: mirrorList(`${plainA.registry}/${src.repository}`, `${plainB.registry}/${dest}`),
      'dry-run': 'true',
    });
    assert.deepEqual(
      mirrored
        .filter((m) => m.referrer)
        .map((m) => [m.digest, m.status])
        .sort(),
      [
        [src.cosignSig.digest, 'planned'],
        [src.sbom.digest, 'planned'],
        [src.sbomSig.digest, 'planned'],
        [src.childSig.digest, 'planned'],
      ].sort(),
    );
    assert.deepEqual(await session.client(plainB.registry).listTags(dest), []);
  });

  test('promote from an intermediate registry brings the signature and SBOM to the final registry, byte-identical', async () => {
    const path = `acme/${uniqueName('app')}`;
    const src = await signedImage(plainA.registry, `ci/${path}`, false);
    const client = session.client(plainA.registry);
    await client.putManifest(`ci/${path}`, 'change_31_v1', await client.getManifest(`ci/${path}`, src.digest));
    const logger = recordingLogger();
    const inputs: Partial<Record<InputName, string>> = {
      images: JSON.stringify([{ context: '.', repository: `${plainB.registry}/${path}`, tags: ['v1'] }]),
      change: '31',
      'promote-method': 'intermediate-registry',
      'intermediate-registry': `${plainA.registry}/ci`,
      cleanup: 'false',
    };
    const result = await promote({ env: { ...process.env }, logger, read: (name) => inputs[name] ?? '', exec });
    assert.equal(result.failure, undefined, logger.lines.join('\n'));
    const promoted = JSON.parse(result.outputs.promoted ?? '[]') as PromotedTag[];
    assert.deepEqual(
      promoted
        .filter((p) => p.referrer)
        .map((p) => [p.digest, p.status])
        .sort(),
      [
        [src.cosignSig.digest, 'moved'],
        [src.sbom.digest, 'moved'],
        [src.sbomSig.digest, 'moved'],
        [src.childSig.digest, 'moved'],
      ].sort(),
    );
    for (const artifact of [src.cosignSig, src.sbom, src.sbomSig, src.childSig]) await assertSameBytes(plainB.registry, path, artifact);
    assert.deepEqual(await indexEntries(session, plainB.registry, path, src.digest), [src.sbom.digest]);
  });

  test('promote by tag with cleanup: every signature tag and referrer stays, even when cleanup-regex matches them', async () => {
    const registry = plainB.registry;
    const repository = `final/${uniqueName('app')}`;
    const client = session.client(registry);
    // Image A: released as `stable`, its change's tag leaked (an old push), signed and with an SBOM.
    const a = await pushSynthetic(session, registry, repository, {
      layers: [200],
      tags: ['stable', 'change_5_stable'],
      created: '2020-01-01T00:00:00Z',
    });
    const headA = (await client.headManifest(repository, a.digest))!;
    const subject = { digest: a.digest, mediaType: headA.mediaType, size: headA.size };
    const sig = await pushSignature(session, registry, repository, subject, { tag: `${fallbackTag(a.digest)}.sig` });
    const sbom = await pushSbom(session, registry, repository, subject);
    await putFallbackIndex(session, registry, repository, a.digest, [sbom]);
    // Image B: this change's gate build.
    await pushSynthetic(session, registry, repository, { layers: [200], tags: ['change_9_latest'], created: new Date().toISOString() });
    const logger = recordingLogger();
    const inputs: Partial<Record<InputName, string>> = {
      images: JSON.stringify([{ context: '.', repository: `${registry}/${repository}`, tags: ['latest'] }]),
      change: '9',
      'cleanup-regex': '^change_.*|^sha256-.*',
      'cleanup-age': '1h',
    };
    const result = await promote({ env: { ...process.env }, logger, read: (name) => inputs[name] ?? '', exec });
    assert.equal(result.failure, undefined, logger.lines.join('\n'));
    const deleted = JSON.parse(result.outputs.deleted ?? '[]') as string[];
    assert.ok(deleted.includes(`${registry}/${repository}:change_5_stable`), logger.lines.join('\n'));
    const tags = await client.listTags(repository);
    assert.deepEqual(tags.filter((t) => t.startsWith('sha256-')).sort(), [fallbackTag(a.digest), `${fallbackTag(a.digest)}.sig`].sort());
    assert.equal((await client.headManifest(repository, 'stable'))?.digest, a.digest);
    assert.equal((await client.headManifest(repository, `${fallbackTag(a.digest)}.sig`))?.digest, sig.digest);
    assert.ok(await client.headManifest(repository, sbom.digest));
    assert.deepEqual(await indexEntries(session, registry, repository, a.digest), [sbom.digest]);
  });
});
