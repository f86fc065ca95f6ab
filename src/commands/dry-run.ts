import { join } from 'node:path';
import type { EngineInputs } from '../config/engine-inputs.js';
import { buildCommands, dockerCacheCommands } from '../engines/build-args.js';
import { hostPlatform } from '../engines/engine.js';
import { pushCommands } from '../engines/push-args.js';
import type { ChangeInfo } from '../platform/change.js';
import { refName } from '../registry/reference.js';
import { createdTimestamp, planBuilds, type ImageBuildPlan } from './build-plan.js';
import { enginePushSpec, type PushTarget } from './upload-plan.js';
import type { CommandContext, CommandResult } from './types.js';

/** Stands for the files a real run keeps in a private temporary directory. */
const SCRATCH = '<tmp>';

/** What one image of a dry run would do: every command, exactly as it would run, and every tag it would write. */
export interface PlannedImage {
  readonly index: number;
  readonly repository: string;
  /** Working directory of the build commands. */
  readonly cwd: string;
  readonly build: readonly (readonly string[])[];
  readonly push: readonly (readonly string[])[];
  /** `registry/repository:tag`, in order: the first by the engine, the others through the registry API. */
  readonly pushes: readonly string[];
}

export interface UploadDryRun {
  readonly targets: readonly PushTarget[];
  readonly insecureRegistries: readonly string[];
  readonly title: string;
}

/**
 * Validates everything a build (and an upload) would use and prints the plan: nothing runs, no
 * request is sent. The argv are made by the same functions the engines run.
 */
export function dryRun(context: CommandContext, inputs: EngineInputs, change: ChangeInfo, upload?: UploadDryRun): CommandResult {
  const plans = planBuilds(inputs, { change, env: context.env, scratchDir: SCRATCH, created: createdTimestamp(context.env) });
  const planned = plans.map((plan, i) => plannedImage(inputs, plan, upload?.targets[i], upload?.insecureRegistries ?? []));
  const { logger } = context;
  for (const image of planned) {
    const lines = [
      ...image.build.map((argv) => `build (in ${image.cwd}): ${argv.join(' ')}`),
      ...image.push.map((argv) => `push: ${argv.join(' ')}`),
      ...image.pushes.slice(1).map((ref) => `tag through the registry API: ${ref}`),
    ];
    logger.info(`images[${image.index}] ${image.repository}\n  ${lines.join('\n  ')}`);
  }
  logger.info('dry run: no engine ran, no request was sent');
  return {
    outputs: { images: JSON.stringify(planned) },
    summary: {
      title: `${upload?.title ?? 'Build plan'} (dry run)`,
      headers: ['image', 'engine', 'would push'],
      rows: planned.map((image) => [`images[${image.index}] ${image.repository}`, inputs.engine, image.pushes.join(' ') || '(build only)']),
    },
  };
}

function plannedImage(inputs: EngineInputs, plan: ImageBuildPlan, target: PushTarget | undefined, insecureRegistries: readonly string[]) {
  const binary = inputs.engine;
  const withBinary = (commands: string[][]) => commands.map((argv) => [binary, ...argv]);
  const cache = inputs.engine === 'docker' ? dockerCacheCommands(plan.spec) : { before: [], after: [] };
  const certDir = inputs.ca && inputs.engine !== 'docker' ? join(SCRATCH, 'certs') : undefined;
  const spec = { ...plan.spec, ...(certDir && { certDir }) };
  const build = withBinary([...cache.before, ...buildCommands(inputs.engine, spec, hostPlatform()), ...cache.after]);
  if (!target)
    return { index: plan.image.index, repository: plan.image.repository, cwd: plan.spec.contextDir, build, push: [], pushes: [] };
  const authFile = target.credential?.username ? join(SCRATCH, 'auth', 'config.json') : undefined;
  const rebuild = inputs.engine === 'docker' && plan.image.platforms.length > 0 ? plan.spec : undefined;
  const push = enginePushSpec(
    target,
    plan.spec.tags[0],
    { insecureRegistries, digestFile: join(SCRATCH, `digest-${plan.image.index}`), authFile, certDir },
    rebuild,
  );
  return {
    index: plan.image.index,
    repository: plan.image.repository,
    cwd: plan.spec.contextDir,
    build,
    push: withBinary(pushCommands(inputs.engine, push)),
    pushes: target.tags.map((tag) => refName(target, tag)),
  };
}
