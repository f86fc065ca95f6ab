import type { Pattern } from '../config/pattern.js';
import type { ChangeInfo } from '../platform/change.js';
import { changeStateLookup, type ChangeState } from '../platform/pull-request.js';
import { registryKind } from '../registry/kinds.js';
import { vendorTagTime } from '../registry/tag-delete/tag-times.js';
import { record, type CleanupTarget, type PromotionRun } from './promotion.js';
import type { Logger } from '../logger.js';
import type { RepositoryRef } from '../registry/copy.js';
import { RegistryError } from '../registry/errors.js';
import { REFERRER_TAG } from '../registry/referrers.js';
import { Limiter } from '../registry/limiter.js';
import { readImageConfig } from '../registry/image-config.js';
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
  /** Whether change N is still open, from the forge's API; undefined where it cannot say. */
  readonly changeState?: (change: number) => Promise<ChangeState | undefined>;
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

/**
 * Temporary tags that outlived their change, across every page of the tag list. Decided in this
 * order: the vendor's push time where the registry has one; else the forge's word on the change
 * (open: never leaked; closed: leaked); else the image's `created`, only when plausible, else
 * the tag stays and the log says why. (Zuul compares the seconds within a day of the age, so its
 * cleanup never fires; and it trusts `created`.)
 */
export async function findLeakedTags(
  session: RegistrySession,
  target: RepositoryRef,
  tags: readonly string[],
  options: LeakOptions,
  logger: Logger,
): Promise<LeakedTag[]> {
  const { registry, repository } = target;
  const client = session.client(registry);
  // Signature, SBOM and fallback-index tags are never temporary, whatever cleanup-regex says.
  const candidates = tags.filter((tag) => options.pattern.test(tag) && !options.keep.test(tag) && !REFERRER_TAG.test(tag));
  const leaked: LeakedTag[] = [];
  // Each tag's decision takes several requests, each within the registry's own limit.
  const limiter = new Limiter(4);
  const ref = (tag: string) => refName(target, tag);
  const byAge = (tag: string, time: number, source: string) => {
    const age = options.now - time;
    if (age > options.maxAgeMs)
      leaked.push({ tag, reason: `${source} ${new Date(time).toISOString()}, ${Math.floor(age / 3_600_000)} h ago` });
  };
  await Promise.all(
    candidates.map((tag) =>
      limiter.run(async () => {
        const pushed = await options.tagTime?.(tag);
        if (pushed !== undefined) return byAge(tag, pushed, 'pushed');
        const change = CHANGE_TAG.exec(tag)?.[1];
        const state = change === undefined ? undefined : await options.changeState?.(Number(change));
        if (state === 'open') return logger.debug(`${ref(tag)}: change ${change} is still open; kept`);
        if (state === 'closed') return void leaked.push({ tag, reason: `change ${change} is closed` });
        let created: string | undefined;
        try {
          ({ created } = await readImageConfig(client, repository, tag));
        } catch (error) {
          // Deleted since the listing (a concurrent promotion of that change): nothing to clean.
          if (error instanceof RegistryError && error.status === 404) return;
          throw error;
        }
        const time = created ? Date.parse(created) : Number.NaN;
        if (Number.isNaN(time) || time < PLAUSIBLE_SINCE) {
          logger.info(
            `${ref(tag)}: its age is unknown (created ${created ?? 'not recorded'}, no push time from the registry, no ` +
              `answer from the forge about its change); left alone`,
          );
          return;
        }
        byAge(tag, time, 'created');
      }),
    ),
  );
  return leaked.sort((a, b) => a.tag.localeCompare(b.tag));
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
      const tags = await session.client(target.registry).listTags(target.repository);
      const leaked = await findLeakedTags(
        session,
        target,
        tags,
        { pattern, keep, maxAgeMs: inputs.cleanupAgeMs, now: Date.now(), tagTime, changeState },
        logger,
      );
      for (const tag of leaked) {
        outcome.plan.push(`delete leaked ${key}:${tag.tag} (${tag.reason})`);
        if (!inputs.dryRun) record(await deleter.deleteTag(target, tag.tag), outcome);
      }
      if (!inputs.dryRun) for (const probe of await deleter.sweepProbes(target, tags)) outcome.deleted.push(`${key}:${probe}`);
    } catch (error) {
      if (session.signal.aborted) throw error;
      outcome.leftBehind.push({ ref: key, reason: `leaked-tag cleanup failed: ${(error as Error).message}` });
    }
  }
}
