import { hostOf } from './reference.js';

/** Registry kinds with their own tag-deletion API (docs/registries.md, "Deleting one tag"). */
export const REGISTRY_KINDS = [
  'generic',
  'docker',
  'quay',
  'ghcr',
  'harbor',
  'gitlab',
  'distribution',
  'gitea',
  'ecr',
  'gar',
  'acr',
] as const;
export type RegistryKind = (typeof REGISTRY_KINDS)[number];

/**
 * `<account>.dkr.ecr[-fips].<region>.amazonaws.com[.cn]`, or the dual-stack
 * `<account>.dkr-ecr[-fips].<region>.on.aws` (lowercase): account, `-fips`, region, domain.
 */
export const ECR_HOST = /^(\d{12})\.dkr[.-]ecr(-fips)?\.([a-z0-9-]+)\.(amazonaws\.com(?:\.cn)?|on\.aws)$/;
/** `<location>-docker.pkg.dev` (lowercase): Artifact Registry's Docker repositories of that location. */
export const GAR_HOST = /^([a-z0-9-]+)-docker\.pkg\.dev$/;

/** The kind from the credentials' `type`, else from well-known hosts. */
export function registryKind(registry: string, declared?: RegistryKind): RegistryKind {
  if (declared) return declared;
  const host = hostOf(registry).toLowerCase();
  if (['docker.io', 'index.docker.io', 'registry-1.docker.io'].includes(host)) return 'docker';
  if (host === 'quay.io') return 'quay';
  if (host === 'ghcr.io') return 'ghcr';
  if (host === 'registry.gitlab.com' || host.startsWith('registry.gitlab.')) return 'gitlab';
  if (host.startsWith('harbor.') || host.includes('.harbor.')) return 'harbor';
  if (ECR_HOST.test(host)) return 'ecr';
  if (GAR_HOST.test(host)) return 'gar';
  if (/^[a-z0-9-]+\.azurecr\.(?:io|cn|us)$/.test(host)) return 'acr';
  return 'generic';
}
