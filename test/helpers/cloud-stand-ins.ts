// Stand-ins for the three cloud registries' tag deletion, each a front over a real distribution
// 2.8 registry, implementing the documented API and refusing the other ways as the service does:
// - ECR: every manifest DELETE of the registry API refused (405 UNSUPPORTED); the ECR JSON API's
//   BatchDeleteImage (POST /, X-Amz-Target) with its SigV4 signature recomputed from the known
//   secret (403 as AWS for a missing, unknown or wrong one); removing an image's last tag removes
//   the image. The registry API takes Basic `AWS:<password>`, as ECR's login does.
// - Artifact Registry: tag DELETE refused (400 UNSUPPORTED), DELETE by digest refused while a tag
//   points at the digest (409); the REST tags.delete endpoint with a Bearer access token. The
//   registry API takes Basic `oauth2accesstoken:<token>` or `_json_key:<key>`.
// - ACR: tag DELETE refused (405 UNSUPPORTED); `/oauth2/token` on the registry's own host, as
//   ACR's realm is (a real token server behind it, whose JWTs distribution verifies);
//   `DELETE /acr/v1/<name>/_tags/<tag>` taking a token granting `repository:<name>:delete`
//   (verified here: signature, audience, expiry, access), else a 401 challenge; 202 Accepted.
// Each records every call (method, path, Authorization, X-Amz-Target, body) for the tests, and
// removes exactly one tag on the backing registry the way vendor-fakes.ts does: the project's
// own TagDeleter against distribution (a dummy manifest deleted by digest).
import { createHash, createHmac, createVerify, timingSafeEqual, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http, { type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { LookupFunction } from 'node:net';
import type { Logger } from '../../src/logger.js';
import type { Credential } from '../../src/registry/auth/credentials.js';
import { RegistryError } from '../../src/registry/errors.js';
import { RegistrySession } from '../../src/registry/session.js';
import { TagDeleter } from '../../src/registry/tag-delete/tag-deleter.js';
import { freePort, startRegistry, type RegistryProcess } from './registry-process.js';
import { closeServer } from './stand-in.js';
import { startTokenServer, type TokenServer, type TokenUser } from './token-server.js';

export interface CloudCall {
  readonly method: string;
  readonly path: string;
  readonly authorization?: string;
  readonly target?: string;
  readonly body?: string;
  /** The front's answer, once sent. */
  status?: number;
}

export interface CloudStandIn {
  /** `<name>:<port>`: the front, as clients name it (a cloud-like host resolved by `cloudLookup`, or 127.0.0.1). */
  readonly registry: string;
  /** `127.0.0.1:<port>` of the front, the same server by address. */
  readonly address: string;
  /** The vendor API's base URL (`api_url`). */
  readonly apiUrl: string;
  /** The distribution registry behind the front, for independent views (skopeo). */
  readonly backing: string;
  readonly calls: CloudCall[];
  stop(): Promise<void>;
}

/** Cloud registry names are this machine, as a split-horizon DNS would give them. */
export const cloudLookup: LookupFunction = (hostname, options, callback) => {
  if (!/\.(amazonaws\.com|pkg\.dev|azurecr\.io)$/.test(hostname)) return callback(new Error(`unexpected lookup of ${hostname}`), '', 4);
  if ((options as { all?: boolean }).all)
    return (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [
      { address: '127.0.0.1', family: 4 },
    ]);
  callback(null, '127.0.0.1', 4);
};

export interface CloudSessionOptions {
  /** The login sent to the registry, as a registry-credentials entry gives it. */
  readonly login?: Credential;
  /** Where the session looks for logins otherwise (DOCKER_CONFIG); none by default. */
  readonly env?: NodeJS.ProcessEnv;
  readonly logger?: Logger;
}

/** A session reaching `registry` (a cloud-like name or an address) over plain HTTP. */
export function cloudSession(registry: string, options: CloudSessionOptions = {}): RegistrySession {
  const { login, env, logger } = options;
  return new RegistrySession({
    logger,
    transport: { lookup: cloudLookup, insecureRegistries: [registry] },
    credentials: { ...(login && { explicit: new Map([[registry, login]]) }), env: env ?? { HOME: '/nonexistent' } },
  });
}

interface Front {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly url: URL;
  readonly body: Buffer;
}

/** What a front answers itself; anything else it passes to the backing registry. */
type Handler = (front: Front) => Promise<boolean>;

const MANIFEST = /^\/v2\/(.+)\/manifests\/([^/]+)$/;
const isDigest = (reference: string) => reference.includes(':');

function reply(res: ServerResponse, status: number, payload?: unknown, headers: Record<string, string> = {}): true {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(payload === undefined ? '' : JSON.stringify(payload));
  return true;
}

const ociError = (code: string, message: string) => ({ errors: [{ code, message }] });

/** The backing registry as the front sees it: reads, and exactly one tag removed at a time. */
class Backing {
  readonly #session: RegistrySession;
  readonly #deleter: TagDeleter;

  constructor(
    readonly registry: string,
    login?: Credential,
  ) {
    this.#session = new RegistrySession({
      credentials: { ...(login && { explicit: new Map([[registry, login]]) }), env: { HOME: '/nonexistent' } },
    });
    this.#deleter = new TagDeleter({ session: this.#session });
  }

  get client() {
    return this.#session.client(this.registry);
  }

  async tags(repository: string): Promise<string[] | undefined> {
    try {
      return await this.client.listTags(repository);
    } catch (error) {
      if (error instanceof RegistryError && error.status === 404) return undefined;
      throw error;
    }
  }

  /** The tags of `repository` pointing at `digest`. */
  async tagsOn(repository: string, digest: string): Promise<string[]> {
    const on: string[] = [];
    for (const tag of (await this.tags(repository)) ?? [])
      if ((await this.client.headManifest(repository, tag))?.digest === digest) on.push(tag);
    return on;
  }

  async untag(repository: string, tag: string): Promise<boolean> {
    return (await this.#deleter.deleteTag({ registry: this.registry, repository }, tag)).status === 'deleted';
  }

  close(): void {
    this.#session.close();
  }
}

/** The front: records each call, answers what `handle` takes, passes the rest to the backing registry. */
async function startFront(
  backing: RegistryProcess,
  calls: CloudCall[],
  handle: Handler,
  rewrite: (headers: http.IncomingHttpHeaders, req: IncomingMessage) => void = () => {},
): Promise<{ server: Server; port: number }> {
  const port = await freePort();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
      const target = req.headers['x-amz-target'] as string | undefined;
      const text = req.method === 'POST' && !url.pathname.startsWith('/v2/') && body.length < 65536 ? body.toString('utf8') : undefined;
      const call: CloudCall = {
        method: req.method ?? 'GET',
        path: req.url ?? '/',
        authorization: req.headers.authorization,
        target,
        body: text || undefined,
      };
      calls.push(call);
      res.on('finish', () => (call.status = res.statusCode));
      handle({ req, res, url, body })
        .then((handled) => {
          if (handled) return;
          // The client's Host goes through: distribution builds its upload Locations from it.
          const forward = http.request(
            { host: '127.0.0.1', port: backing.port, method: req.method, path: req.url, headers: req.headers },
            (upstream) => {
              const headers = { ...upstream.headers };
              rewrite(headers, req);
              res.writeHead(upstream.statusCode ?? 502, headers);
              upstream.pipe(res);
            },
          );
          forward.on('error', () => res.destroy());
          forward.end(body);
        })
        .catch((error: unknown) => reply(res, 500, ociError('UNKNOWN', String(error))));
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { server, port };
}

/** Basic credentials on every registry API call, as ECR's and Artifact Registry's logins are. */
function requireBasic(front: Front, logins: readonly string[], realm: string): boolean {
  if (!front.url.pathname.startsWith('/v2')) return false;
  const given = front.req.headers.authorization ?? '';
  if (logins.some((login) => given === `Basic ${Buffer.from(login).toString('base64')}`)) return false;
  return reply(front.res, 401, ociError('UNAUTHORIZED', 'authentication required'), { 'www-authenticate': `Basic realm="${realm}"` });
}

// ---------------------------------------------------------------------------------------------
// ECR

export interface AwsTestKeys {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
}

export interface EcrStandInOptions {
  /** The name clients use (`<account>.dkr.ecr.<region>.amazonaws.com`), or none for 127.0.0.1. */
  readonly host?: string;
  readonly account: string;
  readonly region: string;
  readonly keys: readonly AwsTestKeys[];
  /** The registry login's password (user `AWS`), as `aws ecr get-login-password` gives it. */
  readonly registryPassword: string;
}

interface AwsFault {
  readonly status: number;
  readonly type: string;
  readonly message: string;
}

const sha256Hex = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();

/** SigV4 as AWS checks it: the signature recomputed from the canonical request and the known secret. */
export function verifySigV4(
  req: IncomingMessage,
  body: Buffer,
  keys: readonly AwsTestKeys[],
  region: string,
  service: string,
): AwsFault | undefined {
  const invalid = (message: string): AwsFault => ({ status: 403, type: 'InvalidSignatureException', message });
  const auth = req.headers.authorization;
  if (!auth) return { status: 403, type: 'MissingAuthenticationTokenException', message: 'Missing Authentication Token' };
  const m =
    /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})$/.exec(
      auth,
    );
  if (!m)
    return {
      status: 403,
      type: 'IncompleteSignatureException',
      message: 'Authorization header requires Credential, SignedHeaders and Signature',
    };
  const [, keyId, date, scopeRegion, scopeService, signedHeaders, signature] = m;
  const key = keys.find((k) => k.accessKeyId === keyId);
  const unrecognized: AwsFault = {
    status: 403,
    type: 'UnrecognizedClientException',
    message: 'The security token included in the request is invalid.',
  };
  if (!key || (key.sessionToken ?? undefined) !== (req.headers['x-amz-security-token'] ?? undefined)) return unrecognized;
  if (scopeRegion !== region) return invalid(`Credential should be scoped to a valid region, not '${scopeRegion}'.`);
  if (scopeService !== service) return invalid(`Credential should be scoped to correct service: '${service}'.`);
  const amzDate = String(req.headers['x-amz-date'] ?? '');
  const stamp = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(amzDate);
  if (!stamp || !amzDate.startsWith(date))
    return invalid('Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP.');
  const when = Date.UTC(+stamp[1], +stamp[2] - 1, +stamp[3], +stamp[4], +stamp[5], +stamp[6]);
  if (Math.abs(Date.now() - when) > 5 * 60_000) return invalid('Signature expired.');
  const names = signedHeaders.split(';');
  if (!names.includes('host') || !names.includes('x-amz-date')) return invalid('host and x-amz-date must be signed.');
  const canonicalHeaders = names
    .map(
      (name) =>
        `${name}:${String(req.headers[name] ?? '')
          .trim()
          .replace(/\s+/g, ' ')}\n`,
    )
    .join('');
  const url = new URL(req.url ?? '/', 'http://front');
  const query = [...url.searchParams]
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .sort()
    .join('&');
  const canonicalRequest = [req.method, url.pathname, query, canonicalHeaders, signedHeaders, sha256Hex(body)].join('\n');
  const scope = `${date}/${region}/${service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256Hex(canonicalRequest)].join('\n');
  const signingKey = hmac(hmac(hmac(hmac(`AWS4${key.secretAccessKey}`, date), region), service), 'aws4_request');
  const expected = Buffer.from(createHmac('sha256', signingKey).update(stringToSign).digest('hex'));
  if (!timingSafeEqual(expected, Buffer.from(signature)))
    return invalid(
      'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
    );
  return undefined;
}

interface ImageId {
  imageTag?: string;
  imageDigest?: string;
}

export async function startEcrStandIn(options: EcrStandInOptions): Promise<CloudStandIn> {
  const registry = await startRegistry();
  const backing = new Backing(registry.registry);
  const calls: CloudCall[] = [];
  const amzJson = { 'content-type': 'application/x-amz-json-1.1' };
  const fault = (res: ServerResponse, f: AwsFault) =>
    reply(res, f.status, { __type: f.type, message: f.message }, { ...amzJson, 'x-amzn-errortype': f.type });

  async function batchDeleteImage(res: ServerResponse, input: { registryId?: string; repositoryName?: string; imageIds?: ImageId[] }) {
    const repository = input.repositoryName ?? '';
    const notFound = {
      status: 400,
      type: 'RepositoryNotFoundException',
      message: `The repository with name '${repository}' does not exist in the registry with id '${input.registryId ?? options.account}'`,
    };
    if (input.registryId !== undefined && input.registryId !== options.account) return fault(res, notFound);
    if (!repository || !(await backing.tags(repository))) return fault(res, notFound);
    const imageIds: ImageId[] = [];
    const failures: { imageId: ImageId; failureCode: string; failureReason: string }[] = [];
    for (const id of input.imageIds ?? []) {
      const head = await backing.client.headManifest(repository, id.imageTag ?? id.imageDigest ?? '');
      if (!head) {
        failures.push({ imageId: id, failureCode: 'ImageNotFound', failureReason: 'Requested image not found' });
        continue;
      }
      if (id.imageTag) await backing.untag(repository, id.imageTag);
      // An image goes with its last tag (or when named by digest), as ECR's BatchDeleteImage does.
      if (!id.imageTag || (await backing.tagsOn(repository, head.digest)).length === 0)
        await backing.client.deleteManifest(repository, head.digest);
      imageIds.push({ imageDigest: head.digest, ...(id.imageTag && { imageTag: id.imageTag }) });
    }
    return reply(res, 200, { imageIds, failures }, amzJson);
  }

  const handle: Handler = async (front) => {
    const { req, res, url, body } = front;
    if (req.method === 'POST' && url.pathname === '/') {
      const fail = verifySigV4(req, body, options.keys, options.region, 'ecr');
      if (fail) return fault(res, fail);
      if (
        req.headers['x-amz-target'] !== 'AmazonEC2ContainerRegistry_V20150921.BatchDeleteImage' ||
        !String(req.headers['content-type']).startsWith('application/x-amz-json-1.1')
      )
        return fault(res, { status: 400, type: 'UnknownOperationException', message: 'Unknown operation' });
      return batchDeleteImage(res, JSON.parse(body.toString('utf8')) as Parameters<typeof batchDeleteImage>[1]);
    }
    if (requireBasic(front, [`AWS:${options.registryPassword}`], `https://${options.host ?? 'ecr'}/`)) return true;
    if (req.method === 'DELETE' && MANIFEST.test(url.pathname))
      return reply(res, 405, ociError('UNSUPPORTED', 'The operation is unsupported.'));
    return false;
  };
  const { server, port } = await startFront(registry, calls, handle);
  return standInOf(options.host, port, `http://127.0.0.1:${port}`, registry, calls, async () => {
    backing.close();
    await closeServer(server);
  });
}

function standInOf(
  host: string | undefined,
  port: number,
  apiUrl: string,
  registry: RegistryProcess,
  calls: CloudCall[],
  close: () => Promise<void>,
): CloudStandIn {
  return {
    registry: `${host ?? '127.0.0.1'}:${port}`,
    address: `127.0.0.1:${port}`,
    apiUrl,
    backing: registry.registry,
    calls,
    stop: async () => {
      await close();
      await registry.stop();
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Artifact Registry

export interface GarStandInOptions {
  /** `<location>-docker.pkg.dev`, or none for 127.0.0.1. */
  readonly host?: string;
  readonly location: string;
  /** The OAuth access token the REST API and the `oauth2accesstoken` login accept. */
  readonly accessToken: string;
  /** A service account key the `_json_key` login accepts (the registry API only). */
  readonly jsonKey: string;
}

const TAGS_DELETE = /^\/v1\/projects\/([^/]+)\/locations\/([^/]+)\/repositories\/([^/]+)\/packages\/([^/]+)\/tags\/([^/]+)$/;

const googleError = (code: number, status: string, message: string) => ({ error: { code, message, status } });

export async function startGarStandIn(options: GarStandInOptions): Promise<CloudStandIn> {
  const registry = await startRegistry();
  const backing = new Backing(registry.registry);
  const calls: CloudCall[] = [];

  async function deleteTag(front: Front, m: RegExpExecArray) {
    if (front.req.headers.authorization !== `Bearer ${options.accessToken}`)
      return reply(
        front.res,
        401,
        googleError(
          401,
          'UNAUTHENTICATED',
          'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.',
        ),
        { 'www-authenticate': 'Bearer realm="https://accounts.google.com/", error="invalid_token"' },
      );
    const [project, location, repo, pkg, tag] = m.slice(1).map(decodeURIComponent);
    const repository = `${project}/${repo}/${pkg}`;
    const missing = () => reply(front.res, 404, googleError(404, 'NOT_FOUND', 'Requested entity was not found.'));
    if (location !== options.location || !(await backing.client.headManifest(repository, tag))) return missing();
    await backing.untag(repository, tag);
    return reply(front.res, 200, {});
  }

  const handle: Handler = async (front) => {
    const { req, res, url } = front;
    const tags = TAGS_DELETE.exec(url.pathname);
    if (req.method === 'DELETE' && tags) return deleteTag(front, tags);
    const logins = [`oauth2accesstoken:${options.accessToken}`, `_json_key:${options.jsonKey}`];
    if (requireBasic(front, logins, `https://${options.host ?? 'pkg.dev'}/v2/token`)) return true;
    const manifest = MANIFEST.exec(url.pathname);
    if (req.method !== 'DELETE' || !manifest) return false;
    const [, repository, reference] = manifest;
    if (!isDigest(reference)) return reply(res, 400, ociError('UNSUPPORTED', 'Deleting a tag through the Docker API is not supported.'));
    const tagged = await backing.tagsOn(repository, reference);
    if (tagged.length > 0)
      return reply(
        res,
        409,
        ociError('FAILED_PRECONDITION', `Manifest ${reference} is tagged (${tagged.join(', ')}): delete its tags first.`),
      );
    return false;
  };
  const { server, port } = await startFront(registry, calls, handle);
  return standInOf(options.host, port, `http://127.0.0.1:${port}`, registry, calls, async () => {
    backing.close();
    await closeServer(server);
  });
}

// ---------------------------------------------------------------------------------------------
// ACR

export interface AcrStandInOptions {
  /** `<name>.azurecr.io`, or none for 127.0.0.1. */
  readonly host?: string;
  readonly users: Record<string, TokenUser>;
}

export interface AcrStandIn extends CloudStandIn {
  readonly tokens: TokenServer;
  /** The front's own login to the backing registry (every action), for independent views. */
  readonly adminLogin: Credential;
}

interface TokenClaims {
  aud?: string;
  exp?: number;
  access?: { type: string; name: string; actions: string[] }[];
}

/** A token of the test token server checked as a registry does: signature, audience, expiry. */
function verifiedClaims(token: string, tokens: TokenServer): TokenClaims | undefined {
  const [header, claims, signature] = token.split('.');
  if (!header || !claims || !signature) return undefined;
  const key = new X509Certificate(readFileSync(tokens.certFile)).publicKey;
  if (!createVerify('RSA-SHA256').update(`${header}.${claims}`).verify(key, Buffer.from(signature, 'base64url'))) return undefined;
  const parsed = JSON.parse(Buffer.from(claims, 'base64url').toString('utf8')) as TokenClaims;
  if (parsed.aud !== tokens.service || (parsed.exp ?? 0) * 1000 < Date.now()) return undefined;
  return parsed;
}

export async function startAcrStandIn(options: AcrStandInOptions): Promise<AcrStandIn> {
  const adminLogin = { username: 'acr-front-admin', password: `admin-${Math.random().toString(36).slice(2)}` };
  const tokens = await startTokenServer({
    ...options.users,
    [adminLogin.username]: { password: adminLogin.password, grants: [{ repository: /.*/, actions: ['*'] }] },
  });
  const registry = await startRegistry({
    token: { realm: tokens.realm, service: tokens.service, issuer: tokens.issuer, rootCertBundle: tokens.certFile },
  });
  const backing = new Backing(registry.registry, adminLogin);
  const calls: CloudCall[] = [];
  // ACR's realm is on the registry's own host.
  const challenge = (req: IncomingMessage, extra = '') =>
    `Bearer realm="http://${req.headers.host}/oauth2/token",service="${tokens.service}"${extra}`;

  async function untag(front: Front, repository: string, tag: string) {
    const scope = `repository:${repository}:delete`;
    const given = front.req.headers.authorization ?? '';
    const claims = given.startsWith('Bearer ') ? verifiedClaims(given.slice(7), tokens) : undefined;
    const allowed = claims?.access?.some((a) => a.type === 'repository' && a.name === repository && a.actions.includes('delete'));
    if (!allowed)
      return reply(front.res, 401, ociError('UNAUTHORIZED', 'authentication required'), {
        'www-authenticate': challenge(front.req, `,scope="${scope}"${claims ? ',error="insufficient_scope"' : ''}`),
      });
    if (!(await backing.client.headManifest(repository, tag)))
      return reply(front.res, 404, ociError('TAG_UNKNOWN', `tag ${tag} is not found`));
    await backing.untag(repository, tag);
    return reply(front.res, 202);
  }

  async function token(front: Front) {
    const answer = await fetch(`${tokens.realm}${front.url.search}`, {
      method: front.req.method,
      headers: {
        ...(front.req.headers.authorization && { authorization: front.req.headers.authorization }),
        ...(front.req.headers['content-type'] && { 'content-type': String(front.req.headers['content-type']) }),
      },
      ...(front.req.method === 'POST' && { body: front.body }),
    });
    front.res.writeHead(answer.status, { 'content-type': 'application/json' });
    front.res.end(await answer.text());
    return true;
  }

  const handle: Handler = async (front) => {
    const { req, res, url } = front;
    if (url.pathname === '/oauth2/token') return token(front);
    const acrTag = /^\/acr\/v1\/(.+)\/_tags\/([^/]+)$/.exec(url.pathname);
    if (req.method === 'DELETE' && acrTag) return untag(front, acrTag[1], decodeURIComponent(acrTag[2]));
    const manifest = MANIFEST.exec(url.pathname);
    if (req.method === 'DELETE' && manifest && !isDigest(manifest[2]))
      return reply(
        res,
        405,
        ociError('UNSUPPORTED', 'The operation is unsupported: delete a manifest by digest, or untag through /acr/v1.'),
      );
    return false;
  };
  const rewrite = (headers: http.IncomingHttpHeaders, req: IncomingMessage) => {
    const header = headers['www-authenticate'];
    if (typeof header === 'string')
      headers['www-authenticate'] = header.replace(/realm="[^"]*"/, `realm="http://${req.headers.host}/oauth2/token"`);
  };
  const { server, port } = await startFront(registry, calls, handle, rewrite);
  const base = standInOf(options.host, port, `http://127.0.0.1:${port}`, registry, calls, async () => {
    backing.close();
    await closeServer(server);
    await tokens.close();
  });
  return { ...base, tokens, adminLogin };
}
