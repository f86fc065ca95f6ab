import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import type { Manifest } from '../registry/client.js';
import { RegistryError } from '../registry/errors.js';
import { isDigest } from '../registry/reference.js';
import type { RegistrySession } from '../registry/session.js';
import type { ContentSource, ProxiedRepository } from './repositories.js';

/**
 * The job's speculative registry: a read-only registry on loopback that answers a final tag the
 * change built with the change's manifest, and that manifest's children and blobs from where the
 * gate pushed them. Everything else is 404, which sends containers/image on to the final registry.
 */
export function speculativeRegistry(
  session: RegistrySession,
  repositories: readonly ProxiedRepository[],
  log: (line: string) => void,
): Server {
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
      const digest = isDigest(reference) ? reference : repository.tags[reference];
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

  return createServer((request, response) => {
    answer(request, response).catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      log(`${request.method} ${request.url}: ${message}`);
      if (!response.headersSent) fail(response, 502, 'UNAVAILABLE', message);
      else response.destroy();
    });
  });
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
  sources: readonly ContentSource[],
  ask: (source: ContentSource) => Promise<T | undefined>,
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
