import { join } from 'node:path';
import { loginOf } from '../config/inputs/credentials.js';
import type { BuildInputs } from '../config/readers/build.js';
import type { ContainerEngine } from '../engines/engine.js';
import { describePlan, type PlannedStep } from '../engines/plan.js';
import { noExec } from '../exec.js';
import type { ChangeInfo } from '../platform/change.js';
import { refName } from '../registry/reference.js';
import { buildEngine, cacheLogins, certDirPlan, withAccess } from './build-access.js';
import { createdTimestamp, planBuilds, type ImageBuildPlan } from './build-plan.js';
import { enginePushSpec, pushEngine, type PushTarget } from './upload-plan.js';
import type { CommandContext, CommandResult } from './types.js';

/** Stands for the files a real run keeps in a private temporary directory. */
const SCRATCH = '<tmp>';
const AUTH_FILE = join(SCRATCH, 'auth', 'config.json');

/** What one image of a dry run would do: every command, exactly as it would run, and every tag it would write. */
export interface PlannedImage {
  readonly index: number;
  readonly repository: string;
  /** Working directory of the build commands. */
  readonly cwd: string;
  /** The commands that build (and tag, and write the cache), argv with the binary. */
  readonly build: readonly (readonly string[])[];
  /** The commands that push the first tag. */
  readonly push: readonly (readonly string[])[];
  /** `registry/repository:tag`, in order: the first by the engine, the others through the registry API. */
  readonly pushes: readonly string[];
  /** Every process the run starts for this image, in order: the engine's whole plan, its reads of the local store too. */
  readonly steps: { readonly build: readonly PlannedStep[]; readonly push: readonly PlannedStep[] };
}

export interface UploadDryRun {
  readonly targets: readonly PushTarget[];
  readonly insecureRegistries: readonly string[];
  readonly title: string;
}

/**
 * Validates everything a build (and an upload) would use and prints the plan: nothing runs, no
 * request is sent. The plans are the engine's own, the very ones a run executes.
 */
export function dryRun(context: CommandContext, inputs: BuildInputs, change: ChangeInfo, upload?: UploadDryRun): CommandResult {
  const plans = planBuilds(inputs, { change, env: context.env, scratchDir: SCRATCH, created: createdTimestamp(context.env) });
  // No process runs in a dry run: the engines are asked for plans only.
  const quiet = { ...context, exec: noExec };
  const { engine, setup } = buildEngine(quiet, inputs, plans, SCRATCH);
  const authFile = cacheLogins(inputs, plans).length > 0 ? AUTH_FILE : undefined;
  const pusher = pushEngine(quiet, inputs);
  const pushCertDir = certDirPlan(pusher.capabilities, SCRATCH, inputs.ca).certDir;
  const planned = plans.map((plan, i) => {
    const spec = withAccess(plan.spec, authFile, setup.certDir);
    const target = upload?.targets[i];
    const push = target ? pushSteps(pusher, plan, target, { insecureRegistries: upload!.insecureRegistries, certDir: pushCertDir }) : [];
    return plannedImage(plan, describePlan(engine.buildPlan(spec)), push, target);
  });
  const { logger } = context;
  for (const note of setup.notes) logger.info(note);
  for (const file of setup.files) logger.info(`write ${file.path}`);
  for (const image of planned) logger.info(`images[${image.index}] ${image.repository}\n  ${describeImage(image).join('\n  ')}`);
  logger.info('dry run: no engine ran, no request was sent');
  return {
    outputs: { images: JSON.stringify(planned) },
    summary: {
      title: `${upload?.title ?? 'Build plan'} (dry run)`,
      headers: ['image', 'engine', 'would push'],
      rows: planned.map((image) => [`images[${image.index}] ${image.repository}`, engine.name, image.pushes.join(' ') || '(build only)']),
    },
  };
}

/** The engine's push of a target, as the upload runs it: an auth file when the target has a login. */
function pushSteps(
  engine: ContainerEngine,
  plan: ImageBuildPlan,
  target: PushTarget,
  where: { insecureRegistries: readonly string[]; certDir?: string },
): PlannedStep[] {
  const login = loginOf(target.credential);
  const authFile = login?.username && login.password !== undefined ? AUTH_FILE : undefined;
  const digestFile = join(SCRATCH, `digest-${plan.image.index}`);
  return describePlan(engine.pushPlan(enginePushSpec(target, plan.spec.tags[0], { ...where, digestFile, authFile }, plan.spec)));
}

function plannedImage(plan: ImageBuildPlan, build: PlannedStep[], push: PlannedStep[], target: PushTarget | undefined): PlannedImage {
  const runs = (steps: PlannedStep[]) => steps.filter((step) => step.role === 'run').map((step) => step.argv);
  return {
    index: plan.image.index,
    repository: plan.image.repository,
    cwd: plan.spec.contextDir,
    build: runs(build),
    push: runs(push),
    pushes: target ? target.tags.map((tag) => refName(target, tag)) : [],
    steps: { build, push },
  };
}

/** One line per process, as the log shows the plan. */
function describeImage(image: PlannedImage): string[] {
  const line = (step: PlannedStep) =>
    `${step.onlyIf ? `if ${step.onlyIf.join(' ')} succeeds: ` : ''}${step.argv.join(' ')}` +
    `${step.envKeys.length ? ` (with ${step.envKeys.join(', ')})` : ''}`;
  return [
    ...image.steps.build.map((step) => (step.role === 'read' ? `then read: ${line(step)}` : `build (in ${image.cwd}): ${line(step)}`)),
    ...image.steps.push.map((step) => `push: ${line(step)}`),
    ...image.pushes.slice(1).map((ref) => `tag through the registry API: ${ref}`),
  ];
}
