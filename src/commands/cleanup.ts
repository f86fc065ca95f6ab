import type { Pattern } from '../config/pattern.js';
import type { ChangeInfo } from '../platform/change.js';
import { changeStateLookup, type ChangeAnswer } from '../platform/pull-request.js';
import { registryKind } from '../registry/kinds.js';
import { vendorTagTime } from '../registry/tag-delete/tag-times.js';
import { dummyTime, isDummy } from '../registry/tag-delete/dummy.js';
import { record, type CleanupTarget, type PromotionRun } from './promotion.js';
import type { Logger } from '../logger.js';
import type { RepositoryRef } from '../registry/copy.js';
import { RegistryError } from '../registry/errors.js';
import { REFERRER_TAG } from '../registry/referrers.js';
import { Limiter } from '../registry/limiter.js';
import { imageConfigOf } from '../registry/image-config.js';
import { MAX_TAGS_READ, type Manifest } from '../registry/client.js';
import type { RegistrySession } from '../registry/session.js';
import { refName } from '../registry/reference.js';

export interface LeakedTag {
  readonly tag: string;
  /** Why it counts as leaked: its age and where that came from, or its change's state. */
  readonly reason: string;
}

export interface LeakOptions {
  /** The tag's push time from the registry vendor's API, where there is one. */
  readonly tagTime?: (tag: string) => Promise<number | undefined>;
  /** Whether change N is still open, from the forge's API; undefined where it was not asked or knows no such change. */
  readonly changeState?: (change: number) => Promise<ChangeAnswer | undefined>;
  /** Tags that count as temporary (anchored). */
  readonly pattern: Pattern;
  /** Tags never counted as leaked: the change being promoted. */
  readonly keep: Pattern;
  readonly maxAgeMs: number;
  readonly now: number;
}

/**
 * Reproducible builds (ko, Jib, SOURCE_DATE_EPOCH=0) write a 1970 `created`: a time before this
 * says nothing about when the image was pushed.
 */
const PLAUSIBLE_SINCE = Date.parse('2000-01-01T00:00:00Z');
const CHANGE_TAG = /^change_(\d+)_/;
/** Candidates decided at a time: a tag list of 100k candidates never becomes 100k pending promises. */
const DECISION_BATCH = 256;

/** Temporary tags to delete; those kept because the forge was asked about their change and failed; and every other one kept, with why. */
export interface LeakDecision {
  readonly leaked: LeakedTag[];
  readonly unsure: LeakedTag[];
  /** Kept: the change is open, the tag is younger than cleanup-age, or its age is unknown. */
  readonly kept: LeakedTag[];
}

/**
 * Temporary tags that outlived their change. Decided in this order: a tag on one of our own
 * dummy manifests (a deletion cut short) is finished, whatever its age; else the vendor's push
 * time where the registry has one; else the forge's word on the change (open: never leaked;
 * closed: leaked; asked and failed: kept, as it may be open); else the image's `created`, only
 * when plausible, else the tag stays and the log says why. (Zuul compares the seconds within a
 * day of the age, so its cleanup never fires; and it trusts `created`.)
 */
export async function findLeakedTags(
  session: RegistrySession,
  target: RepositoryRef,
  tags: readonly string[],
  options: LeakOptions,
  logger: Logger,
): Promise<LeakDecision> {
  const client = session.client(target.registry);
  // Signature, SBOM and fallback-index tags are never temporary, whatever cleanup-regex says.
  const candidates = tags.filter((tag) => options.pattern.test(tag) && !options.keep.test(tag) && !REFERRER_TAG.test(tag));
  const decision: LeakDecision = { leaked: [], unsure: [], kept: [] };
  // Each tag's decision takes several requests, each within the registry's own limit.
  const limiter = new Limiter(4);
  const context: DecisionContext = { session, target, options, logger, decision };
  const decide = (tag: string) =>
    limiter.run(async () => {
      let manifest: Manifest;
      try {
        manifest = await client.getManifest(target.repository, tag);
      } catch (error) {
        // Deleted since the listing (a concurrent promotion of that change): nothing to clean.
        if (error instanceof RegistryError && error.status === 404) return;
        throw error;
      }
      await decideOne(context, tag, manifest);
    });
  for (let i = 0; i < candidates.length; i += DECISION_BATCH) await Promise.all(candidates.slice(i, i + DECISION_BATCH).map(decide));
  const byTag = (a: LeakedTag, b: LeakedTag) => a.tag.localeCompare(b.tag);
  return { leaked: decision.leaked.sort(byTag), unsure: decision.unsure.sort(byTag), kept: decision.kept.sort(byTag) };
}

interface DecisionContext {
  readonly session: RegistrySession;
  readonly target: RepositoryRef;
  readonly options: LeakOptions;
  readonly logger: Logger;
  readonly decision: LeakDecision;
}

async function decideOne(context: DecisionContext, tag: string, manifest: Manifest): Promise<void> {
  const { options, decision } = context;
  // A dummy is never an image: only an interrupted deletion leaves a tag on one.
  if (isDummy(manifest)) {
    const at = dummyTime(manifest);
    const when = at === undefined ? '' : ` at ${new Date(at).toISOString()}`;
    decision.leaked.push({ tag, reason: `on a dummy manifest put there${when} by a deletion that was cut short` });
    return;
  }
  const pushed = await options.tagTime?.(tag);
  if (pushed !== undefined) return byAge(context, tag, pushed, 'pushed');
  if (await decidedByForge(context, tag)) return;
  let created: string | undefined;
  try {
    ({ created } = await imageConfigOf(context.session.client(context.target.registry), context.target.repository, manifest, tag));
  } catch (error) {
    if (error instanceof RegistryError && error.status === 404) return;
    throw error;
  }
  const time = created ? Date.parse(created) : Number.NaN;
  if (Number.isNaN(time) || time < PLAUSIBLE_SINCE) {
    const reason =
      `its age is unknown (created ${created ?? 'not recorded'}, no push time from the registry, no answer from the forge ` +
      'about its change)';
    context.logger.info(`${refName(context.target, tag)}: kept: ${reason}`);
    context.decision.kept.push({ tag, reason });
    return;
  }
  byAge(context, tag, time, 'created');
}

function byAge({ options, decision }: DecisionContext, tag: string, time: number, source: string): void {
  const age = options.now - time;
  const when = `${source} ${new Date(time).toISOString()}, ${Math.floor(age / 3_600_000)} h ago`;
  if (age > options.maxAgeMs) decision.leaked.push({ tag, reason: `older than cleanup-age: ${when}` });
  else decision.kept.push({ tag, reason: `younger than cleanup-age: ${when}` });
}

/** The forge's word on the tag's change, where it gave one or failed to: true when that decided. */
async function decidedByForge({ options, decision, logger, target }: DecisionContext, tag: string): Promise<boolean> {
  const change = CHANGE_TAG.exec(tag)?.[1];
  const answer = change === undefined ? undefined : await options.changeState?.(Number(change));
  if (!answer) return false;
  if (answer.state === 'unknown') {
    // Asked and failed: the change may be open, and `created` cannot say whether it is.
    logger.info(`${refName(target, tag)}: kept: the state of change ${change} is unknown: ${answer.reason}`);
    decision.unsure.push({ tag, reason: `the state of change ${change} is unknown: ${answer.reason}` });
  } else if (answer.state === 'open') decision.kept.push({ tag, reason: `change ${change} is open, says the forge` });
  else decision.leaked.push({ tag, reason: `change ${change} is closed, says the forge` });
  return true;
}

/** Zuul's default: `^change_.*$` and `^<pipeline>_.*$`. */
export function defaultCleanupPattern(pipeline: string): RegExp {
  return new RegExp(`^(?:change_.*|${pipeline.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}_.*)$`);
}

/**
 * Leaked temporary tags (and probe tags an interrupted run left) of every repository touched.
 * The release has happened by now: any failure here is reported as left behind, never fatal.
 */
export async function cleanup(run: PromotionRun, targets: readonly CleanupTarget[], change: ChangeInfo): Promise<void> {
  const { session, deleter, inputs, outcome, logger } = run;
  const pattern = inputs.cleanupPattern ?? defaultCleanupPattern(change.pipeline);
  const keep = new RegExp(`^${change.prefix}_`);
  const changeState = changeStateLookup(run.env, inputs.token, logger);
  const seen = new Set<string>();
  for (const target of targets) {
    const key = `${refName(target)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const credential = inputs.credentials.get(target.registry);
    const kind = registryKind(target.registry, credential?.type);
    const tagTime = (tag: string) =>
      vendorTagTime({
        registry: target.registry,
        repository: target.repository,
        tag,
        kind,
        transport: session.transport,
        credential: credential && {
          username: credential.username,
          password: credential.password,
          apiToken: credential.apiToken,
          apiUrl: credential.apiUrl,
        },
      });
    try {
      const { tags, complete } = await session.client(target.registry).readTags(target.repository);
      // What was read is still cleaned; the rest waits for a run that sees it (a later page first).
      if (!complete)
        outcome.leftBehind.push({
          ref: key,
          reason:
            `the tag list was cut at ${tags.length} tags: leaked temporary tags beyond them may remain; delete ` +
            `old tags of this repository to bring it under ${MAX_TAGS_READ}`,
        });
      const { leaked, unsure, kept } = await findLeakedTags(
        session,
        target,
        tags,
        { pattern, keep, maxAgeMs: inputs.cleanupAgeMs, now: Date.now(), tagTime, changeState },
        logger,
      );
      await settle(run, target, { leaked, unsure, kept });
      if (!inputs.dryRun) for (const probe of await deleter.sweepProbes(target, tags)) outcome.deleted.push(`${key}:${probe}`);
    } catch (error) {
      if (session.signal.aborted) throw error;
      outcome.leftBehind.push({ ref: key, reason: `leaked-tag cleanup failed: ${(error as Error).message}` });
    }
  }
}

/** Says why each candidate stays or goes, and deletes the leaked ones (recorded as leaked, apart from the change's own). */
async function settle(run: PromotionRun, target: CleanupTarget, { leaked, unsure, kept }: LeakDecision): Promise<void> {
  const { deleter, inputs, outcome, logger } = run;
  const key = refName(target);
  if (unsure.length > 0)
    logger.warning(
      `${key}: ${unsure.length} temporary tag(s) kept, as their change may still be open: ` +
        `${unsure.map((u) => `${u.tag} (${u.reason})`).join('; ')}`,
    );
  for (const tag of kept) {
    logger.info(`${key}:${tag.tag}: leaked-tag cleanup keeps it: ${tag.reason}`);
    outcome.kept.push({ ref: `${key}:${tag.tag}`, reason: tag.reason });
  }
  for (const tag of unsure) outcome.kept.push({ ref: `${key}:${tag.tag}`, reason: tag.reason });
  for (const tag of leaked) {
    outcome.plan.push(`delete leaked ${key}:${tag.tag} (${tag.reason})`);
    if (inputs.dryRun) continue;
    logger.info(`${key}:${tag.tag} leaked (${tag.reason}): deleting`);
    const deleted = await deleter.deleteTag(target, tag.tag);
    record(deleted, outcome);
    if (deleted.status === 'deleted') outcome.leaked.push({ ref: `${key}:${tag.tag}`, reason: tag.reason });
  }
}
