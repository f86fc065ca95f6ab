import { ConfigError } from '../errors.js';
import { didYouMean } from '../did-you-mean.js';
import { formatPath } from '../schema-errors.js';
import { LIST_VARIABLES } from './vars.js';
import { findTagged, isMapping } from '../yaml.js';

/** Top-level kinds of a Zuul configuration file (`zuul.d/*.yaml`). */
const CONFIG_KINDS = new Set(['job', 'project', 'project-template', 'nodeset', 'secret', 'semaphore', 'pipeline', 'queue', 'pragma']);

/** Jobs named in a message before "and N more": a real zuul.d file holds thousands. */
const MAX_NAMED_JOBS = 20;

type Vars = Record<string, unknown>;

interface JobDefinition {
  readonly name: string;
  readonly parent?: string;
  readonly vars: Vars;
  /** The job's `secrets:`: the variable each one is given as, and the `- secret:` item it names. */
  readonly secrets: readonly { readonly variable: string; readonly secret: string }[];
}

/** Where an image list was found: the job named, and the variables it runs with (its parents' merged in). */
export interface JobImageList {
  readonly job: string;
  readonly variable: string;
  readonly list: unknown;
  readonly vars: Vars;
}

/** A Zuul configuration file: a list of one-key mappings such as `- job: {...}`, at least one of them a job. */
export function isJobFile(raw: unknown): raw is unknown[] {
  return (
    Array.isArray(raw) &&
    raw.some((item) => isMapping(item) && 'job' in item) &&
    raw.every((item) => isMapping(item) && Object.keys(item).length === 1 && CONFIG_KINDS.has(Object.keys(item)[0]))
  );
}

/** Zuul's `secrets:` of a job: a name, or `{name, secret}` (the variable, and the secret item it holds). */
function secretsOf(value: unknown): JobDefinition['secrets'] {
  const items = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return items.flatMap((item) => {
    if (typeof item === 'string') return [{ variable: item, secret: item }];
    if (!isMapping(item) || typeof item.name !== 'string') return [];
    return [{ variable: item.name, secret: typeof item.secret === 'string' ? item.secret : item.name }];
  });
}

function definitions(raw: unknown[]): Map<string, JobDefinition[]> {
  const jobs = new Map<string, JobDefinition[]>();
  for (const item of raw) {
    const job = (item as Record<string, unknown>).job;
    if (!isMapping(job) || typeof job.name !== 'string') continue;
    const definition = {
      name: job.name,
      parent: typeof job.parent === 'string' ? job.parent : undefined,
      vars: isMapping(job.vars) ? job.vars : {},
      secrets: secretsOf(job.secrets),
    };
    const variants = jobs.get(job.name);
    if (variants) variants.push(definition);
    else jobs.set(job.name, [definition]);
  }
  return jobs;
}

/**
 * Zuul merges a job's vars over its parent's, mappings key by key; anything else the child
 * replaces. `out` is the caller's own copy: merging into it in place keeps a long chain linear.
 */
function mergeInto(out: Vars, child: Vars): Vars {
  for (const [key, value] of Object.entries(child)) {
    const mine = out[key];
    if (isMapping(value) && isMapping(mine)) mergeInto(mine, value);
    else out[key] = isMapping(value) ? mergeInto({}, value) : value;
  }
  return out;
}

function variantsError(origin: string, name: string, count: number): ConfigError {
  return new ConfigError(
    `${origin}zuul-job: job "${name}" is defined ${count} times (branch variants?); which one runs depends on ` +
      'the branch, so none is chosen here: put the image list in a vars file',
  );
}

interface Chain {
  /** The job first, then its parents defined in the file. */
  readonly jobs: readonly JobDefinition[];
  /** The parent the chain stops at because this file does not define it (defined in another file, or zuul-jobs' `base`). */
  readonly outside?: string;
}

/** The job and its parents in the file, walked once; a parent cycle is an error naming it. */
function chainOf(jobs: Map<string, JobDefinition[]>, name: string, origin: string): Chain {
  const chain: JobDefinition[] = [];
  const position = new Map<string, number>();
  for (let current: string | undefined = name; current !== undefined;) {
    const variants = jobs.get(current);
    if (!variants) return { jobs: chain, outside: current };
    if (variants.length > 1) throw variantsError(origin, current, variants.length);
    const seen = position.get(current);
    if (seen !== undefined) {
      const cycle = [...chain.slice(seen).map((job) => job.name), current].join(' → ');
      throw new ConfigError(`${origin}zuul-job: job "${current}" is its own ancestor (${cycle}); Zuul refuses such a file too`);
    }
    position.set(current, chain.length);
    chain.push(variants[0]);
    current = variants[0].parent;
  }
  return { jobs: chain };
}

const listVariable = (vars: Vars) => LIST_VARIABLES.find((name) => vars[name] !== undefined);

type ListState = 'list' | 'none' | 'unusable';

/**
 * The jobs whose chain in the file sets an image list, each chain walked once: a job's answer
 * is its own list or its parent's answer, kept for the jobs below it. A chain through a job with
 * branch variants or a cycle gives none.
 */
function jobsWithList(jobs: Map<string, JobDefinition[]>): string[] {
  const known = new Map<string, ListState>();
  for (const name of jobs.keys()) {
    const path: JobDefinition[] = [];
    const onPath = new Set<string>();
    let state: ListState = 'none';
    for (let current: string | undefined = name; current !== undefined;) {
      const answer = known.get(current);
      if (answer !== undefined) {
        state = answer;
        break;
      }
      const variants = jobs.get(current);
      if (!variants) break;
      if (variants.length > 1 || onPath.has(current)) {
        state = 'unusable';
        break;
      }
      onPath.add(current);
      path.push(variants[0]);
      current = variants[0].parent;
    }
    for (const job of path.reverse()) {
      if (state !== 'unusable' && listVariable(job.vars) !== undefined) state = 'list';
      known.set(job.name, state);
    }
  }
  return [...jobs.keys()].filter((name) => known.get(name) === 'list');
}

const nameJobs = (names: readonly string[]) =>
  names.length > MAX_NAMED_JOBS
    ? `${names.slice(0, MAX_NAMED_JOBS).join(', ')} and ${names.length - MAX_NAMED_JOBS} more`
    : names.join(', ');

/** Where the list holds a Zuul secret: an encrypted value, or a template naming a secret's variable. */
function secretUses(list: unknown, secrets: JobDefinition['secrets']): string[] {
  const encrypted = findTagged(list, 'images').map(({ path, tag }) => `${path} is an encrypted value (${tag})`);
  return [...encrypted, ...templateSecretUses(list, secrets)];
}

function templateSecretUses(raw: unknown, secrets: JobDefinition['secrets'], path: PropertyKey[] = []): string[] {
  if (typeof raw === 'string') {
    const used = secrets.find(({ variable }) => new RegExp(`\\{[{%][^}]*\\b${variable.replace(/\W/g, '\\$&')}\\b`).test(raw));
    return used ? [`${formatPath('images', path)} uses the Zuul secret "${used.secret}" (as ${used.variable})`] : [];
  }
  if (Array.isArray(raw)) return raw.flatMap((item, i) => templateSecretUses(item, secrets, [...path, i]));
  if (isMapping(raw)) return Object.entries(raw).flatMap(([key, value]) => templateSecretUses(value, secrets, [...path, key]));
  return [];
}

/**
 * The image list of the job `zuul-job` names, following `parent:` within the file. Without a job
 * name the error lists the jobs that would give one. `notice` hears what the file cannot say:
 * a parent defined in another file, whose vars are not read.
 */
export function jobImageList(raw: unknown[], job: string, origin: string, notice: (message: string) => void = () => {}): JobImageList {
  const jobs = definitions(raw);
  const listed = () => {
    const withList = jobsWithList(jobs);
    return withList.length ? `jobs with an image list: ${nameJobs(withList)}` : 'no job in it defines container_images or docker_images';
  };
  if (!job) throw new ConfigError(`${origin}images: a Zuul job file; name the job whose image list to use with zuul-job (${listed()})`);
  if (!jobs.has(job))
    throw new ConfigError(`${origin}zuul-job: no job "${job}" in the file${didYouMean(job, [...jobs.keys()])}; ${listed()}`);
  const chain = chainOf(jobs, job, origin);
  const vars = chain.jobs.reduceRight<Vars>((merged, definition) => mergeInto(merged, definition.vars), {});
  const variable = listVariable(vars);
  const outside = chain.outside;
  if (!variable) {
    if (outside !== undefined)
      throw new ConfigError(
        `${origin}zuul-job: job "${job}" (and its parents in the file) sets no image list, and its parent "${outside}" is ` +
          'defined in another file: the list may be there; give that file (or a vars file) as images-file',
      );
    throw new ConfigError(`${origin}zuul-job: job "${job}" (and its parents in the file) sets no image list; ${listed()}`);
  }
  const uses = secretUses(
    vars[variable],
    chain.jobs.flatMap((definition) => definition.secrets),
  );
  if (uses.length)
    throw new ConfigError(
      `${origin}zuul-job: job "${job}": ${uses.join('; ')}; Zuul secrets are not decrypted here: pass the value through a workflow ` +
        'secret instead (${{ secrets.NAME }} in the images input)',
    );
  if (outside !== undefined)
    notice(
      `${origin}job "${job}" has the parent "${outside}", which this file does not define: its vars (merged under ` +
        `"${chain.jobs[chain.jobs.length - 1].name}"'s in Zuul) are not read here`,
    );
  return { job, variable, list: vars[variable], vars };
}
