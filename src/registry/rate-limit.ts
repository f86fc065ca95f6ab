import type { IncomingHttpHeaders } from 'node:http';

/**
 * What a registry says is left of its pull quota (Docker Hub's `ratelimit-remaining: 76;w=21600`
 * and `ratelimit-limit: 100;w=21600` on manifest answers; docs/registries.md, "Rate limits").
 */
export interface RateLimit {
  readonly remaining: number;
  readonly limit?: number;
  readonly windowSeconds?: number;
}

const NUMBER_AND_WINDOW = /^\s*(\d+)(?:\s*;\s*w=(\d+))?/;

/**
 * A quota with its window (`;w=`), as Docker Hub sends it. The IETF draft's bare
 * `RateLimit-Remaining` (requests per short window, other services) is no pull quota: ignored.
 */
export function parseRateLimit(headers: IncomingHttpHeaders): RateLimit | undefined {
  const remaining = NUMBER_AND_WINDOW.exec(String(headers['ratelimit-remaining'] ?? ''));
  const limit = NUMBER_AND_WINDOW.exec(String(headers['ratelimit-limit'] ?? ''));
  const window = remaining?.[2] ?? limit?.[2];
  if (!remaining || window === undefined) return undefined;
  return {
    remaining: Number(remaining[1]),
    ...(limit && { limit: Number(limit[1]) }),
    windowSeconds: Number(window),
  };
}

/** The last word of each registry of a run on its quota; the lowest seen wins (answers arrive out of order). */
export class RateLimits {
  readonly #seen = new Map<string, RateLimit>();

  note(registry: string, headers: IncomingHttpHeaders): void {
    const limit = parseRateLimit(headers);
    if (!limit) return;
    const before = this.#seen.get(registry);
    if (!before || limit.remaining < before.remaining) this.#seen.set(registry, limit);
  }

  remaining(registry: string): number | undefined {
    return this.#seen.get(registry)?.remaining;
  }

  /** `docker.io: 76 of 100 pulls left (window 6 h)`, one per registry that said. */
  describe(): string[] {
    return [...this.#seen].map(([registry, { remaining, limit, windowSeconds }]) => {
      const window = windowSeconds ? ` (window ${windowSeconds % 3600 === 0 ? `${windowSeconds / 3600} h` : `${windowSeconds} s`})` : '';
      return `${registry}: ${remaining}${limit !== undefined ? ` of ${limit}` : ''} pulls left${window}`;
    });
  }
}
