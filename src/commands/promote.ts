import { credentialFor } from '../config/inputs/credentials.js';
import { ConfigError, ConfigErrors } from '../config/errors.js';
import { reportTo } from '../config/inputs/report.js';
import { readPromoteInputs, type PromoteInputs } from '../config/readers/promote.js';
import { readEvent, type ChangeInfo } from '../platform/change.js';
import { changeForPromote } from '../platform/pull-request.js';
import { cleanup } from './cleanup.js';
import { finalTags } from './promote-flat.js';
import { flatOutputs, NO_FLAT_OUTPUTS } from './flat-outputs.js';
import { byTag } from './promote-by-tag.js';
import { fromIntermediate } from './promote-intermediate.js';
import { emptyOutcome, type PromotionRun } from './promotion.js';
import { openRunSession } from './run-session.js';
import type { CommandContext, CommandResult } from './types.js';
import { intermediateRepository } from './upload-plan.js';

export type { PromotedTag } from './promotion.js';
export { moveTags } from './promote-by-tag.js';
export { verifyFinalTags } from './promote-reconcile.js';

export async function promote(context: CommandContext): Promise<CommandResult> {
  const { env, logger } = context;
  const inputs = readPromoteInputs(context.read, env, reportTo(logger));
  const { change, revisions, skip } = await changeForPromote(env, readEvent(env), { override: inputs.change, token: inputs.token, logger });
  if (skip) {
    logger.info(skip);
    return { outputs: { promoted: '[]', deleted: '[]', 'left-behind': '[]', ...NO_FLAT_OUTPUTS } };
  }
  checkCredentials(inputs);
  const { session, deleter } = openRunSession({
    credentials: inputs.credentials,
    registries: [...inputs.images.map((image) => image.reference.registry), ...(inputs.intermediate ? [inputs.intermediate.registry] : [])],
    env,
    exec: context.exec,
    logger,
    transport: inputs.transport,
  });
  const outcome = emptyOutcome();
  const run: PromotionRun = { session, deleter, inputs, outcome, logger, env };
  let failure: string | undefined;
  try {
    logger.info(
      `promoting change ${change.change} (${change.prefix}_<tag>) by ${inputs.method}${inputs.dryRun ? ' (dry run: nothing changes)' : ''}`,
    );
    const cleanupTargets = inputs.method === 'tag' ? await byTag(run, change) : await fromIntermediate(run, change, revisions);
    if (inputs.cleanup) await cleanup(run, cleanupTargets, change);
    for (const left of outcome.leftBehind) logger.warning(`temporary tag left behind: ${left.ref}: ${left.reason}`);
    for (const probe of deleter.leftoverProbes) logger.warning(`probe tag left behind: ${probe}`);
  } catch (error) {
    // The outputs still say what was done before the failure.
    failure = (error as Error).message;
  } finally {
    session.close();
  }
  return report(run, change, failure);
}

/** Every image's credentials (and its intermediate registry's) are checked before any request. */
function checkCredentials(inputs: PromoteInputs): void {
  const problems: string[] = [];
  for (const image of inputs.images) {
    try {
      credentialFor(inputs.credentials, image.reference.registry, image.repository);
      if (inputs.method === 'intermediate-registry' && inputs.intermediate) {
        const intermediate = `${inputs.intermediate.registry}/${intermediateRepository(inputs.intermediate, image)}`;
        credentialFor(inputs.credentials, inputs.intermediate.registry, intermediate);
      }
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      problems.push(error.message);
    }
  }
  if (problems.length) throw new ConfigErrors([...new Set(problems)]);
}

/** Outputs and summary of what was done, on success and on every failure path alike. */
function report({ inputs, outcome, logger }: PromotionRun, change: ChangeInfo, failure: string | undefined): CommandResult {
  if (inputs.dryRun) logger.info(`dry run, nothing changed. The plan:\n  ${outcome.plan.join('\n  ') || 'nothing to do'}`);
  if (!failure && inputs.strictCleanup && outcome.leftBehind.length > 0) {
    failure =
      `strict-cleanup: ${outcome.leftBehind.length} temporary tag(s) could not be deleted: ` +
      `${outcome.leftBehind.map((l) => l.ref).join(', ')}`;
  }
  return {
    outputs: {
      promoted: JSON.stringify(outcome.promoted),
      deleted: JSON.stringify(outcome.deleted),
      'left-behind': JSON.stringify(outcome.leftBehind),
      ...(inputs.dryRun ? {} : flatOutputs(finalTags(outcome.promoted), inputs.images.length)),
    },
    summary: {
      title: inputs.dryRun ? `Promotion plan for change ${change.change} (dry run)` : `Promoted change ${change.change}`,
      headers: ['final tag', 'digest', 'from', 'status'],
      rows: [
        ...outcome.promoted.map((p) => [`${p.repository}:${p.tag}`, p.digest, p.from, p.status]),
        ...outcome.deleted.map((d) => [d, '', '', 'deleted']),
        ...outcome.leftBehind.map((l) => [l.ref, '', '', `left behind: ${l.reason}`]),
        ...(inputs.dryRun ? outcome.plan.map((p) => [p, '', '', 'planned']) : []),
      ],
    },
    failure,
  };
}
