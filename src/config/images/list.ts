import { parseReference, type Reference } from '../../registry/reference.js';
import { readInputFile } from '../input-file.js';
import { ConfigError, ConfigErrors } from '../errors.js';
import { IMAGE_KEYS, imageListSchema, qualify, type ImageEntry } from './schema.js';
import { resolveInside } from '../paths.js';
import { formatIssues, show } from '../schema-errors.js';
import { findTagged, isMapping, parseYamlInput, ZUUL_SECRET_TAG } from '../yaml.js';
import { findTemplates } from '../jinja.js';
import { readEntryQuoting } from '../zuul/quoting.js';
import { isJobFile, jobImageList } from '../zuul/jobs.js';
import { LIST_VARIABLES, normaliseEntry } from '../zuul/vars.js';

/** One image of the list, validated and normalised. */
export interface ImageSpec {
  /** Position in the list, for messages. */
  readonly index: number;
  readonly entry: ImageEntry;
  /** The repository with its registry, as used for local tags: `quay.io/org/app`. */
  readonly repository: string;
  readonly reference: Reference;
  readonly tags: readonly string[];
  readonly platforms: readonly string[];
}

export interface ImageListSource {
  /** The `images` input (inline YAML or JSON). */
  inline: string;
  /** The `images-file` input. */
  file: string;
  workDir: string;
  /** The `zuul-job` input: the job of a Zuul job file whose list to use. */
  zuulJob?: string;
  /**
   * Role variables a vars file or job may set beside the list, each with the input that does its
   * work here and that input's value: a file saying otherwise is an error, never silently overruled.
   */
  expect?: Readonly<Record<string, { readonly input: string; readonly value: string }>>;
  /** Hears what the list leaves unsaid but the run should state: once per call, so once per run. */
  notice?: (message: string) => void;
}

/** Zuul job files carry secrets (`- secret:` items) beside the jobs: their values are read opaque, never used. */
const YAML_OPTIONS = { opaqueTags: [ZUUL_SECRET_TAG] };

export function loadImageList(source: ImageListSource): ImageSpec[] {
  const { inline, file } = source;
  if (inline && file) throw new ConfigError('give either images or images-file, not both');
  if (!inline && !file) throw new ConfigError('no images: give the images input (a YAML list) or images-file (a file holding one)');

  let raw: unknown;
  let origin = '';
  if (inline) {
    raw = parseYamlInput(inline, 'images', YAML_OPTIONS);
  } else {
    const path = resolveInside(source.workDir, source.workDir, file, 'images-file');
    raw = parseYamlInput(readInputFile(path, 'images-file', file), `images-file "${file}"`, YAML_OPTIONS);
    origin = `${file}: `;
  }
  const found = locateList(raw, origin, source.zuulJob ?? '', source.notice);
  checkRoleVariables(found.vars, `${origin}${found.where}`, source.expect ?? {});
  return validateImageList(found.list, origin, source.notice);
}

/** The list itself, from a bare list, a vars mapping or a Zuul job file; and the variables beside it. */
function locateList(
  raw: unknown,
  origin: string,
  zuulJob: string,
  notice?: (message: string) => void,
): { list: unknown; vars: Record<string, unknown>; where: string } {
  if (isJobFile(raw)) {
    const found = jobImageList(raw, zuulJob, origin, notice);
    return { list: found.list, vars: found.vars, where: `job "${found.job}"` };
  }
  // Outside a job file an encrypted value has no secret item to belong to: plain data only.
  const [tagged] = findTagged(raw, 'images');
  if (tagged) throw new ConfigError(`${origin}${tagged.path}: YAML tags are not supported (${tagged.tag}); write plain values`);
  if (zuulJob)
    throw new ConfigError(
      `zuul-job: "${zuulJob}" names a job, but ${origin ? 'images-file' : 'images'} is not a Zuul job file (a list of "- job:" mappings)`,
    );
  if (!isMapping(raw)) return { list: raw, vars: {}, where: '' };
  const present = LIST_VARIABLES.filter((key) => key in raw);
  if (present.length > 1) throw new ConfigError(`${origin}images: sets both ${present.join(' and ')}; keep one list`);
  if (present.length === 0) {
    throw new ConfigError(
      `${origin}images: expected a list of images or a mapping with a ${LIST_VARIABLES.map((k) => `"${k}"`).join(' or ')} key, got a ` +
        `mapping with keys ${Object.keys(raw).join(', ')}`,
    );
  }
  return { list: raw[present[0]], vars: raw, where: 'the vars' };
}

/** A role variable beside the list that disagrees with the input doing its work here. */
function checkRoleVariables(vars: Record<string, unknown>, where: string, expect: NonNullable<ImageListSource['expect']>): void {
  const problems: string[] = [];
  for (const [name, { input, value }] of Object.entries(expect)) {
    const set = vars[name];
    if (set === undefined || String(set) === value) continue;
    problems.push(
      `${where} sets ${name}: ${show(set)}, but ${input} is ${value ? show(value) : 'not set'}: set ${input}: ${show(set)} on the ` +
        'step (role variables in the file are not read as inputs)',
    );
  }
  if (problems.length) throw new ConfigErrors(problems);
}

export function validateImageList(raw: unknown, origin = '', notice: (message: string) => void = () => {}): ImageSpec[] {
  const templates = findTemplates(raw, 'images');
  if (templates.length) throw new ConfigErrors(templates.map((line) => origin + line));
  const prepared = prepareEntries(raw, origin);
  const parsed = imageListSchema.safeParse(prepared);
  if (!parsed.success) {
    const knownKeys = () => IMAGE_KEYS;
    throw new ConfigErrors(formatIssues('images', parsed.error.issues, knownKeys).map((line) => origin + line));
  }
  const specs = parsed.data.map((entry, index) => toSpec(entry, index));
  // One repository may have several entries (one per release, each with its own build args):
  // only the same repository:tag twice is ambiguous.
  const seen = new Map<string, number>();
  const problems: string[] = [];
  for (const spec of specs) {
    for (const tag of spec.tags) {
      const ref = `${spec.repository}:${tag}`;
      const previous = seen.get(ref);
      if (previous !== undefined && previous !== spec.index)
        problems.push(`${origin}images[${spec.index}].tags: "${ref}" is also built by images[${previous}]`);
      seen.set(ref, spec.index);
    }
  }
  if (problems.length > 0) throw new ConfigErrors(problems);
  for (const spec of specs) noticeRelativeRepository(spec, origin, notice);
  return specs;
}

/** Zuul's spellings and quoting turned into plain values, entry by entry, before validation. */
function prepareEntries(raw: unknown, origin: string): unknown {
  if (!Array.isArray(raw)) return raw;
  const problems: string[] = [];
  const entries = raw.map((entry, i) => {
    if (!isMapping(entry)) return entry;
    const field = `images[${i}]`;
    return readEntryQuoting(normaliseEntry(entry, field, problems), field, problems);
  });
  if (problems.length) throw new ConfigErrors(problems.map((line) => origin + line));
  return entries;
}

/**
 * `registry` with a repository without a host: pushed to `<registry>/<repository>` here, where
 * upstream zuul-jobs pushes `<repository>` (Docker Hub) and uses `registry` for credentials only.
 * (docs/zuul.md, "The image list")
 */
function noticeRelativeRepository(spec: ImageSpec, origin: string, notice: (message: string) => void): void {
  const { registry, repository } = spec.entry;
  if (registry === undefined || spec.repository === repository) return;
  notice(
    `${origin}images[${spec.index}]: repository "${repository}" has no host, so it is pushed to ${spec.repository} (under ` +
      `registry "${registry}"); upstream zuul-jobs would push it to Docker Hub (docker.io/${repository}): write the host ` +
      'into repository to make either explicit',
  );
}

function toSpec(entry: ImageEntry, index: number): ImageSpec {
  const repository = qualify(entry.repository, entry.registry);
  return {
    index,
    entry,
    repository,
    reference: parseReference(repository),
    tags: entry.tags,
    platforms: entry.arch ?? [],
  };
}
