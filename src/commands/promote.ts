import { credentialFor } from '../config/inputs/credentials.js';
import { ConfigError, ConfigErrors } from '../config/errors.js';
import { reportTo } from '../config/inputs/report.js';
import { readPromoteInputs, type PromoteInputs } from '../config/readers/promote.js';
import { readEvent } from '../platform/change.js';
import { releaseSource } from '../platform/release-source.js';
import { changeForPromote } from '../platform/pull-request.js';
import { cleanup } from './cleanup.js';
import { finalTags } from './promote-flat.js';
import { flatOutputs, NO_FLAT_OUTPUTS } from './flat-outputs.js';
import { byTag } from './promote-by-tag.js';
import { fromIntermediate } from './promote-intermediate.js';
import { release } from './promote-release.js';
import { cleanupRecords } from './record-cleanup.js';
import { landedCommit, tagRevision } from './promote-revision-tag.js';
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
  if (inputs.release) {
    const releasing = inputs.release;
    const source = await releaseSource(env, { override: inputs.change, token: inputs.token, logger });
    const from = source.change !== undefined ? `change ${source.change}` : `commit ${source.commit.slice(0, 12)}`;
    return inSession(
      context,
      inputs,
      { done: `Released ${releasing.name} from ${from}`, planned: `Release plan for ${releasing.name}` },
      (run) => release(run, source, releasing),
    );
  }
  const event = readEvent(env);
  const { change, revisions, skip } = await changeForPromote(env, event, { override: inputs.change, token: inputs.token, logger });
  if (skip) {
    logger.info(skip);
    return { outputs: { promoted: '[]', deleted: '[]', 'left-behind': '[]', ...NO_FLAT_OUTPUTS } };
  }
  const titles = { done: `Promoted change ${change.change}`, planned: `Promotion plan for change ${change.change}` };
  return inSession(context, inputs, titles, async (run) => {
    logger.info(
      `promoting change ${change.change} (${change.prefix}_<tag>) by ${inputs.method}${inputs.dryRun ? ' (dry run: nothing changes)' : ''}`,
    );
    const cleanupTargets = inputs.method === 'tag' ? await byTag(run, change) : await fromIntermediate(run, change, revisions);
    const landed = inputs.revisionTag ? landedCommit(env, event) : undefined;
    if (inputs.revisionTag && !landed) logger.info('revision-tag: no merged commit is known for this event: no revision tag set');
    if (landed) await tagRevision(run, landed);
    if (inputs.cleanup) await cleanup(run, cleanupTargets, change);
    if (inputs.cleanup) await cleanupRecords(run, change);
  });
}

interface Titles {
  readonly done: string;
  readonly planned: string;
}

/** Runs a promotion's work in the run's session and reports what it did, whether it finished or failed. */
async function inSession(
  context: CommandContext,
  inputs: PromoteInputs,
  titles: Titles,
  work: (run: PromotionRun) => Promise<void>,
): Promise<CommandResult> {
  const { env, logger } = context;
  checkCredentials(inputs);
  const { session, deleter } = openRunSession({
    credentials: inputs.credentials,
    registries: [
      ...inputs.images.map((image) => image.reference.registry),
      ...[inputs.intermediate, inputs.changes].flatMap((r) => (r ? [r.registry] : [])),
    ],
    env,
    exec: context.exec,
    logger,
    transport: inputs.transport,
  });
  const outcome = emptyOutcome();
  const run: PromotionRun = { session, deleter, inputs, outcome, logger, env };
  let failure: string | undefined;
  try {
    await work(run);
    for (const left of outcome.leftBehind) logger.warning(`temporary tag left behind: ${left.ref}: ${left.reason}`);
    for (const probe of deleter.leftoverProbes) logger.warning(`probe tag left behind: ${probe}`);
  } catch (error) {
    // The outputs still say what was done before the failure.
    failure = (error as Error).message;
  } finally {
    session.close();
  }
  return report(run, titles, failure);
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
function report({ inputs, outcome, logger }: PromotionRun, titles: Titles, failure: string | undefined): CommandResult {
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
      title: inputs.dryRun ? `${titles.planned} (dry run)` : titles.done,
      headers: ['final tag', 'digest', 'from', 'status'],
      rows: [
        ...outcome.promoted.map((p) => [`${p.repository}:${p.tag}`, p.digest, p.from, p.status]),
        ...outcome.revisionTags.map((r) => [r.slice(0, r.indexOf('@')), r.slice(r.indexOf('@') + 1), '', 'revision tag']),
        ...outcome.deleted.map((d) => [d, '', '', deletedWhy(outcome, d)]),
        ...outcome.kept.map((k) => [k.ref, '', '', `kept: ${k.reason}`]),
        ...outcome.leftBehind.map((l) => [l.ref, '', '', `left behind: ${l.reason}`]),
        ...(inputs.dryRun ? outcome.plan.map((p) => [p, '', '', 'planned']) : []),
      ],
    },
    failure,
  };
}

/** A deleted tag in the summary: this change's own temporary tag, or another change's leaked one and why it went. */
function deletedWhy(outcome: PromotionRun['outcome'], ref: string): string {
  const leaked = outcome.leaked.find((l) => l.ref === ref);
  return leaked ? `deleted: leaked, ${leaked.reason}` : 'deleted: temporary tag of this change';
}
