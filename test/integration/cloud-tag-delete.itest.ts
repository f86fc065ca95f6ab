// One tag deleted on AWS ECR, Google Artifact Registry and Azure ACR through their own APIs,
// against stand-ins (test/helpers/cloud-stand-ins.ts) that refuse the registry API's ways as the
// services do: without the vendor's credentials the tag stays (left behind), never the release.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll as after, beforeAll as before, describe, test } from '@jest/globals';
import { silentLogger } from '../../src/logger.js';
import type { RegistryKind } from '../../src/registry/kinds.js';
import type { RegistrySession } from '../../src/registry/session.js';
import { TagDeleter, type TagDeletion } from '../../src/registry/tag-delete/tag-deleter.js';
import type { VendorCredential } from '../../src/registry/tag-delete/vendors.js';
import {
  cloudSession,
  startAcrStandIn,
  startEcrStandIn,
  startGarStandIn,
  type AcrStandIn,
  type CloudCall,
  type CloudStandIn,
} from '../helpers/cloud-stand-ins.js';
import { pushSynthetic, skopeoTags } from '../helpers/images.js';
import { listOf, merged, promoteOrThrow, pushGated } from '../helpers/promote-run.js';

const root = join(import.meta.dirname, '..', '..');
const TEMPORARY = 'change_3_v1';

interface DeleteOptions {
  readonly credential?: VendorCredential & { type?: RegistryKind };
  readonly env?: NodeJS.ProcessEnv;
  /** The registry as the deleter names it (default: the stand-in's cloud-like name). */
  readonly registry?: string;
}

/** Pushes one image under `change_3_v1` and `v1`, then deletes `change_3_v1` as promote does. */
async function gateAndDelete(
  standIn: CloudStandIn,
  session: RegistrySession,
  repository: string,
  options: DeleteOptions = {},
): Promise<{ result: TagDeletion; digest: string; deleter: TagDeleter }> {
  const registry = options.registry ?? standIn.registry;
  const { digest } = await pushSynthetic(session, registry, repository, { layers: [100], tags: [TEMPORARY, 'v1'] });
  standIn.calls.length = 0;
  const deleter = new TagDeleter({ session, env: options.env ?? {}, vendorCredential: () => options.credential });
  const result = await deleter.deleteTag({ registry, repository }, TEMPORARY);
  return { result, digest, deleter };
}

const manifestDeletes = (calls: CloudCall[]) => calls.filter((c) => c.method === 'DELETE' && c.path.includes('/manifests/'));

describe('AWS ECR: BatchDeleteImage, SigV4-signed, checked by the stand-in', () => {
  const account = '123456789012';
  const host = `${account}.dkr.ecr.eu-west-1.amazonaws.com`;
  const keys = { accessKeyId: 'AKIACIATESTKEY000001', secretAccessKey: 'ecr/test+secret0000000000000000000000001' };
  const temporary = {
    accessKeyId: 'ASIACIATESTKEY000002',
    secretAccessKey: 'ecr/session+secret00000000000000000000002',
    sessionToken: 'ecr-session-token-3',
  };
  const registryPassword = 'ecr-registry-login-password';
  const masked: string[] = [];
  let ecr: CloudStandIn;
  let session: RegistrySession;
  let direct: RegistrySession;
  const envKeys = (extra: NodeJS.ProcessEnv = {}) => ({
    AWS_ACCESS_KEY_ID: keys.accessKeyId,
    AWS_SECRET_ACCESS_KEY: keys.secretAccessKey,
    AWS_ENDPOINT_URL_ECR: ecr.apiUrl,
    ...extra,
  });
  const apiCalls = () => ecr.calls.filter((c) => c.method === 'POST' && c.path === '/');

  before(async () => {
    ecr = await startEcrStandIn({ host, account, region: 'eu-west-1', keys: [keys, temporary], registryPassword });
    const login = { username: 'AWS', password: registryPassword };
    session = cloudSession(ecr.registry, { login, logger: { ...silentLogger, mask: (s) => masked.push(s) } });
    direct = cloudSession(ecr.address, { login });
  });
  after(async () => {
    session.close();
    direct.close();
    await ecr.stop();
  });

  test('keys from the run environment (no credentials entry): one BatchDeleteImage for the tag; v1 stays', async () => {
    const repository = 'team/app-env';
    const { result, digest } = await gateAndDelete(ecr, session, repository, { env: envKeys() });
    assert.deepEqual([result.status, result.method], ['deleted', 'ecr-api']);
    assert.deepEqual(await skopeoTags(`${ecr.backing}/${repository}`), ['v1']);
    assert.equal((await direct.client(ecr.address).headManifest(repository, 'v1'))?.digest, digest);
    const [call, ...more] = apiCalls();
    assert.deepEqual(more, []);
    assert.equal(call.target, 'AmazonEC2ContainerRegistry_V20150921.BatchDeleteImage');
    assert.equal(call.status, 200);
    assert.match(
      call.authorization ?? '',
      new RegExp(`^AWS4-HMAC-SHA256 Credential=${keys.accessKeyId}/\\d{8}/eu-west-1/ecr/aws4_request, `),
    );
    assert.deepEqual(JSON.parse(call.body ?? '{}'), {
      registryId: account,
      repositoryName: repository,
      imageIds: [{ imageTag: TEMPORARY }],
    });
    assert.deepEqual(manifestDeletes(ecr.calls), [], 'no registry-API DELETE, no probe');
  });

  test('keys from api_token <id>:<secret>:<session token>: each part masked, the session token sent', async () => {
    masked.length = 0;
    const apiToken = `${temporary.accessKeyId}:${temporary.secretAccessKey}:${temporary.sessionToken}`;
    const { result } = await gateAndDelete(ecr, session, 'team/app-token', { credential: { apiToken, apiUrl: ecr.apiUrl } });
    assert.equal(result.status, 'deleted');
    assert.deepEqual(await skopeoTags(`${ecr.backing}/team/app-token`), ['v1']);
    assert.match(apiCalls()[0].authorization ?? '', new RegExp(`Credential=${temporary.accessKeyId}/`));
    for (const part of Object.values(temporary)) assert.ok(masked.includes(part), `${part.slice(0, 4)}… masked`);
  });

  test('`type: ecr` on another host: the region from AWS_REGION, no registryId (the credentials’ account)', async () => {
    const { result } = await gateAndDelete(ecr, direct, 'team/app-declared', {
      registry: ecr.address,
      credential: { type: 'ecr', apiUrl: ecr.apiUrl },
      env: envKeys({ AWS_REGION: 'eu-west-1' }),
    });
    assert.equal(result.status, 'deleted');
    assert.deepEqual(JSON.parse(apiCalls()[0].body ?? '{}'), { repositoryName: 'team/app-declared', imageIds: [{ imageTag: TEMPORARY }] });
  });

  test("the image's last tag: BatchDeleteImage deletes the image with it (documented)", async () => {
    const repository = 'team/app-last';
    const { digest } = await pushSynthetic(session, ecr.registry, repository, { layers: [100], tags: ['solo', 'keep'] });
    const deleter = new TagDeleter({ session, env: envKeys() });
    assert.equal((await deleter.deleteTag({ registry: ecr.registry, repository }, 'solo')).status, 'deleted');
    assert.equal((await direct.client(ecr.address).headManifest(repository, digest))?.digest, digest, 'another tag keeps the image');
    assert.equal((await deleter.deleteTag({ registry: ecr.registry, repository }, 'keep')).status, 'deleted');
    assert.equal(await direct.client(ecr.address).headManifest(repository, digest), undefined, 'the last tag took the image');
  });

  test('without AWS credentials in the run environment: left behind at once, naming what is missing; no probe tag written', async () => {
    // The process's own environment is not the run's: keys there are not taken.
    const saved = { ...process.env };
    Object.assign(process.env, envKeys());
    try {
      const { result, digest, deleter } = await gateAndDelete(ecr, session, 'team/app-none', { env: { AWS_ENDPOINT_URL_ECR: ecr.apiUrl } });
      assert.equal(result.status, 'left-behind');
      assert.match(result.detail ?? '', /AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY not set.*removes one tag through its API alone/);
      // Nothing else was tried, so nothing of ours is left there either.
      assert.deepEqual(await skopeoTags(`${ecr.backing}/team/app-none`), [TEMPORARY, 'v1']);
      assert.equal((await direct.client(ecr.address).headManifest('team/app-none', 'v1'))?.digest, digest);
      assert.deepEqual(apiCalls(), [], 'the ECR API was not called');
      assert.deepEqual(manifestDeletes(ecr.calls), []);
      assert.equal(deleter.leftoverProbes.length, 0);
    } finally {
      for (const name of Object.keys(envKeys())) if (!(name in saved)) delete process.env[name];
      Object.assign(process.env, saved);
    }
  });

  test('a wrong secret: a clear error (403 InvalidSignatureException) without the secret; both tags stay', async () => {
    const wrong = 'ecr/wrong+secret000000000000000000000000009';
    const outcome = gateAndDelete(ecr, session, 'team/app-wrong', { env: envKeys({ AWS_SECRET_ACCESS_KEY: wrong }) });
    await assert.rejects(outcome, (error: Error) => {
      assert.match(error.message, /HTTP 403 InvalidSignatureException: The request signature we calculated does not match/);
      assert.match(
        error.message,
        /BatchDeleteImage of team\/app-wrong:change_3_v1: the secret access key does not belong to the access key id/,
      );
      assert.ok(!error.message.includes(wrong) && !error.message.includes(keys.secretAccessKey));
      return true;
    });
    assert.deepEqual(await skopeoTags(`${ecr.backing}/team/app-wrong`), [TEMPORARY, 'v1']);
    assert.equal(apiCalls().length, 1, 'the SDK did not retry a refusal');
  });

  test('an unknown access key: UnrecognizedClientException, named', async () => {
    const outcome = gateAndDelete(ecr, session, 'team/app-unknown', { env: envKeys({ AWS_ACCESS_KEY_ID: 'AKIAUNKNOWNKEY000009' }) });
    await assert.rejects(outcome, /HTTP 403 UnrecognizedClientException: .*the access key id \(or session token\) was not recognised/);
  });

  test('the SDK reads neither ~/.aws nor the process environment, and never instance metadata (a child process, watched)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cia-ecr-child-'));
    const home = join(dir, 'home');
    mkdirSync(join(home, '.aws'), { recursive: true });
    // Files that would send the call elsewhere, or sign it with other keys, were they read.
    writeFileSync(join(home, '.aws', 'config'), '[default]\nregion = us-west-2\nendpoint_url = http://127.0.0.1:9\nmax_attempts = 9\n');
    writeFileSync(
      join(home, '.aws', 'credentials'),
      `[default]\naws_access_key_id = ${keys.accessKeyId}\naws_secret_access_key = ${keys.secretAccessKey}\n`,
    );
    const metadata: string[] = [];
    const imds = createServer((req, res) => {
      metadata.push(`${req.method} ${req.url}`);
      res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => imds.listen(0, '127.0.0.1', resolve));
    const imdsUrl = `http://127.0.0.1:${(imds.address() as AddressInfo).port}`;
    // Reads of ~/.aws are reported by a hook that runs before the SDK is loaded.
    writeFileSync(
      join(dir, 'hook.cjs'),
      `const fs = require('node:fs');
const seen = [];
for (const [object, name] of [[fs.promises, 'readFile'], [fs.promises, 'open'], [fs, 'readFile'], [fs, 'readFileSync'], [fs, 'openSync'], [fs, 'open']]) {
  const original = object[name];
  object[name] = function (path, ...rest) { if (String(path).includes('.aws')) seen.push(String(path)); return original.call(this, path, ...rest); };
}
process.on('exit', () => process.stderr.write('AWS-FILES ' + JSON.stringify(seen) + '\\n'));
`,
    );
    const vendors = pathToFileURL(join(root, 'src', 'registry', 'tag-delete', 'cloud-vendors.ts')).href;
    writeFileSync(
      join(dir, 'run.mts'),
      `import { ecr } from ${JSON.stringify(vendors)};
const context = JSON.parse(process.argv[2]);
const outcome = await ecr({ ...context, transport: {}, client: {}, mask() {} }).catch((e) => e.name + ': ' + e.message);
console.log(JSON.stringify(outcome));
`,
    );
    await pushSynthetic(session, ecr.registry, 'team/app-child', { layers: [100], tags: [TEMPORARY, 'v1', 'change_4_v1'] });
    ecr.calls.length = 0;
    // Asynchronously: the stand-in answering the child runs in this process.
    const child = async (env: NodeJS.ProcessEnv, tag: string) => {
      const context = { registry: host, repository: 'team/app-child', tag, credential: { apiUrl: ecr.apiUrl }, env };
      const args = ['--require', join(dir, 'hook.cjs'), '--import', 'tsx', join(dir, 'run.mts'), JSON.stringify(context)];
      const run = spawn(process.execPath, args, {
        cwd: root,
        env: {
          PATH: process.env.PATH,
          HOME: home,
          // The process's own: valid keys (of the wrong identity), and every metadata endpoint.
          ...envKeys(),
          AWS_EC2_METADATA_SERVICE_ENDPOINT: imdsUrl,
          AWS_CONTAINER_CREDENTIALS_FULL_URI: `${imdsUrl}/credentials`,
          AWS_DEFAULTS_MODE: 'auto',
        },
      });
      let stdout = '';
      let stderr = '';
      run.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
      run.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
      await new Promise((resolve) => run.on('close', resolve));
      const files = /AWS-FILES (.*)/.exec(stderr)?.[1];
      assert.ok(files, stderr);
      return { outcome: JSON.parse(stdout.trim().split('\n').pop() ?? 'null') as string, files: JSON.parse(files) as string[] };
    };
    try {
      const given = await child(
        {
          AWS_ACCESS_KEY_ID: temporary.accessKeyId,
          AWS_SECRET_ACCESS_KEY: temporary.secretAccessKey,
          AWS_SESSION_TOKEN: temporary.sessionToken,
        },
        TEMPORARY,
      );
      assert.equal(given.outcome, 'deleted');
      assert.deepEqual(given.files, []);
      assert.match(
        apiCalls()[0].authorization ?? '',
        new RegExp(`Credential=${temporary.accessKeyId}/\\d{8}/eu-west-1/`),
        'the run environment’s keys, the host’s region',
      );
      const none = await child({}, 'change_4_v1');
      assert.match(
        none.outcome,
        /^VendorNotConfigured: ECR tag deletion needs credentials for its API: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY not set/,
      );
      assert.deepEqual(none.files, []);
      assert.equal(apiCalls().length, 1, 'nothing sent without keys in the run environment');
      assert.deepEqual(metadata, []);
      assert.deepEqual(await skopeoTags(`${ecr.backing}/team/app-child`), ['change_4_v1', 'v1']);
    } finally {
      await new Promise<void>((resolve) => imds.close(() => resolve()));
    }
  });
});

describe('Google Artifact Registry: the REST tags.delete with an OAuth access token', () => {
  const host = 'europe-west3-docker.pkg.dev';
  const accessToken = 'ya29.test-access-token-0001';
  const jsonKey = JSON.stringify({ type: 'service_account', private_key: 'not-a-real-key' });
  let gar: CloudStandIn;
  let session: RegistrySession;
  const oauthLogin = { username: 'oauth2accesstoken', password: accessToken };
  const restCalls = () => gar.calls.filter((c) => c.path.startsWith('/v1/'));

  before(async () => {
    gar = await startGarStandIn({ host, location: 'europe-west3', accessToken, jsonKey });
    session = cloudSession(gar.registry, { login: oauthLogin });
  });
  after(async () => {
    session.close();
    await gar.stop();
  });

  test("the login's access token (oauth2accesstoken): DELETE .../packages/<a%2Fb>/tags/<tag>; v1 stays", async () => {
    const repository = 'acme-project/images/team/app';
    const { result } = await gateAndDelete(gar, session, repository, { credential: { ...oauthLogin, apiUrl: gar.apiUrl } });
    assert.deepEqual([result.status, result.method], ['deleted', 'artifact-registry-api']);
    assert.deepEqual(await skopeoTags(`${gar.backing}/${repository}`), ['v1']);
    assert.deepEqual(
      restCalls().map((c) => [c.method, c.path, c.authorization, c.status]),
      [
        [
          'DELETE',
          '/v1/projects/acme-project/locations/europe-west3/repositories/images/packages/team%2Fapp/tags/change_3_v1',
          `Bearer ${accessToken}`,
          200,
        ],
      ],
    );
    assert.deepEqual(manifestDeletes(gar.calls), []);
  });

  test('no credentials entry: the login from docker’s config, the API endpoint from gcloud’s override variable', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cia-gar-docker-'));
    const auth = Buffer.from(`oauth2accesstoken:${accessToken}`).toString('base64');
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ auths: { [gar.registry]: { auth } } }));
    const env = { DOCKER_CONFIG: dir, CLOUDSDK_API_ENDPOINT_OVERRIDES_ARTIFACTREGISTRY: gar.apiUrl };
    const ambient = cloudSession(gar.registry, { env });
    try {
      const { result } = await gateAndDelete(gar, ambient, 'acme-project/images/ambient', { env });
      assert.equal(result.status, 'deleted');
      assert.equal(restCalls()[0].authorization, `Bearer ${accessToken}`);
      assert.deepEqual(await skopeoTags(`${gar.backing}/acme-project/images/ambient`), ['v1']);
    } finally {
      ambient.close();
    }
  });

  test('`type: gar` on another host: the location from CLOUDSDK_ARTIFACTS_LOCATION', async () => {
    const direct = cloudSession(gar.address, { login: oauthLogin });
    try {
      const { result } = await gateAndDelete(gar, direct, 'acme-project/images/declared', {
        registry: gar.address,
        credential: { type: 'gar', apiUrl: gar.apiUrl, apiToken: accessToken },
        env: { CLOUDSDK_ARTIFACTS_LOCATION: 'europe-west3' },
      });
      assert.equal(result.status, 'deleted');
      assert.match(
        restCalls()[0].path,
        /^\/v1\/projects\/acme-project\/locations\/europe-west3\/repositories\/images\/packages\/declared\/tags\//,
      );
    } finally {
      direct.close();
    }
  });

  test('a _json_key login mints no token here: left behind at once, saying to pass an access token; no probe tag written', async () => {
    const keyLogin = { username: '_json_key', password: jsonKey };
    const keyed = cloudSession(gar.registry, { login: keyLogin });
    try {
      const repository = 'acme-project/images/json-key';
      const { result, deleter } = await gateAndDelete(gar, keyed, repository, { credential: { ...keyLogin, apiUrl: gar.apiUrl } });
      assert.equal(result.status, 'left-behind');
      assert.match(result.detail ?? '', /cannot mint an access token here: pass an OAuth access token as api_token/);
      assert.doesNotMatch(result.detail ?? '', /private_key/);
      assert.deepEqual(await skopeoTags(`${gar.backing}/${repository}`), [TEMPORARY, 'v1']);
      assert.deepEqual(restCalls(), [], 'the REST API was not called');
      assert.deepEqual(manifestDeletes(gar.calls), []);
      assert.equal(deleter.leftoverProbes.length, 0);
    } finally {
      keyed.close();
    }
  });

  test('a wrong access token: a clear error (401) without the token; both tags stay', async () => {
    const wrong = 'ya29.wrong-token-0009';
    const outcome = gateAndDelete(gar, session, 'acme-project/images/wrong', { credential: { apiToken: wrong, apiUrl: gar.apiUrl } });
    await assert.rejects(outcome, (error: Error) => {
      assert.match(error.message, /HTTP 401 UNAUTHENTICATED: Request had invalid authentication credentials/);
      assert.match(error.message, /the access token was refused/);
      assert.ok(!error.message.includes(wrong));
      return true;
    });
    assert.deepEqual(await skopeoTags(`${gar.backing}/acme-project/images/wrong`), [TEMPORARY, 'v1']);
  });
});

describe('Azure ACR: DELETE /acr/v1/<name>/_tags/<tag> with the registry’s own token', () => {
  const host = 'ciaregistry.azurecr.io';
  const deleter = { username: 'ci-deleter', password: 'acr-deleter-password' };
  const pusher = { username: 'ci-pusher', password: 'acr-pusher-password' };
  let acr: AcrStandIn;
  let session: RegistrySession;
  let authfile: string;
  const untagCalls = () => acr.calls.filter((c) => c.path.startsWith('/acr/v1/'));

  before(async () => {
    acr = await startAcrStandIn({
      host,
      users: {
        [deleter.username]: { password: deleter.password, grants: [{ repository: /.*/, actions: ['pull', 'push', 'delete'] }] },
        [pusher.username]: { password: pusher.password, grants: [{ repository: /.*/, actions: ['pull', 'push'] }] },
      },
    });
    session = cloudSession(acr.registry, { login: deleter });
    authfile = join(mkdtempSync(join(tmpdir(), 'cia-acr-auth-')), 'auth.json');
    const { username, password } = acr.adminLogin;
    writeFileSync(
      authfile,
      JSON.stringify({ auths: { [acr.backing]: { auth: Buffer.from(`${username}:${password}`).toString('base64') } } }),
    );
  });
  after(async () => {
    session.close();
    await acr.stop();
  });

  test('the token for repository:<name>:delete, then 202; v1 stays, no manifest DELETE', async () => {
    const repository = 'team/app';
    const { result } = await gateAndDelete(acr, session, repository);
    assert.deepEqual([result.status, result.method], ['deleted', 'acr-api']);
    assert.deepEqual(await skopeoTags(`${acr.backing}/${repository}`, authfile), ['v1']);
    assert.deepEqual(
      untagCalls().map((c) => [c.method, c.path, c.status]),
      [['DELETE', '/acr/v1/team/app/_tags/change_3_v1', 202]],
    );
    assert.match(untagCalls()[0].authorization ?? '', /^Bearer [\w-]+\.[\w-]+\.[\w-]+$/);
    const asked = acr.tokens.requests.filter((r) => r.scopes.includes('repository:team/app:delete'));
    assert.equal(
      JSON.stringify(asked.map((r) => [r.user, r.granted])),
      JSON.stringify([[deleter.username, [{ name: 'team/app', actions: ['delete'] }]]]),
    );
    assert.deepEqual(manifestDeletes(acr.calls), []);
  });

  test('a login without the delete permission (AcrPush): a clear error naming it; nothing deleted, no probe left', async () => {
    const pushOnly = cloudSession(acr.registry, { login: pusher });
    try {
      await assert.rejects(gateAndDelete(acr, pushOnly, 'team/push-only'), (error: Error) => {
        assert.match(error.message, /DELETE http:\/\/ciaregistry\.azurecr\.io:\d+\/acr\/v1\/team\/push-only\/_tags\/change_3_v1: HTTP 401/);
        assert.match(error.message, /insufficient_scope/);
        assert.match(error.message, /the AcrDelete role/);
        return true;
      });
      assert.deepEqual(await skopeoTags(`${acr.backing}/team/push-only`, authfile), [TEMPORARY, 'v1']);
      assert.deepEqual(manifestDeletes(acr.calls), []);
    } finally {
      pushOnly.close();
    }
  });

  test('the registry API alone (declared `type: generic`): tag DELETE is refused (405); the dummy is deleted by digest, as ACR allows', async () => {
    const repository = 'team/generic';
    const { result } = await gateAndDelete(acr, session, repository, { credential: { type: 'generic' } });
    assert.deepEqual([result.status, result.method], ['deleted', 'dummy-manifest']);
    assert.deepEqual(await skopeoTags(`${acr.backing}/${repository}`, authfile), ['v1']);
    const tagDeletes = manifestDeletes(acr.calls).filter((c) => !c.path.includes('sha256:'));
    assert.ok(tagDeletes.length > 0 && tagDeletes.every((c) => c.status === 405));
    assert.deepEqual(untagCalls(), []);
  });

  test('a wrong password: a clear error without it; both tags stay', async () => {
    const wrong = 'acr-wrong-password-9';
    const bad = cloudSession(acr.registry, { login: { username: deleter.username, password: wrong } });
    try {
      const deleting = new TagDeleter({ session: bad, env: {} }).deleteTag({ registry: acr.registry, repository: 'team/app' }, 'v1');
      await assert.rejects(deleting, (error: Error) => {
        assert.match(error.message, /401/);
        assert.ok(!error.message.includes(wrong));
        return true;
      });
      assert.deepEqual(await skopeoTags(`${acr.backing}/team/app`, authfile), ['v1']);
    } finally {
      bad.close();
    }
  });

  test('promote with `type: acr` in registry-credentials: the temporary tags go through the untag API', async () => {
    const seed = cloudSession(acr.address, { login: deleter });
    try {
      const { path, repository, image } = await pushGated(seed, acr.address, 'team/promoted', 21, { via: acr.address, layers: [100] });
      acr.calls.length = 0;
      const credentials = JSON.stringify({ [acr.address]: { ...deleter, type: 'acr' } });
      const { promoted, deleted } = await promoteOrThrow({ images: listOf(repository), 'registry-credentials': credentials }, merged(21));
      assert.deepEqual(
        promoted.map((p) => [p.tag, p.digest]),
        [
          ['latest', image.digest],
          ['1.0', image.digest],
        ],
      );
      assert.deepEqual(deleted.sort(), [`${repository}:change_21_1.0`, `${repository}:change_21_latest`]);
      assert.deepEqual(await skopeoTags(`${acr.backing}/${path}`, authfile), ['1.0', 'latest']);
      assert.deepEqual(
        untagCalls()
          .map((c) => [c.path, c.status])
          .sort(),
        [
          ['/acr/v1/team/promoted/_tags/change_21_1.0', 202],
          ['/acr/v1/team/promoted/_tags/change_21_latest', 202],
        ],
      );
      assert.deepEqual(manifestDeletes(acr.calls), []);
    } finally {
      seed.close();
    }
  });
});
