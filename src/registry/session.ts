import { setMaxListeners } from 'node:events';
import { silentLogger, type Logger } from '../logger.js';
import { CredentialStore, type CredentialStoreOptions } from './auth/credentials.js';
import { RegistryClient } from './client.js';
import { AdaptiveLimiter } from './adaptive-limiter.js';
import { SingleFlight } from './limiter.js';
import { RateLimits } from './rate-limit.js';
import { DEFAULT_RETRY, type RetryPolicy } from './retry.js';
import { Transport, type TransportOptions } from './transport.js';

export interface RegistrySessionOptions {
  readonly transport?: TransportOptions;
  readonly credentials?: CredentialStoreOptions;
  readonly logger?: Logger;
  /**
   * The most requests in flight per registry, shared by every image of the run (the user's
   * `max-concurrency`); below it the window adapts (adaptive-limiter.ts), starting at
   * `initialInFlight`.
   */
  readonly maxInFlight?: number;
  readonly initialInFlight?: number;
  readonly retry?: RetryPolicy;
  /** Registries whose token servers refuse the `delete` action name (Quay): ask for `*`. */
  readonly wildcardDeleteRegistries?: readonly string[];
}

/**
 * What one run shares across images: connections, tokens, per-registry concurrency, in-flight
 * blob uploads (two images sharing a layer upload it once) and where each blob was written
 * (so the next repository of the same registry mounts it instead).
 */
/** The default cap of requests in flight per registry, and where the adaptive window starts. */
export const DEFAULT_MAX_IN_FLIGHT = 64;
export const DEFAULT_INITIAL_IN_FLIGHT = 8;

export class RegistrySession {
  readonly transport: Transport;
  readonly credentials: CredentialStore;
  readonly logger: Logger;
  readonly retry: RetryPolicy;
  readonly uploads = new SingleFlight<void>();
  /** What each registry said is left of its pull quota. */
  readonly rateLimits = new RateLimits();
  readonly #clients = new Map<string, RegistryClient>();
  readonly #limiters = new Map<string, AdaptiveLimiter>();
  readonly #written = new Map<string, Map<string, Set<string>>>();
  readonly #maxInFlight: number;
  readonly #initialInFlight: number;
  readonly #wildcard: Set<string>;
  readonly #abort = new AbortController();

  constructor(options: RegistrySessionOptions = {}) {
    this.logger = options.logger ?? silentLogger;
    this.transport = new Transport({ ...options.transport, signal: this.#abort.signal });
    this.credentials = new CredentialStore({ onSecret: (s) => this.logger.mask(s), ...options.credentials });
    this.retry = { ...(options.retry ?? DEFAULT_RETRY), signal: this.#abort.signal };
    this.#maxInFlight = options.maxInFlight ?? DEFAULT_MAX_IN_FLIGHT;
    this.#initialInFlight = Math.min(options.initialInFlight ?? DEFAULT_INITIAL_IN_FLIGHT, this.#maxInFlight);
    // Every request in flight listens on the run's signal: dozens per registry are expected, not a leak.
    setMaxListeners(0, this.#abort.signal);
    this.#wildcard = new Set(options.wildcardDeleteRegistries ?? []);
  }

  /** Set once the run was cancelled: nothing more is sent, waits end, in-flight requests are cut. */
  get signal(): AbortSignal {
    return this.#abort.signal;
  }

  /** Cancels every request of this session, in flight or to come. */
  abort(reason: unknown): void {
    if (!this.#abort.signal.aborted) this.#abort.abort(reason);
  }

  /**
   * Runs `task` for every item side by side. The first failure cancels the session and the
   * others with it, and is thrown only once every task has settled: nothing keeps working
   * (or deleting) behind a reported error.
   */
  async all<T, R>(items: readonly T[], task: (item: T, index: number) => Promise<R>): Promise<R[]> {
    let first: { error: unknown } | undefined;
    const settled = await Promise.allSettled(
      items.map(async (item, i) => {
        try {
          return await task(item, i);
        } catch (error) {
          if (!first) {
            first = { error };
            this.abort(error);
          }
          throw error;
        }
      }),
    );
    if (first) throw first.error;
    return settled.map((s) => (s as PromiseFulfilledResult<R>).value);
  }

  client(registry: string): RegistryClient {
    let client = this.#clients.get(registry);
    if (!client) {
      client = new RegistryClient(registry, {
        transport: this.transport,
        credentials: this.credentials,
        logger: this.logger,
        deleteAction: this.#wildcard.has(registry) ? '*' : 'delete',
        retry: this.retry,
        limiter: this.limiter(registry),
        rateLimits: this.rateLimits,
      });
      this.#clients.set(registry, client);
    }
    return client;
  }

  limiter(registry: string): AdaptiveLimiter {
    let limiter = this.#limiters.get(registry);
    if (!limiter) {
      limiter = new AdaptiveLimiter({ initial: this.#initialInFlight, max: this.#maxInFlight, signal: this.#abort.signal });
      this.#limiters.set(registry, limiter);
    }
    return limiter;
  }

  /** A repository of `registry` known to hold `digest` since this run wrote or saw it there. */
  holderOf(registry: string, digest: string): string | undefined {
    const holders = this.#written.get(registry)?.get(digest);
    return holders ? holders.values().next().value : undefined;
  }

  hasBlob(registry: string, digest: string, repository: string): boolean {
    return this.#written.get(registry)?.get(digest)?.has(repository) ?? false;
  }

  recordBlob(registry: string, digest: string, repository: string): void {
    let blobs = this.#written.get(registry);
    if (!blobs) {
      blobs = new Map();
      this.#written.set(registry, blobs);
    }
    let holders = blobs.get(digest);
    if (!holders) {
      holders = new Set();
      blobs.set(digest, holders);
    }
    holders.add(repository);
  }

  close(): void {
    this.transport.close();
  }
}
