import type { ProxiedRepository } from './repositories.js';

/**
 * podman, buildah and skopeo find the change's images through registries.conf: each final
 * repository gets an entry whose mirror is the job's speculative registry. containers/image asks
 * the mirror first and, when it answers 404 (any tag the change did not build), the final registry
 * as usual; the entry's longer prefix wins over the user's entry for the whole host.
 * (docs/speculative.md, "podman, buildah and skopeo")
 */
export interface MirrorsConf {
  readonly text: string;
  /** Final repositories the user's file already configures: left as the user wrote them. */
  readonly skipped: readonly string[];
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The user's registries.conf (v2) with a mirror entry per final repository it does not configure itself. */
export function mirrorsConf(
  base: string,
  proxy: string,
  repositories: readonly ProxiedRepository[],
  plainHttp: (registry: string) => boolean,
): MirrorsConf {
  // The v1 format ([registries.search] and the like) cannot be mixed with [[registry]] tables.
  if (/^\s*\[registries\.(?:search|insecure|block)\]\s*$/m.test(base)) return { text: base, skipped: repositories.map((r) => r.prefix) };
  const skipped: string[] = [];
  const entries: string[] = [];
  for (const repository of repositories) {
    if (new RegExp(`^\\s*prefix\\s*=\\s*"${escape(repository.prefix)}"`, 'm').test(base)) {
      skipped.push(repository.prefix);
      continue;
    }
    entries.push(
      [
        '',
        '[[registry]]',
        `prefix = ${JSON.stringify(repository.prefix)}`,
        `location = ${JSON.stringify(repository.prefix)}`,
        ...(plainHttp(repository.registry) ? ['insecure = true'] : []),
        '[[registry.mirror]]',
        `location = ${JSON.stringify(`${proxy}/${repository.path}`)}`,
        'insecure = true',
        '',
      ].join('\n'),
    );
  }
  return { text: `${base.replace(/\s*$/, '\n')}${entries.join('')}`, skipped };
}
