import { credentialFor, type CredentialsMap, type RegistryCredential } from '../config/inputs/credentials.js';
import { ConfigError, ConfigErrors } from '../config/errors.js';
import type { ImageSpec } from '../config/images/list.js';
import type { UploadInputs } from '../config/readers/upload.js';
import type { IntermediateRegistry } from '../config/inputs/promotion.js';
import type { BuildInputs } from '../config/readers/build.js';
import type { BuildSpec } from '../engines/build-spec.js';
import { createEngine, type ContainerEngine } from '../engines/engine.js';
import type { PushSpec } from '../engines/push-args.js';
import { isPlainHttp, isValidTag, refName } from '../registry/reference.js';
import type { CommandContext } from './types.js';

export type UploadMode = 'gate' | 'release' | 'intermediate';

/** Where one image goes, and under which tags. */
export interface PushTarget {
  readonly image: ImageSpec;
  readonly registry: string;
  /** Repository path inside `registry`. */
  readonly repository: string;
  readonly tags: readonly string[];
  /** The final tag each pushed tag stands for (the same one in release mode). */
  readonly finalTags: readonly string[];
  readonly credential?: RegistryCredential;
}

export function uploadMode(inputs: Pick<UploadInputs, 'promote' | 'promoteMethod'>): UploadMode {
  if (!inputs.promote) return 'release';
  return inputs.promoteMethod === 'intermediate-registry' ? 'intermediate' : 'gate';
}

/**
 * Where a platform job pushes its image for the merge job to find: a temporary tag of the
 * image's first tag and the platform, `change_42_latest__linux-arm64`, in every mode.
 */
export function platformTag(prefix: string, image: ImageSpec, platform: string): string {
  return `${prefix}_${image.tags[0]}__${platform.replace(/\//g, '-')}`;
}

/** `<intermediate>[/<namespace>]/<repository path>`: the name promote looks up again. */
export function intermediateRepository(intermediate: IntermediateRegistry, image: ImageSpec): string {
  return intermediate.namespace ? `${intermediate.namespace}/${image.reference.repository}` : image.reference.repository;
}

/**
 * Every push target, with its credentials checked before any build or network call: a given map
 * lacking the registry, or whose pattern does not fully match the repository, stops the run.
 */
export function planUploads(
  images: readonly ImageSpec[],
  mode: UploadMode,
  prefix: string,
  where: { intermediate?: IntermediateRegistry; credentials: CredentialsMap; platform?: string },
): PushTarget[] {
  const { intermediate, credentials, platform } = where;
  const problems: string[] = [];
  const targets: PushTarget[] = [];
  // Several entries may share a repository; two pushing one tag would race (an intermediate
  // namespace can also fold two registries' repositories into one name).
  const pushedBy = new Map<string, number>();
  for (const image of images) {
    const registry = mode === 'intermediate' ? intermediate!.registry : image.reference.registry;
    const repository = mode === 'intermediate' ? intermediateRepository(intermediate!, image) : image.reference.repository;
    const tags = platform
      ? [platformTag(prefix, image, platform)]
      : mode === 'release'
        ? image.tags
        : image.tags.map((tag) => `${prefix}_${tag}`);
    for (const tag of tags) {
      if (!isValidTag(tag)) problems.push(`images[${image.index}].tags: "${tag}" is not a valid tag (128 characters at most)`);
      const ref = refName({ registry, repository }, tag);
      const other = pushedBy.get(ref);
      if (other !== undefined && other !== image.index) problems.push(`images[${image.index}]: ${ref} is also pushed by images[${other}]`);
      pushedBy.set(ref, image.index);
    }
    try {
      targets.push({
        image,
        registry,
        repository,
        tags,
        finalTags: image.tags,
        credential: credentialFor(credentials, registry, refName({ registry, repository })),
      });
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      problems.push(error.message);
    }
  }
  if (problems.length > 0) throw new ConfigErrors(problems);
  return targets;
}

/** The engine that pushes a run's images: the runner's environment and build-extra-env (no registries.conf: pushes say --tls-verify). */
export function pushEngine(context: Pick<CommandContext, 'env' | 'logger' | 'exec'>, inputs: BuildInputs): ContainerEngine {
  return createEngine(inputs.engine, { env: context.env, setEnv: inputs.extraEnv, logger: context.logger, exec: context.exec });
}

/**
 * The engine push of one target: its first tag, from the local image the build tagged first (the
 * other tags go through the registry API). `build`: how the image was built, for an engine that
 * pushes a multi-platform image by building it again.
 */
export function enginePushSpec(
  target: PushTarget,
  localSource: string,
  where: { insecureRegistries: readonly string[]; digestFile: string; authFile?: string; certDir?: string },
  build: BuildSpec,
): PushSpec {
  return {
    source: localSource,
    destination: refName(target, target.tags[0]),
    multiPlatform: target.image.platforms.length > 0,
    insecure: isPlainHttp(target.registry, where.insecureRegistries),
    digestFile: where.digestFile,
    authFile: where.authFile,
    certDir: where.certDir,
    build,
  };
}
