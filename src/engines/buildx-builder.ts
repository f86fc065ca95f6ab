import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dockerConfigDir } from '../registry/auth/credentials.js';

/** What docker's buildx offers this run: read from the files the docker CLI and buildx keep, so dry-run learns it without running docker. */
export interface BuildxBuilder {
  /** The docker-buildx CLI plugin is installed. */
  readonly installed: boolean;
  /** The current builder's driver (`docker`, `docker-container`, `remote`, …); undefined without buildx. */
  readonly driver?: string;
}

/** Where the docker CLI looks for plugins after $DOCKER_CONFIG/cli-plugins. */
const SYSTEM_PLUGIN_DIRS = [
  '/usr/local/lib/docker/cli-plugins',
  '/usr/local/libexec/docker/cli-plugins',
  '/usr/lib/docker/cli-plugins',
  '/usr/libexec/docker/cli-plugins',
];

function readJson(path: string): Record<string, unknown> | undefined {
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as unknown;
    return parsed !== null && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function pluginDirs(configDir: string): string[] {
  const extra = readJson(join(configDir, 'config.json'))?.cliPluginsExtraDirs;
  return [join(configDir, 'cli-plugins'), ...(Array.isArray(extra) ? extra.map(String) : []), ...SYSTEM_PLUGIN_DIRS];
}

/**
 * buildx's own resolution: $BUILDX_BUILDER, else the builder `docker buildx use` recorded in
 * <buildx config>/current; a name without an instance file is a docker context's builder, whose
 * driver is `docker` (so is having none recorded).
 */
export function buildxBuilder(env: NodeJS.ProcessEnv): BuildxBuilder {
  const configDir = dockerConfigDir(env);
  if (!pluginDirs(configDir).some((dir) => existsSync(join(dir, 'docker-buildx')))) return { installed: false };
  const buildxDir = env.BUILDX_CONFIG || join(configDir, 'buildx');
  const current = readJson(join(buildxDir, 'current'))?.Name;
  const name = env.BUILDX_BUILDER || (typeof current === 'string' ? current : undefined);
  // buildx names an instance's file by the builder's name in lower case.
  const driver = name ? readJson(join(buildxDir, 'instances', name.toLowerCase()))?.Driver : undefined;
  return { installed: true, driver: typeof driver === 'string' ? driver : 'docker' };
}
