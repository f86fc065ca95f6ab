/**
 * Requests in flight to one registry, adapted to what the link and the registry bear (docs/
 * registries.md, "Requests in flight"): over a wide-area link the time is round trips in
 * sequence, so the window opens while answers come back as fast as before (doubling, then one
 * more per window), and closes by half on a 429 or 503, or when answers slow down well beyond
 * the fastest seen (a queue building up somewhere); a Retry-After holds every new request until
 * it has passed. Never more than `max` (the user's cap), never fewer than one.
 */
export interface AdaptiveLimits {
  readonly initial: number;
  readonly max: number;
}

/** What one answer tells the limiter (status 0: none came). `transfer`: a blob body, whose time says nothing of the link. */
export interface Feedback {
  readonly status: number;
  readonly latencyMs: number;
  readonly transfer?: boolean;
  readonly retryAfterMs?: number;
}

/** An answer this much slower than the fastest seen (and by more than INFLATION_FLOOR_MS) means a queue. */
const INFLATION = 4;
const INFLATION_FLOOR_MS = 50;
/** How much slower than the fastest an answer may be and still let the window grow. */
const FLAT = 2;

export class AdaptiveLimiter {
  #limit: number;
  #threshold: number;
  #active = 0;
  #grown = 0;
  #fastest = Infinity;
  #heldUntil = 0;
  #lastCut = 0;
  readonly #waiting: (() => void)[] = [];
  readonly #max: number;

  constructor(limits: AdaptiveLimits) {
    if (!(limits.max >= 1)) throw new Error(`a concurrency cap must be at least 1, got ${limits.max}`);
    this.#max = limits.max;
    this.#limit = Math.max(1, Math.min(limits.initial, limits.max));
    this.#threshold = this.#max;
  }

  /** Requests let through at once right now. */
  get limit(): number {
    return this.#limit;
  }

  get max(): number {
    return this.#max;
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    await this.#acquire();
    try {
      return await task();
    } finally {
      this.#active--;
      this.#release();
    }
  }

  feedback({ status, latencyMs, transfer, retryAfterMs }: Feedback): void {
    const now = Date.now();
    if (status === 429 || status === 503 || status === 0) {
      if (retryAfterMs !== undefined) this.#heldUntil = Math.max(this.#heldUntil, now + retryAfterMs);
      this.#cut(now);
      return;
    }
    if (transfer || status >= 500) return;
    this.#fastest = Math.min(this.#fastest, latencyMs);
    if (latencyMs > this.#fastest * INFLATION && latencyMs - this.#fastest > INFLATION_FLOOR_MS) {
      this.#cut(now);
      return;
    }
    // Grow only when the window was full (requests were waiting) and answers stay near the fastest.
    if (this.#waiting.length === 0 || latencyMs > this.#fastest * FLAT + 5) return;
    if (this.#limit < this.#threshold) this.#limit = Math.min(this.#max, this.#limit + 1);
    else if (++this.#grown >= this.#limit) {
      this.#grown = 0;
      this.#limit = Math.min(this.#max, this.#limit + 1);
    }
    this.#release();
  }

  /** Halved, at most once per fastest round trip: one burst of 429s is one signal, not twenty. */
  #cut(now: number): void {
    const spacing = Number.isFinite(this.#fastest) ? Math.max(this.#fastest, 10) : 10;
    if (now - this.#lastCut < spacing) return;
    this.#lastCut = now;
    this.#threshold = Math.max(1, Math.floor(this.#limit / 2));
    this.#limit = this.#threshold;
    this.#grown = 0;
  }

  async #acquire(): Promise<void> {
    for (;;) {
      const hold = this.#heldUntil - Date.now();
      if (hold > 0) await new Promise((resolve) => setTimeout(resolve, hold));
      else if (this.#active < this.#limit) {
        this.#active++;
        return;
      } else await new Promise<void>((resolve) => this.#waiting.push(resolve));
    }
  }

  /** Wakes as many waiters as there are free places; each checks again when it resumes. */
  #release(): void {
    for (let free = this.#limit - this.#active; free > 0 && this.#waiting.length > 0; free--) this.#waiting.shift()!();
  }
}
