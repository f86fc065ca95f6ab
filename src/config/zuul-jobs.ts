import { ConfigError } from './errors.js';
import { didYouMean } from './did-you-mean.js';
import { LIST_VARIABLES } from './zuul-vars.js';
import { isMapping } from './yaml.js';

/** Top-level kinds of a Zuul configuration file (`zuul.d/*.yaml`). */
const CONFIG_KINDS = new Set(['job', 'project', 'project-template', 'nodeset', 'secret', 'semaphore', 'pipeline', 'queue', 'pragma']);

type Vars = Record<string, unknown>;

interface JobDefinition {
  readonly name: string;
  readonly parent?: string;
  readonly vars: Vars;
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

function definitions(raw: unknown[]): Map<string, JobDefinition[]> {
  const jobs = new Map<string, JobDefinition[]>();
  for (const item of raw) {
    const job = (item as Record<string, unknown>).job;
    if (!isMapping(job) || typeof job.name !== 'string') continue;
    const definition = {
      name: job.name,
      parent: typeof job.parent === 'string' ? job.parent : undefined,
      vars: isMapping(job.vars) ? job.vars : {},
    };
    jobs.set(job.name, [...(jobs.get(job.name) ?? []), definition]);
  }
  return jobs;
}

/** Zuul merges a job's vars over its parent's, mappings key by key; anything else the child replaces. */
function mergeVars(parent: Vars, child: Vars): Vars {
  const out: Vars = { ...parent };
  for (const [key, value] of Object.entries(child))
    out[key] = isMapping(value) && isMapping(out[key]) ? mergeVars(out[key] as Vars, value) : value;
  return out;
}

/** The job's vars with those of every parent defined in the same file underneath. */
function resolveVars(jobs: Map<string, JobDefinition[]>, name: string, origin: string): Vars {
  const chain: JobDefinition[] = [];
  for (let current: string | undefined = name; current !== undefined;) {
    const variants = jobs.get(current);
    if (!variants) break;
    if (variants.length > 1)
      throw new ConfigError(
        `${origin}zuul-job: job "${current}" is defined ${variants.length} times (branch variants?); which one runs depends on ` +
          'the branch, so none is chosen here: put the image list in a vars file',
      );
    if (chain.some((job) => job.name === current)) throw new ConfigError(`${origin}zuul-job: job "${current}" is its own ancestor`);
    chain.push(variants[0]);
    current = variants[0].parent;
  }
  return chain.reduceRight<Vars>((vars, job) => mergeVars(vars, job.vars), {});
}

const listVariable = (vars: Vars) => LIST_VARIABLES.find((name) => vars[name] !== undefined);

/**
 * The image list of the job `zuul-job` names, following `parent:` within the file. Without a job
 * name the error lists the jobs that would give one.
 */
export function jobImageList(raw: unknown[], job: string, origin: string): JobImageList {
  const jobs = definitions(raw);
  const withList = [...jobs.keys()].filter((name) => {
    try {
      return listVariable(resolveVars(jobs, name, origin)) !== undefined;
    } catch {
      return false;
    }
  });
  const listed = withList.length
    ? `jobs with an image list: ${withList.join(', ')}`
    : 'no job in it defines container_images or docker_images';
  if (!job) throw new ConfigError(`${origin}images: a Zuul job file; name the job whose image list to use with zuul-job (${listed})`);
  if (!jobs.has(job))
    throw new ConfigError(`${origin}zuul-job: no job "${job}" in the file${didYouMean(job, [...jobs.keys()])}; ${listed}`);
  const vars = resolveVars(jobs, job, origin);
  const variable = listVariable(vars);
  if (!variable) throw new ConfigError(`${origin}zuul-job: job "${job}" (and its parents in the file) sets no image list; ${listed}`);
  return { job, variable, list: vars[variable], vars };
}
