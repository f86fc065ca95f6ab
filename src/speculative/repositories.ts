import type { Resolution } from '../commands/use-resolve.js';
import { parseReference, type RepositoryRef } from '../registry/reference.js';

/** One final repository the speculative registry answers for. */
export interface ProxiedRepository {
  /** The final repository as registries.conf prefixes name it: `quay.io/acme/base`. */
  readonly prefix: string;
  /** Its registry, for the entry's own TLS setting. */
  readonly registry: string;
  /**
   * Its path on the speculative registry: `<key>/r0/acme/base`. Numbered: two registries may hold
   * one path. The key, random per `use`, is known only from the job's 0600 registries.conf: another
   * local user who finds the port does not find the images.
   */
  readonly path: string;
  /** Final tag -> the digest of the change's image. */
  readonly tags: Readonly<Record<string, string>>;
  /** The speculative repositories that hold those images (one, unless changes of two repositories name it). */
  readonly sources: readonly RepositoryRef[];
}

/** The resolutions grouped by final repository, each under its own path. */
export function proxiedRepositories(resolutions: readonly Resolution[], key: string): ProxiedRepository[] {
  const byPrefix = new Map<string, { registry: string; tags: Record<string, string>; sources: RepositoryRef[] }>();
  for (const resolution of resolutions) {
    const final = parseReference(resolution.reference);
    const at = parseReference(resolution.speculative);
    const prefix = `${final.registry}/${final.repository}`;
    const entry = byPrefix.get(prefix) ?? { registry: final.registry, tags: {}, sources: [] };
    byPrefix.set(prefix, entry);
    if (final.tag) entry.tags[final.tag] = resolution.digest;
    if (!entry.sources.some((s) => s.registry === at.registry && s.repository === at.repository))
      entry.sources.push({ registry: at.registry, repository: at.repository });
  }
  return [...byPrefix].map(([prefix, entry], i) => ({
    prefix,
    registry: entry.registry,
    path: `${key}/r${i}/${prefix.slice(prefix.indexOf('/') + 1)}`,
    tags: entry.tags,
    sources: entry.sources,
  }));
}
