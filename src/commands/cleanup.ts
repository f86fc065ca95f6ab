import type { Logger } from '../logger.js';
import { RegistryError } from '../registry/errors.js';
import { readImageConfig } from '../registry/image-config.js';
import type { RegistrySession } from '../registry/session.js';

export interface LeakedTag {
  readonly tag: string;
  readonly created: string;
  readonly ageHours: number;
}

export interface LeakOptions {
  /** The tag's push time from the registry vendor's API, where there is one. */
  readonly tagTime?: (tag: string) => Promise<number | undefined>;
  /** Tags that count as temporary (anchored). */
  readonly pattern: RegExp;
  /** Tags never counted as leaked: the change being promoted. */
  readonly keep: RegExp;
  readonly maxAgeMs: number;
  readonly now: number;
}

/**
 * Temporary tags that outlived their change: matching the pattern, older than the limit by the
 * vendor's push time or else the image's own `created` time, across every page of the tag list. (Zuul compares the seconds
 * within a day of the age, so its cleanup never fires.)
 */
export async function findLeakedTags(session: RegistrySession, registry: string, repository: string, options: LeakOptions, logger: Logger): Promise<LeakedTag[]> {
  const client = session.client(registry);
  const candidates = (await client.listTags(repository)).filter((tag) => options.pattern.test(tag) && !options.keep.test(tag));
  const leaked: LeakedTag[] = [];
  await Promise.all(
    candidates.map((tag) =>
      session.limiter(registry).run(async () => {
        let created: string | undefined;
        const pushed = await options.tagTime?.(tag);
        try {
          if (pushed === undefined) ({ created } = await readImageConfig(client, repository, tag));
          else created = new Date(pushed).toISOString();
        } catch (error) {
          // Deleted since the listing (a concurrent promotion of that change): nothing to clean.
          if (error instanceof RegistryError && error.status === 404) return;
          throw error;
        }
        const time = created ? Date.parse(created) : Number.NaN;
        if (Number.isNaN(time)) {
          logger.info(`${registry}/${repository}:${tag}: no creation time in its config; left alone`);
          return;
        }
        const age = options.now - time;
        if (age > options.maxAgeMs) leaked.push({ tag, created: created!, ageHours: Math.floor(age / 3_600_000) });
      }),
    ),
  );
  return leaked.sort((a, b) => a.tag.localeCompare(b.tag));
}

/** Zuul's default: `^change_.*$` and `^<pipeline>_.*$`. */
export function defaultCleanupPattern(pipeline: string): RegExp {
  return new RegExp(`^(?:change_.*|${pipeline.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}_.*)$`);
}
