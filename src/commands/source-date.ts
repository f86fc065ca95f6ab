import type { CommandContext } from './types.js';

/**
 * A release rebuild made reproducible where the engine allows: SOURCE_DATE_EPOCH, unless the job
 * set it, becomes the commit time of HEAD in the work dir. The created label, podman's and
 * buildah's `--timestamp` and BuildKit's SOURCE_DATE_EPOCH build argument take it
 * (docs/releases.md, "A release that rebuilds").
 */
export async function withSourceDateEpoch(context: CommandContext, workDir: string): Promise<CommandContext> {
  const { env, logger } = context;
  if (env.SOURCE_DATE_EPOCH) return context;
  const git = await context
    .exec('git', ['-C', workDir, 'log', '-1', '--format=%ct', 'HEAD'], { allowFailure: true })
    .catch(() => undefined);
  const epoch = git?.code === 0 ? git.stdout.trim() : '';
  if (!/^\d+$/.test(epoch)) {
    logger.info(`SOURCE_DATE_EPOCH: ${workDir} is no git checkout with a commit: this release build takes the current time`);
    return context;
  }
  logger.info(`SOURCE_DATE_EPOCH=${epoch}, the commit time of HEAD: this release build is reproducible where the engine allows`);
  return { ...context, env: { ...env, SOURCE_DATE_EPOCH: epoch } };
}

/** SOURCE_DATE_EPOCH when it is a plain number of seconds. */
export function sourceDateEpoch(env: NodeJS.ProcessEnv): number | undefined {
  const epoch = env.SOURCE_DATE_EPOCH;
  return epoch && /^\d+$/.test(epoch) ? Number(epoch) : undefined;
}
