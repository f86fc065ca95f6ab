import type { BuildSpec, EngineName } from './build-spec.js';

/** Flags every engine spells the same way (docker, buildx, podman and buildah agree on these). */
function commonFlags(spec: BuildSpec): string[] {
  const args = ['--file', spec.containerFile];
  if (spec.target) args.push('--target', spec.target);
  for (const arg of spec.buildArgs) args.push('--build-arg', arg);
  for (const label of spec.labels) args.push('--label', label);
  return args;
}

const tagFlags = (tags: readonly string[]) => tags.flatMap((tag) => ['--tag', tag]);

/** `docker build` with the classic builder or BuildKit, one platform. */
export function dockerBuildArgs(spec: BuildSpec): string[] {
  return ['build', ...commonFlags(spec), '--iidfile', spec.iidFile, ...tagFlags(spec.tags), spec.buildPath];
}

/**
 * `docker buildx build` for several platforms. A multi-platform result cannot be loaded into
 * docker's classic image store, so a build-only run leaves it in the build cache.
 */
export function buildxBuildArgs(spec: BuildSpec): string[] {
  return [
    'buildx',
    'build',
    '--platform',
    spec.platforms.join(','),
    ...commonFlags(spec),
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
  const args = ['build', ...commonFlags(spec)];
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
 * what dry-run prints. `hostPlatform` pins podman's and buildah's single-platform builds.
 */
export function buildCommands(engine: EngineName, spec: BuildSpec, hostPlatform: string): string[][] {
  if (engine === 'docker') return [spec.platforms.length > 0 ? buildxBuildArgs(spec) : dockerBuildArgs(spec)];
  if (spec.platforms.length === 0) return [ociBuildArgs(spec, hostPlatform)];
  return [ociBuildArgs(spec), ...spec.tags.slice(1).map((tag) => ['tag', spec.tags[0], tag])];
}
