import { z } from 'zod';
import semver from 'semver';
import { DIGEST_ALGORITHMS } from '../../registry/digest.js';
import { isValidDigest, isValidTag, parseReference, ReferenceError, type Reference } from '../../registry/reference.js';
import { ConfigError, ConfigErrors } from '../errors.js';
import { isPlatform, MAX_LIST_ENTRIES } from '../images/schema.js';
import { linearPattern } from '../pattern.js';
import { formatIssues, show } from '../schema-errors.js';
import type { MirrorItem, MirrorList, TagSelector } from './types.js';

// Zuul's mirror-container-images list: one item a source repository, with its tags and destination.
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
export const tagOrDigest = z
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
export function zuulList(raw: unknown, origin: string): unknown {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return raw;
  if (!(ZUUL_KEY in raw)) throw new ConfigError(`${origin}mirror: expected a list, or a mapping with a "${ZUUL_KEY}" key`);
  return (raw as Record<string, unknown>)[ZUUL_KEY];
}

export function fromZuul(raw: unknown, origin: string): MirrorList {
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
