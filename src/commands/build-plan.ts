import { existsSync } from 'node:fs';
import { join, normalize, relative } from 'node:path';
import type { BuildInputs } from '../config/readers/build.js';
import { ConfigError, ConfigErrors } from '../config/errors.js';
import type { ImageSpec } from '../config/images/list.js';
import { isInside, resolveInside } from '../config/paths.js';
import type { BuildCache, BuildSpec } from '../engines/build-spec.js';
import type { ChangeInfo } from '../platform/change.js';
import { isValidTag } from '../registry/reference.js';
import { writesBuildCache } from '../platform/trust.js';
import { sourceDateEpoch } from './source-date.js';

/** Zuul's folder for sibling projects inside a context. */
export const SIBLINGS_DIR = '.zuul-siblings';

export interface SiblingCopy {
  readonly source: string;
  readonly destination: string;
}

export interface ImageBuildPlan {
  readonly image: ImageSpec;
  readonly spec: BuildSpec;
  /** `repository:tag` for the final tags. */
  readonly finalRefs: readonly string[];
  /** `repository:<prefix>_<tag>`, as Zuul tags locally too. */
  readonly temporaryRefs: readonly string[];
  readonly siblings: readonly SiblingCopy[];
  /** `<context>/.zuul-siblings`, created for the build and removed after it. */
  readonly siblingsDir?: string;
}

export interface PlanContext {
  readonly change: ChangeInfo;
  readonly env: NodeJS.ProcessEnv;
  /** Directory for the engine's id files. */
  readonly scratchDir: string;
  /** One timestamp for the whole run. */
  readonly created: string;
}

/**
 * Resolves every path and tag of every image before anything is built, so that a mistake in the
 * last image stops the run before the first build.
 */
export function planBuilds(inputs: BuildInputs, context: PlanContext): ImageBuildPlan[] {
  const problems: string[] = [];
  const plans: ImageBuildPlan[] = [];
  for (const image of inputs.images) {
    try {
      plans.push(planImage(image, inputs, context));
    } catch (error) {
      if (error instanceof ConfigErrors) problems.push(...error.problems);
      else if (error instanceof ConfigError) problems.push(error.message);
      else throw error;
    }
  }
  if (problems.length > 0) throw new ConfigErrors(problems);
  return plans;
}

function planImage(image: ImageSpec, inputs: BuildInputs, context: PlanContext): ImageBuildPlan {
  const { entry } = image;
  const field = (name: string) => `images[${image.index}].${name}`;
  const root = inputs.workDir;
  const contextDir = resolveInside(root, root, entry.context, field('context'));
  const fileField = entry.container_filename ? field('container_filename') : 'container-filename';
  const containerFile = findContainerFile(root, contextDir, entry.container_filename ?? inputs.containerFilename, fileField);
  const buildPath = resolveInside(root, contextDir, entry.path, field('path'));

  const prefix = context.change.prefix;
  const problems: string[] = [];
  for (const tag of image.tags) {
    if (!isValidTag(`${prefix}_${tag}`))
      problems.push(`${field('tags')}: "${tag}" is too long for its temporary tag "${prefix}_${tag}" (128 characters at most)`);
  }

  const siblings: SiblingCopy[] = [];
  const siblingsDir = entry.siblings.length > 0 ? join(contextDir, SIBLINGS_DIR) : undefined;
  if (siblingsDir && existsSync(siblingsDir)) {
    problems.push(`${field('siblings')}: ${siblingsDir} already exists; the build creates and removes it, so remove it from the context`);
  }
  entry.siblings.forEach((sibling, i) => {
    try {
      const source = resolveInside(root, root, sibling, `${field('siblings')}[${i}]`);
      const name = normalize(relative(root, source));
      if (name === '.' || isInside(source, contextDir))
        throw new ConfigError(`${field('siblings')}[${i}]: "${sibling}" contains the context itself`);
      siblings.push({ source, destination: join(siblingsDir!, name) });
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      problems.push(error.message);
    }
  });
  if (problems.length > 0) throw new ConfigErrors(problems);

  const buildArgs = [...entry.build_args];
  if (siblings.length > 0) buildArgs.push(`ZUUL_SIBLINGS=${siblings.map((s) => relative(siblingsDir!, s.destination)).join(' ')}`);

  const finalRefs = image.tags.map((tag) => `${image.repository}:${tag}`);
  const temporaryRefs = image.tags.map((tag) => `${image.repository}:${prefix}_${tag}`);
  return {
    image,
    finalRefs,
    temporaryRefs,
    siblings,
    siblingsDir,
    spec: {
      contextDir,
      containerFile,
      buildPath,
      tags: [...finalRefs, ...temporaryRefs],
      buildArgs,
      target: entry.target,
      labels: [...standardLabels(context), ...entry.labels],
      platforms: image.platforms,
      platform: inputs.platform,
      iidFile: join(context.scratchDir, `image-${image.index}.iid`),
      cache: buildCache(inputs, image, context.change),
      ...(inputs.attestations && { attestations: inputs.attestations }),
      sourceDateEpoch: sourceDateEpoch(context.env),
    },
  };
}

/**
 * The image's build cache: read always, written on trusted events only. A pull request's build
 * runs code nobody reviewed yet: what it wrote, later trusted builds would reuse (cache poisoning).
 */
function buildCache(inputs: BuildInputs, image: ImageSpec, change: ChangeInfo): BuildCache | undefined {
  if (!inputs.cache.enabled) return undefined;
  return { repository: inputs.cache.repository ?? `${image.repository}-cache`, write: writesBuildCache(change) };
}

/** Per-image file, else the global one, else Containerfile then Dockerfile in the context dir. */
function findContainerFile(root: string, contextDir: string, name: string | undefined, field: string): string {
  if (name) return resolveInside(root, contextDir, name, field);
  for (const candidate of ['Containerfile', 'Dockerfile']) {
    const path = join(contextDir, candidate);
    if (existsSync(path)) return resolveInside(root, contextDir, candidate, field);
  }
  throw new ConfigError(`${field}: neither Containerfile nor Dockerfile exists in ${contextDir}; add one or set container_filename`);
}

/** OCI annotations every image gets, and Zuul's change labels when there is a change. */
function standardLabels(context: PlanContext): string[] {
  const { env, change } = context;
  const labels = [`org.opencontainers.image.created=${context.created}`];
  // The event's repository: the job's GITHUB_REPOSITORY may name the runner's own checkout instead (act without a remote).
  const repository = change.baseRepository ?? env.GITHUB_REPOSITORY;
  if (repository) {
    const server = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
    labels.push(`org.opencontainers.image.source=${server}/${repository}`);
  }
  if (change.revision) labels.push(`org.opencontainers.image.revision=${change.revision}`);
  if (change.change !== undefined) {
    labels.push(`org.zuul-ci.change=${change.change}`);
    if (change.changeUrl) labels.push(`org.zuul-ci.change_url=${change.changeUrl}`);
  }
  return labels;
}

/** SOURCE_DATE_EPOCH, when set, makes the created label reproducible. */
export function createdTimestamp(env: NodeJS.ProcessEnv, now = new Date()): string {
  const epoch = sourceDateEpoch(env);
  return epoch !== undefined ? new Date(epoch * 1000).toISOString() : now.toISOString();
}
