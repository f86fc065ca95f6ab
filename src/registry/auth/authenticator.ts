import type { Logger } from '../../logger.js';
import { parseJsonBody, redactUrl, RegistryError } from '../errors.js';
import { errorFrom, readBody, type HttpResponse, type Transport, discard } from '../transport.js';
import { findChallenge, mergeScopes, parseChallenges, parseScope, splitScopes, type Challenge } from './challenge.js';
import type { CredentialStore, RepositoryScope } from './credentials.js';

interface CachedToken {
  readonly header: string;
  readonly expiresAt: number;
}

const MIN_TOKEN_LIFETIME_S = 60;
const EXPIRY_MARGIN_MS = 10_000;

/** Authorization for one registry: ping once, then Basic or scoped Bearer tokens, cached. */
export class Authenticator {
  #challenge?: Promise<Challenge | null>;
  readonly #tokens = new Map<string, Promise<CachedToken>>();

  constructor(
    readonly registry: string,
    private readonly transport: Transport,
    private readonly credentials: CredentialStore,
    private readonly logger: Logger,
  ) {}

  /** The Authorization header for these scopes, or undefined where none is needed. */
  async authorization(scopes: readonly string[]): Promise<string | undefined> {
    const challenge = await this.#ping();
    if (!challenge) return undefined;
    if (challenge.scheme.toLowerCase() === 'basic') return this.#basic();
    return (await this.#token(challenge, scopes)).header;
  }

  /**
   * After a 401: learn the challenge it carried (a new realm, or a scope we did not ask for),
   * and return a header for the union of scopes. Undefined when nothing new can be tried.
   */
  async reauthorize(scopes: readonly string[], response: HttpResponse, previous: string | undefined): Promise<string | undefined> {
    const challenges = parseChallenges(response.headers['www-authenticate']);
    const bearer = findChallenge(challenges, 'bearer');
    const basic = findChallenge(challenges, 'basic');
    if (bearer) {
      this.#challenge = Promise.resolve(bearer);
      const wanted = mergeScopes([...scopes, ...splitScopes(bearer.params.scope)]);
      // A fresh token for the scopes the last one already named would be refused the same way.
      if (bearer.params.error === 'insufficient_scope' && previous && wanted.join(' ') === mergeScopes(scopes).join(' ')) return undefined;
      this.#tokens.delete(this.#key(bearer, wanted));
      const header = (await this.#token(bearer, wanted)).header;
      return header === previous ? undefined : header;
    }
    if (basic) {
      this.#challenge = Promise.resolve(basic);
      const header = await this.#basic();
      return header === previous ? undefined : header;
    }
    return undefined;
  }

  #ping(): Promise<Challenge | null> {
    this.#challenge ??= (async () => {
      const url = new URL('/v2/', this.transport.baseUrl(this.registry));
      const response = await this.transport.send({ method: 'GET', url });
      await discard(response);
      if (response.status === 200) return null;
      if (response.status !== 401) throw new RegistryError('GET', url.toString(), response.status, [], 'the registry API ping failed');
      const challenges = parseChallenges(response.headers['www-authenticate']);
      const challenge = findChallenge(challenges, 'bearer') ?? findChallenge(challenges, 'basic');
      if (!challenge) throw new RegistryError('GET', url.toString(), 401, [], 'no Bearer or Basic challenge in WWW-Authenticate');
      return challenge;
    })().catch((error: unknown) => {
      this.#challenge = undefined;
      throw error;
    });
    return this.#challenge;
  }

  async #basic(): Promise<string | undefined> {
    const credential = await this.credentials.get(this.registry);
    if (!credential?.username || credential.password === undefined) return undefined;
    const encoded = Buffer.from(`${credential.username}:${credential.password}`).toString('base64');
    // The encoded pair is as secret as the password: a server echoing Authorization must not print it.
    this.logger.mask(encoded);
    return `Basic ${encoded}`;
  }

  #key(challenge: Challenge, scopes: readonly string[]): string {
    return [challenge.params.realm, challenge.params.service ?? '', mergeScopes(scopes).join(' ')].join('|');
  }

  #token(challenge: Challenge, scopes: readonly string[]): Promise<CachedToken> {
    const key = this.#key(challenge, scopes);
    const cached = this.#tokens.get(key);
    if (cached) {
      return cached.then((token) => {
        if (token.expiresAt - EXPIRY_MARGIN_MS > Date.now()) return token;
        this.#tokens.delete(key);
        return this.#token(challenge, scopes);
      });
    }
    const fetched = this.#fetchToken(challenge, mergeScopes(scopes)).catch((error: unknown) => {
      this.#tokens.delete(key);
      throw error;
    });
    this.#tokens.set(key, fetched);
    return fetched;
  }

  async #fetchToken(challenge: Challenge, scopes: readonly string[]): Promise<CachedToken> {
    const realm = challenge.params.realm;
    if (!realm) throw new RegistryError('GET', this.registry, 401, [], 'Bearer challenge without a realm');
    this.#refuseWeakerRealm(realm);
    const credential = await this.credentials.get(this.registry);
    const refreshToken = credential?.refreshToken;
    // OAuth2 refresh-token grant (docker's identity tokens); GET is the fallback some realms need.
    const posted = refreshToken ? await this.#postRefreshToken(realm, challenge, scopes, refreshToken) : undefined;
    const method = posted ? 'POST' : 'GET';
    const response = posted ?? (await this.#getToken(realm, challenge, scopes, refreshToken));
    if (response.status !== 200) throw await errorFrom(method, response, `token request for ${scopes.join(' ') || 'no scope'} refused`);
    type TokenBody = { token?: string; access_token?: string; expires_in?: number; refresh_token?: string } | null;
    const body = parseJsonBody<TokenBody>(await readBody(response, 1024 * 1024), method, response.url);
    const token = body?.token ?? body?.access_token;
    if (typeof token !== 'string' || !token)
      throw new RegistryError(method, redactUrl(response.url), 200, [], 'token response without a token');
    // Masked the moment they are minted.
    if (typeof body?.refresh_token === 'string') this.logger.mask(body.refresh_token);
    this.logger.mask(token);
    const lifetime = Math.max(MIN_TOKEN_LIFETIME_S, Number(body?.expires_in) || MIN_TOKEN_LIFETIME_S);
    return { header: `Bearer ${token}`, expiresAt: Date.now() + lifetime * 1000 };
  }

  /**
   * A realm gets the login (or a refresh token) in the clear unless it is HTTPS: a registry on
   * HTTPS naming an `http://` realm (or any other scheme) would downgrade it, even on loopback (a
   * remote registry naming a loopback realm would hand the login to whatever listens on the
   * runner). A plain-HTTP realm is taken from a plain-HTTP registry (loopback, insecure-registries).
   */
  #refuseWeakerRealm(realm: string): void {
    const registry = this.transport.baseUrl(this.registry);
    let url: URL;
    try {
      url = new URL(realm);
    } catch {
      throw new RegistryError('GET', registry.toString(), 401, [], `the token realm "${realm}" is not a URL; nothing was sent to it`);
    }
    const secure = url.protocol === 'https:';
    const plainAllowed = url.protocol === 'http:' && registry.protocol === 'http:';
    if (secure || plainAllowed) return;
    throw new RegistryError(
      'GET',
      registry.toString(),
      401,
      [],
      `the registry, reached over ${registry.protocol.slice(0, -1).toUpperCase()}, names the token realm ${redactUrl(url)}, ` +
        'which would receive the login in the clear; refused, nothing was sent to it (the realm must be https://)',
    );
  }

  /** The OAuth2 form POST; undefined where the realm does not take it (404/405). */
  async #postRefreshToken(
    realm: string,
    challenge: Challenge,
    scopes: readonly string[],
    refreshToken: string,
  ): Promise<HttpResponse | undefined> {
    const form = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: 'container-image-actions' });
    if (challenge.params.service) form.set('service', challenge.params.service);
    if (scopes.length) form.set('scope', scopes.join(' '));
    const headers = { 'content-type': 'application/x-www-form-urlencoded' };
    const response = await this.transport.send({ method: 'POST', url: new URL(realm), headers, body: Buffer.from(form.toString()) });
    if (response.status !== 404 && response.status !== 405) return response;
    await discard(response);
    return undefined;
  }

  /** `GET <realm>?service=…&scope=…` with the Basic login, else the refresh token, else anonymous. */
  async #getToken(realm: string, challenge: Challenge, scopes: readonly string[], refreshToken: string | undefined): Promise<HttpResponse> {
    const url = new URL(realm);
    if (challenge.params.service) url.searchParams.set('service', challenge.params.service);
    for (const scope of scopes) url.searchParams.append('scope', scope);
    const headers: Record<string, string> = {};
    const basic = await this.#basic();
    if (basic) headers.authorization = basic;
    else if (refreshToken) {
      url.searchParams.set('grant_type', 'refresh_token');
      url.searchParams.set('refresh_token', refreshToken);
    }
    return this.transport.send({ method: 'GET', url, headers });
  }
}

/** The `registry/repository` a `repository:<name>:<actions>` scope names, where `allowed` does not admit it. */
export function outsideOf(allowed: RepositoryScope, registry: string, scope: string): { name: string; actions: string[] } | undefined {
  const parsed = parseScope(scope);
  if (parsed?.type !== 'repository') return undefined;
  const name = `${registry}/${parsed.name}`;
  return allowed.admits(name) ? undefined : { name, actions: parsed.actions };
}
