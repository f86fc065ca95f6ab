import { hostOf } from './reference.js';

/** Registry kinds with their own tag-deletion API (docs/registries.md, "Deleting one tag"). */
export const REGISTRY_KINDS = ['generic', 'docker', 'quay', 'ghcr', 'harbor', 'gitlab', 'distribution'] as const;
export type RegistryKind = (typeof REGISTRY_KINDS)[number];

/** The kind from the credentials' `type`, else from well-known hosts. */
export function registryKind(registry: string, declared?: RegistryKind): RegistryKind {
  if (declared) return declared;
  const host = hostOf(registry).toLowerCase();
  if (['docker.io', 'index.docker.io', 'registry-1.docker.io'].includes(host)) return 'docker';
  if (host === 'quay.io') return 'quay';
  if (host === 'ghcr.io') return 'ghcr';
  if (host === 'registry.gitlab.com' || host.startsWith('registry.gitlab.')) return 'gitlab';
  if (host.startsWith('harbor.') || host.includes('.harbor.')) return 'harbor';
  return 'generic';
}
