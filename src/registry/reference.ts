/**
 * Image references, following the grammar of distribution's `reference` package:
 *   [host[:port]/]path[:tag][@algorithm:hex]
 * plus docker's normalisation (Docker Hub's `docker.io` name and its `library/` namespace).
 */

const ALNUM = '[a-z0-9]+';
const SEPARATOR = '(?:[._]|__|[-]+)';
const PATH_COMPONENT = `${ALNUM}(?:${SEPARATOR}${ALNUM})*`;
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN_NAME = `${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*`;
const IPV6 = '\\[(?:[a-fA-F0-9:]+)\\]';
const HOST = `(?:${DOMAIN_NAME}|${IPV6})`;
const PORT = '[0-9]{1,5}';

const PATH_RE = new RegExp(`^${PATH_COMPONENT}(?:/${PATH_COMPONENT})*$`);
const REGISTRY_RE = new RegExp(`^${HOST}(?::${PORT})?$`);
const TAG_RE = /^[\w][\w.-]{0,127}$/;
const DIGEST_RE = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]{32,}$/;
const SHA256_RE = /^sha256:[a-f0-9]{64}$/;

export const DOCKER_HUB = 'docker.io';
const DOCKER_HUB_ALIASES = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);
const MAX_NAME_LENGTH = 255;

/**
 * A repository in a registry: the one shape the code passes around (a parsed reference is one too),
 * instead of strings joined by hand at each call site.
 */
export interface RepositoryRef {
  /** Registry as users write it (`docker.io` for Docker Hub), host[:port]. */
  readonly registry: string;
  /** Repository path inside the registry, e.g. `library/busybox`. */
  readonly repository: string;
}

/** A repository with the tag or digest a user wrote. */
export interface Reference extends RepositoryRef {
  readonly tag?: string;
  readonly digest?: string;
}

export class ReferenceError extends Error {
  constructor(
    readonly input: string,
    readonly reason: string,
  ) {
    super(`invalid image reference "${input}": ${reason}`);
    this.name = 'ReferenceError';
  }
}

export function isValidTag(tag: string): boolean {
  return TAG_RE.test(tag);
}

export function isValidRegistry(registry: string): boolean {
  if (!REGISTRY_RE.test(registry)) return false;
  const port = /:(\d+)$/.exec(registry.replace(/^\[.*\]/, ''));
  return !port || Number(port[1]) <= 65535;
}

export function isValidPath(path: string): boolean {
  return PATH_RE.test(path);
}

export function isValidDigest(digest: string): boolean {
  return digest.startsWith('sha256:') ? SHA256_RE.test(digest) : DIGEST_RE.test(digest);
}

/**
 * Whether the first component of a name is a registry host rather than a namespace: docker's
 * rule (contains `.` or `:`, or is `localhost`). Docker also takes an upper-case component for
 * a host; we do not, so `MyOrg/app` is reported as "must be lowercase", which is what was meant.
 */
export function looksLikeRegistry(component: string): boolean {
  return /[.:]/.test(component) || component === 'localhost' || component.startsWith('[');
}

/** Splits `host/a/b` into registry and path; a name without a host yields `registry: undefined`. */
export function splitName(name: string): { registry?: string; path: string } {
  const slash = name.indexOf('/');
  if (slash > 0 && looksLikeRegistry(name.slice(0, slash))) {
    return { registry: name.slice(0, slash), path: name.slice(slash + 1) };
  }
  return { path: name };
}

export interface ParseOptions {
  /** Registry assumed when the name has none (docker assumes Docker Hub). */
  defaultRegistry?: string;
}

/**
 * Why a name that is really a URL cannot be an image name: a scheme (`https://host/x`) or user
 * info (`user:pw@host/x`). The text returned shows the name with any user info hidden.
 */
export function schemeOrCredentials(input: string): string | undefined {
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(input);
  const rest = scheme ? input.slice(input.indexOf('://') + 3) : input;
  const at = rest.indexOf('@');
  const slash = rest.indexOf('/');
  // `name@sha256:…` is a digest reference; user info is followed by a host and a path.
  const userinfo = at >= 0 && (slash < 0 || at < slash) && rest.slice(at + 1).includes('/');
  if (!scheme && !userinfo) return undefined;
  const shown = `${scheme ? input.slice(0, input.indexOf('://') + 3) : ''}${userinfo ? `***${rest.slice(at)}` : rest}`;
  return `"${shown}" must be written host/path, with no scheme or credentials (credentials go in registry-credentials)`;
}

export function parseReference(input: string, options: ParseOptions = {}): Reference {
  if (input.length === 0) throw new ReferenceError(input, 'empty');
  const url = schemeOrCredentials(input);
  if (url) throw Object.assign(new ReferenceError('', url), { message: `invalid image reference: ${url}` });
  if (/\s/.test(input)) throw new ReferenceError(input, 'contains white space');

  let rest = input;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!isValidDigest(digest)) throw new ReferenceError(input, `"${digest}" is not a valid digest`);
  }

  let tag: string | undefined;
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  // A colon after the last slash separates the tag; one before it belongs to host:port.
  if (colon > lastSlash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!isValidTag(tag))
      throw new ReferenceError(input, `"${tag}" is not a valid tag (at most 128 of [A-Za-z0-9_.-], not starting with . or -)`);
  }

  const split = splitName(rest);
  let registry = split.registry ?? options.defaultRegistry ?? DOCKER_HUB;
  let path = split.path;
  if (!isValidRegistry(registry)) throw new ReferenceError(input, `"${registry}" is not a valid registry host[:port]`);
  if (!isValidPath(path)) {
    const reason =
      path !== path.toLowerCase()
        ? 'repository names must be lowercase'
        : 'repository path components are [a-z0-9] separated by ".", "_", "__" or "-"';
    throw new ReferenceError(input, reason);
  }
  if (DOCKER_HUB_ALIASES.has(registry)) {
    registry = DOCKER_HUB;
    if (!path.includes('/')) path = `library/${path}`;
  }
  if (registry.length + 1 + path.length > MAX_NAME_LENGTH)
    throw new ReferenceError(input, `name longer than ${MAX_NAME_LENGTH} characters`);
  return { registry, repository: path, ...(tag !== undefined && { tag }), ...(digest !== undefined && { digest }) };
}

/** The host:port to send HTTP requests to (Docker Hub's API lives on another host than its name). */
export function apiHost(registry: string): string {
  return DOCKER_HUB_ALIASES.has(registry) ? 'registry-1.docker.io' : registry;
}

/** `algorithm:hex` rather than a tag (a tag cannot contain a colon). */
export function isDigest(reference: string): boolean {
  return reference.includes(':');
}

/** `registry/repository`, and with a tag or digest: `registry/repository:tag`, `registry/repository@sha256:…`. */
export function refName(ref: RepositoryRef, reference?: string): string {
  const name = `${ref.registry}/${ref.repository}`;
  if (reference === undefined) return name;
  return `${name}${isDigest(reference) ? '@' : ':'}${reference}`;
}

export function formatReference(ref: Reference): string {
  let out = refName(ref);
  if (ref.tag !== undefined) out += `:${ref.tag}`;
  if (ref.digest !== undefined) out += `@${ref.digest}`;
  return out;
}

/** The host without port or IPv6 brackets. */
export function hostOf(registry: string): string {
  const v6 = /^\[(.*)\](?::\d+)?$/.exec(registry);
  if (v6) return v6[1];
  return registry.replace(/:\d+$/, '');
}

/** Loopback registries are reached over plain HTTP, as docker does. */
export function isLoopback(registry: string): boolean {
  const host = hostOf(registry);
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** Whether the engines and tools reach a registry over plain HTTP: loopback, or named in insecure-registries. */
export function isPlainHttp(registry: string, insecureRegistries: readonly string[]): boolean {
  return isLoopback(registry) || insecureRegistries.includes(registry);
}
