// `doctor` against every registry server of the test bed, its report checked against what each
// server does when asked directly (a tag DELETE, a DELETE by digest, the referrers endpoint, a
// mount, a chunked upload, ALPN), and against what it leaves behind.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import type { LookupFunction } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'node:tls';
import { afterAll as after, beforeAll as before, describe, test } from '@jest/globals';
import { doctor } from '../../src/commands/doctor.js';
import { openRunSession } from '../../src/commands/run-session.js';
import { diagnose } from '../../src/doctor/diagnose.js';
import type { RegistryReport } from '../../src/doctor/report.js';
import type { InputName } from '../../src/config/inputs/table.js';
import { RegistryError } from '../../src/registry/errors.js';
import { RegistrySession } from '../../src/registry/session.js';
import { makeCertificates } from '../helpers/certificates.js';
import { runCli } from '../helpers/cli.js';
import { exec } from '../helpers/exec.js';
import { startGitea, type Gitea } from '../helpers/gitea.js';
import { goTool } from '../helpers/go-tools.js';
import { pushSynthetic } from '../helpers/images.js';
import { startReferrersRegistry, type ReferrersRegistry } from '../helpers/referrers-registry.js';
import { freePort, startCraneRegistry, startRegistry, type RegistryProcess } from '../helpers/registry-process.js';
import { recordingLogger, testbed } from '../helpers/testbed.js';

const bed = testbed();

async function runDoctor(inputs: Partial<Record<InputName, string>>) {
  const logger = recordingLogger();
  const result = await doctor({ env: { ...process.env, GITHUB_STEP_SUMMARY: '' }, logger, read: (name) => inputs[name] ?? '', exec });
  return { reports: JSON.parse(result.outputs.registries ?? '[]') as RegistryReport[], failure: result.failure, lines: logger.lines };
}

/** What the server itself does, asked without doctor: each capability on a fresh image. */
async function actual(session: RegistrySession, registry: string, repository: string) {
  const client = session.client(registry);
  const image = await pushSynthetic(session, registry, repository, { layers: [64], tags: ['one', 'two', 'three'] });
  const referrersApi = (await client.getReferrers(repository, image.digest).catch(() => undefined)) !== undefined;
  const blobMount = await client.mountBlob(`${repository}-mounted`, image.layerDigests[0], repository);
  const tagStatus = await client.deleteManifest(repository, 'one');
  const oneGone = !(await client.headManifest(repository, 'one'));
  const twoStays = Boolean(await client.headManifest(repository, 'two'));
  const tagDelete = [200, 202, 204].includes(tagStatus) && oneGone ? (twoStays ? 'safe' : 'destructive') : 'no';
  const digestStatus = await client.deleteManifest(repository, image.digest);
  const digestDelete = [200, 202, 204].includes(digestStatus) && !(await client.headManifest(repository, 'three'));
  return { tagDelete, digestDelete, referrersApi, blobMount };
}

/** What doctor must leave: no tag under its repository. */
async function doctorTags(session: RegistrySession, registry: string, namespace: string): Promise<string[]> {
  const client = session.client(registry);
  // A repository whose every manifest went may be unknown to the registry now: no tag at all.
  return client.listTags(`${namespace}/cia-doctor`).catch((error: unknown) => {
    if (error instanceof RegistryError && error.status === 404) return [];
    throw error;
  });
}

describe('doctor tells what each registry of the test bed supports, and leaves nothing behind', () => {
  let v2: RegistryProcess;
  let v3: RegistryProcess;
  let crane: RegistryProcess;
  let noDelete: RegistryProcess;
  let withApi: ReferrersRegistry;
  let tls: RegistryProcess;
  let gitea: Gitea;
  const certs = mkdtempSync(join(tmpdir(), 'cia-doctor-tls-'));
  const session = new RegistrySession();
  let giteaSession: RegistrySession;
  let giteaCredentials: string;

  before(async () => {
    makeCertificates(certs, ['registry.test']);
    [v2, v3, crane, noDelete, withApi, tls, gitea] = await Promise.all([
      startRegistry(),
      startRegistry({ binary: goTool('distribution-v3', 'registry') }),
      startCraneRegistry(goTool('crane')),
      startRegistry({ deleteEnabled: false }),
      startReferrersRegistry(),
      startRegistry({ tls: { certificate: join(certs, 'server.pem'), key: join(certs, 'server.key') } }),
      startGitea(),
    ]);
    giteaSession = new RegistrySession({
      credentials: { explicit: new Map([[gitea.registry, { username: gitea.user, password: gitea.password }]]) },
    });
    giteaCredentials = JSON.stringify({ [gitea.registry]: { username: gitea.user, password: gitea.password } });
  }, 180_000);
  after(async () => {
    session.close();
    giteaSession?.close();
    await Promise.all([v2, v3, crane, noDelete, withApi, tls, gitea].map((s) => s?.stop()));
  });

  test('every open registry: the report matches what the server does when asked directly, and nothing is left', async () => {
    const servers = [
      { registry: v2.registry, vendor: 'distribution' },
      { registry: v3.registry, vendor: 'distribution' },
      { registry: crane.registry, vendor: 'unknown' },
      { registry: withApi.registry, vendor: 'distribution' },
    ];
    const { reports, failure } = await runDoctor({ registries: servers.map((s) => `${s.registry}/probe`).join('\n') });
    assert.equal(failure, undefined);
    for (const [i, server] of servers.entries()) {
      const report = reports[i];
      const truth = await actual(session, server.registry, `truth/${i}`);
      const got = {
        tagDelete: report['tag-delete'],
        digestDelete: report['digest-delete'],
        referrersApi: report['referrers-api'],
        blobMount: report['blob-mount'],
      };
      assert.deepEqual(got, truth, `${server.registry}: ${JSON.stringify(report)}`);
      assert.equal(report.vendor, server.vendor, server.registry);
      assert.equal(report.reachable, true);
      assert.equal(report.auth, 'none');
      assert.equal(report.http2, false, 'plain HTTP');
      assert.equal(report['chunked-upload'], true, `${server.registry}: ${report.notes.join('; ')}`);
      assert.deepEqual(report['left-behind'], []);
      assert.deepEqual(await doctorTags(session, server.registry, 'probe'), [], `${server.registry} holds no doctor tag`);
      const expected = truth.tagDelete === 'safe' ? 'OCI tag DELETE' : 'dummy manifest on the tag, deleted by digest';
      assert.equal(report.promote, expected);
    }
    // The two that differ, as measured: the referrers front has the API, go-containerregistry's
    // registry deletes a tag alone and keeps tags on a manifest deleted by digest.
    assert.equal(reports[3]['referrers-api'], true);
    assert.equal(reports[2]['tag-delete'], 'safe');
    assert.equal(reports[2]['digest-delete'], false);
  });

  test('Gitea: its vendor, bearer auth, its tag DELETE safe, and its packages API shows no probe version left', async () => {
    const { reports } = await runDoctor({ registries: `${gitea.registry}/${gitea.user}`, 'registry-credentials': giteaCredentials });
    const [report] = reports;
    const truth = await actual(giteaSession, gitea.registry, `${gitea.user}/truth`);
    assert.deepEqual(
      [report['tag-delete'], report['digest-delete'], report['referrers-api'], report['blob-mount']],
      [truth.tagDelete, truth.digestDelete, truth.referrersApi, truth.blobMount],
      JSON.stringify(report),
    );
    assert.equal(report.vendor, 'gitea');
    assert.equal(report.auth, 'bearer');
    assert.equal(report['tag-delete'], 'safe');
    assert.equal(report.promote, 'OCI tag DELETE');
    assert.deepEqual(report['left-behind'], []);
    const versions = await gitea.api<{ name: string; version: string }[]>('GET', `/packages/${gitea.user}?type=container&q=cia-doctor`);
    assert.deepEqual(
      versions.filter((v) => v.name === 'cia-doctor' && !v.version.startsWith('sha256:')),
      [],
      'no tagged version of cia-doctor is left',
    );
  });

  test('HTTPS with a private CA: HTTP/2 as the server offers it over ALPN', async () => {
    // A loopback address is always plain HTTP: the TLS registry is reached by a name resolving to it.
    const name = `registry.test:${tls.port}`;
    const lookup = ((_host: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) =>
      options?.all ? callback(null, [{ address: '127.0.0.1', family: 4 }]) : callback(null, '127.0.0.1', 4)) as unknown as LookupFunction;
    const run = openRunSession({
      credentials: new Map(),
      env: process.env,
      exec,
      logger: recordingLogger(),
      transport: { ca: readFileSync(join(certs, 'ca.pem'), 'utf8'), lookup },
    });
    const reports = [await diagnose(run, { name: `${name}/probe`, registry: name, namespace: 'probe' }, new Map())];
    run.close();
    const offered = await new Promise<string | false | null>((resolve) => {
      const socket = connect({ host: '127.0.0.1', port: tls.port, ALPNProtocols: ['h2', 'http/1.1'], rejectUnauthorized: false }, () => {
        resolve(socket.alpnProtocol);
        socket.destroy();
      });
    });
    assert.equal(offered, 'h2', 'distribution serves HTTP/2 over TLS');
    assert.equal(reports[0].http2, true);
    assert.equal(reports[0].reachable, true);
    assert.equal(reports[0].written, true, JSON.stringify(reports[0]));
  });

  test('a registry that refuses deletes: measured as such, and what doctor wrote is listed as left behind', async () => {
    const { reports, lines } = await runDoctor({ registries: `${noDelete.registry}/probe` });
    const [report] = reports;
    assert.equal(report['tag-delete'], 'no');
    assert.equal(report['digest-delete'], false);
    assert.equal(report.promote, 'nothing: the temporary tag is left behind (reported)');
    const left = await doctorTags(session, noDelete.registry, 'probe');
    assert.equal(left.length, 2);
    assert.deepEqual(
      report['left-behind'].filter((l) => !l.includes('@')).sort(),
      left.map((tag) => `${noDelete.registry}/probe/cia-doctor:${tag}`).sort(),
    );
    assert.ok(lines.some((l) => l.startsWith(`warning: ${noDelete.registry}/probe: doctor could not remove what it wrote: `)));
  });

  test('wrong credentials, no credentials, a namespace it may not write, an unreachable host: one clear line each, exit 0 while one was examined', async () => {
    const closed = `127.0.0.1:${await freePort()}`;
    const wrong = JSON.stringify({ [bed.registryAuth]: { username: bed.authUser, password: 'not-the-password' } });
    const wrongRun = await runDoctor({ registries: `${bed.registryAuth}/probe`, 'registry-credentials': wrong });
    assert.match(
      wrongRun.reports[0].problem ?? '',
      new RegExp(`^${bed.registryAuth} refused the login \\(GET /v2/: HTTP 401\\): check registry-credentials`),
    );
    assert.ok(!JSON.stringify(wrongRun).includes('not-the-password'));
    const none = await runDoctor({ registries: `${bed.registryAuth}/probe` });
    assert.match(none.reports[0].problem ?? '', /asks for a login and none was given/);
    // The admin may write anywhere: a plain user may not write to another user's namespace, nor to one that does not exist.
    for (const username of ['dev', 'other'])
      await gitea.api('POST', '/admin/users', {
        username,
        email: `${username}@example.invalid`,
        password: `${username}-password-1`,
        must_change_password: false,
      });
    const dev = JSON.stringify({ [gitea.registry]: { username: 'dev', password: 'dev-password-1' } });
    for (const namespace of ['other', 'nobody-at-all']) {
      const closedTo = await runDoctor({ registries: `${gitea.registry}/${namespace}`, 'registry-credentials': dev });
      assert.match(closedTo.reports[0].problem ?? '', new RegExp(`^may not write to ${gitea.registry}/${namespace}: `));
      assert.equal(closedTo.reports[0].written, false);
    }

    const cli = await runCli('doctor', { registries: `${closed}/probe\n${v2.registry}/probe` });
    assert.equal(cli.code, 0, cli.log);
    assert.match(cli.log, new RegExp(`${closed}/probe: cannot reach http://${closed}/v2/: ECONNREFUSED`));
    const listed = JSON.parse(cli.outputs.registries) as RegistryReport[];
    assert.deepEqual(
      listed.map((r) => [r.registry, r.reachable]),
      [
        [`${closed}/probe`, false],
        [`${v2.registry}/probe`, true],
      ],
    );
    const onlyClosed = await runCli('doctor', { registries: `${closed}/probe` });
    assert.equal(onlyClosed.code, 1);
    assert.match(onlyClosed.log, /no registry could be examined/);
  });

  test('bad input is named, nothing is sent', async () => {
    const run = await runCli('doctor', { registries: 'https://ghcr.io/acme\nnot a registry/x' });
    assert.equal(run.code, 1);
    assert.match(run.log, /registries \(line 1\) "https:\/\/ghcr.io\/acme": give host\[:port\]\/namespace without a scheme/);
    assert.match(run.log, /registries \(line 2\) "not a registry\/x": "not a registry" is not a registry host\[:port\]/);
  });
});
