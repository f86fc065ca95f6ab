// Referrers at depth, at scale and at a registry that has the referrers API but indexes nothing:
// a chain deeper than the bound is copied to the bound and the rest reported (with a warning);
// hundreds of referrers are looked at with the run's concurrency; a destination whose manifest
// PUT comes back without OCI-Subject gets the fallback index, where oras and we find them.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll as after, beforeAll as before, describe, test } from '@jest/globals';
import { mirror, type MirroredTag } from '../../src/commands/mirror.js';
import type { InputName } from '../../src/config/inputs/table.js';
import { MAX_REFERRER_DEPTH } from '../../src/registry/referrers.js';
import { RegistrySession } from '../../src/registry/session.js';
import {
  indexEntries,
  pushManyArtifacts,
  pushSbom,
  pushSignature,
  putFallbackIndex,
  SPDX,
  type PushedArtifact,
} from '../helpers/artifacts.js';
import { exec } from '../helpers/exec.js';
import { goTool } from '../helpers/go-tools.js';
import { pushSynthetic } from '../helpers/images.js';
import { runMirror } from '../helpers/mirror-run.js';
import { startReferrersRegistry, type ReferrersRegistry } from '../helpers/referrers-registry.js';
import { startRegistry, type RegistryProcess } from '../helpers/registry-process.js';
import { recordingLogger, uniqueName } from '../helpers/testbed.js';

const run = promisify(execFile);
const session = new RegistrySession({ maxInFlight: 8 });

const mirrorList = (from: string, to: string) => JSON.stringify([{ src_repository: from, src_tag: 'v1', dest_repository: to }]);

/** A one-platform image tagged v1: the subject artifacts refer to. */
async function image(registry: string, repository: string) {
  const pushed = await pushSynthetic(session, registry, repository, { layers: [100], tags: ['v1'] });
  const head = (await session.client(registry).headManifest(repository, pushed.digest))!;
  return { digest: pushed.digest, mediaType: head.mediaType, size: head.size };
}

const subjectOf = (artifact: PushedArtifact) => ({ digest: artifact.digest, mediaType: artifact.mediaType, size: artifact.bytes.length });

describe('referrers at depth, at scale, and without OCI-Subject', () => {
  let plainA: RegistryProcess;
  let plainB: RegistryProcess;
  let withApi: ReferrersRegistry;
  let unindexing: ReferrersRegistry;
  before(async () => {
    [plainA, plainB, withApi, unindexing] = await Promise.all([
      startRegistry(),
      startRegistry(),
      startReferrersRegistry(),
      startReferrersRegistry({ indexPushes: false }),
    ]);
  });
  after(async () => {
    session.close();
    await Promise.all([plainA.stop(), plainB.stop(), withApi.stop(), unindexing.stop()]);
  });

  test('a chain of 18 signatures is copied 16 levels deep; the 17th is listed as skipped, with a warning', async () => {
    const repository = `chain/${uniqueName('app')}`;
    const signed = await image(plainA.registry, repository);
    // Each signature signs the one before; a client without the API wrote each fallback index.
    const chain: PushedArtifact[] = [];
    for (let level = 1; level <= 18; level++) {
      const subject = level === 1 ? signed : subjectOf(chain[level - 2]);
      const signature = await pushSignature(session, plainA.registry, repository, subject, { subject: true, note: `level ${level}` });
      await putFallbackIndex(session, plainA.registry, repository, subject.digest, [signature]);
      chain.push(signature);
    }
    const dest = `mirror/${uniqueName('chain')}`;
    const work = mkdtempSync(join(tmpdir(), 'cia-referrers-'));
    const logger = recordingLogger();
    const inputs: Partial<Record<InputName, string>> = {
      'work-dir': work,
      mirror: mirrorList(`${plainA.registry}/${repository}`, `${plainB.registry}/${dest}`),
    };
    const result = await mirror({ env: { ...process.env, RUNNER_TEMP: work }, logger, read: (name) => inputs[name] ?? '', exec });
    assert.equal(result.failure, undefined, logger.lines.join('\n'));
    const referrers = (JSON.parse(result.outputs.mirrored ?? '[]') as MirroredTag[]).filter((m) => m.referrer);
    assert.equal(MAX_REFERRER_DEPTH, 16, 'the documented bound');
    const copied = chain.slice(0, 16);
    const beyond = chain[16];
    assert.deepEqual(
      referrers.filter((m) => m.status === 'copied').map((m) => m.digest),
      copied.map((c) => c.digest),
    );
    assert.deepEqual(
      referrers.filter((m) => m.status === 'skipped').map((m) => [m.digest, m.referrer?.subject, m.referrer?.via]),
      [[beyond.digest, copied[copied.length - 1].digest, 'fallback-tag']],
    );
    const warning = logger.lines.find((l) => l.startsWith('warning:') && l.includes(beyond.digest));
    assert.ok(warning, logger.lines.join('\n'));
    assert.match(warning, /followed 16 levels deep; 1 referrer\(s\) deeper were not copied/);
    // What was copied is discoverable: the last subject copied has its fallback index, naming the deepest copy.
    assert.deepEqual(await indexEntries(session, plainB.registry, dest, copied[copied.length - 2].digest), [
      copied[copied.length - 1].digest,
    ]);
    const client = session.client(plainB.registry);
    assert.ok(await client.headManifest(dest, copied[copied.length - 1].digest));
    assert.equal(await client.headManifest(dest, beyond.digest), undefined);
  });

  test('300 referrers of one image: a no-op re-run checks them with the run’s max-concurrency, not one at a time', async () => {
    const repository = `many/${uniqueName('app')}`;
    const signed = await image(plainA.registry, repository);
    const count = 300;
    const signatures = await pushManyArtifacts(session, plainA.registry, repository, signed, count);
    await putFallbackIndex(session, plainA.registry, repository, signed.digest, signatures);
    const dest = `mirror/${uniqueName('many')}`;
    const list = mirrorList(`${plainA.registry}/${repository}`, `${withApi.registry}/${dest}`);
    const first = await runMirror({ mirror: list });
    assert.equal(first.filter((m) => m.referrer && m.status === 'copied').length, count);
    withApi.resetPeak();
    const again = await runMirror({ mirror: list, 'max-concurrency': '6' });
    assert.equal(again.filter((m) => m.referrer && m.status === 'unchanged').length, count);
    assert.ok(withApi.peakInFlight() > 1, `the destination saw at most ${withApi.peakInFlight()} request(s) at once`);
    assert.ok(withApi.peakInFlight() <= 6, `no more than the run's max-concurrency (6) at once, saw ${withApi.peakInFlight()}`);
  });

  test('a destination with the referrers API that answers a referrer’s PUT without OCI-Subject gets the fallback index', async () => {
    const repository = `unindexed/${uniqueName('app')}`;
    const signed = await image(plainA.registry, repository);
    const sbom = await pushSbom(session, plainA.registry, repository, signed);
    const sbomSig = await pushSignature(session, plainA.registry, repository, subjectOf(sbom), { subject: true, note: 'sbom' });
    await putFallbackIndex(session, plainA.registry, repository, signed.digest, [sbom]);
    await putFallbackIndex(session, plainA.registry, repository, sbom.digest, [sbomSig]);
    const dest = `mirror/${uniqueName('unindexed')}`;
    const mirrored = await runMirror({ mirror: mirrorList(`${plainA.registry}/${repository}`, `${unindexing.registry}/${dest}`) });
    assert.deepEqual(
      mirrored
        .filter((m) => m.referrer)
        .map((m) => [m.digest, m.status])
        .sort(),
      [
        [sbom.digest, 'copied'],
        [sbomSig.digest, 'copied'],
      ].sort(),
    );
    // It has the API (an empty list), yet lists nothing: only the fallback indexes make them discoverable.
    assert.deepEqual(await session.client(unindexing.registry).getReferrers(dest, signed.digest), []);
    assert.deepEqual(await indexEntries(session, unindexing.registry, dest, signed.digest), [sbom.digest]);
    assert.deepEqual(await indexEntries(session, unindexing.registry, dest, sbom.digest), [sbomSig.digest]);
    // oras, told to use the tag schema, finds the SBOM and the signature on it.
    const { stdout } = await run(goTool('oras'), [
      'discover',
      '--plain-http',
      '--distribution-spec',
      'v1.1-referrers-tag',
      '--format',
      'json',
      `${unindexing.registry}/${dest}@${signed.digest}`,
    ]);
    const tree = JSON.parse(stdout) as { referrers?: { digest: string; artifactType?: string; referrers?: { digest: string }[] }[] };
    assert.deepEqual(
      tree.referrers?.map((r) => [r.digest, r.artifactType, r.referrers?.map((s) => s.digest)]),
      [[sbom.digest, SPDX, [sbomSig.digest]]],
      stdout,
    );
    // And our own discovery, mirroring on from there, finds them although the API lists nothing.
    const onward = await runMirror({
      mirror: mirrorList(`${unindexing.registry}/${dest}`, `${plainB.registry}/mirror/${uniqueName('onward')}`),
      'dry-run': 'true',
    });
    assert.deepEqual(
      onward
        .filter((m) => m.referrer)
        .map((m) => [m.digest, m.referrer?.via, m.status])
        .sort(),
      [
        [sbom.digest, 'fallback-tag', 'planned'],
        [sbomSig.digest, 'fallback-tag', 'planned'],
      ].sort(),
    );
  });
});
