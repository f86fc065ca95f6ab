/**
 * The logging seam: library code (config, registry, engines, commands) logs through this
 * interface and never imports `@actions/core`, so it runs unchanged outside a runner.
 */
export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warning(message: string): void;
  error(message: string): void;
  /** Runs `fn` inside a collapsible log group. */
  group<T>(title: string, fn: () => Promise<T>): Promise<T>;
  /** Registers a secret so that every later log line hides it. */
  mask(secret: string): void;
}

/** A logger that drops everything; for library callers that do not care. */
export const silentLogger: Logger = {
  debug() {},
  info() {},
  warning() {},
  error() {},
  group: (_title, fn) => fn(),
  mask() {},
};
