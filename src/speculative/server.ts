import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import type { Manifest } from '../registry/client.js';
import { RegistryError } from '../registry/errors.js';
import { isDigest, refName, type RepositoryRef } from '../registry/reference.js';
import type { RegistrySession } from '../registry/session.js';
import type { ProxiedRepository } from './repositories.js';

/**
 * The job's speculative registry: a read-only registry on loopback that answers a final tag the
 * change built with the change's manifest, and that manifest's children and blobs from where the
 * gate pushed them. Everything else is 404, which sends containers/image on to the final registry.
 */
export interface SpeculativeRegistry {
  readonly server: Server;
  /**
   * Reads every tag's manifest and its platform manifests into memory, and says what is missing.
   * containers/image takes any error of a mirror (not only 404) as a reason to ask the final
   * registry: once loaded, a tag never depends on the speculative source answering later.
   */
  preload(): Promise<string[]>;
}

export function speculativeRegistry(
  session: RegistrySession,
  repositories: readonly ProxiedRepository[],
  log: (line: string) => void,
): SpeculativeRegistry {
  const byPath = new Map(repositories.map((r) => [r.path, r]));
  const manifests = new Map<string, Promise<Manifest | undefined>>();

  /** The first source that has the manifest; undefined when none has it. */
  const manifestOf = (repository: ProxiedRepository, digest: string): Promise<Manifest | undefined> => {
    const key = `${repository.path}@${digest}`;
    if (!manifests.has(key)) {
      const found = firstOf(repository.sources, (s) => session.client(s.registry).getManifest(s.repository, digest));
      manifests.set(key, found);
      found.catch(() => manifests.delete(key));
    }
    return manifests.get(key)!;
  };

  const answer = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const head = request.method === 'HEAD';
    if (!head && request.method !== 'GET') return fail(response, 405, 'UNSUPPORTED', 'this registry is read-only');
    const path = new URL(request.url ?? '/', 'http://speculative').pathname;
    if (path === '/v2/' || path === '/v2') return send(response, 200, { 'content-type': 'application/json' }, head, Buffer.from('{}'));
    const match = /^\/v2\/(.+)\/(manifests|blobs)\/([^/]+)$/.exec(path);
    const repository = match ? byPath.get(match[1]) : undefined;
    if (!match || !repository) return fail(response, 404, 'NAME_UNKNOWN', 'not an image of the change');
    const [, , kind, reference] = match;
    if (kind === 'manifests') {
      const digest = isDigest(reference) ? reference : Object.hasOwn(repository.tags, reference) ? repository.tags[reference] : undefined;
      if (!digest) return fail(response, 404, 'MANIFEST_UNKNOWN', `${reference} is not a tag the change built`);
      const manifest = await manifestOf(repository, digest);
      if (!manifest) return fail(response, 404, 'MANIFEST_UNKNOWN', `${digest} is not in the change's repositories`);
      if (!isDigest(reference)) log(`${repository.prefix}:${reference} -> ${digest}`);
      return send(
        response,
        200,
        { 'content-type': manifest.mediaType, 'docker-content-digest': manifest.digest, 'content-length': manifest.bytes.length },
        head,
        manifest.bytes,
      );
    }
    return serveBlob(session, repository, reference, head, response);
  };

  const server = createServer((request, response) => {
    answer(request, response).catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      // The path holds the job's key: the log names the request by its kind only.
      log(`${request.method} ${/\/(manifests|blobs)\/[^/]+$/.exec(request.url ?? '')?.[0] ?? 'request'}: ${message}`);
      if (!response.headersSent) fail(response, 502, 'UNAVAILABLE', message);
      else response.destroy();
    });
  });

  return { server, preload: () => preloadManifests(repositories, manifestOf) };
}

/** Every tag's manifest and, for an index, its platform manifests, through `manifestOf` (which keeps them); what is missing. */
async function preloadManifests(
  repositories: readonly ProxiedRepository[],
  manifestOf: (repository: ProxiedRepository, digest: string) => Promise<Manifest | undefined>,
): Promise<string[]> {
  const missing: string[] = [];
  const load = async (repository: ProxiedRepository, digest: string, name: string, child: boolean): Promise<void> => {
    const manifest = await manifestOf(repository, digest);
    if (!manifest) {
      missing.push(`${name} (${digest}) is in none of ${repository.sources.map((s) => refName(s)).join(', ')}`);
      return;
    }
    if (child) return;
    const children = (JSON.parse(manifest.bytes.toString('utf8')) as { manifests?: { digest: string }[] }).manifests ?? [];
    await Promise.all(children.map((c) => load(repository, c.digest, `${name} ${c.digest}`, true)));
  };
  await Promise.all(
    repositories.flatMap((repository) =>
      Object.entries(repository.tags).map(([tag, digest]) => load(repository, digest, `${repository.prefix}:${tag}`, false)),
    ),
  );
  return missing;
}

/** A blob of the change's images, streamed from the first source that has it. */
async function serveBlob(
  session: RegistrySession,
  repository: ProxiedRepository,
  digest: string,
  head: boolean,
  response: ServerResponse,
): Promise<void> {
  if (!isDigest(digest)) return fail(response, 400, 'DIGEST_INVALID', `${digest} is not a digest`);
  const unknown = () => fail(response, 404, 'BLOB_UNKNOWN', `${digest} is not in the change's repositories`);
  if (head) {
    const size = await firstOf(repository.sources, (s) => session.client(s.registry).headBlob(s.repository, digest));
    if (size === undefined) return unknown();
    return send(response, 200, { 'content-length': size, 'docker-content-digest': digest }, true);
  }
  const blob = await firstOf(repository.sources, (s) => session.client(s.registry).getBlob(s.repository, digest));
  if (!blob) return unknown();
  const length = blob.headers['content-length'];
  response.writeHead(200, {
    'docker-distribution-api-version': 'registry/2.0',
    'content-type': 'application/octet-stream',
    'docker-content-digest': digest,
    ...(length !== undefined && { 'content-length': length }),
  });
  await pipeline(blob.body, response);
}

/** The first source's answer; undefined when every source answers 404 (or nothing). */
async function firstOf<T>(
  sources: readonly RepositoryRef[],
  ask: (source: RepositoryRef) => Promise<T | undefined>,
): Promise<T | undefined> {
  let failure: unknown;
  for (const source of sources) {
    try {
      const found = await ask(source);
      if (found !== undefined) return found;
    } catch (error) {
      if (!(error instanceof RegistryError && error.status === 404)) failure ??= error;
    }
  }
  if (failure) throw failure;
  return undefined;
}

function send(response: ServerResponse, status: number, headers: Record<string, string | number>, head: boolean, body?: Buffer): void {
  response.writeHead(status, { 'docker-distribution-api-version': 'registry/2.0', ...headers });
  response.end(head ? undefined : body);
}

function fail(response: ServerResponse, status: number, code: string, message: string): void {
  const body = Buffer.from(JSON.stringify({ errors: [{ code, message }] }));
  send(response, status, { 'content-type': 'application/json', 'content-length': body.length }, false, body);
}
