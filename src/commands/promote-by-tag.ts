import { ConfigErrors } from '../config/errors.js';
import type { Logger } from '../logger.js';
import type { ChangeInfo } from '../platform/change.js';
import type { RegistrySession } from '../registry/session.js';
import type { TagDeleter } from '../registry/tag-delete/tag-deleter.js';
import { planTagPromotion, type ReadyPromotion } from './promote-plan.js';
import { recheckFinalTags } from './promote-reconcile.js';
import { emptyOutcome, record, type CleanupTarget, type Outcome, type PromotedTag, type PromotionRun } from './promotion.js';
import { refName } from '../registry/reference.js';

/**
 * Promotion by tag: every image planned first (all move or none), every final tag moved, then
 * the temporary tags deleted and the final tags checked again.
 */
export async function byTag(run: PromotionRun, change: ChangeInfo): Promise<CleanupTarget[]> {
  const { session, deleter, inputs, outcome, logger } = run;
  const { prefix, change: number } = change;
  // Every image is checked before any tag moves: all of a change's images move, or none does.
  const planned = await session.all(inputs.images, (image) => planTagPromotion(session, image, prefix, number));
  const problems = planned.flatMap((p) => (p.kind === 'problem' ? [p.problem] : []));
  if (problems.length)
    throw new ConfigErrors(
      problems.map((p) => `nothing was promoted: ${p}`),
      'images cannot be promoted',
    );
  const plans = settleUnlabelled(planned as ReadyPromotion[], logger);

  for (const plan of plans) {
    const ref = `${refName(plan)}`;
    if (plan.alreadyPromoted) logger.info(`${plan.image.repository}: already promoted (${plan.digest})`);
    for (const tag of plan.moves) outcome.plan.push(`${ref}:${tag} <- ${prefix}_${tag} (${plan.digest})`);
    for (const tag of plan.temporary) outcome.plan.push(`delete ${ref}:${tag}`);
  }
  if (inputs.dryRun) return targetsOf(plans);
  // Every image's final tags move before any temporary tag goes: a failure stops the others
  // (session.all) with every temporary tag still in place, so a re-run simply completes. Images
  // go side by side; the per-registry limit bounds the requests.
  const moved = await session.all(plans, (plan) => moveTags(session, plan, prefix, logger));
  // Reported in the order of the image list, whatever order they finished in.
  for (const tags of moved) for (const tag of tags) outcome.promoted.push(tag);
  const deletions = await session.all(plans, async (plan) => {
    const own = emptyOutcome();
    await deleteTemporary({ deleter, signal: session.signal, logger }, plan, guardedTags(plans, plan), own);
    return own;
  });
  // Recorded before anything else can fail: the deletions happened, whatever the checks say.
  for (const own of deletions) {
    for (const deleted of own.deleted) outcome.deleted.push(deleted);
    for (const left of own.leftBehind) outcome.leftBehind.push(left);
  }
  await settleDeletions(deleter, session.signal, logger);
  const onTags = await session.all(plans, (plan) => recheckFinalTags(session, plan, number, logger));
  onTags.forEach((digest, i) => {
    if (digest !== undefined && digest !== plans[i].digest) supersede(outcome.promoted, plans[i], digest);
  });
  return targetsOf(plans);
}

/**
 * The final tags a deletion of this plan's temporary tags must not take with it: its own, and
 * those of every other entry of the same repository holding the same image (one repository may
 * have several entries, and a registry that deletes by digest takes every tag of that digest).
 */
function guardedTags(plans: readonly ReadyPromotion[], plan: ReadyPromotion): string[] {
  return plans
    .filter((p) => p === plan || (p.registry === plan.registry && p.repository === plan.repository && p.digest === plan.digest))
    .flatMap((p) => p.image.tags);
}

const targetsOf = (plans: readonly ReadyPromotion[]): CleanupTarget[] =>
  plans.map((p) => ({ registry: p.registry, repository: p.repository }));

/**
 * An image whose temporary tags are all gone and whose final tags hold one image without a
 * change label is promoted already when another image of the same change still has its
 * temporary tags: the change was gated, and only a run cut short between its deletions leaves
 * this. Alone, it stays an error: nothing shows it is this change's image.
 */
function settleUnlabelled(plans: readonly ReadyPromotion[], logger: Logger): ReadyPromotion[] {
  const gated = plans.some((p) => p.temporary.length > 0 && !p.unlabelled);
  const unsettled = plans.filter((p) => p.unlabelled && !gated);
  if (unsettled.length)
    throw new ConfigErrors(
      unsettled.map((p) => `nothing was promoted: ${p.image.repository}: ${p.unlabelled}`),
      'images cannot be promoted',
    );
  for (const plan of plans.filter((p) => p.unlabelled))
    logger.info(
      `${plan.image.repository}: its temporary tags are gone and its final tags hold ${plan.digest}: promoted by an earlier ` +
        `run of this change`,
    );
  return [...plans];
}

function supersede(promoted: PromotedTag[], plan: ReadyPromotion, onTags: string): void {
  promoted.forEach((p, i) => {
    if (p.repository === plan.image.repository && p.digest === plan.digest && plan.image.tags.includes(p.tag)) {
      promoted[i] = { ...p, digest: onTags, status: 'superseded', ownDigest: plan.digest };
    }
  });
}

/**
 * Temporary tags go once the final tags hold the image; each deletion is guarded, so a registry
 * that deletes the manifest with the tag gets it put back on the final tags. A deletion that
 * fails is a tag left behind, never a failed release: the final tags have moved.
 */
async function deleteTemporary(
  { deleter, signal, logger }: { deleter: TagDeleter; signal: AbortSignal; logger: Logger },
  plan: ReadyPromotion,
  guarded: readonly string[],
  outcome: Outcome,
): Promise<void> {
  const guard = { tags: guarded, manifest: plan.manifest };
  for (const tag of plan.temporary) {
    const ref = { registry: plan.registry, repository: plan.repository };
    try {
      record(await deleter.deleteTag(ref, tag, guard), outcome);
    } catch (error) {
      if (signal.aborted) throw error;
      logger.debug(`deleting ${refName(plan, tag)}: ${(error as Error).message}`);
      outcome.leftBehind.push({ ref: `${refName(plan, tag)}`, reason: (error as Error).message });
    }
  }
}

/**
 * Gives registries that act on a tag DELETE late the time to do it, the final tags watched and
 * put back meanwhile (the deleter warns for each). A watch that fails leaves the re-check to do it.
 */
async function settleDeletions(deleter: TagDeleter, signal: AbortSignal, logger: Logger): Promise<void> {
  try {
    await deleter.settle();
  } catch (error) {
    if (signal.aborted) throw error;
    logger.warning(`watching the final tags after the deletions failed: ${(error as Error).message}; checking them once instead`);
  }
}

/** Puts the planned manifest on every final tag that does not hold it yet: no layer moves. */
export async function moveTags(session: RegistrySession, plan: ReadyPromotion, prefix: string, logger: Logger): Promise<PromotedTag[]> {
  const client = session.client(plan.registry);
  const ref = `${refName(plan)}`;
  const promoted: PromotedTag[] = [];
  // The same bytes, whatever their media type: an index moves with all its platforms, server-side.
  for (const tag of plan.moves) {
    // The registry answers with the digest it stored: checked against the planned one.
    const stored = await client.putManifest(plan.repository, tag, plan.manifest);
    if (stored !== plan.digest) throw new Error(`${ref}:${tag} was stored as ${stored}, not ${plan.digest}`);
    promoted.push({ repository: plan.image.repository, tag, digest: plan.digest, from: `${ref}:${prefix}_${tag}`, status: 'moved' });
    logger.info(`${ref}:${tag} -> ${plan.digest}`);
  }
  for (const tag of plan.inPlace)
    promoted.push({ repository: plan.image.repository, tag, digest: plan.digest, from: `${ref}:${prefix}_${tag}`, status: 'in-place' });
  return promoted;
}
