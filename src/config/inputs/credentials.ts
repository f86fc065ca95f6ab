import { z } from 'zod';
import type { Credential, RepositoryScope } from '../../registry/auth/credentials.js';
import { REGISTRY_KINDS, type RegistryKind } from '../../registry/kinds.js';
import { isValidRegistry } from '../../registry/reference.js';
import { ConfigError, ConfigErrors } from '../errors.js';
import { isTemplate } from '../jinja.js';
import { linearPattern, type Pattern } from '../pattern.js';
import { formatIssues, show } from '../schema-errors.js';
import { parseYamlInput } from '../yaml.js';

export const CREDENTIAL_KEYS = ['username', 'password', 'repository', 'api_token', 'refresh_token', 'type', 'api_url'] as const;

const secret = z.string({ error: (iss) => (iss.input === undefined ? 'is required' : `expected a string, got a ${typeof iss.input}`) });

const entrySchema = z.strictObject(
  {
    username: z.string().optional(),
    password: secret.optional(),
    repository: z.string().optional(),
    api_token: secret.optional(),
    refresh_token: secret.optional(),
    api_url: z.url({ error: (iss) => `${show(iss.input)} is not a URL` }).optional(),
    type: z
      .enum(REGISTRY_KINDS, { error: (iss) => `${show(iss.input)} is not a registry type; one of ${REGISTRY_KINDS.join(', ')}` })
      .optional(),
  },
  { error: (iss) => `expected a mapping of ${CREDENTIAL_KEYS.join(', ')}, got ${typeof iss.input}` },
);

const mapSchema = z.record(z.string(), entrySchema, { error: 'expected a mapping keyed by registry name' });

export interface RegistryCredential {
  readonly registry: string;
  readonly username?: string;
  readonly password?: string;
  /** Anchored pattern the repository must fully match for pushes and deletes. */
  readonly repositoryPattern?: Pattern;
  readonly repositorySource?: string;
  readonly apiToken?: string;
  readonly refreshToken?: string;
  readonly type?: RegistryKind;
  /** Base URL of the vendor API used for tag deletion, when it is not the default one. */
  readonly apiUrl?: string;
}

export type CredentialsMap = ReadonlyMap<string, RegistryCredential>;

/** What the tag deleter needs of a registry's credentials to use its vendor's API. */
export function vendorCredentialOf(credentials: CredentialsMap, registry: string) {
  const c = credentials.get(registry);
  return c && { type: c.type, username: c.username, password: c.password, apiToken: c.apiToken, apiUrl: c.apiUrl };
}

/**
 * Parses Zuul's `container_registry_credentials` map. `onSecret` is called for every secret the
 * moment it is read, so it is masked before anything can log it.
 */
export function parseCredentials(text: string, onSecret: (secret: string) => void): CredentialsMap {
  const result = new Map<string, RegistryCredential>();
  if (!text.trim()) return result;
  const raw = parseYamlInput(text, 'registry-credentials');
  if (raw === null || raw === undefined) return result;
  // Mask before validating: a validation message must not be the first place a password shows up.
  maskSecrets(raw, onSecret);
  refuseUnkeyed(raw);
  const parsed = mapSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ConfigErrors(formatIssues('registry-credentials', parsed.error.issues, () => CREDENTIAL_KEYS));
  }
  const problems: string[] = [];
  for (const [registry, entry] of Object.entries(parsed.data)) {
    if (!isValidRegistry(registry)) problems.push(`registry-credentials: "${registry}" is not a registry host[:port]`);
    if ((entry.username === undefined) !== (entry.password === undefined)) {
      problems.push(`registry-credentials["${registry}"]: username and password go together`);
    }
    let repositoryPattern: Pattern | undefined;
    if (entry.repository !== undefined && isTemplate(entry.repository)) {
      problems.push(templatedPattern(registry, entry.repository));
    } else if (entry.repository !== undefined) {
      try {
        // Zuul searches unanchored; anchoring keeps `^quay.io/org/a` from admitting `quay.io/org/abc-evil`.
        repositoryPattern = linearPattern(entry.repository, `registry-credentials["${registry}"].repository`, true);
      } catch (error) {
        if (!(error instanceof ConfigError)) throw error;
        problems.push(error.message);
      }
    }
    result.set(registry, {
      registry,
      username: entry.username,
      password: entry.password,
      repositoryPattern,
      repositorySource: entry.repository,
      apiToken: entry.api_token,
      refreshToken: entry.refresh_token,
      type: entry.type,
      apiUrl: entry.api_url,
    });
  }
  if (problems.length > 0) throw new ConfigErrors(problems);
  return result;
}

function maskSecrets(raw: unknown, onSecret: (secret: string) => void): void {
  if (raw === null || typeof raw !== 'object') return;
  // The map itself too: the unkeyed docker_credentials shape carries its password at the top.
  for (const entry of [raw, ...Object.values(raw)]) {
    if (entry === null || typeof entry !== 'object') continue;
    const fields = entry as Record<string, unknown>;
    for (const key of ['password', 'api_token', 'refresh_token'] as const) {
      const value = fields[key];
      if (typeof value === 'string' && value !== '') onSecret(value);
    }
    // The pair, so its base64 (the Basic header) is masked where an engine or skopeo echoes it.
    if (typeof fields.username === 'string' && typeof fields.password === 'string' && fields.password !== '')
      onSecret(`${fields.username}:${fields.password}`);
  }
}

/**
 * The credential an image's registry must use, checked before any network call: a map that is
 * given but lacks the registry, or whose pattern does not admit the repository, is refused.
 */
export function credentialFor(credentials: CredentialsMap, registry: string, repository: string): RegistryCredential | undefined {
  if (credentials.size === 0) return undefined;
  const credential = credentials.get(registry);
  if (!credential)
    throw new ConfigError(
      `registry-credentials: ${registry} credentials not found (needed for ${repository}); the map has ` +
        `${[...credentials.keys()].join(', ')}`,
    );
  if (credential.repositoryPattern && !credential.repositoryPattern.test(repository)) {
    throw new ConfigError(`registry-credentials["${registry}"].repository: ${repository} not permitted by ${credential.repositorySource}`);
  }
  return credential;
}

/**
 * The credential a read (use's pulls) sends: the map's entry for the registry, or none, never an
 * error. A registry the map leaves out is read as the engines would (their auth files, else
 * anonymously); the entry's repository pattern limits writes, and reads keep the login, as the
 * registry client does.
 */
export function readCredentialFor(credentials: CredentialsMap, registry: string): RegistryCredential | undefined {
  return credentials.get(registry);
}

/**
 * The login a registry-credentials entry gives (user and password, or a refresh token), if any,
 * with its repository pattern: the registry client then sends it for no other repository.
 */
export function loginOf(credential: RegistryCredential | undefined): Credential | undefined {
  if (!credential) return undefined;
  const repositories = repositoryScopeOf(credential);
  const scoped = repositories ? { repositories } : {};
  if (credential.username && credential.password !== undefined)
    return { username: credential.username, password: credential.password, refreshToken: credential.refreshToken, ...scoped };
  return credential.refreshToken ? { refreshToken: credential.refreshToken, ...scoped } : undefined;
}

function repositoryScopeOf(credential: RegistryCredential): RepositoryScope | undefined {
  const pattern = credential.repositoryPattern;
  if (!pattern) return undefined;
  return {
    source: `registry-credentials["${credential.registry}"].repository ${show(credential.repositorySource ?? pattern.source)}`,
    admits: (name) => pattern.test(name),
  };
}

/** Zuul renders `{{ … }}` before its roles run; here the pattern would be matched as written and admit nothing. */
function templatedPattern(registry: string, pattern: string): string {
  return (
    `registry-credentials["${registry}"].repository: ${show(pattern)} holds a Jinja template, and templates are not ` +
    'evaluated here: write the pattern itself, e.g. "quay.io/org/.*" (a workflow expression ${{ … }} works in the input)'
  );
}

/**
 * build-docker-image's `docker_credentials` is one unkeyed `{username, password, repository}`;
 * the container roles key it by registry. Said plainly rather than as three "unknown registry" errors.
 */
function refuseUnkeyed(raw: unknown): void {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return;
  const flat = ['username', 'password'].filter((key) => typeof (raw as Record<string, unknown>)[key] === 'string');
  if (flat.length === 0) return;
  throw new ConfigError(
    `registry-credentials: ${flat.join(' and ')} at the top, like build-docker-image's docker_credentials; key them by ` +
      'registry name instead, e.g. {"quay.io": {username: u, password: ${{ secrets.QUAY_PASSWORD }}, repository: "quay.io/org/.*"}}',
  );
}
