import { parse } from 'smol-toml';
import type { ProxiedRepository } from './repositories.js';

/**
 * podman, buildah and skopeo find the change's images through registries.conf: each final
 * repository gets an entry whose mirror is the job's speculative registry. containers/image asks
 * the mirror first and, when it answers 404 (any tag the change did not build), the final registry
 * as usual; the entry's longer prefix wins over the user's entry for the whole host, so that
 * entry's `insecure` is carried over. (docs/speculative.md, "The speculative registry")
 */
export interface MirrorsConf {
  readonly text: string;
  /** Final repositories left alone, each with why: only their local tags resolve. */
  readonly skipped: readonly { readonly prefix: string; readonly why: string }[];
}

interface RegistryTable {
  readonly prefix?: unknown;
  readonly location?: unknown;
  readonly insecure?: unknown;
  readonly blocked?: unknown;
}

/** The user's registries.conf (kept verbatim) with a mirror entry per final repository it does not configure itself. */
export function mirrorsConf(
  base: string,
  proxy: string,
  repositories: readonly ProxiedRepository[],
  plainHttp: (registry: string) => boolean,
): MirrorsConf {
  const tables = registryTables(base);
  if (typeof tables === 'string') return { text: base, skipped: repositories.map((r) => ({ prefix: r.prefix, why: tables })) };
  const skipped: { prefix: string; why: string }[] = [];
  const entries: string[] = [];
  for (const repository of repositories) {
    const own = tables.find((t) => prefixOf(t) === repository.prefix);
    if (own) {
      skipped.push({ prefix: repository.prefix, why: 'the registries.conf in use has an entry for it' });
      continue;
    }
    const host = longestMatch(tables, repository.prefix);
    if (host?.blocked === true) {
      skipped.push({ prefix: repository.prefix, why: `the registries.conf in use blocks ${String(prefixOf(host))}` });
      continue;
    }
    const insecure = plainHttp(repository.registry) || host?.insecure === true;
    entries.push(
      [
        '',
        '[[registry]]',
        `prefix = ${JSON.stringify(repository.prefix)}`,
        `location = ${JSON.stringify(repository.prefix)}`,
        ...(insecure ? ['insecure = true'] : []),
        '[[registry.mirror]]',
        `location = ${JSON.stringify(`${proxy}/${repository.path}`)}`,
        'insecure = true',
        '',
      ].join('\n'),
    );
  }
  return { text: `${base.replace(/\s*$/, '\n')}${entries.join('')}`, skipped };
}

/** The `[[registry]]` tables of a v2 file, or why the file cannot be extended. */
function registryTables(base: string): RegistryTable[] | string {
  let parsed: Record<string, unknown>;
  try {
    parsed = parse(base) as Record<string, unknown>;
  } catch (error) {
    return `the registries.conf in use is not valid TOML (${(error as Error).message.split('\n')[0]})`;
  }
  // The v1 format ([registries.search] and the like) cannot be mixed with [[registry]] tables.
  if ('registries' in parsed) return 'the registries.conf in use is in the v1 format';
  const tables = parsed.registry;
  return Array.isArray(tables) ? (tables as RegistryTable[]) : [];
}

/** What a table applies to: its prefix, else its location (containers-registries.conf(5)). */
function prefixOf(table: RegistryTable): string | undefined {
  const value = table.prefix ?? table.location;
  return typeof value === 'string' ? value : undefined;
}

/** The user's table containers/image would pick for this repository: the longest prefix at a path boundary. */
function longestMatch(tables: readonly RegistryTable[], repository: string): RegistryTable | undefined {
  let best: { table: RegistryTable; length: number } | undefined;
  for (const table of tables) {
    const prefix = prefixOf(table);
    if (!prefix || prefix.startsWith('*.')) continue;
    const matches = repository === prefix || repository.startsWith(`${prefix}/`);
    if (matches && (!best || prefix.length > best.length)) best = { table, length: prefix.length };
  }
  return best?.table;
}
