import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readCredentialFor, loginOf, type CredentialsMap } from '../config/inputs/credentials.js';
import { userRegistriesConf } from '../engines/registries-conf.js';
import type { Logger } from '../logger.js';
import { isLoopback, refName } from '../registry/reference.js';
import type { ProxyLogin } from '../speculative/config.js';
import { mirrorsConf } from '../speculative/mirrors-conf.js';
import { proxiedRepositories } from '../speculative/repositories.js';
import { startSpeculativeRegistry } from '../speculative/start.js';
import type { Resolution } from './use-resolve.js';

/** The longest a GitHub-hosted job runs: the speculative registry never outlives it by more. */
const LIFETIME_MS = 6 * 60 * 60 * 1000;

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
    const login = loginOf(readCredentialFor(access.credentials, source.registry, refName(source)));
    if (login && !logins.has(source.registry))
      logins.set(source.registry, { username: login.username, password: login.password, refreshToken: login.refreshToken });
  }
  const dir = join(env.RUNNER_TEMP || tmpdir(), 'container-image-actions');
  const proxy = await startSpeculativeRegistry(
    {
      repositories,
      logins: [...logins],
      insecureRegistries: [...access.insecureRegistries],
      ca: access.ca,
      lifetimeMs: LIFETIME_MS,
    },
    dir,
    process.argv[1],
  );
  const path = join(dir, 'registries.conf');
  const conf = mirrorsConf(baseConf(env, path, join(dir, 'registries.base.conf')), proxy.address, repositories, (registry) =>
    plainHttp(registry, access.insecureRegistries),
  );
  writeFileSync(path, conf.text, { mode: 0o600 });
  for (const prefix of conf.skipped)
    logger.warning(
      `podman, buildah, skopeo: ${prefix} is configured by the registries.conf in use (or that file is in the v1 format): ` +
        'only its local tag resolves, a pull from the registry gets the final image',
    );
  logger.info(
    `podman, buildah, skopeo: ${repositories.map((r) => r.prefix).join(', ')} resolve through the speculative registry on ${proxy.address} ` +
      `(pid ${proxy.pid}, log ${proxy.logFile}); CONTAINERS_REGISTRIES_CONF=${path} for the job's later steps`,
  );
  return { registriesConf: path, environment: { CONTAINERS_REGISTRIES_CONF: path } };
}

/** The file the job used before the first `use`: kept aside, so that a second `use` does not layer over the first. */
function baseConf(env: NodeJS.ProcessEnv, ours: string, saved: string): string {
  if (env.CONTAINERS_REGISTRIES_CONF === ours && existsSync(saved)) return readFileSync(saved, 'utf8');
  const path = userRegistriesConf(env);
  const text = path && path !== ours ? readFileSync(path, 'utf8') : '';
  writeFileSync(saved, text);
  return text;
}

function plainHttp(registry: string, insecure: readonly string[]): boolean {
  return isLoopback(registry) || insecure.includes(registry);
}
