import type { ProxiedRepository } from './repositories.js';

/** A login the speculative registry sends to a registry holding the change's images. */
export interface ProxyLogin {
  readonly username?: string;
  readonly password?: string;
  readonly refreshToken?: string;
}

/**
 * What `use` hands the speculative registry's process, on its standard input only: the logins
 * must not reach its argv, its environment or a file.
 */
export interface ProxyConfig {
  readonly repositories: readonly ProxiedRepository[];
  readonly logins: readonly (readonly [string, ProxyLogin])[];
  readonly insecureRegistries: readonly string[];
  readonly ca?: string;
  /** It stops on its own after this long: the longest a hosted job runs. */
  readonly lifetimeMs: number;
}

/** The argument that makes the bundle serve instead of running a command. */
export const SERVE_ARGUMENT = '--serve-speculative-registry';

/** What the process prints on its standard output once it listens, and nothing else. */
export const READY_PREFIX = 'listening on ';
