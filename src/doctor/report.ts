import type { SummaryTable } from '../commands/types.js';
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
  if (vendor.ambient) return `${vendor.name} (the vendor's API) when its credentials are found, else ${fallback}`;
  return `${fallback}; with api credentials in registry-credentials: ${vendor.name}`;
}

const yesNo = (value: boolean) => (value ? 'yes' : 'no');

export function reportTable(reports: readonly RegistryReport[]): SummaryTable {
  return {
    title: 'Registries',
    headers: [
      'registry',
      'reachable',
      'vendor',
      'auth',
      'tag delete',
      'digest delete',
      'referrers API',
      'blob mount',
      'chunked upload',
      'HTTP/2',
      'promote removes a temporary tag by',
    ],
    rows: reports.map((r) => {
      const measured = (value: string) => (r.written ? value : '?');
      return [
        r.registry,
        yesNo(r.reachable),
        r.vendor,
        r.auth,
        measured(r['tag-delete']),
        measured(yesNo(r['digest-delete'])),
        measured(yesNo(r['referrers-api'])),
        measured(yesNo(r['blob-mount'])),
        measured(yesNo(r['chunked-upload'])),
        yesNo(r.http2),
        r.written ? r.promote : '?',
      ];
    }),
  };
}
