import type { RegistryKind } from '../registry/kinds.js';
import { VENDOR_DELETES } from '../registry/tag-delete/vendors.js';
import type { EndpointFacts, Vendor } from './endpoint.js';
import type { WriteFacts } from './write-probes.js';

/** One registry's entry of the `registries` output (docs/doctor.md). */
export interface RegistryReport {
  readonly registry: string;
  readonly reachable: boolean;
  readonly vendor: Vendor;
  readonly auth: EndpointFacts['auth'];
  readonly 'tag-delete': WriteFacts['tagDelete'];
  readonly 'digest-delete': boolean;
  readonly 'referrers-api': boolean;
  readonly 'blob-mount': boolean;
  readonly 'chunked-upload': boolean;
  readonly http2: boolean;
  /** How promote would remove one temporary tag there. */
  readonly promote: string;
  /** Whether the write probes ran (the namespace took a manifest). */
  readonly written: boolean;
  readonly 'left-behind': readonly string[];
  /** Why something could not be measured, one line; absent when all was. */
  readonly problem?: string;
  readonly notes: readonly string[];
}

/**
 * What promote's TagDeleter would do to remove one temporary tag, in its order: the vendor's API
 * where it has the credentials, else the OCI tag DELETE where it removes one tag, else a dummy
 * manifest deleted by digest, else nothing (the tag is reported left behind).
 */
export function promoteWould(kind: RegistryKind, vendorCredentials: boolean, facts: WriteFacts): string {
  const vendor = VENDOR_DELETES[kind];
  const fallback =
    facts.tagDelete === 'safe' && kind !== 'distribution'
      ? 'OCI tag DELETE'
      : facts.digestDelete
        ? 'dummy manifest on the tag, deleted by digest'
        : 'nothing: the temporary tag is left behind (reported)';
  if (!vendor) return fallback;
  if (vendorCredentials) return `${vendor.name} (the vendor's API)`;
  const without = vendor.only ? 'nothing: the temporary tag is left behind (reported)' : fallback;
  if (vendor.ambient) return `${vendor.name} (the vendor's API) when its credentials are found, else ${without}`;
  return `${fallback}; with api credentials in registry-credentials: ${vendor.name}`;
}
