import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import semver from 'semver';
import { z } from 'zod';
import { DIGEST_ALGORITHMS } from '../registry/digest.js';
import { isValidDigest, isValidRegistry, isValidTag, parseReference, ReferenceError, type Reference } from '../registry/reference.js';
import { ConfigError, ConfigErrors } from './errors.js';
import { isPlatform, MAX_LIST_ENTRIES } from './image-schema.js';
import { readInputFile } from './input-file.js';
import { resolveInside } from './paths.js';
import { linearPattern, type Pattern } from './pattern.js';
import { findTemplatesWith, MIRROR_ADVICE } from './jinja.js';
import { formatIssues, show } from './schema-errors.js';
import { parseYamlInput } from './yaml.js';

export type TagSelector =
  { kind: 'tags'; tags: readonly string[] } | { kind: 'regex'; regex: Pattern } | { kind: 'semver'; range: string } | { kind: 'all' };

/** One mirror item, validated: which source tags go to which destination. */
export interface MirrorItem {
  readonly label: string;
  readonly source: Reference;
  readonly destination: Reference;
  /** The key of the destination's credentials (Zuul's dest_registry). */
  readonly credentialsKey: string;
  readonly selector: TagSelector;
  /** Destination tag per source tag, where it is renamed. */
  readonly rename: Readonly<Record<string, string>>;
  readonly platforms?: readonly string[];
}

export interface MirrorSourceCredential {
  readonly registry: string;
  readonly username: string;
  readonly password: string;
}

export interface MirrorList {
  readonly items: readonly MirrorItem[];
  /** Source credentials a skopeo-sync file carries. */
  readonly sourceCredentials: readonly MirrorSourceCredential[];
  /** Source registries a skopeo-sync file marks `tls-verify: false`. */
  readonly insecureSources: readonly string[];
  /** Source registries a skopeo-sync file gives a `cert-dir`. */
  readonly certDirs: Readonly<Record<string, CertDir>>;
}

export const MIRROR_KEYS = [
  'src_repository',
  'src_tag',
  'dest_repository',
  'dest_tag',
  'dest_registry',
  'tags',
  'tag_regex',
  'semver',
  'all_tags',
  'platforms',
  'dest_tags',
] as const;
const ZUUL_KEY = 'mirror_container_images_images';

const text = z
  .string({ error: (iss) => (iss.input === undefined ? 'is required' : `expected a string, got ${show(iss.input)}`) })
  .min(1, { error: 'must not be empty' });
const tagOrDigest = z
  .string({
    error: (iss) =>
      typeof iss.input === 'number' ? `${iss.input} is a number, not a tag: quote it in YAML` : `expected a tag, got ${show(iss.input)}`,
  })
  .refine((v) => isValidTag(v) || isValidDigest(v), { error: (iss) => `${show(iss.input)} is neither a tag nor a digest` })
  .refine((v) => !isValidDigest(v) || DIGEST_ALGORITHMS.some((a) => v.startsWith(`${a}:`)), {
    error: (iss) =>
      `${show(iss.input)}: digest algorithm "${String(iss.input).split(':')[0]}" cannot be verified; supported: ` +
      `${DIGEST_ALGORITHMS.join(', ')}`,
  });
const tag = z
  .string({
    error: (iss) =>
      typeof iss.input === 'number' ? `${iss.input} is a number, not a tag: quote it in YAML` : `expected a tag, got ${show(iss.input)}`,
  })
  .refine(isValidTag, { error: (iss) => `${show(iss.input)} is not a valid tag` });

const itemSchema = z
  .strictObject(
    {
      src_repository: text,
      src_tag: tagOrDigest.optional(),
      dest_repository: text,
      dest_tag: tag.optional(),
      dest_registry: text.optional(),
      tags: z
        .array(tagOrDigest, { error: 'expected a list of tags or digests' })
        .min(1, { error: 'must list at least one tag' })
        .optional(),
      tag_regex: text.optional(),
      semver: text.optional(),
      all_tags: z.boolean({ error: 'expected true or false' }).optional(),
      platforms: z.array(text, { error: 'expected a list of os/arch' }).min(1).optional(),
      dest_tags: z.record(z.string(), tag, { error: 'expected a mapping of source tag: destination tag' }).optional(),
    },
    { error: (iss) => `expected a mapping of mirror keys, got ${show(iss.input)}` },
  )
  .superRefine((item, ctx) => {
    const selectors = (['src_tag', 'tags', 'tag_regex', 'semver', 'all_tags'] as const).filter(
      (k) => item[k] !== undefined && item[k] !== false,
    );
    if (selectors.length > 1)
      ctx.addIssue({ code: 'custom', message: `give one of src_tag, tags, tag_regex, semver, all_tags; got ${selectors.join(' and ')}` });
    if (item.tag_regex !== undefined) {
      try {
        linearPattern(item.tag_regex, 'tag_regex', false);
      } catch (error) {
        ctx.addIssue({ code: 'custom', path: ['tag_regex'], message: (error as Error).message.replace(/^tag_regex: /, '') });
      }
    }
    if (item.semver !== undefined && semver.validRange(item.semver, { loose: true }) === null) {
      ctx.addIssue({ code: 'custom', path: ['semver'], message: `${show(item.semver)} is not a semver range` });
    }
    const single = item.src_tag !== undefined || (item.tags?.length === 1 && selectors.length === 1) || selectors.length === 0;
    if (item.dest_tag !== undefined && !single)
      ctx.addIssue({ code: 'custom', path: ['dest_tag'], message: 'only goes with a single source tag: use dest_tags to rename several' });
  });

function parseRef(value: string, where: string, problems: string[]): Reference | undefined {
  try {
    const ref = parseReference(value);
    if (ref.tag || ref.digest) {
      problems.push(`${where}: ${show(value)} must not include a tag or digest: use src_tag / tags`);
      return undefined;
    }
    return ref;
  } catch (error) {
    if (error instanceof ReferenceError) {
      problems.push(`${where}: ${error.message}`);
      return undefined;
    }
    throw error;
  }
}

/** The list of a Zuul mirror file: bare, or under the role's variable. */
function zuulList(raw: unknown, origin: string): unknown {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return raw;
  if (!(ZUUL_KEY in raw)) throw new ConfigError(`${origin}mirror: expected a list, or a mapping with a "${ZUUL_KEY}" key`);
  return (raw as Record<string, unknown>)[ZUUL_KEY];
}

function fromZuul(raw: unknown, origin: string): MirrorList {
  raw = zuulList(raw, origin);
  const parsed = z
    .array(itemSchema, { error: (iss) => `expected a list of mirror items, got ${show(iss.input)}` })
    .min(1, { error: 'must list at least one item' })
    .max(MAX_LIST_ENTRIES, { error: (iss) => `lists ${(iss.input as unknown[]).length} items; at most ${MAX_LIST_ENTRIES} are allowed` })
    .safeParse(raw);
  if (!parsed.success) throw new ConfigErrors(formatIssues('mirror', parsed.error.issues, () => MIRROR_KEYS).map((line) => origin + line));
  const problems: string[] = [];
  const items: MirrorItem[] = [];
  parsed.data.forEach((item, i) => {
    const label = `mirror[${i}]`;
    const source = parseRef(item.src_repository, `${origin}${label}.src_repository`, problems);
    const destination = parseRef(item.dest_repository, `${origin}${label}.dest_repository`, problems);
    if (!source || !destination) return;
    const selector: TagSelector = item.tags
      ? { kind: 'tags', tags: item.tags }
      : item.tag_regex !== undefined
        ? { kind: 'regex', regex: linearPattern(item.tag_regex, `${origin}${label}.tag_regex`, false) }
        : item.semver !== undefined
          ? { kind: 'semver', range: item.semver }
          : item.all_tags
            ? { kind: 'all' }
            : { kind: 'tags', tags: [item.src_tag ?? 'latest'] };
    const rename: Record<string, string> = { ...item.dest_tags };
    if (item.dest_tag !== undefined && selector.kind === 'tags') rename[selector.tags[0]] = item.dest_tag;
    for (const platform of item.platforms ?? []) {
      if (!isPlatform(platform)) problems.push(`${origin}${label}.platforms: ${show(platform)} is not os/arch[/variant]`);
    }
    items.push({
      label,
      source,
      destination,
      credentialsKey: item.dest_registry ?? destination.registry,
      selector,
      rename,
      platforms: item.platforms,
    });
  });
  if (problems.length) throw new ConfigErrors(problems);
  return { items, sourceCredentials: [], insecureSources: [], certDirs: {} };
}

const syncRegistrySchema = z.strictObject({
  images: z.record(z.string(), z.array(tagOrDigest).nullable()).optional(),
  'images-by-tag-regex': z.record(z.string(), z.string()).optional(),
  'images-by-semver': z.record(z.string(), z.string()).optional(),
  credentials: z.strictObject({ username: z.string(), password: z.string() }).optional(),
  'tls-verify': z.boolean().optional(),
  'cert-dir': z.string().min(1).optional(),
});
const SYNC_KEYS = ['images', 'images-by-tag-regex', 'images-by-semver', 'credentials', 'tls-verify', 'cert-dir'];

interface SyncOptions {
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
  if (!options.scoped) return `${base}/${source.path.split('/').pop()}`;
  if (source.registry.includes(':'))
    throw new ConfigError(
      `${where}: with mirror-scoped the destination holds the source's registry "${source.registry}", and a port cannot be part ` +
        'of a repository name (skopeo sync --scoped cannot form it either)',
    );
  return `${base}/${source.registry}/${source.path}`;
}

/**
 * skopeo sync's YAML: `registry[/namespace]` → images / images-by-tag-regex / images-by-semver,
 * copied under `destination` and named as skopeo names them.
 */
function fromSkopeoSync(raw: unknown, origin: string, options: SyncOptions, onSecret: (s: string) => void): MirrorList {
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

/** A registry's certs.d-style directory: its `*.crt` files are CAs trusted for that registry alone. */
export interface CertDir {
  readonly dir: string;
  readonly ca: string;
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

export interface MirrorSource {
  readonly inline: string;
  readonly file: string;
  readonly format: string;
  readonly destination: string;
  readonly scoped?: boolean;
  readonly workDir: string;
}

export function loadMirrorList(source: MirrorSource, onSecret: (secret: string) => void): MirrorList {
  if (source.inline && source.file) throw new ConfigError('give either mirror or mirror-file, not both');
  if (!source.inline && !source.file) throw new ConfigError('nothing to mirror: give the mirror input (a YAML list) or mirror-file');
  if (source.format !== 'zuul' && source.format !== 'skopeo-sync')
    throw new ConfigError(`mirror-format: "${source.format}" is not a format; one of zuul, skopeo-sync`);
  let raw: unknown;
  let origin = '';
  if (source.inline) raw = parseYamlInput(source.inline, 'mirror');
  else {
    const path = resolveInside(source.workDir, source.workDir, source.file, 'mirror-file');
    raw = parseYamlInput(readInputFile(path, 'mirror-file', source.file), `mirror-file "${source.file}"`);
    origin = `${source.file}: `;
  }
  if (source.format !== 'skopeo-sync') {
    if (source.scoped) throw new ConfigError('mirror-scoped: only goes with mirror-format: skopeo-sync');
    // Zuul renders Jinja before its roles run: a template would otherwise be reported as a bad reference, field by field.
    const templates = findTemplatesWith(zuulList(raw, origin), 'mirror', MIRROR_ADVICE);
    if (templates.length) throw new ConfigErrors(templates.map((line) => origin + line));
    return fromZuul(raw, origin);
  }
  return fromSkopeoSync(raw, origin, source, onSecret);
}

/** Whether a tag satisfies a semver range: `v1.2.3`, `1.2` and `1` count as versions, as in skopeo. */
export function tagInRange(tag: string, range: string): boolean {
  if (!/^v?\d+(\.\d+){0,2}(-[0-9A-Za-z.-]+)?$/.test(tag)) return false;
  const version = semver.coerce(tag, { includePrerelease: true });
  return version !== null && semver.satisfies(version, range, { loose: true, includePrerelease: false });
}
