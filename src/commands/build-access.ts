import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { loginOf } from '../config/inputs/credentials.js';
import type { BuildInputs } from '../config/readers/build.js';
import type { AuthEntry } from '../engines/auth-file.js';
import type { BuildSpec } from '../engines/build-spec.js';
import { engineCapabilities, type EngineCapabilities } from '../engines/capabilities.js';
import { createEngine, type ContainerEngine } from '../engines/engine.js';
import { ConfigError } from '../config/errors.js';
import { loopbackRegistriesIn, registriesConfFor, userRegistriesConf } from '../engines/registries-conf.js';
import type { Logger } from '../logger.js';
import { cacheWriteRefusal, trustedCodeReason } from '../platform/trust.js';
import type { ChangeInfo } from '../platform/change.js';
import { isLoopback, parseReference } from '../registry/reference.js';
import type { ImageBuildPlan } from './build-plan.js';
import type { CommandContext } from './types.js';

/** A file the run writes into its scratch directory (0600, in 0700 directories) before the first build. */
export interface EngineFile {
  readonly path: string;
  readonly text: string;
}

/** What the engine of a run gets besides the plans: variables of every call, files they point at, a CA directory. */
export interface EngineSetup {
  /** Variables every engine call gets on top of the runner's environment. */
  readonly setEnv: Readonly<Record<string, string>>;
  readonly files: readonly EngineFile[];
  /** ca-file as --cert-dir, for an engine that reads a private CA so. */
  readonly certDir?: string;
  /** What the log says about it. */
  readonly notes: readonly string[];
}

/**
 * The setup of a build run, decided once for the real run and for dry-run (which writes nothing):
 * build-extra-env, the registries.conf an engine that reads one gets, and the ca-file directory.
 */
export function planEngineSetup(
  capabilities: EngineCapabilities,
  env: NodeJS.ProcessEnv,
  inputs: BuildInputs,
  plans: readonly ImageBuildPlan[],
  scratchDir: string,
): EngineSetup {
  const conf = capabilities.registriesConf ? registriesConf({ ...env, ...inputs.extraEnv }, inputs, plans, scratchDir) : undefined;
  const ca = certDirPlan(capabilities, scratchDir, inputs.ca);
  return {
    setEnv: { ...inputs.extraEnv, ...(conf && { CONTAINERS_REGISTRIES_CONF: conf.file.path }) },
    files: [...(conf ? [conf.file] : []), ...ca.files],
    certDir: ca.certDir,
    notes: conf ? [conf.note] : [],
  };
}

/** ca-file as podman and buildah read private CAs: `*.crt` files in a directory (--cert-dir). */
export function certDirPlan(capabilities: EngineCapabilities, scratchDir: string, ca: string | undefined) {
  if (!ca || !capabilities.certDir) return { files: [] };
  const certDir = join(scratchDir, 'certs');
  return { certDir, files: [{ path: join(certDir, 'ca.crt'), text: ca }] };
}

export async function writeEngineFiles(files: readonly EngineFile[]): Promise<void> {
  for (const file of files) {
    await mkdir(dirname(file.path), { recursive: true, mode: 0o700 });
    await writeFile(file.path, file.text, { mode: 0o600 });
  }
}

/**
 * podman and buildah get a registries.conf layered over the user's own, marking insecure exactly
 * the loopback registries the build names (container files, build arguments, images) and those of
 * insecure-registries. (docs/runners.md, "Plain-HTTP registries and the engines")
 */
function registriesConf(env: NodeJS.ProcessEnv, inputs: BuildInputs, plans: readonly ImageBuildPlan[], scratchDir: string) {
  const texts = plans.flatMap((plan) => [
    readIfThere(plan.spec.containerFile),
    ...plan.spec.buildArgs,
    `${plan.image.repository}/`,
    ...(plan.spec.cache ? [`${plan.spec.cache.repository}/`] : []),
  ]);
  const insecure = [...new Set([...loopbackRegistriesIn(texts), ...inputs.insecureRegistries])].sort();
  const text = registriesConfFor(env, insecure);
  if (text === undefined) return undefined;
  const base = userRegistriesConf(env);
  return {
    file: { path: join(scratchDir, 'registries.conf'), text },
    note: `plain HTTP for ${insecure.join(', ')} (a registries.conf layered over ${base ?? 'no registries.conf'})`,
  };
}

/** The engine of a build run and its setup: the same for the real run and for dry-run. */
export function buildEngine(
  context: Pick<CommandContext, 'env' | 'logger' | 'exec'>,
  inputs: BuildInputs,
  plans: readonly ImageBuildPlan[],
  scratchDir: string,
): { engine: ContainerEngine; setup: EngineSetup } {
  const setup = planEngineSetup(engineCapabilities(inputs.engine), context.env, inputs, plans, scratchDir);
  const engine = createEngine(inputs.engine, { env: context.env, setEnv: setup.setEnv, logger: context.logger, exec: context.exec });
  return { engine, setup };
}

/** An image's build spec with the run's cache logins and ca-file directory. */
export function withAccess(spec: BuildSpec, authFile: string | undefined, certDir: string | undefined): BuildSpec {
  return { ...spec, ...(authFile && { authFile }), ...(certDir && { certDir }) };
}

/** Logins for the cache repositories' registries, from registry-credentials (read and write need them alike). */
export function cacheLogins(inputs: BuildInputs, plans: readonly ImageBuildPlan[]): AuthEntry[] {
  const registries = new Set(plans.flatMap((plan) => (plan.spec.cache ? [parseReference(plan.spec.cache.repository).registry] : [])));
  return [...registries].flatMap((registry) => {
    const login = loginOf(inputs.credentials.get(registry));
    return login?.username && login.password !== undefined ? [{ registry, username: login.username, password: login.password }] : [];
  });
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
