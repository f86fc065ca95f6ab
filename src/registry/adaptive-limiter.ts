import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Requests in flight to one registry, adapted to what the link and the registry bear (docs/
 * registries.md, "Requests in flight"): over a wide-area link the time is round trips in
 * sequence, so the window opens while answers come back as fast as before (doubling, then one
 * more per window); it closes by half on a 429, a 503 or no answer at all, and by a quarter when
 * answers slow down, on average, well beyond the fastest seen (a queue building up somewhere); a
 * Retry-After holds every new request until it has passed. Never more than `max` (the user's
 * cap), never fewer than one.
 */
export interface AdaptiveLimits {
  readonly initial: number;
  readonly max: number;
  /** The run's: a Retry-After wait ends when the run is cancelled. */
  readonly signal?: AbortSignal;
}

/** What one answer tells the limiter (status 0: none came). `transfer`: a blob body, whose time says nothing of the link. */
export interface Feedback {
  readonly status: number;
  readonly latencyMs: number;
  readonly transfer?: boolean;
  readonly retryAfterMs?: number;
}

/**
 * Answers this much slower than the fastest seen, on average (and by more than INFLATION_FLOOR_MS),
 * mean a queue. An average, not one answer: the time of one answer also holds this process's own
 * pauses (parsing, planning), which are no sign of the link.
 */
const INFLATION = 4;
const INFLATION_FLOOR_MS = 100;
/** How much slower than the fastest the average answer may be and still let the window grow. */
const FLAT = 2.5;
/** Weight of the latest answer in the average. */
const SMOOTHING = 0.1;

export class AdaptiveLimiter {
  #limit: number;
  #threshold: number;
  #active = 0;
  #grown = 0;
  #fastest = Infinity;
  #average: number | undefined;
  #lastEase = 0;
  #heldUntil = 0;
  #lastCut = 0;
  readonly #waiting: (() => void)[] = [];
  readonly #max: number;
  readonly #signal?: AbortSignal;

  constructor(limits: AdaptiveLimits) {
    this.#signal = limits.signal;
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

  /**
   * Runs `task` in one place of the window. A task already holding a place of this window (a
   * blob upload whose body is the download from the same registry) runs its nested requests in
   * that place: waiting for a second place could wait forever once the window is down to one.
   */
  async run<T>(task: () => Promise<T>): Promise<T> {
    if (holding.getStore()?.has(this)) return task();
    await this.#acquire();
    try {
      return await holding.run(new Set([...(holding.getStore() ?? []), this]), task);
    } finally {
      this.#active--;
      this.#release();
    }
  }

  feedback({ status, latencyMs, transfer, retryAfterMs }: Feedback): void {
    const now = Date.now();
    if (status === 429 || status === 503 || status === 0) {
      if (retryAfterMs !== undefined && now + retryAfterMs > this.#heldUntil) {
        this.#heldUntil = now + retryAfterMs;
        // Whoever queued meanwhile goes on when the hold ends, even if no answer comes to wake them.
        setTimeout(() => this.#release(), retryAfterMs + 1).unref();
      }
      this.#cut(now);
      return;
    }
    if (transfer || status >= 500) return;
    this.#fastest = Math.min(this.#fastest, latencyMs);
    const average = (this.#average = this.#average === undefined ? latencyMs : this.#average * (1 - SMOOTHING) + latencyMs * SMOOTHING);
    if (average > this.#fastest * INFLATION && average - this.#fastest > INFLATION_FLOOR_MS) {
      this.#ease(now, average);
      return;
    }
    // Grow only when the window was full (requests were waiting) and answers stay near the fastest.
    if (this.#waiting.length === 0 || average > this.#fastest * FLAT + 10) return;
    if (this.#limit < this.#threshold) this.#limit = Math.min(this.#max, this.#limit + 1);
    else if (++this.#grown >= this.#limit) {
      this.#grown = 0;
      this.#limit = Math.min(this.#max, this.#limit + 1);
    }
    this.#release();
  }

  /** A quarter less, at most once per two average answers: a queue drains slowly, and the average with it. */
  #ease(now: number, average: number): void {
    if (now - this.#lastEase < Math.max(2 * average, 100)) return;
    this.#lastEase = now;
    this.#threshold = Math.max(1, Math.floor(this.#limit * 0.75));
    this.#limit = this.#threshold;
    this.#grown = 0;
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

  /** A place, in order of asking: a request that asked first is let through first. */
  async #acquire(): Promise<void> {
    for (let hold = this.#heldUntil - Date.now(); hold > 0; hold = this.#heldUntil - Date.now()) await sleep(hold, this.#signal);
    if (this.#waiting.length === 0 && this.#active < this.#limit) {
      this.#active++;
      return;
    }
    // The place is handed over by #release, already counted.
    await new Promise<void>((resolve) => this.#waiting.push(resolve));
  }

  /** Hands the free places to the first waiters, unless a Retry-After holds them. */
  #release(): void {
    if (Date.now() < this.#heldUntil) return;
    while (this.#waiting.length > 0 && this.#active < this.#limit) {
      this.#active++;
      this.#waiting.shift()!();
    }
  }
}

/** The windows whose place the running task holds (see `run`). */
const holding = new AsyncLocalStorage<ReadonlySet<AdaptiveLimiter>>();

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
