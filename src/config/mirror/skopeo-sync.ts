import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { isValidRegistry, parseReference, ReferenceError, type Reference } from '../../registry/reference.js';
import { ConfigError, ConfigErrors } from '../errors.js';
import { readInputFile } from '../input-file.js';
import { formatIssues } from '../schema-errors.js';
import type { CertDir, MirrorList, MirrorSourceCredential } from './types.js';
import { fromZuul, tagOrDigest } from './zuul-format.js';

// skopeo sync's YAML file, read into the same items as a Zuul list, named as skopeo sync names them.
const syncRegistrySchema = z.strictObject({
  images: z.record(z.string(), z.array(tagOrDigest).nullable()).optional(),
  'images-by-tag-regex': z.record(z.string(), z.string()).optional(),
  'images-by-semver': z.record(z.string(), z.string()).optional(),
  credentials: z.strictObject({ username: z.string(), password: z.string() }).optional(),
  'tls-verify': z.boolean().optional(),
  'cert-dir': z.string().min(1).optional(),
});
const SYNC_KEYS = ['images', 'images-by-tag-regex', 'images-by-semver', 'credentials', 'tls-verify', 'cert-dir'];

export interface SyncOptions {
  readonly destination: string;
  /** skopeo sync's --scoped: the whole source name under the destination, not its last component. */
  readonly scoped?: boolean;
  readonly workDir: string;
}

/**
 * The destination skopeo sync --dest docker gives a source: DEST/<last path component>, or with
 * --scoped DEST/<registry>/<path>. (docs/registries.md, "Mirror and skopeo-sync naming")
 */
export function syncDestination(source: Reference, options: Pick<SyncOptions, 'destination' | 'scoped'>, where: string): string {
  const base = options.destination.replace(/\/+$/, '');
  if (!options.scoped) return `${base}/${source.repository.split('/').pop()}`;
  if (source.registry.includes(':'))
    throw new ConfigError(
      `${where}: with mirror-scoped the destination holds the source's registry "${source.registry}", and a port cannot be part ` +
        'of a repository name (skopeo sync --scoped cannot form it either)',
    );
  return `${base}/${source.registry}/${source.repository}`;
}

/**
 * skopeo sync's YAML: `registry[/namespace]` → images / images-by-tag-regex / images-by-semver,
 * copied under `destination` and named as skopeo names them.
 */
export function fromSkopeoSync(raw: unknown, origin: string, options: SyncOptions, onSecret: (s: string) => void): MirrorList {
  if (!options.destination)
    throw new ConfigError('mirror-destination: required with mirror-format: skopeo-sync (registry[/namespace] to copy under)');
  const parsed = z
    .record(z.string(), syncRegistrySchema, { error: 'expected a mapping of registry: {images, images-by-tag-regex, images-by-semver}' })
    .safeParse(raw);
  if (!parsed.success) throw new ConfigErrors(formatIssues('mirror', parsed.error.issues, () => SYNC_KEYS).map((l) => origin + l));
  const zuulItems: Record<string, unknown>[] = [];
  const sourceCredentials: MirrorSourceCredential[] = [];
  const insecureSources: string[] = [];
  const certDirs: Record<string, CertDir> = {};
  const problems: string[] = [];
  for (const [key, entry] of Object.entries(parsed.data)) {
    // skopeo joins the key and each image name, so a key may carry a namespace: `k8s.gcr.io/sig-storage`.
    const [registry, ...namespace] = key.split('/');
    if (!isValidRegistry(registry)) throw new ConfigError(`${origin}mirror: "${key}" is not a registry host[:port][/namespace]`);
    if (entry.credentials) {
      onSecret(entry.credentials.password);
      sourceCredentials.push({ registry, ...entry.credentials });
    }
    if (entry['tls-verify'] === false) insecureSources.push(registry);
    if (entry['cert-dir'] !== undefined)
      certDirs[registry] = readCertDir(options.workDir, entry['cert-dir'], `${origin}mirror["${key}"].cert-dir`);
    const item = (repo: string, selector: Record<string, unknown>) => {
      const name = [registry, ...namespace, repo].join('/');
      try {
        const where = `${origin}mirror["${key}"].${repo}`;
        zuulItems.push({ src_repository: name, dest_repository: syncDestination(parseReference(name), options, where), ...selector });
      } catch (error) {
        if (error instanceof ReferenceError) problems.push(`${origin}mirror["${key}"]: ${error.message}`);
        else if (error instanceof ConfigError) problems.push(error.message);
        else throw error;
      }
    };
    for (const [repo, tags] of Object.entries(entry.images ?? {})) item(repo, tags && tags.length ? { tags } : { all_tags: true });
    for (const [repo, regex] of Object.entries(entry['images-by-tag-regex'] ?? {})) item(repo, { tag_regex: regex });
    for (const [repo, range] of Object.entries(entry['images-by-semver'] ?? {})) item(repo, { semver: range });
  }
  problems.push(...collisions(zuulItems, origin));
  if (problems.length) throw new ConfigErrors(problems);
  const list = fromZuul(zuulItems, origin);
  return { ...list, sourceCredentials, insecureSources, certDirs };
}

/** Two sources named alike land on one destination repository, the second overwriting the first's tags. */
function collisions(items: readonly Record<string, unknown>[], origin: string): string[] {
  const bySource = new Map<string, Set<string>>();
  for (const item of items) {
    const dest = item.dest_repository as string;
    bySource.set(dest, (bySource.get(dest) ?? new Set()).add(item.src_repository as string));
  }
  return [...bySource]
    .filter(([, sources]) => sources.size > 1)
    .map(
      ([dest, sources]) =>
        `${origin}mirror: ${[...sources].join(' and ')} would all be copied to ${dest} (skopeo sync names a copy by the last ` +
        'component of its source); set mirror-scoped: true to keep their whole names',
    );
}

function readCertDir(workDir: string, dir: string, where: string): CertDir {
  const path = resolve(workDir, dir);
  let names: string[];
  try {
    names = [...readdirSync(path)].sort();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConfigError(
      `${where}: cannot read "${dir}": ${code === 'ENOENT' ? 'no such directory' : code === 'ENOTDIR' ? 'not a directory' : String(code)}`,
    );
  }
  const clientFiles = names.filter((name) => name.endsWith('.cert') || name.endsWith('.key'));
  if (clientFiles.length)
    throw new ConfigError(
      `${where}: "${dir}" holds client certificate files (${clientFiles.join(', ')}); client certificates are not supported, only ` +
        'CA files (*.crt)',
    );
  const cas = names.filter((name) => name.endsWith('.crt'));
  if (cas.length === 0) throw new ConfigError(`${where}: "${dir}" holds no CA file (*.crt)`);
  const pem = cas.map((name) => readInputFile(join(path, name), where, join(dir, name))).join('\n');
  if (!pem.includes('-----BEGIN CERTIFICATE-----')) throw new ConfigError(`${where}: the *.crt files in "${dir}" hold no PEM certificate`);
  return { dir: path, ca: pem };
}
