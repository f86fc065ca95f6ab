import { vendorCredentialOf, type CredentialsMap } from '../config/inputs/credentials.js';
import type { RegistryClient } from '../registry/client.js';
import type { RegistrySession } from '../registry/session.js';
import type { TagDeleter } from '../registry/tag-delete/tag-deleter.js';
import { RegistryError } from '../registry/errors.js';
import { registryKind, type RegistryKind } from '../registry/kinds.js';
import { VENDOR_DELETES } from '../registry/tag-delete/vendors.js';
import { discard } from '../registry/transport.js';
import { examineEndpoint } from './endpoint.js';
import { promoteWould, type RegistryReport } from './report.js';
import type { DoctorTarget } from '../config/inputs/registries.js';
import { NOT_WRITTEN, probeWrites, type WriteFacts } from './write-probes.js';

/** The repository doctor writes its probes to, under the namespace. */
const PROBE_REPOSITORY = 'cia-doctor';
/** Where a blob is mounted to, from the probe repository. */
const MOUNT_REPOSITORY = 'cia-doctor-mount';

const repositoryIn = (target: DoctorTarget, name: string) => (target.namespace ? `${target.namespace}/${name}` : name);

/** Everything doctor reports on one registry; a problem is one line in the report, never a throw. */
export async function diagnose(
  run: { readonly session: RegistrySession; readonly deleter: TagDeleter },
  target: DoctorTarget,
  credentials: CredentialsMap,
): Promise<RegistryReport> {
  const declared = credentials.get(target.registry)?.type;
  const kind = registryKind(target.registry, declared);
  const endpoint = await examineEndpoint(target.registry, declared, run.session.transport);
  const vendorCredential = vendorCredentialOf(credentials, target.registry);
  const report = (facts: WriteFacts, problem?: string): RegistryReport => ({
    registry: target.name,
    reachable: endpoint.reachable,
    vendor: endpoint.vendor,
    auth: endpoint.auth,
    'tag-delete': facts.tagDelete,
    'digest-delete': facts.digestDelete,
    'referrers-api': facts.referrersApi,
    'blob-mount': facts.blobMount,
    'chunked-upload': facts.chunkedUpload,
    http2: endpoint.http2,
    promote: promoteWould(kind, hasVendorCredentials(kind, vendorCredential), facts),
    written: facts.writable,
    'left-behind': facts.leftBehind,
    ...(problem !== undefined && { problem }),
    notes: facts.notes,
  });
  if (!endpoint.reachable) return report(NOT_WRITTEN, endpoint.problem);
  const client = run.session.client(target.registry);
  let hasLogin: boolean;
  try {
    hasLogin = (await run.session.credentials.get(target.registry)) !== undefined;
  } catch (error) {
    // A credential helper that fails, or an auth file that does not parse: this registry's line, not the run's end.
    return report(NOT_WRITTEN, `reading the login for ${target.registry} failed: ${(error as Error).message}`);
  }
  if (endpoint.auth !== 'none') {
    const refused = await loginRefused(client, target, hasLogin);
    if (refused) return report(NOT_WRITTEN, refused);
  }
  const probe = client.ref(repositoryIn(target, PROBE_REPOSITORY));
  const mount = client.ref(repositoryIn(target, MOUNT_REPOSITORY));
  try {
    return report(await probeWrites(client, probe, mount, run.deleter));
  } catch (error) {
    const status = error instanceof RegistryError ? error.status : undefined;
    const where = `${target.registry}/${target.namespace || '(top level)'}`;
    // A namespace that does not exist is refused as one the login may not write (Gitea: 404).
    const why =
      status === 401 || status === 403 || status === 404 ? `may not write to ${where}` : `writing a probe manifest to ${where} failed`;
    return report(NOT_WRITTEN, `${why}: ${(error as Error).message}`);
  }
}

/** The login checked alone, at the API root: a wrong password is told apart from a namespace closed to it. */
async function loginRefused(client: RegistryClient, target: DoctorTarget, hasLogin: boolean): Promise<string | undefined> {
  const advice = hasLogin
    ? `check registry-credentials["${target.registry}"] (or the docker/podman login it came from)`
    : `give one in registry-credentials["${target.registry}"]`;
  try {
    const response = await client.request([], () => ({ method: 'GET', url: client.url('/v2/') }));
    await discard(response);
    if (response.status !== 401) return undefined;
    return `${target.registry} ${hasLogin ? 'refused the login' : 'asks for a login and none was given'} (GET /v2/: HTTP 401): ${advice}`;
  } catch (error) {
    return `${target.registry} ${hasLogin ? 'refused the login' : 'gave no token without a login'}: ${(error as Error).message}; ${advice}`;
  }
}

/**
 * Whether the credentials entry opens the vendor's API. The cloud vendors find theirs in the
 * environment too, which doctor cannot see: only an `api_token` is sure there.
 */
function hasVendorCredentials(kind: RegistryKind, credential: { apiToken?: string; password?: string } | undefined): boolean {
  if (VENDOR_DELETES[kind]?.ambient) return Boolean(credential?.apiToken);
  return Boolean(credential?.apiToken || credential?.password);
}
