// Real signing and attaching clients next to the hand-made artifacts of referrers.itest.ts:
// cosign (local key, no transparency log) signs and attests, oras attaches and discovers. What
// they wrote must still verify, or be discovered, at the registry the actions copied the image to.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll as after, beforeAll as before, describe, test } from '@jest/globals';
import { promote } from '../../src/commands/promote.js';
import type { InputName } from '../../src/config/inputs/table.js';
import { RegistrySession } from '../../src/registry/session.js';
import { exec } from '../helpers/exec.js';
import { goTool } from '../helpers/go-tools.js';
import { pushSynthetic } from '../helpers/images.js';
import { startReferrersRegistry, type ReferrersRegistry } from '../helpers/referrers-registry.js';
import { startRegistry, type RegistryProcess } from '../helpers/registry-process.js';
import { runMirror } from '../helpers/mirror-run.js';
import { recordingLogger, uniqueName } from '../helpers/testbed.js';

const run = promisify(execFile);
const session = new RegistrySession();
const work = mkdtempSync(join(tmpdir(), 'cia-signing-'));
// cosign reads the key's password from here; an empty one is a valid choice for a test key.
const cosignEnv = { ...process.env, COSIGN_PASSWORD: '', COSIGN_EXPERIMENTAL: '1', HOME: work };
const plainHttp = ['--allow-insecure-registry', '--allow-http-registry'];

async function cosign(...args: string[]): Promise<string> {
  const { stdout, stderr } = await run(goTool('cosign'), args, { cwd: work, env: cosignEnv, maxBuffer: 16 * 1024 * 1024 });
  return `${stdout}${stderr}`;
}

async function oras(...args: string[]): Promise<string> {
  const { stdout } = await run(goTool('oras'), args, { cwd: work, env: { ...process.env, HOME: work } });
  return stdout;
}

const SPDX_DOCUMENT = {
  spdxVersion: 'SPDX-2.3',
  SPDXID: 'SPDXRef-DOCUMENT',
  name: 'widgets',
  dataLicense: 'CC0-1.0',
  documentNamespace: 'https://example.invalid/widgets',
  creationInfo: { created: '2026-01-01T00:00:00Z', creators: ['Tool: container-image-actions tests'] },
  packages: [],
};

describe('cosign and oras: what they attach still verifies after the actions copied the image', () => {
  let source: RegistryProcess;
  let target: RegistryProcess;
  let withApi: ReferrersRegistry;
  before(async () => {
    [source, target, withApi] = await Promise.all([startRegistry(), startRegistry(), startReferrersRegistry()]);
    await cosign('generate-key-pair');
    writeFileSync(join(work, 'sbom.spdx.json'), JSON.stringify(SPDX_DOCUMENT));
  });
  after(async () => {
    session.close();
    await Promise.all([source.stop(), target.stop(), withApi.stop()]);
  });

  const image = (registry: string, repository: string) =>
    pushSynthetic(session, registry, repository, { layers: [200], platforms: ['linux/amd64', 'linux/arm64'], tags: ['v1'] });
  const sign = (ref: string, ...extra: string[]) =>
    cosign('sign', '--key', 'cosign.key', '--tlog-upload=false', '--yes', ...plainHttp, ...extra, ref);
  const verify = (ref: string, ...extra: string[]) =>
    cosign('verify', '--key', 'cosign.pub', '--insecure-ignore-tlog=true', ...plainHttp, ...extra, ref);

  test('cosign sign and attest (.sig/.att tags): mirrored, both verify at the destination; an unsigned copy does not', async () => {
    const repository = `signed/${uniqueName('cosign')}`;
    const { digest } = await image(source.registry, repository);
    const ref = `${source.registry}/${repository}@${digest}`;
    await sign(ref);
    await cosign(
      'attest',
      '--key',
      'cosign.key',
      '--tlog-upload=false',
      '--yes',
      ...plainHttp,
      '--type',
      'spdxjson',
      '--predicate',
      'sbom.spdx.json',
      ref,
    );

    const dest = `${target.registry}/mirror/${uniqueName('cosign')}`;
    const mirrored = await runMirror({
      mirror: JSON.stringify([{ src_repository: `${source.registry}/${repository}`, src_tag: 'v1', dest_repository: dest }]),
    });
    assert.deepEqual(
      mirrored.filter((m) => m.referrer).map((m) => m.referrer?.via),
      ['cosign-tag', 'cosign-tag'],
    );
    assert.match(await verify(`${dest}@${digest}`), /The signatures were verified against the specified public key/);
    const attested = await cosign(
      'verify-attestation',
      '--key',
      'cosign.pub',
      '--insecure-ignore-tlog=true',
      ...plainHttp,
      '--type',
      'spdxjson',
      `${dest}@${digest}`,
    );
    assert.match(attested, /The signatures were verified against the specified public key/);

    // The control: the same image mirrored with referrers: false has nothing to verify.
    const bare = `${target.registry}/mirror/${uniqueName('bare')}`;
    await runMirror({
      mirror: JSON.stringify([{ src_repository: `${source.registry}/${repository}`, src_tag: 'v1', dest_repository: bare }]),
      referrers: 'false',
    });
    await assert.rejects(verify(`${bare}@${digest}`), /no signatures found/);
  });

  test('cosign sign in OCI 1.1 mode (a referrer, no .sig tag) at a registry with the API: mirrored to one without, cosign finds it through the fallback index we wrote', async () => {
    const repository = `signed/${uniqueName('oci11')}`;
    const { digest } = await image(withApi.registry, repository);
    await sign(`${withApi.registry}/${repository}@${digest}`, '--registry-referrers-mode=oci-1-1');
    const dest = `${target.registry}/mirror/${uniqueName('oci11')}`;
    const mirrored = await runMirror({
      mirror: JSON.stringify([{ src_repository: `${withApi.registry}/${repository}`, src_tag: 'v1', dest_repository: dest }]),
    });
    assert.deepEqual(
      mirrored.filter((m) => m.referrer).map((m) => m.referrer?.via),
      ['referrers-api'],
    );
    assert.match(
      await verify(`${dest}@${digest}`, '--experimental-oci11'),
      /The signatures were verified against the specified public key/,
    );
  });

  test('oras attach through the referrers API, a signature on the SBOM: mirrored to a registry without the API, oras discover shows the same tree', async () => {
    const repository = `attached/${uniqueName('oras')}`;
    const { digest } = await image(withApi.registry, repository);
    const subject = `${withApi.registry}/${repository}@${digest}`;
    const attach = async (ref: string, type: string, file: string) => {
      const out = await oras('attach', '--plain-http', '--artifact-type', type, '--format', 'json', ref, file);
      return (JSON.parse(out) as { digest: string }).digest;
    };
    const sbom = await attach(subject, 'application/spdx+json', 'sbom.spdx.json');
    writeFileSync(join(work, 'sbom.sig'), 'a detached signature of the SBOM');
    const sbomSig = await attach(`${withApi.registry}/${repository}@${sbom}`, 'application/vnd.example.signature', 'sbom.sig');

    const dest = `${target.registry}/mirror/${uniqueName('oras')}`;
    const mirrored = await runMirror({
      mirror: JSON.stringify([{ src_repository: `${withApi.registry}/${repository}`, src_tag: 'v1', dest_repository: dest }]),
    });
    assert.deepEqual(
      mirrored
        .filter((m) => m.referrer)
        .map((m) => [m.digest, m.referrer?.via])
        .sort(),
      [
        [sbom, 'referrers-api'],
        [sbomSig, 'referrers-api'],
      ].sort(),
    );
    const tree = (ref: string) => oras('discover', '--plain-http', '--format', 'json', ref);
    const discovered = JSON.parse(await tree(`${dest}@${digest}`)) as {
      referrers?: { digest: string; artifactType: string; referrers?: { digest: string }[] }[];
    };
    assert.deepEqual(
      (discovered.referrers ?? []).map((r) => [r.artifactType, r.digest, (r.referrers ?? []).map((n) => n.digest)]),
      [['application/spdx+json', sbom, [sbomSig]]],
    );
  });

  test('promote from an intermediate registry: the cosign signature made in the gate verifies on the final tag', async () => {
    const repository = `promoted/${uniqueName('app')}`;
    const intermediateRepository = `ci/${repository}`;
    const { digest } = await pushSynthetic(session, source.registry, intermediateRepository, {
      layers: [150],
      tags: ['change_91_latest'],
      labels: { 'org.zuul-ci.change': '91' },
    });
    await sign(`${source.registry}/${intermediateRepository}@${digest}`);
    const logger = recordingLogger();
    const inputs: Partial<Record<InputName, string>> = {
      images: JSON.stringify([{ context: '.', repository: `${target.registry}/${repository}`, tags: ['latest'] }]),
      change: '91',
      'promote-method': 'intermediate-registry',
      'intermediate-registry': `${source.registry}/ci`,
      cleanup: 'false',
      'work-dir': work,
    };
    const result = await promote({ env: { ...process.env, RUNNER_TEMP: work }, logger, read: (name) => inputs[name] ?? '', exec });
    assert.equal(result.failure, undefined, logger.lines.join('\n'));
    assert.match(await verify(`${target.registry}/${repository}:latest`), /The signatures were verified against the specified public key/);
  });
});
