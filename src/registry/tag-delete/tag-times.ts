import type { RegistryKind } from '../kinds.js';
import type { Transport } from '../transport.js';
import { VendorHttp } from './vendor-http.js';
import { splitNamespace, type VendorCredential } from './vendors.js';

export interface TagTimeContext {
  readonly registry: string;
  readonly repository: string;
  readonly tag: string;
  readonly kind: RegistryKind;
  readonly credential?: VendorCredential;
  readonly transport: Transport;
}

/**
 * When a tag was last pushed, from the vendor API where the registry kind has one (Docker Hub's
 * `last_updated`, Quay's `last_modified`): truer than an image's `created`, which reproducible
 * builds set to the commit time. Undefined where there is no such API or it says nothing.
 */
export async function vendorTagTime(context: TagTimeContext): Promise<number | undefined> {
  const { kind, credential, transport, repository, tag } = context;
  if (kind === 'docker') {
    const { namespace, name } = splitNamespace(repository);
    const api = new VendorHttp(transport, credential?.apiUrl ?? 'https://hub.docker.com', {});
    const { status, data } = await api.json<{ last_updated?: string; tag_last_pushed?: string }>(
      'GET',
      `/v2/repositories/${namespace}/${name}/tags/${encodeURIComponent(tag)}/`,
    );
    const when = status === 200 ? (data?.tag_last_pushed ?? data?.last_updated) : undefined;
    return when ? Date.parse(when) : undefined;
  }
  if (kind === 'quay' && credential?.apiToken) {
    const api = new VendorHttp(transport, credential.apiUrl ?? `https://${context.registry}`, {
      authorization: `Bearer ${credential.apiToken}`,
    });
    const { status, data } = await api.json<{ tags?: { name: string; last_modified?: string; start_ts?: number }[] }>(
      'GET',
      `/api/v1/repository/${repository}/tag/?specificTag=${encodeURIComponent(tag)}&onlyActiveTags=true`,
    );
    const found = status === 200 ? data?.tags?.find((t) => t.name === tag) : undefined;
    if (found?.start_ts) return found.start_ts * 1000;
    return found?.last_modified ? Date.parse(found.last_modified) : undefined;
  }
  return undefined;
}
