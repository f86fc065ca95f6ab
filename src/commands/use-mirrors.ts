import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { readCredentialFor, loginOf, type CredentialsMap } from '../config/inputs/credentials.js';
import { userRegistriesConfText } from '../engines/registries-conf.js';
import type { Logger } from '../logger.js';
import { isPlainHttp } from '../registry/reference.js';
import type { ProxyLogin } from '../speculative/config.js';
import { mirrorsConf } from '../speculative/mirrors-conf.js';
import { proxiedRepositories } from '../speculative/repositories.js';
import { startSpeculativeRegistry } from '../speculative/start.js';
import type { Resolution } from './use-resolve.js';

/** The longest a GitHub-hosted job runs: the speculative registry never outlives it by more. */
const LIFETIME_MS = 6 * 60 * 60 * 1000;
const CONF = 'registries.conf';
/** The file the job used before its first `use`, kept beside ours: a later `use` layers over it, not over ours. */
const BASE_CONF = 'registries.base.conf';

export interface MirrorsAccess {
  readonly credentials: CredentialsMap;
  readonly insecureRegistries: readonly string[];
  readonly ca?: string;
}

/**
 * podman, buildah and skopeo of the job's later steps: a speculative registry on loopback and a
 * registries.conf that makes it the mirror of each final repository, handed on by
 * CONTAINERS_REGISTRIES_CONF. Covers what a local tag cannot: a pull that goes to the registry
 * anyway (podman build --platform, --pull=always, skopeo). Returns the variables to export.
 */
export async function serveMirrors(
  env: NodeJS.ProcessEnv,
  logger: Logger,
  resolutions: readonly Resolution[],
  access: MirrorsAccess,
): Promise<{ registriesConf: string; environment: Record<string, string> }> {
  const repositories = proxiedRepositories(resolutions, randomBytes(16).toString('hex'));
  const logins = new Map<string, ProxyLogin>();
  for (const source of repositories.flatMap((r) => r.sources)) {
    const login = loginOf(readCredentialFor(access.credentials, source.registry));
    if (login && !logins.has(source.registry))
      logins.set(source.registry, { username: login.username, password: login.password, refreshToken: login.refreshToken });
  }
  const earlier = earlierUse(env);
  // The runner's temporary directory is the job's own; elsewhere a fresh private one, never a fixed name in a shared /tmp.
  const dir = env.RUNNER_TEMP ? join(env.RUNNER_TEMP, 'container-image-actions') : mkdtempSync(join(tmpdir(), 'cia-use-'));
  const proxy = await startSpeculativeRegistry(
    { repositories, logins: [...logins], insecureRegistries: [...access.insecureRegistries], ca: access.ca, lifetimeMs: LIFETIME_MS },
    dir,
    process.argv[1],
    earlier ? [earlier] : [],
  );
  const base = earlier ? readFileSync(join(earlier, BASE_CONF), 'utf8') : userRegistriesConfText(env);
  writePrivate(join(dir, BASE_CONF), base);
  const conf = mirrorsConf(base, proxy.address, repositories, (registry) => isPlainHttp(registry, access.insecureRegistries));
  const path = join(dir, CONF);
  writePrivate(path, conf.text);
  for (const { prefix, why } of conf.skipped)
    logger.warning(`podman, buildah, skopeo: ${prefix} gets no mirror (${why}): only its local tag resolves, a pull gets the final image`);
  logger.info(
    `podman, buildah, skopeo: ${repositories.map((r) => r.prefix).join(', ')} resolve through the speculative registry on ${proxy.address} ` +
      `(pid ${proxy.pid}, log ${proxy.logFile}); CONTAINERS_REGISTRIES_CONF=${path} for the job's later steps`,
  );
  return { registriesConf: path, environment: { CONTAINERS_REGISTRIES_CONF: path } };
}

/** The directory of an earlier `use` of this job, when the registries.conf in force is one it wrote (and this user owns). */
function earlierUse(env: NodeJS.ProcessEnv): string | undefined {
  const conf = env.CONTAINERS_REGISTRIES_CONF;
  if (!conf || !conf.endsWith(`/${CONF}`)) return undefined;
  const dir = dirname(conf);
  const base = join(dir, BASE_CONF);
  if (!existsSync(base)) return undefined;
  const owner = statSync(dir).uid;
  return process.getuid === undefined || owner === process.getuid() ? dir : undefined;
}

/** 0600 whether the file is new or not (writeFileSync's mode applies only to a file it creates). */
function writePrivate(path: string, text: string): void {
  writeFileSync(path, text, { mode: 0o600 });
  chmodSync(path, 0o600);
}
