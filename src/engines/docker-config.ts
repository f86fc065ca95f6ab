import { existsSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { dockerConfigDir } from '../registry/auth/credentials.js';

/**
 * The environment of a docker command that must see only this run's credentials (`authFile`'s
 * directory becomes DOCKER_CONFIG) but still the user's CLI plugins and buildx builders: without
 * them `docker buildx` is an unknown command, or falls back to the default builder, which cannot
 * build several platforms (docs/runners.md, "docker, buildx and credentials").
 */
export function dockerAuthEnv(env: NodeJS.ProcessEnv, authFile: string): NodeJS.ProcessEnv {
  const own = dockerConfigDir(env);
  const dir = dirname(authFile);
  const plugins = join(own, 'cli-plugins');
  if (existsSync(plugins) && !existsSync(join(dir, 'cli-plugins'))) symlinkSync(plugins, join(dir, 'cli-plugins'));
  return { ...env, DOCKER_CONFIG: dir, BUILDX_CONFIG: env.BUILDX_CONFIG || join(own, 'buildx') };
}
