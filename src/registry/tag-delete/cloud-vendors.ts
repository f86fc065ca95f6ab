// The tag-deletion APIs of the three cloud registries (docs/registries.md, "Deleting one tag"):
// AWS ECR and Azure ACR refuse an OCI tag DELETE, and Artifact Registry refuses to delete a
// manifest by digest while a tag points at it, so there the dummy manifest cannot help either.
// Each finds its credentials itself (the environment, the registry's login), or says what is
// missing with VendorNotConfigured so the registry API is tried instead.
import http from 'node:http';
import https from 'node:https';
import type { BatchDeleteImageCommandOutput, ECRClient } from '@aws-sdk/client-ecr';
import { CredentialStore, type Credential } from '../auth/credentials.js';
import { parseJsonBody, redactUrl, RegistryError } from '../errors.js';
import { ECR_HOST, GAR_HOST } from '../kinds.js';
import { hostOf, isValidPath, ReferenceError } from '../reference.js';
import { discard, errorFrom, METADATA_DEADLINE_MS, readBody, type HttpResponse } from '../transport.js';
import type { VendorContext, VendorDelete, VendorOutcome } from './vendor-context.js';
import { VendorHttp, VendorNotConfigured } from './vendor-http.js';

/** What an ECR registry host names: its account, region, and which API endpoint variant goes with it. */
export interface EcrHost {
  readonly account: string;
  readonly region: string;
  readonly fips: boolean;
  readonly dualStack: boolean;
}

/** `<account>.dkr.ecr[-fips].<region>.amazonaws.com[.cn]`, or the dual-stack `<account>.dkr-ecr[-fips].<region>.on.aws`. */
export function parseEcrHost(registry: string): EcrHost | undefined {
  const m = ECR_HOST.exec(hostOf(registry).toLowerCase());
  return m ? { account: m[1], region: m[3], fips: m[2] !== undefined, dualStack: m[4] === 'on.aws' } : undefined;
}

export interface AwsKeys {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
}

/** `<access key id>:<secret access key>[:<session token>]`, as an ECR entry's `api_token` carries them. */
export function parseAwsKeys(apiToken: string): AwsKeys | undefined {
  const parts = apiToken.split(':');
  if (parts.length < 2 || parts.length > 3 || parts.some((part) => part === '')) return undefined;
  return { accessKeyId: parts[0], secretAccessKey: parts[1], ...(parts[2] && { sessionToken: parts[2] }) };
}

/** The keys from `api_token`, else from the run's environment (what aws-actions/configure-aws-credentials sets). */
function ecrKeys({ registry, credential, env, mask }: VendorContext): AwsKeys {
  let keys: AwsKeys | undefined;
  if (credential.apiToken) {
    keys = parseAwsKeys(credential.apiToken);
    if (!keys)
      throw new Error(
        `registry-credentials["${registry}"].api_token is not "<access key id>:<secret access key>[:<session token>]" (ECR tag deletion)`,
      );
  } else {
    const missing = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY'].filter((name) => !env[name]);
    if (missing.length > 0)
      throw new VendorNotConfigured(
        'ECR tag deletion',
        `${missing.join(' and ')} not set, and no api_token "<access key id>:<secret access key>[:<session token>]"`,
      );
    const { AWS_ACCESS_KEY_ID: accessKeyId = '', AWS_SECRET_ACCESS_KEY: secretAccessKey = '', AWS_SESSION_TOKEN: sessionToken } = env;
    keys = { accessKeyId, secretAccessKey, ...(sessionToken && { sessionToken }) };
  }
  for (const part of [keys.accessKeyId, keys.secretAccessKey, keys.sessionToken]) if (part) mask(part);
  return keys;
}

/**
 * The SDK's client with every setting it would otherwise look up given here, so it takes no
 * credentials, region, endpoint or retry setting from ~/.aws or the process environment (the
 * run's environment is the context's) and never asks instance metadata. Its own agents, as the
 * registry transport's: no proxy variable is honoured.
 */
async function ecrClient(region: string, keys: AwsKeys, host: EcrHost | undefined, apiUrl: string | undefined): Promise<ECRClient> {
  // The SDK (about a megabyte of the bundle) is loaded by a run that deletes on ECR, not by every run.
  const { ECRClient } = await import('@aws-sdk/client-ecr');
  return new ECRClient({
    region,
    credentials: keys,
    ...(apiUrl && { endpoint: apiUrl }),
    useFipsEndpoint: !apiUrl && (host?.fips ?? false),
    useDualstackEndpoint: !apiUrl && (host?.dualStack ?? false),
    ignoreConfiguredEndpointUrls: true,
    defaultsMode: 'standard',
    retryMode: 'standard',
    maxAttempts: 3,
    disableClockSkewCorrection: false,
    authSchemePreference: [],
    userAgentAppId: 'container-image-actions',
    // A request past its timeout fails (the SDK only warns by default), as the registry transport's do.
    requestHandler: {
      httpAgent: new http.Agent(),
      httpsAgent: new https.Agent(),
      connectionTimeout: 10_000,
      requestTimeout: METADATA_DEADLINE_MS,
      throwOnRequestTimeout: true,
    },
  });
}

/** An endpoint the entry (`api_url`) or the run's environment names, as the AWS SDKs read it there. */
function ecrApiUrl(apiUrl: string | undefined, env: NodeJS.ProcessEnv): string | undefined {
  if (apiUrl) return apiUrl;
  if (env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS === 'true') return undefined;
  return env.AWS_ENDPOINT_URL_ECR || env.AWS_ENDPOINT_URL || undefined;
}

/** The API endpoint the client resolves, for error messages. */
function ecrEndpoint(client: ECRClient, region: string, host: EcrHost | undefined, apiUrl: string | undefined): string {
  if (apiUrl) return redactUrl(apiUrl);
  try {
    return client.config.endpointProvider({ Region: region, UseFIPS: host?.fips ?? false, UseDualStack: host?.dualStack ?? false }).url
      .href;
  } catch {
    return `the ECR API of ${region}`;
  }
}

/** What a refusal most likely means, for the error. */
const ECR_HINTS: Readonly<Record<string, string>> = {
  AccessDeniedException: 'the AWS credentials need ecr:BatchDeleteImage on the repository',
  UnrecognizedClientException: 'the access key id (or session token) was not recognised',
  InvalidSignatureException: 'the secret access key does not belong to the access key id',
  ExpiredTokenException: 'the session token has expired',
  RepositoryNotFoundException: 'the account and region have no such repository',
};

function ecrError(error: unknown, endpoint: string, what: string): RegistryError {
  const failure = error as { name?: string; message?: string; $metadata?: { httpStatusCode?: number } };
  const status = failure.$metadata?.httpStatusCode;
  const code = failure.name ?? 'Unknown';
  const hint = ECR_HINTS[code];
  // No answer (a network error, a timeout after the SDK's own retries): temporary, as for the registry API.
  const wrapped =
    status === undefined
      ? new RegistryError('POST', endpoint, undefined, [], `${what}: ${failure.message}`)
      : new RegistryError('POST', endpoint, status, [{ code, message: failure.message }], hint ? `${what}: ${hint}` : what);
  return Object.assign(wrapped, { cause: error });
}

function ecrOutcome(output: BatchDeleteImageCommandOutput, endpoint: string, what: string): VendorOutcome {
  const failure = output.failures?.[0];
  if (!failure) return 'deleted';
  if (failure.failureCode === 'ImageNotFound') return 'absent';
  throw new RegistryError(
    'POST',
    endpoint,
    output.$metadata.httpStatusCode,
    [{ code: failure.failureCode ?? 'Unknown', message: failure.failureReason }],
    `${what} failed`,
  );
}

/**
 * ECR refuses every manifest DELETE of the registry API: one tag goes with BatchDeleteImage
 * naming it. Removing an image's last tag deletes the image; promote removes a temporary tag only
 * once the final tags hold the image, so the image stays.
 */
export const ecr: VendorDelete = async (context) => {
  const { registry, repository, tag, credential, env, transport } = context;
  const host = parseEcrHost(registry);
  const region = host?.region ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION;
  if (!region)
    throw new VendorNotConfigured(
      'ECR tag deletion',
      `${registry} is not an ECR host naming its region: set AWS_REGION or AWS_DEFAULT_REGION`,
    );
  const keys = ecrKeys(context);
  const apiUrl = ecrApiUrl(credential.apiUrl, env);
  const client = await ecrClient(region, keys, host, apiUrl);
  const { BatchDeleteImageCommand } = await import('@aws-sdk/client-ecr');
  const endpoint = ecrEndpoint(client, region, host, apiUrl);
  const what = `ECR BatchDeleteImage of ${repository}:${tag}`;
  let output: BatchDeleteImageCommandOutput;
  try {
    output = await client.send(
      new BatchDeleteImageCommand({ registryId: host?.account, repositoryName: repository, imageIds: [{ imageTag: tag }] }),
      { abortSignal: transport.signal },
    );
  } catch (error) {
    throw ecrError(error, endpoint, what);
  } finally {
    client.destroy();
  }
  return ecrOutcome(output, endpoint, what);
};

/** `<location>-docker.pkg.dev` → `<location>` (`europe-west3`, `us`). */
export function garLocation(registry: string): string | undefined {
  return GAR_HOST.exec(hostOf(registry).toLowerCase())?.[1];
}

/** The REST resource of one tag: the image path is `<project>/<repository>/<package>`, the package (`a/b`) one encoded segment. */
export function garTagPath(location: string, repository: string, tag: string): string {
  const [project, repo, ...image] = repository.split('/');
  if (!project || !repo || image.length === 0)
    throw new ReferenceError(repository, 'an Artifact Registry image path is <project>/<repository>/<image>');
  const e = encodeURIComponent;
  return `/v1/projects/${e(project)}/locations/${e(location)}/repositories/${e(repo)}/packages/${e(image.join('/'))}/tags/${e(tag)}`;
}

/** The registry's login: the session's where the context gives it, else the entry's, else the engines' auth files. */
async function registryLogin({ login, credential, registry, env, mask }: VendorContext): Promise<Credential | undefined> {
  if (login) return login();
  if (credential.username && credential.password) return { username: credential.username, password: credential.password };
  // Without a process runner a credential helper is not asked: its login counts as none here.
  return new CredentialStore({ env, onSecret: mask }).get(registry).catch(() => undefined);
}

/** An OAuth access token: `api_token`, else the password of the registry's `oauth2accesstoken` login. */
async function garToken(context: VendorContext): Promise<string> {
  if (context.credential.apiToken) return context.credential.apiToken;
  const login = await registryLogin(context);
  if (login?.username === 'oauth2accesstoken' && login.password) return login.password;
  const missing = login?.username?.startsWith('_json_key')
    ? `a ${login.username} login (a service account key) cannot mint an access token here: pass an OAuth access token as api_token, or log in as oauth2accesstoken`
    : 'an OAuth access token, as api_token or as the password of an oauth2accesstoken login';
  throw new VendorNotConfigured('Artifact Registry tag deletion', missing);
}

/** Google's `{"error": {"code", "message", "status"}}` as a RegistryError, with what a 401 or 403 needs. */
async function googleError(response: HttpResponse, what: string): Promise<RegistryError> {
  let error: { message?: string; status?: string } | undefined;
  try {
    error = parseJsonBody<{ error?: typeof error }>(await readBody(response, 64 * 1024), 'DELETE', response.url).error;
  } catch {
    // The status alone still says what happened.
  }
  const hint =
    response.status === 401
      ? 'the access token was refused (expired, or not an OAuth access token)'
      : response.status === 403
        ? 'the account needs artifactregistry.tags.delete (the Artifact Registry Repository Administrator role, or a custom role)'
        : undefined;
  const codes = error?.status ? [{ code: error.status, message: error.message }] : [];
  return new RegistryError('DELETE', redactUrl(response.url), response.status, codes, hint ? `${what}: ${hint}` : what);
}

/** Artifact Registry: DELETE .../packages/<package>/tags/<tag> through its REST API. */
export const gar: VendorDelete = async (context) => {
  const { registry, repository, tag, credential, env, transport } = context;
  const location = garLocation(registry) ?? env.CLOUDSDK_ARTIFACTS_LOCATION;
  if (!location)
    throw new VendorNotConfigured(
      'Artifact Registry tag deletion',
      `${registry} is not <location>-docker.pkg.dev: set CLOUDSDK_ARTIFACTS_LOCATION`,
    );
  const path = garTagPath(location, repository, tag);
  const token = await garToken(context);
  context.mask(token);
  // gcloud's own override of the API endpoint (a regional or private one) is honoured too.
  const base = credential.apiUrl ?? (env.CLOUDSDK_API_ENDPOINT_OVERRIDES_ARTIFACTREGISTRY || 'https://artifactregistry.googleapis.com');
  const api = new VendorHttp(transport, base, { authorization: `Bearer ${token}` });
  const response = await api.send('DELETE', path);
  if (response.status === 404) {
    await discard(response);
    return 'absent';
  }
  if (response.status < 200 || response.status >= 300)
    throw await googleError(response, `Artifact Registry tag deletion of ${repository}:${tag}`);
  await discard(response);
  return 'deleted';
};

/**
 * ACR: DELETE /acr/v1/<name>/_tags/<tag> on the registry itself, with the registry's own token
 * for `repository:<name>:delete` (the client answers the challenge). 202 Accepted.
 */
export const acr: VendorDelete = async ({ registry, repository, tag, client }) => {
  if (!isValidPath(repository)) throw new ReferenceError(`${registry}/${repository}`, 'not a repository name');
  const url = client.url(`/acr/v1/${repository}/_tags/${encodeURIComponent(tag)}`);
  const response = await client.request([client.scope(repository, ['delete'])], () => ({
    method: 'DELETE',
    url,
    headers: { accept: 'application/json' },
  }));
  if (response.status === 404) {
    await discard(response);
    return 'absent';
  }
  if (response.status === 200 || response.status === 202 || response.status === 204) {
    await discard(response);
    return 'deleted';
  }
  const denied = response.status === 401 || response.status === 403;
  throw await errorFrom(
    'DELETE',
    response,
    denied
      ? `ACR untag of ${repository}:${tag}: the login may not delete there; it needs the delete permission on the repository ` +
          '(the AcrDelete role, or a token whose scope map grants content/delete)'
      : `ACR untag of ${repository}:${tag}`,
  );
};
