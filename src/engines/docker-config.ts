import { existsSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { dockerConfigDir } from '../registry/auth/credentials.js';

/**
 * The variables of a docker command that must see only this run's credentials (`authFile`'s
 * directory becomes DOCKER_CONFIG) but still the user's buildx builders; linkCliPlugins keeps
 * its CLI plugins too: without them `docker buildx` is an unknown command, or falls back to the
 * default builder, which cannot build several platforms (docs/runners.md, "docker, buildx and
 * credentials").
 */
export function dockerAuthVars(env: NodeJS.ProcessEnv, authFile: string): Record<string, string> {
  return { DOCKER_CONFIG: dirname(authFile), BUILDX_CONFIG: env.BUILDX_CONFIG || join(dockerConfigDir(env), 'buildx') };
}

/** Makes the user's CLI plugins visible in a DOCKER_CONFIG of the run's own. */
export function linkCliPlugins(env: NodeJS.ProcessEnv, dockerConfig: string): void {
  const plugins = join(dockerConfigDir(env), 'cli-plugins');
  if (existsSync(plugins) && !existsSync(join(dockerConfig, 'cli-plugins'))) symlinkSync(plugins, join(dockerConfig, 'cli-plugins'));
}
