import { ENGINE_NAMES, type EngineName } from '../../engines/build-spec.js';
import { parseCredentials, type CredentialsMap } from '../inputs/credentials.js';
import { parseBoolean } from '../inputs/booleans.js';
import { parseAttestations } from '../inputs/attestations.js';
import { ConfigError, ConfigErrors } from '../errors.js';
import { isPlatform } from '../images/schema.js';
import type { ImageListSource, ImageSpec } from '../images/list.js';
import { Input, type InputReader } from '../inputs/table.js';
import { readWorkDir } from '../inputs/work-dir.js';
import { type InputReport } from '../inputs/report.js';
import { readImages } from '../images/read.js';
import { resolveInside } from '../paths.js';
import { show } from '../schema-errors.js';
import { parseYamlInput } from '../yaml.js';
import { parseChangeInput } from '../inputs/change.js';
import { readCaFile, readInsecureRegistries } from '../inputs/transport.js';
import { parseReference, ReferenceError, refName } from '../../registry/reference.js';

/** The build command's inputs; upload reads these too, as it builds before it pushes. */
export interface BuildInputs {
  readonly workDir: string;
  readonly images: readonly ImageSpec[];
  readonly engine: EngineName;
  readonly containerFilename?: string;
  readonly extraEnv: Readonly<Record<string, string>>;
  readonly credentials: CredentialsMap;
  readonly change?: number;
  /** Validate and print the plan, run nothing. */
  readonly dryRun: boolean;
  /** Registries reached over plain HTTP besides loopback ones (engine pulls included). */
  readonly insecureRegistries: readonly string[];
  /** A private CA (PEM) the engines trust too, from ca-file. */
  readonly ca?: string;
  /** One platform of a split build: only the images whose arch lists it, built for it alone. */
  readonly platform?: string;
  /** A registry build cache; `repository` overrides each image's `<repository>-cache`. */
  readonly cache: { readonly enabled: boolean; readonly repository?: string };
  /** buildx flags for BuildKit's attestations (attestations input); undefined: buildx's default. */
  readonly attestations?: readonly string[];
}

export function readBuildInputs(
  read: InputReader,
  env: NodeJS.ProcessEnv,
  report: InputReport,
  expect: ImageListSource['expect'] = {},
): BuildInputs {
  const credentials = parseCredentials(read(Input.RegistryCredentials), report.secret);
  const workDir = readWorkDir(read, env);
  const engine = read(Input.ContainerCommand) || 'docker';
  if (!(ENGINE_NAMES as readonly string[]).includes(engine)) {
    throw new ConfigError(`container-command: "${engine}" is not supported; one of ${ENGINE_NAMES.join(', ')}`);
  }
  const containerFilename = read(Input.ContainerFilename) || undefined;
  const platform = readPlatform(read);
  if (containerFilename !== undefined) resolveInside(workDir, workDir, containerFilename, 'container-filename', false);
  const images = forPlatform(
    platform,
    readImages(
      read,
      workDir,
      {
        container_command: { input: Input.ContainerCommand, value: engine },
        container_filename: { input: Input.ContainerFilename, value: containerFilename ?? '' },
        docker_dockerfile: { input: Input.ContainerFilename, value: containerFilename ?? '' },
        ...expect,
      },
      report,
    ),
  );
  return {
    workDir,
    images,
    engine: engine as EngineName,
    containerFilename,
    extraEnv: parseExtraEnv(read(Input.BuildExtraEnv)),
    credentials,
    change: parseChangeInput(read(Input.Change)),
    dryRun: parseBoolean(read(Input.DryRun), Input.DryRun, false),
    insecureRegistries: readInsecureRegistries(read),
    cache: readCache(read),
    platform,
    ca: readCaFile(read, workDir),
    attestations: parseAttestations(read(Input.Attestations), engine as EngineName, images, platform),
  };
}

/**
 * A platform job builds the images whose arch lists its platform, each as a single-platform
 * image; the merge job checks the others were never expected. An image without arch cannot be
 * split: which jobs should build it?
 */
function forPlatform(platform: string | undefined, images: ImageSpec[]): ImageSpec[] {
  if (platform === undefined) return images;
  const unsplit = images.filter((image) => image.platforms.length === 0);
  if (unsplit.length)
    throw new ConfigErrors(
      unsplit.map((image) => `images[${image.index}].arch: required with platform: ${platform} (the platforms the merge expects)`),
    );
  const mine = images.filter((image) => image.platforms.includes(platform)).map((image) => ({ ...image, platforms: [] }));
  if (mine.length === 0) throw new ConfigError(`${Input.Platform}: no image of the list has ${platform} in its arch`);
  return mine;
}

function readPlatform(read: InputReader): string | undefined {
  const platform = read(Input.Platform) || undefined;
  if (platform !== undefined && !isPlatform(platform))
    throw new ConfigError(`${Input.Platform}: "${platform}" is not a platform: expected os/arch[/variant], e.g. linux/arm64`);
  return platform;
}

function readCache(read: InputReader): BuildInputs['cache'] {
  const enabled = parseBoolean(read(Input.Cache), Input.Cache, false);
  const repository = read(Input.CacheRepository) || undefined;
  if (repository === undefined) return { enabled };
  if (!enabled) throw new ConfigError(`${Input.CacheRepository}: only goes with cache: true`);
  let ref;
  try {
    ref = parseReference(repository);
  } catch (error) {
    if (error instanceof ReferenceError) throw new ConfigError(`${Input.CacheRepository}: ${error.message}`);
    throw error;
  }
  if (ref.tag || ref.digest)
    throw new ConfigError(`${Input.CacheRepository}: "${repository}" must name a repository, without a tag or digest`);
  return { enabled, repository: refName(ref) };
}

function parseExtraEnv(text: string): Record<string, string> {
  if (!text.trim()) return {};
  const raw = parseYamlInput(text, 'build-extra-env');
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new ConfigError(`build-extra-env: expected a mapping of NAME: value, got ${show(raw)}`);
  }
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new ConfigError(`build-extra-env: "${name}" is not an environment variable name`);
    if (value !== null && typeof value === 'object')
      throw new ConfigError(`build-extra-env.${name}: expected a plain value, got ${show(value)}`);
    env[name] = value === null ? '' : String(value);
  }
  return env;
}
