// Local stand-ins for the vendor APIs that delete tags (Docker Hub, Quay, GHCR packages, Harbor,
// GitLab), implementing exactly the documented endpoints in front of a real distribution
// registry. They record every call (method, path, Authorization) for the tests to assert, and
// apply each deletion to the backing registry with the effect the vendor has: Hub, Quay, Harbor
// and GitLab remove one tag; deleting a GHCR package version deletes its manifest, and so every
// tag on it. startQuayRegistry stands in for Quay's registry API: its token server refuses any
// scope naming `delete` and grants `*` instead, as Quay's does.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { RegistrySession } from '../../src/registry/session.js';
import { TagDeleter } from '../../src/registry/tag-delete/tag-deleter.js';
import { freePort, startRegistry } from './registry-process.js';
import { startTokenServer } from './token-server.js';

export interface VendorCall {
  readonly method: string;
  readonly path: string;
  readonly authorization?: string;
  readonly body?: string;
}

export interface VendorFake {
  readonly url: string;
  readonly calls: VendorCall[];
  close(): Promise<void>;
}

export interface VendorFakeOptions {
  /** The real registry the vendor's API acts on. */
  readonly registry: string;
  readonly username: string;
  readonly password: string;
  readonly apiToken: string;
  /** Push times the APIs report, by `repository:tag` (ISO strings). */
  readonly tagTimes?: Map<string, string>;
}

export async function startVendorFake(options: VendorFakeOptions): Promise<VendorFake> {
  const port = await freePort();
  const calls: VendorCall[] = [];
  const session = new RegistrySession();
  const untagger = new TagDeleter({ session });
  const client = session.client(options.registry);
  const hubToken = `hub-jwt-${Math.random().toString(36).slice(2)}`;
  const basic = `Basic ${Buffer.from(`${options.username}:${options.password}`).toString('base64')}`;
  const bearer = `Bearer ${options.apiToken}`;

  /** GHCR package versions: one per manifest digest of the repository, with its tags. */
  async function versions(repository: string) {
    const byDigest = new Map<string, string[]>();
    for (const tag of await client.listTags(repository)) {
      const head = await client.headManifest(repository, tag);
      if (head) byDigest.set(head.digest, [...(byDigest.get(head.digest) ?? []), tag]);
    }
    return [...byDigest].map(([digest, tags]) => ({
      id: parseInt(digest.slice(7, 15), 16),
      name: digest,
      metadata: { package_type: 'container', container: { tags } },
    }));
  }

  const untag = async (repository: string, tag: string) => {
    const result = await untagger.deleteTag({ registry: options.registry, repository }, tag);
    return result.status === 'deleted' ? 'ok' : 'missing';
  };

  const server: Server = createServer(async (req: IncomingMessage, res) => {
    const body = await new Promise<string>((resolve) => {
      let text = '';
      req.on('data', (c: Buffer) => (text += c.toString()));
      req.on('end', () => resolve(text));
    });
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const path = url.pathname;
    calls.push({ method: req.method ?? '', path: req.url ?? '', authorization: req.headers.authorization, body: body || undefined });
    const reply = (status: number, payload?: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(payload === undefined ? '' : JSON.stringify(payload));
    };
    try {
      let m: RegExpExecArray | null;
      // Docker Hub: a tag's details (public repositories need no login)
      if (req.method === 'GET' && (m = /^\/v2\/repositories\/([^/]+)\/([^/]+)\/tags\/([^/]+)\/$/.exec(path))) {
        const when = options.tagTimes?.get(`${m[1]}/${m[2]}:${decodeURIComponent(m[3])}`);
        return when
          ? reply(200, { name: decodeURIComponent(m[3]), last_updated: when, tag_last_pushed: when })
          : reply(404, { message: 'tag not found' });
      }
      // Quay: tag listing with a specific tag
      if (req.method === 'GET' && (m = /^\/api\/v1\/repository\/(.+)\/tag\/$/.exec(path))) {
        if (req.headers.authorization !== bearer) return reply(401, { error: 'unauthorized' });
        const tag = url.searchParams.get('specificTag') ?? '';
        const when = options.tagTimes?.get(`${m[1]}:${tag}`);
        return reply(200, {
          tags: when ? [{ name: tag, last_modified: new Date(when).toUTCString().replace('GMT', '-0000') }] : [],
          page: 1,
          has_additional: false,
        });
      }
      // Docker Hub
      if (req.method === 'POST' && path === '/v2/users/login/') {
        const { username, password } = JSON.parse(body) as { username: string; password: string };
        return username === options.username && (password === options.password || password === options.apiToken)
          ? reply(200, { token: hubToken })
          : reply(401, { detail: 'Incorrect authentication credentials' });
      }
      if (req.method === 'DELETE' && (m = /^\/v2\/repositories\/([^/]+)\/([^/]+)\/tags\/([^/]+)\/$/.exec(path))) {
        if (req.headers.authorization !== `JWT ${hubToken}`) return reply(401, { detail: 'authentication required' });
        return reply((await untag(`${m[1]}/${m[2]}`, decodeURIComponent(m[3]))) === 'ok' ? 204 : 404);
      }
      // Quay
      if (req.method === 'DELETE' && (m = /^\/api\/v1\/repository\/(.+)\/tag\/([^/]+)$/.exec(path))) {
        if (req.headers.authorization !== bearer) return reply(401, { error: 'unauthorized' });
        return reply((await untag(m[1], decodeURIComponent(m[2]))) === 'ok' ? 204 : 404);
      }
      // Harbor: repository names are URL-encoded twice in the path.
      if (
        req.method === 'DELETE' &&
        (m = /^\/api\/v2\.0\/projects\/([^/]+)\/repositories\/([^/]+)\/artifacts\/([^/]+)\/tags\/([^/]+)$/.exec(path))
      ) {
        if (req.headers.authorization !== basic) return reply(401, { errors: [{ code: 'UNAUTHORIZED' }] });
        const repository = `${decodeURIComponent(m[1])}/${decodeURIComponent(decodeURIComponent(m[2]))}`;
        return reply((await untag(repository, decodeURIComponent(m[4]))) === 'ok' ? 200 : 404);
      }
      // GitLab
      if (req.method === 'GET' && (m = /^\/api\/v4\/projects\/([^/]+)\/registry\/repositories$/.exec(path))) {
        if (req.headers.authorization !== bearer) return reply(401, { message: '401 Unauthorized' });
        const project = decodeURIComponent(m[1]);
        if (project.split('/').length !== 2) return reply(404, { message: '404 Project Not Found' });
        const repositories = (await client.listTags(`${project}/web`)).length ? [{ id: 11, path: `${project}/web`, project_id: 7 }] : [];
        return reply(200, [{ id: 10, path: project, project_id: 7 }, ...repositories]);
      }
      if (req.method === 'DELETE' && (m = /^\/api\/v4\/projects\/7\/registry\/repositories\/(10|11)\/tags\/([^/]+)$/.exec(path))) {
        if (req.headers.authorization !== bearer) return reply(401, { message: '401 Unauthorized' });
        return reply((await untag(m[1] === '11' ? 'group/project/web' : 'group/project', decodeURIComponent(m[2]))) === 'ok' ? 200 : 404);
      }
      // GHCR (GitHub Packages REST API), for organisations and users
      if ((m = /^\/(orgs|users)\/([^/]+)\/packages\/container\/([^/]+)\/versions(?:\/(\d+))?$/.exec(path))) {
        if (req.headers.authorization !== bearer) return reply(401, { message: 'Bad credentials' });
        if (m[1] === 'orgs' && m[2] !== 'acme') return reply(404, { message: 'Not Found' });
        const repository = `${m[2]}/${decodeURIComponent(m[3])}`;
        const list = await versions(repository);
        if (req.method === 'GET') return reply(200, Number(url.searchParams.get('page') ?? 1) > 1 ? [] : list);
        if (req.method === 'DELETE') {
          const version = list.find((v) => String(v.id) === m![4]);
          if (!version) return reply(404, { message: 'Not Found' });
          await client.deleteManifest(repository, version.name);
          return reply(204);
        }
      }
      reply(404, { message: `no such endpoint: ${req.method} ${path}` });
    } catch (error) {
      reply(500, { message: String(error) });
    }
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    close: async () => {
      session.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export interface QuayRegistry {
  /** `127.0.0.1:<port>`: a distribution registry behind the Quay-like token server. */
  readonly registry: string;
  /** Every scope the token server was asked for, in order. */
  readonly scopes: string[];
  /** The scopes it refused for naming `delete`. */
  readonly refused: string[];
  stop(): Promise<void>;
}

/**
 * A real distribution registry whose token server answers like Quay's: a scope naming `delete`
 * is refused (HTTP 400), `*` grants every action on the repository.
 */
export async function startQuayRegistry(login: { readonly username: string; readonly password: string }): Promise<QuayRegistry> {
  const tokens = await startTokenServer({ [login.username]: { password: login.password, grants: [{ repository: /.*/, actions: ['*'] }] } });
  const port = await freePort();
  const scopes: string[] = [];
  const refused: string[] = [];
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const asked = url.searchParams.getAll('scope').flatMap((s) => s.split(' ').filter(Boolean));
    scopes.push(...asked);
    const named = asked.filter((scope) =>
      scope
        .slice(scope.lastIndexOf(':') + 1)
        .split(',')
        .includes('delete'),
    );
    if (named.length) {
      refused.push(...named);
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: `Unable to decode repository and actions: ${named.join(' ')}` }));
      return;
    }
    const answer = await fetch(`${tokens.realm}${url.search}`, {
      headers: req.headers.authorization ? { authorization: req.headers.authorization } : {},
    });
    res.writeHead(answer.status, { 'content-type': 'application/json' });
    res.end(await answer.text());
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const registry = await startRegistry({
    token: { realm: `http://127.0.0.1:${port}/token`, service: tokens.service, issuer: tokens.issuer, rootCertBundle: tokens.certFile },
  });
  return {
    registry: registry.registry,
    scopes,
    refused,
    stop: async () => {
      await registry.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await tokens.close();
    },
  };
}
