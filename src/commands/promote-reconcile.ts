import type { Logger } from '../logger.js';
import { readImageConfig } from '../registry/image-config.js';
import { isRetryable, withRetry } from '../registry/retry.js';
import type { RegistrySession } from '../registry/session.js';
import { CHANGE_LABEL, type ReadyPromotion } from './promote-plan.js';
import { refName } from '../registry/reference.js';

/** Whole re-checks of an image's final tags after the deletions (each request has its own retries too). */
const RECHECK_ATTEMPTS = 3;

/**
 * The final tags checked again after the deletions, the check retried whole on a transient
 * failure. The release happened before it: a check that still cannot be made is a warning, and
 * undefined, never a failed run. A final tag on a wrong image is still an error.
 */
export async function recheckFinalTags(
  session: RegistrySession,
  plan: ReadyPromotion,
  change: number | undefined,
  logger: Logger,
): Promise<string | undefined> {
  const ref = `${refName(plan)}`;
  const policy = { ...session.retry, attempts: RECHECK_ATTEMPTS };
  let failed: string | undefined;
  try {
    const digest = await withRetry(
      `re-check ${ref}`,
      () =>
        verifyFinalTags(session, plan, change, logger).catch((error: unknown) => {
          failed = (error as Error).message;
          throw error;
        }),
      policy,
      logger,
    );
    if (failed !== undefined)
      logger.warning(`${ref}: re-checking the final tags failed once (${failed}); checked again, they hold ${digest}`);
    return digest;
  } catch (error) {
    if (session.signal.aborted || !isRetryable(error)) throw error;
    logger.warning(
      `${ref}: the final tags ${plan.image.tags.join(', ')} could not be checked again after the deletions ` +
        `(${(error as Error).message}); they were set to ${plan.digest} before the deletions: look at them`,
    );
    return undefined;
  }
}

/**
 * Checked again after the deletions; returns the digest the final tags hold. A final tag that
 * vanished (a registry deleting more than the tag asked for) is put back from the bytes held. A
 * promotion of another change running at the same time may have moved some final tags and not
 * others; both runs then settle every final tag on the newer image (by its config's created
 * time, the digest breaking ties), so an image's tags never end split between two builds.
 */
export async function verifyFinalTags(
  session: RegistrySession,
  plan: ReadyPromotion,
  change: number | undefined,
  logger: Logger,
): Promise<string> {
  const client = session.client(plan.registry);
  const ref = `${refName(plan)}`;
  const heads = await Promise.all(plan.image.tags.map((tag) => client.headManifest(plan.repository, tag)));
  if (heads.every((head) => head?.digest === plan.digest)) return plan.digest;
  const vanished = plan.image.tags.filter((_, i) => !heads[i]);
  for (const tag of vanished) await client.putManifest(plan.repository, tag, plan.manifest);
  if (vanished.length) logger.warning(`${ref}: ${vanished.join(', ')} no longer resolved after the deletions; put back on ${plan.digest}`);
  const onTags = heads.map((head) => head?.digest ?? plan.digest);
  if (onTags.every((digest) => digest === plan.digest)) return plan.digest;
  const candidates = new Map<string, { created: number; change?: string }>();
  for (const digest of new Set([plan.digest, ...onTags])) {
    const config = await readImageConfig(client, plan.repository, digest);
    candidates.set(digest, { created: Date.parse(config.created ?? '') || 0, change: config.labels[CHANGE_LABEL] });
  }
  plan.image.tags.forEach((tag, i) => {
    const now = candidates.get(onTags[i])?.change;
    if (onTags[i] !== plan.digest && !(now && now !== String(change)))
      throw new Error(`${ref}:${tag} resolves to ${onTags[i]} after the promotion, not ${plan.digest}`);
  });
  const [winner] = [...candidates].sort(([da, a], [db, b]) => b.created - a.created || db.localeCompare(da))[0];
  const manifest = winner === plan.digest ? plan.manifest : await client.getManifest(plan.repository, winner);
  for (const [i, tag] of plan.image.tags.entries()) {
    if (onTags[i] === winner) continue;
    await client.putManifest(plan.repository, tag, manifest);
  }
  logger.warning(
    `${ref}: a concurrent promotion of change ${candidates.get(winner)?.change ?? '?'} moved some final tags; all of them ` +
      `now hold the newer image ${winner}`,
  );
  return winner;
}
