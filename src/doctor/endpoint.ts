import { connect } from 'node:tls';
import { parseChallenges } from '../registry/auth/challenge.js';
import { registryKind, type RegistryKind } from '../registry/kinds.js';
import { readBody, type HttpResponse, type Transport } from '../registry/transport.js';

export const VENDORS = ['distribution', 'gitea', 'docker-hub', 'quay', 'ghcr', 'harbor', 'gitlab', 'ecr', 'gar', 'acr', 'unknown'] as const;
export type Vendor = (typeof VENDORS)[number];

/** What the registry's API root and TLS handshake tell, before anything is written. */
export interface EndpointFacts {
  /** The registry API answered (200 or 401 at /v2/). */
  readonly reachable: boolean;
  readonly auth: 'none' | 'basic' | 'bearer';
  readonly http2: boolean;
  readonly vendor: Vendor;
  /** Why it is not reachable, in one line. */
  readonly problem?: string;
}

const DEADLINE_MS = 15_000;

const BY_KIND: Record<RegistryKind, Vendor | undefined> = {
  docker: 'docker-hub',
  quay: 'quay',
  ghcr: 'ghcr',
  harbor: 'harbor',
  gitlab: 'gitlab',
  ecr: 'ecr',
  gar: 'gar',
  acr: 'acr',
  gitea: 'gitea',
  distribution: 'distribution',
  generic: undefined,
};

export async function examineEndpoint(registry: string, declared: RegistryKind | undefined, transport: Transport): Promise<EndpointFacts> {
  const root = new URL('/v2/', transport.baseUrl(registry));
  let response: HttpResponse;
  try {
    response = await transport.send({ method: 'GET', url: root, deadlineMs: DEADLINE_MS });
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    return { reachable: false, auth: 'none', http2: false, vendor: 'unknown', problem: `cannot reach ${root.href}: ${reason}` };
  }
  const body = (await readBody(response, 64 * 1024).catch(() => Buffer.alloc(0))).toString('utf8');
  const auth = authOf(response);
  const http2 = root.protocol === 'https:' ? await offersHttp2(root, transport) : false;
  const vendor = BY_KIND[registryKind(registry, declared)] ?? (await detectVendor(registry, transport, response, body));
  if (response.status !== 200 && response.status !== 401) {
    const problem = `GET ${root.href} answered HTTP ${response.status}: not a registry API (OCI distribution) at this address`;
    return { reachable: false, auth, http2, vendor, problem };
  }
  return { reachable: true, auth, http2, vendor };
}

function authOf(response: HttpResponse): EndpointFacts['auth'] {
  if (response.status !== 401) return 'none';
  const schemes = parseChallenges(response.headers['www-authenticate']).map((c) => c.scheme.toLowerCase());
  return schemes.includes('bearer') ? 'bearer' : 'basic';
}

/**
 * ALPN over a bare TLS handshake: whether the server would speak HTTP/2. Nothing is sent over
 * the connection, so the certificate is not what this asks about (the requests check it).
 */
function offersHttp2(root: URL, transport: Transport): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({
      ...(transport.lookup && { lookup: transport.lookup }),
      host: root.hostname.replace(/^\[|\]$/g, ''),
      port: Number(root.port || 443),
      servername: /^[\d.]+$|:/.test(root.hostname) ? undefined : root.hostname,
      ALPNProtocols: ['h2', 'http/1.1'],
      rejectUnauthorized: false,
    });
    const done = (h2: boolean) => {
      socket.destroy();
      resolve(h2);
    };
    socket.setTimeout(DEADLINE_MS, () => done(false));
    socket.once('secureConnect', () => done(socket.alpnProtocol === 'h2'));
    socket.once('error', () => done(false));
  });
}

/**
 * A registry on a host of no known service: Gitea and Forgejo answer their version API on the
 * same origin, Harbor its system info; CNCF distribution answers /v2/ with its API-version header
 * and a JSON body (`{}`, or its error list), which go-containerregistry's registry does not send.
 */
async function detectVendor(registry: string, transport: Transport, root: HttpResponse, body: string): Promise<Vendor> {
  const base = transport.baseUrl(registry);
  const json = async (path: string): Promise<Record<string, unknown> | undefined> => {
    try {
      const response = await transport.send({
        method: 'GET',
        url: new URL(path, base),
        headers: { accept: 'application/json' },
        deadlineMs: DEADLINE_MS,
      });
      const text = (await readBody(response, 64 * 1024)).toString('utf8');
      if (response.status !== 200) return undefined;
      const parsed: unknown = JSON.parse(text);
      return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : undefined;
    } catch {
      return undefined;
    }
  };
  if (typeof (await json('/api/v1/version'))?.version === 'string') return 'gitea';
  if (typeof (await json('/api/v2.0/systeminfo'))?.harbor_version === 'string') return 'harbor';
  const apiVersion = root.headers['docker-distribution-api-version'];
  const isJson = /^application\/json/.test(String(root.headers['content-type'] ?? ''));
  if (apiVersion === 'registry/2.0' && isJson && /^\s*\{/.test(body)) return 'distribution';
  return 'unknown';
}
