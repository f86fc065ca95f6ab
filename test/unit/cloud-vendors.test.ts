import assert from 'node:assert/strict';
import { describe, test } from '@jest/globals';
import type { Credential } from '../../src/registry/auth/credentials.js';
import { registryKind } from '../../src/registry/kinds.js';
import { ReferenceError } from '../../src/registry/reference.js';
import { ecr, gar, garLocation, garTagPath, parseAwsKeys, parseEcrHost } from '../../src/registry/tag-delete/cloud-vendors.js';
import { VendorNotConfigured } from '../../src/registry/tag-delete/vendor-http.js';
import { VENDOR_DELETES, type VendorContext, type VendorCredential } from '../../src/registry/tag-delete/vendors.js';

describe('ECR hosts: account, region and endpoint variant', () => {
  const cases: [string, ReturnType<typeof parseEcrHost>][] = [
    ['123456789012.dkr.ecr.eu-west-1.amazonaws.com', { account: '123456789012', region: 'eu-west-1', fips: false, dualStack: false }],
    ['123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn', { account: '123456789012', region: 'cn-north-1', fips: false, dualStack: false }],
    [
      '123456789012.dkr.ecr-fips.us-gov-west-1.amazonaws.com',
      { account: '123456789012', region: 'us-gov-west-1', fips: true, dualStack: false },
    ],
    ['123456789012.dkr-ecr.us-east-1.on.aws', { account: '123456789012', region: 'us-east-1', fips: false, dualStack: true }],
    ['123456789012.dkr-ecr-fips.us-east-2.on.aws', { account: '123456789012', region: 'us-east-2', fips: true, dualStack: true }],
    [
      '123456789012.dkr.ecr.ap-southeast-2.amazonaws.com:443',
      { account: '123456789012', region: 'ap-southeast-2', fips: false, dualStack: false },
    ],
    ['123456789012.DKR.ECR.EU-WEST-1.AMAZONAWS.COM', { account: '123456789012', region: 'eu-west-1', fips: false, dualStack: false }],
    ['12345678901.dkr.ecr.eu-west-1.amazonaws.com', undefined],
    ['dkr.ecr.eu-west-1.amazonaws.com', undefined],
    ['public.ecr.aws', undefined],
    ['123456789012.dkr.ecr.eu-west-1.amazonaws.com.example.org', undefined],
  ];
  for (const [host, expected] of cases) test(host, () => assert.deepEqual(parseEcrHost(host), expected));

  test('every host parsed is an ECR kind, and the other way round', () => {
    for (const [host, expected] of cases) assert.equal(registryKind(host) === 'ecr', expected !== undefined, host);
  });
});

describe("ECR's api_token: <access key id>:<secret access key>[:<session token>]", () => {
  test.each([
    ['AKIA1:s3cr/et+', { accessKeyId: 'AKIA1', secretAccessKey: 's3cr/et+' }],
    ['ASIA1:secret:token/with+signs=', { accessKeyId: 'ASIA1', secretAccessKey: 'secret', sessionToken: 'token/with+signs=' }],
    ['AKIA1', undefined],
    ['AKIA1:', undefined],
    [':secret', undefined],
    ['a:b:c:d', undefined],
    ['a:b:', undefined],
  ])('%s', (token, expected) => assert.deepEqual(parseAwsKeys(token), expected));
});

describe('Artifact Registry hosts and tag resources', () => {
  test.each([
    ['europe-west3-docker.pkg.dev', 'europe-west3'],
    ['us-docker.pkg.dev', 'us'],
    ['asia-northeast1-docker.pkg.dev:443', 'asia-northeast1'],
    ['europe-west3-maven.pkg.dev', undefined],
    ['gcr.io', undefined],
    ['docker.pkg.dev', undefined],
  ])('%s', (host, location) => assert.equal(garLocation(host), location));

  test('the package is the rest of the path, URL-encoded as one segment', () => {
    assert.equal(
      garTagPath('europe-west3', 'my-project/images/team/app', 'change_3_v1'),
      '/v1/projects/my-project/locations/europe-west3/repositories/images/packages/team%2Fapp/tags/change_3_v1',
    );
    assert.equal(garTagPath('us', 'p/r/app', 'v1.0'), '/v1/projects/p/locations/us/repositories/r/packages/app/tags/v1.0');
  });

  test('a path without project, repository and image is refused', () => {
    assert.throws(() => garTagPath('us', 'project/app', 'v1'), ReferenceError);
  });
});

describe('the cloud vendors say what is missing before any request (VendorNotConfigured)', () => {
  const masked: string[] = [];
  /** A context whose transport and client throw if used: nothing may be sent. */
  const context = (over: Partial<VendorContext> & { credential?: VendorCredential } = {}): VendorContext => ({
    registry: '123456789012.dkr.ecr.eu-west-1.amazonaws.com',
    repository: 'team/app',
    tag: 'change_3_v1',
    credential: {},
    transport: new Proxy({}, { get: () => assert.fail('the transport was used') }) as never,
    client: new Proxy({}, { get: () => assert.fail('the client was used') }) as never,
    env: {},
    mask: (s) => masked.push(s),
    ...over,
  });
  const notConfigured = (pattern: RegExp) => (error: unknown) => {
    assert.ok(error instanceof VendorNotConfigured, String(error));
    assert.match(error.message, pattern);
    return true;
  };

  test('the three are tried without a credentials entry', () => {
    for (const kind of ['ecr', 'gar', 'acr'] as const) assert.equal(VENDOR_DELETES[kind]?.ambient, true, kind);
    for (const kind of ['docker', 'quay', 'ghcr', 'harbor', 'gitlab'] as const) assert.ok(!VENDOR_DELETES[kind]?.ambient, kind);
  });

  test('ECR without keys names the variables and api_token', async () => {
    await assert.rejects(
      ecr(context()),
      notConfigured(/ECR tag deletion .*: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY not set, and no api_token/),
    );
    await assert.rejects(ecr(context({ env: { AWS_ACCESS_KEY_ID: 'AKIA1' } })), notConfigured(/: AWS_SECRET_ACCESS_KEY not set/));
  });

  test('ECR declared on another host needs the region from the environment', async () => {
    const declared = context({ registry: 'registry.internal:5000', env: { AWS_ACCESS_KEY_ID: 'AKIA1', AWS_SECRET_ACCESS_KEY: 's' } });
    await assert.rejects(ecr(declared), notConfigured(/registry\.internal:5000 is not an ECR host naming its region: set AWS_REGION/));
  });

  test('a malformed api_token is an error naming the entry, never its value', async () => {
    await assert.rejects(ecr(context({ credential: { apiToken: 'only-one-part-s3cret' } })), (error: Error) => {
      assert.ok(!(error instanceof VendorNotConfigured));
      assert.match(
        error.message,
        /registry-credentials\["123456789012\.dkr\.ecr\.eu-west-1\.amazonaws\.com"\]\.api_token is not "<access key id>:/,
      );
      assert.ok(!error.message.includes('s3cret'));
      return true;
    });
  });

  const garContext = (login: Credential | undefined, over: Partial<VendorContext> = {}) =>
    context({ registry: 'europe-west3-docker.pkg.dev', repository: 'p/r/app', login: async () => login, ...over });

  test('Artifact Registry with a _json_key login asks for an access token', async () => {
    await assert.rejects(
      gar(garContext({ username: '_json_key', password: '{"type":"service_account"}' })),
      notConfigured(
        /a _json_key login \(a service account key\) cannot mint an access token here: pass an OAuth access token as api_token/,
      ),
    );
    await assert.rejects(
      gar(garContext(undefined)),
      notConfigured(/an OAuth access token, as api_token or as the password of an oauth2accesstoken login/),
    );
  });

  test("the session's login (context.login) is what counts, not the entry's fields", async () => {
    const entry = { username: 'oauth2accesstoken', password: 'ya29.entry' };
    await assert.rejects(gar(garContext({ username: '_json_key', password: 'k' }, { credential: entry })), VendorNotConfigured);
  });

  test('Artifact Registry declared on another host needs the location', async () => {
    await assert.rejects(
      gar(garContext(undefined, { registry: 'registry.internal:5000' })),
      notConfigured(/registry\.internal:5000 is not <location>-docker\.pkg\.dev: set CLOUDSDK_ARTIFACTS_LOCATION/),
    );
  });
});
