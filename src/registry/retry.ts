import { silentLogger, type Logger } from '../logger.js';
import { RegistryError } from './errors.js';
import { isNetworkError } from './transport.js';

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  readonly attempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** Once aborted, no further attempt starts and a wait in between ends at once. */
  readonly signal?: AbortSignal;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 5, baseDelayMs: 250, maxDelayMs: 8_000 };

export function isRetryable(error: unknown): boolean {
  return (
    (error instanceof RegistryError && error.temporary) || isNetworkError(error) || (error as { retryable?: boolean }).retryable === true
  );
}

/** Exponential backoff with full jitter, or the server's Retry-After when it gave one. */
export function backoffDelay(policy: RetryPolicy, attempt: number, error: unknown, random = Math.random): number {
  const retryAfter = (error as { retryAfterMs?: number }).retryAfterMs;
  if (retryAfter !== undefined) return retryAfter;
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/**
 * Runs an idempotent step again on network errors, 429 and 5xx. Each attempt starts over
 * (an interrupted upload opens a new session), so a retry never continues a half-sent body.
 */
export async function withRetry<T>(
  what: string,
  step: (attempt: number) => Promise<T>,
  policy: RetryPolicy = DEFAULT_RETRY,
  logger: Logger = silentLogger,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    policy.signal?.throwIfAborted();
    try {
      return await step(attempt);
    } catch (error) {
      if (policy.signal?.aborted) throw policy.signal.reason;
      if (attempt >= policy.attempts || !isRetryable(error)) throw error;
      const delay = backoffDelay(policy, attempt, error);
      logger.info(`${what}: ${(error as Error).message}; retrying in ${delay} ms (attempt ${attempt + 1} of ${policy.attempts})`);
      await sleep(delay, policy.signal);
    }
  }
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
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
