import { CACHE_TAG, type BuildSpec, type EngineName } from './build-spec.js';

/** Flags every engine spells the same way (docker, buildx, podman and buildah agree on these). */
export function commonFlags(spec: BuildSpec): string[] {
  const args = ['--file', spec.containerFile];
  if (spec.target) args.push('--target', spec.target);
  for (const arg of spec.buildArgs) args.push('--build-arg', arg);
  for (const label of spec.labels) args.push('--label', label);
  return args;
}

const tagFlags = (tags: readonly string[]) => tags.flatMap((tag) => ['--tag', tag]);

/** BuildKit takes SOURCE_DATE_EPOCH as a build argument (image and history times), unless the list gives one. */
export function buildxEpoch(spec: BuildSpec): string[] {
  if (spec.sourceDateEpoch === undefined || spec.buildArgs.some((arg) => arg.startsWith('SOURCE_DATE_EPOCH='))) return [];
  return ['--build-arg', `SOURCE_DATE_EPOCH=${spec.sourceDateEpoch}`];
}

/** podman and buildah: --timestamp sets the image's time and every file's in its layers. */
const ociEpoch = (spec: BuildSpec): string[] => (spec.sourceDateEpoch === undefined ? [] : ['--timestamp', String(spec.sourceDateEpoch)]);

/** `docker build` with the classic builder or BuildKit, one platform; a cache image it pulled is a --cache-from source. */
export function dockerBuildArgs(spec: BuildSpec): string[] {
  const cache = spec.cache ? ['--cache-from', `${spec.cache.repository}:${CACHE_TAG}`] : [];
  const platform = spec.platform ? ['--platform', spec.platform] : [];
  return ['build', ...commonFlags(spec), ...cache, ...platform, '--iidfile', spec.iidFile, ...tagFlags(spec.tags), spec.buildPath];
}

/** buildx's registry cache: read always, written (every stage: mode=max) on trusted events. */
function buildxCacheFlags(spec: BuildSpec): string[] {
  if (!spec.cache) return [];
  const ref = `type=registry,ref=${spec.cache.repository}:${CACHE_TAG}`;
  return ['--cache-from', ref, ...(spec.cache.write ? ['--cache-to', `${ref},mode=max`] : [])];
}

/** podman and buildah: layers cached, looked up in (and on trusted events pushed to) the cache repository. */
function ociCacheFlags(spec: BuildSpec): string[] {
  const auth = [...(spec.authFile ? ['--authfile', spec.authFile] : []), ...(spec.certDir ? ['--cert-dir', spec.certDir] : [])];
  if (!spec.cache) return auth;
  const { repository, write } = spec.cache;
  return [...auth, '--layers', '--cache-from', repository, ...(write ? ['--cache-to', repository] : [])];
}

/**
 * Where buildx puts its result, with the attestations asked for: made as OCI artifacts with a
 * subject, so registries and the mirror see them as the images' referrers.
 */
export function buildxOutput(spec: BuildSpec, push: boolean): string[] {
  if (push && !spec.attestations) return ['--push'];
  const output = `type=image,push=${push}${spec.attestations ? ',oci-artifact=true' : ''}`;
  return [...(spec.attestations ?? []), '--output', output];
}

/**
 * `docker buildx build` for several platforms. A multi-platform result cannot be loaded into
 * docker's classic image store: it is made as an image that is not pushed (the push runs the
 * cached build again with --push), which gives --iidfile the index digest.
 */
export function buildxBuildArgs(spec: BuildSpec): string[] {
  return [
    'buildx',
    'build',
    '--platform',
    spec.platforms.join(','),
    ...commonFlags(spec),
    ...buildxEpoch(spec),
    ...buildxCacheFlags(spec),
    ...buildxOutput(spec, false),
    '--iidfile',
    spec.iidFile,
    ...tagFlags(spec.tags),
    spec.buildPath,
  ];
}

/** `docker buildx build --load`: one platform on a builder outside the daemon, loaded into docker's store to be tagged and pushed. */
export function buildxLoadArgs(spec: BuildSpec): string[] {
  const platform = spec.platform ? ['--platform', spec.platform] : [];
  return [
    'buildx',
    'build',
    ...commonFlags(spec),
    ...buildxEpoch(spec),
    ...buildxCacheFlags(spec),
    ...platform,
    '--load',
    '--iidfile',
    spec.iidFile,
    ...tagFlags(spec.tags),
    spec.buildPath,
  ];
}

/**
 * `podman build` / `buildah build`. Several platforms go into one local manifest list named by
 * the first tag (the engine builds each platform, with qemu for foreign RUN steps); the other
 * tags are added afterwards with `tag`.
 */
export function ociBuildArgs(spec: BuildSpec, hostPlatform?: string): string[] {
  const args = ['build', ...commonFlags(spec), ...ociEpoch(spec), ...ociCacheFlags(spec)];
  if (spec.platforms.length > 0) {
    // --iidfile is refused with several platforms: the list's id is read back afterwards.
    args.push('--platform', spec.platforms.join(','), '--manifest', spec.tags[0]);
  } else {
    // A multi-platform build leaves the base image's local name on its last platform; naming
    // the host's makes podman fetch the right one instead of silently building for arm64.
    if (hostPlatform) args.push('--platform', hostPlatform);
    args.push('--iidfile', spec.iidFile, ...tagFlags(spec.tags));
  }
  args.push(spec.buildPath);
  return args;
}

/**
 * The engine commands a build runs, in order (argv without the binary): what the engines run and
 * what dry-run prints. `hostPlatform` pins podman's and buildah's single-platform builds;
 * `buildxLoad`: docker's current buildx builder is not the daemon's own.
 */
export function buildCommands(
  engine: EngineName,
  spec: BuildSpec,
  hostPlatform: string,
  options: { buildxLoad?: boolean } = {},
): string[][] {
  if (engine === 'docker') {
    if (spec.platforms.length > 0) return [buildxBuildArgs(spec)];
    return [options.buildxLoad ? buildxLoadArgs(spec) : dockerBuildArgs(spec)];
  }
  if (spec.platforms.length === 0) return [ociBuildArgs(spec, spec.platform ?? hostPlatform)];
  return [ociBuildArgs(spec), ...spec.tags.slice(1).map((tag) => ['tag', spec.tags[0], tag])];
}

/**
 * docker's classic builder (or buildx's docker driver) reads its cache from a local image: pulled
 * before the build (a miss is no failure), tagged and pushed after it on trusted events. Other
 * buildx builders, podman and buildah need none.
 */
export function dockerCacheCommands(spec: BuildSpec): { before: string[][]; after: string[][] } {
  if (!spec.cache || spec.platforms.length > 0) return { before: [], after: [] };
  const image = `${spec.cache.repository}:${CACHE_TAG}`;
  return {
    before: [['pull', image]],
    after: spec.cache.write
      ? [
          ['tag', spec.tags[0], image],
          ['push', image],
        ]
      : [],
  };
}
