import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readBuildInputs, type BuildInputs } from '../config/readers/build.js';
import { reportTo } from '../config/inputs/report.js';
import { withAuthFile } from '../engines/auth-file.js';
import type { ContainerEngine } from '../engines/engine.js';
import type { Logger } from '../logger.js';

import { ExecError } from '../exec.js';
import { removeOnInterrupt } from '../interrupt.js';
import { detectChange, readEvent, type ChangeInfo } from '../platform/change.js';
import { createdTimestamp, planBuilds, type ImageBuildPlan } from './build-plan.js';
import { buildEngine, cacheLogins, checkDockerInsecure, describeBuildCache, withAccess, writeEngineFiles } from './build-access.js';
import { buildToIntermediate } from './build-intermediate.js';
import { dryRun } from './dry-run.js';
import { Input } from '../config/inputs/table.js';
import { flatOutputs } from './flat-outputs.js';
import { withSiblings } from './siblings.js';
import type { CommandContext, CommandResult } from './types.js';

export interface BuiltImageReport {
  readonly repository: string;
  readonly tags: readonly string[];
  readonly image_id: string;
  readonly platforms: readonly string[];
  readonly change: number | null;
}

export interface BuildRun {
  readonly change: ChangeInfo;
  readonly plans: readonly ImageBuildPlan[];
  readonly built: readonly BuiltImageReport[];
}

/** Builds every image of the list in order; shared by `build` and `upload`. */
export async function buildImages(
  context: CommandContext,
  inputs: BuildInputs,
  change: ChangeInfo = detectChange(context.env, readEvent(context.env), inputs.change),
): Promise<BuildRun> {
  const { env, logger } = context;
  const scratchDir = await mkdtemp(join(tmpdir(), 'cia-build-'));
  // It holds the run's registries.conf and the ca-file copy: gone on every exit path, SIGTERM too.
  const unregister = removeOnInterrupt(scratchDir);
  try {
    const plans = planBuilds(inputs, { change, env, scratchDir, created: createdTimestamp(env) });
    logger.info(
      change.change !== undefined
        ? `change ${change.change} (${change.pipeline}): temporary tags are ${change.prefix}_<tag>`
        : `no change in ${change.pipeline}: temporary tags are ${change.prefix}_<tag>`,
    );
    const { engine, setup } = buildEngine(context, inputs, plans, scratchDir);
    for (const note of setup.notes) logger.info(note);
    await writeEngineFiles(setup.files);
    if (engine.capabilities.daemonInsecureRegistries) await checkDockerInsecure(context, inputs.insecureRegistries);
    describeBuildCache(plans, change, logger);
    const built = await withAuthFile(cacheLogins(inputs, plans), (authFile) =>
      buildEach(
        engine,
        plans.map((plan) => ({ ...plan, spec: withAccess(plan.spec, authFile, setup.certDir) })),
        change,
        logger,
      ),
    );
    return { change, plans, built };
  } finally {
    unregister();
    await rm(scratchDir, { recursive: true, force: true });
  }
}

/** The images in order, each with its siblings in place; an engine failure names the image. */
async function buildEach(
  engine: ContainerEngine,
  plans: readonly ImageBuildPlan[],
  change: ChangeInfo,
  logger: Logger,
): Promise<BuiltImageReport[]> {
  const built: BuiltImageReport[] = [];
  for (const plan of plans) {
    const result = await logger.group(`Build ${plan.image.repository} (${engine.name})`, () =>
      withSiblings(plan, async () => {
        try {
          return await engine.build(plan.spec);
        } catch (error) {
          if (error instanceof ExecError) {
            throw new ExecError(
              error.tool,
              error.code,
              error.lastLines,
              `building images[${plan.image.index}] ${plan.image.repository} failed: ${error.message}`,
            );
          }
          throw error;
        }
      }),
    );
    logger.info(`built ${plan.image.repository} ${result.imageId} for ${result.platforms.join(', ')}; tagged ${plan.spec.tags.join(', ')}`);
    built.push({
      repository: plan.image.repository,
      tags: plan.spec.tags,
      image_id: result.imageId,
      platforms: result.platforms,
      change: change.change ?? null,
    });
  }
  return built;
}

export async function build(context: CommandContext): Promise<CommandResult> {
  if (context.read(Input.IntermediateRegistry)) return buildToIntermediate(context, build);
  const inputs = readBuildInputs(context.read, context.env, reportTo(context.logger));
  if (inputs.dryRun) return dryRun(context, inputs, detectChange(context.env, readEvent(context.env), inputs.change));
  const { built } = await buildImages(context, inputs);
  return {
    outputs: {
      images: JSON.stringify(built),
      ...flatOutputs(
        built.map((image) => ({ repository: image.repository, digest: image.image_id, refs: image.tags })),
        built.length,
      ),
    },
    summary: {
      title: 'Built images',
      headers: ['repository', 'tags', 'image id', 'platforms'],
      rows: built.map((image) => [
        image.repository,
        image.tags.map((t) => t.slice(image.repository.length + 1)).join(', '),
        image.image_id.slice(0, 19),
        image.platforms.join(', '),
      ]),
    },
  };
}
