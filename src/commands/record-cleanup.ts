import type { ChangeInfo } from '../platform/change.js';
import { changeStateLookup } from '../platform/pull-request.js';
import { RegistryError } from '../registry/errors.js';
import { refName } from '../registry/reference.js';
import { recordLocation } from './change-record.js';
import { record, type PromotionRun } from './promotion.js';

const RECORD_TAG = /^change_([1-9][0-9]{0,9})$/;
const MAX_RECORDS_READ = 10_000;

/**
 * The change records of this repository that nothing needs any more: the change promoted now
 * (merged: dependents use its release), and changes the forge says are closed. An open change,
 * or one the forge could not answer for, keeps its record.
 */
export async function cleanupRecords(run: PromotionRun, change: ChangeInfo): Promise<void> {
  const { session, deleter, inputs, outcome, logger, env } = run;
  const forgeRepository = env.GITHUB_REPOSITORY;
  if (!inputs.changes || !forgeRepository) return;
  const { registry, repository } = recordLocation(inputs.changes, forgeRepository, 1);
  let tags: string[];
  try {
    tags = (await session.client(registry).readTags(repository, { maxTags: MAX_RECORDS_READ })).tags;
  } catch (error) {
    if (error instanceof RegistryError && error.status === 404) return; // no record was ever written
    throw error;
  }
  const stateOf = changeStateLookup(env, inputs.token, logger);
  for (const tag of tags) {
    const number = Number(RECORD_TAG.exec(tag)?.[1] ?? NaN);
    if (Number.isNaN(number)) continue;
    const answer = number === change.change ? undefined : await stateOf(number);
    const reason =
      number === change.change ? 'merged (promoted by this run)' : answer?.state === 'closed' ? 'closed, says the forge' : undefined;
    const ref = refName({ registry, repository }, tag);
    if (!reason) {
      logger.debug(
        `change record ${ref} stays: ${answer?.state === 'open' ? 'the change is open' : answer?.state === 'unknown' ? answer.reason : 'the forge was not asked'}`,
      );
      continue;
    }
    if (inputs.dryRun) {
      outcome.plan.push(`delete change record ${ref} (change ${number} ${reason})`);
      continue;
    }
    record(await deleter.deleteTag({ registry, repository }, tag), outcome);
    logger.info(`change record ${ref} deleted: change ${number} ${reason}`);
  }
}
