// A registry with the OCI 1.1 referrers API, for tests: distribution 2.8 (which has none) behind a
// front that indexes every manifest pushed with a `subject`, answers its PUT with `OCI-Subject`
// (so clients know not to write the fallback tag), and serves `GET /v2/<name>/referrers/<digest>`
// with the `artifactType` filter. Everything else passes through unchanged. With `indexPushes:
// false` it stands for a registry that has the API but indexes nothing pushed to it: its API
// answers an empty list and its PUTs carry no `OCI-Subject`.
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { startRegistry, type RegistryProcess } from './registry-process.js';

interface ReferrerDescriptor {
  mediaType: string;
  digest: string;
  size: number;
  artifactType?: string;
  annotations?: Record<string, string>;
}

export interface ReferrersRegistry {
  /** host:port of the front. */
  readonly registry: string;
  /** Requests to the referrers endpoint, as `name@digest[?artifactType]`. */
  readonly referrerRequests: string[];
  /** The most requests the front had in flight at once since the last `resetPeak()`. */
  readonly peakInFlight: () => number;
  resetPeak(): void;
  stop(): Promise<void>;
}

export interface ReferrersRegistryOptions {
  /** Index manifests pushed with a `subject` and answer their PUT with `OCI-Subject` (default true). */
  readonly indexPushes?: boolean;
}

const MANIFEST_PUT = /^\/v2\/(.+)\/manifests\/([^/]+)$/;
const REFERRERS = /^\/v2\/(.+)\/referrers\/(sha256:[a-f0-9]{64})$/;

export async function startReferrersRegistry(options: ReferrersRegistryOptions = {}): Promise<ReferrersRegistry> {
  const backend: RegistryProcess = await startRegistry();
  const index = new Map<string, ReferrerDescriptor[]>();
  const referrerRequests: string[] = [];
  let inFlight = 0;
  let peak = 0;
  const server = http.createServer((req, res) => {
    peak = Math.max(peak, ++inFlight);
    // Counted out once the answer is handed to the OS: before the client can send its next request.
    let answered = false;
    const leave = () => {
      if (!answered) inFlight--;
      answered = true;
    };
    res.on('finish', leave);
    res.on('close', leave);
    const url = new URL(req.url ?? '/', 'http://front');
    const referrers = REFERRERS.exec(url.pathname);
    if (req.method === 'GET' && referrers) {
      const artifactType = url.searchParams.get('artifactType');
      referrerRequests.push(`${referrers[1]}@${referrers[2]}${artifactType ? `?${artifactType}` : ''}`);
      const all = index.get(`${referrers[1]}@${referrers[2]}`) ?? [];
      const manifests = artifactType ? all.filter((d) => d.artifactType === artifactType) : all;
      res.writeHead(200, {
        'content-type': 'application/vnd.oci.image.index.v1+json',
        ...(artifactType && { 'oci-filters-applied': 'artifactType' }),
      });
      res.end(JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.index.v1+json', manifests }));
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      // The client's Host goes through: distribution builds its absolute upload Locations from it,
      // and oras refuses a Location on another host than the registry it talks to.
      const forward = http.request(
        { host: '127.0.0.1', port: backend.port, method: req.method, path: req.url, headers: req.headers },
        (upstream) => {
          const headers = { ...upstream.headers };
          const put = MANIFEST_PUT.exec(url.pathname);
          if (req.method === 'PUT' && put && upstream.statusCode === 201 && options.indexPushes !== false) {
            const subject = record(index, put[1], body, String(req.headers['content-type'] ?? ''));
            if (subject) headers['oci-subject'] = subject;
          }
          res.writeHead(upstream.statusCode ?? 502, headers);
          upstream.pipe(res);
        },
      );
      forward.on('error', () => res.destroy());
      forward.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    registry: `127.0.0.1:${port}`,
    referrerRequests,
    peakInFlight: () => peak,
    resetPeak: () => {
      peak = inFlight;
    },
    stop: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await backend.stop();
    },
  };
}

/** Indexes a pushed manifest under its subject; returns the subject's digest, if it has one. */
function record(index: Map<string, ReferrerDescriptor[]>, name: string, body: Buffer, contentType: string): string | undefined {
  let manifest: {
    subject?: { digest?: string };
    artifactType?: string;
    config?: { mediaType?: string };
    annotations?: Record<string, string>;
  };
  try {
    manifest = JSON.parse(body.toString('utf8')) as typeof manifest;
  } catch {
    return undefined;
  }
  const subject = manifest.subject?.digest;
  if (!subject) return undefined;
  const digest = `sha256:${createHash('sha256').update(body).digest('hex')}`;
  const key = `${name}@${subject}`;
  const list = (index.get(key) ?? []).filter((d) => d.digest !== digest);
  list.push({
    mediaType: contentType,
    digest,
    size: body.length,
    artifactType: manifest.artifactType ?? manifest.config?.mediaType,
    ...(manifest.annotations && { annotations: manifest.annotations }),
  });
  index.set(key, list);
  return subject;
}
