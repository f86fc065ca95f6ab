import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { EngineInputs } from '../config/engine-inputs.js';
import { ConfigError } from '../config/errors.js';
import { loopbackRegistriesIn, registriesConfFor, userRegistriesConf } from '../engines/registries-conf.js';
import type { Logger } from '../logger.js';
import { cacheWriteRefusal, trustedCodeReason } from '../platform/trust.js';
import type { ChangeInfo } from '../platform/change.js';
import { isLoopback } from '../registry/reference.js';
import type { ImageBuildPlan } from './build-plan.js';
import type { CommandContext } from './types.js';

/**
 * podman and buildah get a registries.conf layered over the user's own, marking insecure exactly
 * the loopback registries the build names (container files, build arguments, images) and those of
 * insecure-registries. (docs/runners.md, "Plain-HTTP registries and the engines")
 */
export async function registriesConfEnv(
  env: NodeJS.ProcessEnv,
  inputs: EngineInputs,
  plans: readonly ImageBuildPlan[],
  scratchDir: string,
  logger: Logger,
): Promise<NodeJS.ProcessEnv> {
  if (inputs.engine === 'docker') return env;
  const texts = plans.flatMap((plan) => [
    readIfThere(plan.spec.containerFile),
    ...plan.spec.buildArgs,
    `${plan.image.repository}/`,
    ...(plan.spec.cache ? [`${plan.spec.cache.repository}/`] : []),
  ]);
  const insecure = [...new Set([...loopbackRegistriesIn(texts), ...inputs.insecureRegistries])].sort();
  const conf = registriesConfFor(env, insecure);
  if (conf === undefined) return env;
  const path = join(scratchDir, 'registries.conf');
  await writeFile(path, conf, { mode: 0o600 });
  const base = userRegistriesConf(env);
  logger.info(`plain HTTP for ${insecure.join(', ')} (a registries.conf layered over ${base ?? 'no registries.conf'})`);
  return { ...env, CONTAINERS_REGISTRIES_CONF: path };
}

const readIfThere = (path: string) => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
};

/**
 * docker pulls and pushes through its daemon, which decides alone which registries may be plain
 * HTTP (loopback always may): a registry of insecure-registries the daemon does not list fails
 * here, saying where to list it, instead of deep inside a build.
 */
export async function checkDockerInsecure(context: CommandContext, insecure: readonly string[]): Promise<void> {
  const remote = insecure.filter((registry) => !isLoopback(registry));
  if (remote.length === 0) return;
  let listed: Record<string, { Secure?: boolean }> = {};
  try {
    const { stdout } = await context.exec('docker', ['info', '--format', '{{json .RegistryConfig.IndexConfigs}}'], { env: context.env });
    listed = JSON.parse(stdout || '{}') as typeof listed;
  } catch {
    // No daemon to ask: the build reports that itself.
    return;
  }
  const missing = remote.filter((registry) => listed[registry]?.Secure !== false);
  if (missing.length)
    throw new ConfigError(
      `insecure-registries: ${missing.join(', ')} must also be in dockerd's own insecure-registries (/etc/docker/daemon.json, then ` +
        'restart dockerd): docker pulls and pushes through its daemon, which refuses plain HTTP to any registry it does not list',
    );
}

/** One log line per run: the cache repositories, and why this event writes them or only reads them. */
export function describeBuildCache(plans: readonly ImageBuildPlan[], change: ChangeInfo, logger: Logger): void {
  const caches = [...new Set(plans.flatMap((plan) => (plan.spec.cache ? [plan.spec.cache.repository] : [])))];
  if (caches.length === 0) return;
  // What the plans will do, with the event's reason: the log says what runs, not a second decision.
  const write = plans.some((plan) => plan.spec.cache?.write);
  const why = write ? `(read and written): ${trustedCodeReason(change)}` : `(read only: ${cacheWriteRefusal(change) ?? 'not written'})`;
  logger.info(`build cache: ${caches.join(', ')} ${why}`);
}
