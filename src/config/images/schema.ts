import { z } from 'zod';
import {
  isValidPath,
  isValidRegistry,
  isValidTag,
  looksLikeRegistry,
  parseReference,
  ReferenceError,
  schemeOrCredentials,
  splitName,
} from '../../registry/reference.js';
import { show } from '../schema-errors.js';

/** Zuul's `container_images` keys, verbatim, so a Zuul job's list pastes in unchanged. */
export const IMAGE_KEYS = [
  'context',
  'container_filename',
  'registry',
  'repository',
  'path',
  'build_args',
  'target',
  'tags',
  'siblings',
  'labels',
  'arch',
] as const;

const typeError = (what: string) => (iss: { input?: unknown }) =>
  iss.input === undefined ? 'is required' : `expected ${what}, got ${show(iss.input)}`;

const text = (what = 'a string') => z.string({ error: typeError(what) }).min(1, { error: 'must not be empty' });

const list = <T extends z.ZodType>(item: T) => z.array(item, { error: typeError('a list') });

/** YAML turns `tags: [3.10]` into the number 3.1; refuse numbers rather than guess. */
const tag = z
  .string({
    error: (iss) =>
      typeof iss.input === 'number'
        ? `${iss.input} is a number, not a tag: quote it in YAML so it stays as written`
        : typeError('a tag string')(iss),
  })
  .refine(isValidTag, { error: (iss) => `${show(iss.input)} is not a valid tag (1-128 of [A-Za-z0-9_.-], not starting with "." or "-")` });

const buildArg = text().refine((v) => /^[A-Za-z_][A-Za-z0-9_]*(=|$)/.test(v), {
  error: (iss) => `${show(iss.input)} is not a build argument: expected NAME=value or NAME`,
});

const label = text().refine((v) => /^[^=\s]+=/.test(v), { error: (iss) => `${show(iss.input)} is not a label: expected key=value` });

const PLATFORM_RE = /^[a-z0-9]+\/[a-z0-9_]+(?:\/[a-z0-9]+)?$/;

/** os/arch[/variant], as an image's arch, a mirror item's platforms and the platform input write it. */
export const isPlatform = (value: string) => PLATFORM_RE.test(value);

const platform = text().refine(isPlatform, {
  error: (iss) => `${show(iss.input)} is not a platform: expected os/arch[/variant], e.g. linux/arm64`,
});

const STAGE_RE = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

const unique = (values: readonly string[]) => new Set(values).size === values.length;

export const imageEntrySchema = z
  .strictObject(
    {
      context: text(),
      container_filename: text().optional(),
      registry: text()
        .refine(isValidRegistry, { error: (iss) => `${show(iss.input)} is not a registry: expected host[:port]` })
        .optional(),
      repository: text().superRefine((value, ctx) => {
        const problem = repositoryProblem(value);
        if (problem) ctx.addIssue({ code: 'custom', message: problem, input: value });
      }),
      path: text().default('.'),
      build_args: list(buildArg).default([]),
      target: text()
        .refine((v) => STAGE_RE.test(v), { error: (iss) => `${show(iss.input)} is not a build stage name` })
        .optional(),
      tags: list(tag).min(1, { error: 'must list at least one tag' }).refine(unique, { error: 'lists a tag twice' }).default(['latest']),
      siblings: list(text()).default([]),
      labels: list(label).default([]),
      arch: list(platform)
        .min(1, { error: 'must list at least one platform' })
        .refine(unique, { error: 'lists a platform twice' })
        .optional(),
    },
    { error: typeError('a mapping of image keys') },
  )
  .superRefine((entry, ctx) => {
    // Runs once every field is valid on its own: only the registry pairing is left to check.
    const problem = registryMismatch(entry.repository, entry.registry);
    if (problem) ctx.addIssue({ code: 'custom', path: ['repository'], message: problem, input: entry.repository });
  });

/** More entries than any real list holds: refused before any request rather than planned. */
export const MAX_LIST_ENTRIES = 1000;

export const imageListSchema = list(imageEntrySchema)
  .min(1, { error: 'must list at least one image' })
  .max(MAX_LIST_ENTRIES, { error: (iss) => `lists ${(iss.input as unknown[]).length} images; at most ${MAX_LIST_ENTRIES} are allowed` });

export type ImageEntry = z.output<typeof imageEntrySchema>;

/** Why `repository` is not a usable image name, or undefined. */
function repositoryProblem(repository: string): string | undefined {
  const url = schemeOrCredentials(repository);
  if (url) return url;
  if (repository.includes('@')) return `${show(repository)} must not include a digest`;
  const { registry: host, path } = splitName(repository);
  if (path.includes(':')) return `${show(repository)} must not include a tag: list tags under "tags"`;
  if (host !== undefined && !isValidRegistry(host)) return `${show(repository)}: "${host}" is not a registry host[:port]`;
  if (!isValidPath(path)) {
    return path !== path.toLowerCase()
      ? `${show(repository)} is not a valid repository: names must be lowercase`
      : `${show(repository)} is not a valid repository: path components are [a-z0-9] joined by ".", "_", "__" or "-"`;
  }
  try {
    parseReference(repository);
  } catch (error) {
    if (error instanceof ReferenceError) return `${show(repository)}: ${error.reason}`;
    throw error;
  }
  return undefined;
}

/** A repository that names a host must name the image's registry. (docs/zuul.md, "The image list") */
function registryMismatch(repository: string, registry: string | undefined): string | undefined {
  // Reported on its own, without echoing the user info.
  if (schemeOrCredentials(repository)) return undefined;
  const { registry: host } = splitName(repository);
  if (registry !== undefined && host !== undefined && host !== registry) {
    return `${show(repository)} must start with the registry "${registry}"`;
  }
  const full = qualify(repository, registry);
  if (full.length > 255) return `${show(full)} is longer than 255 characters`;
  return undefined;
}

/** A repository written relative to `registry` (docs/zuul.md, "The image list") made absolute. */
export function qualify(repository: string, registry: string | undefined): string {
  const first = repository.split('/')[0];
  return registry !== undefined && !(repository.includes('/') && looksLikeRegistry(first)) ? `${registry}/${repository}` : repository;
}
