import { createHash } from 'node:crypto';
import { chmod, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as tc from '@actions/tool-cache';
import { ConfigError } from '../config/errors.js';

/**
 * Downloads a pinned binary once per runner: verified against its sha256 before it is cached or
 * run, so a changed file at the URL cannot slip in.
 */
export async function pinnedTool(name: string, url: string, sha256: string): Promise<string> {
  if (!/^[a-f0-9]{64}$/.test(sha256)) throw new ConfigError(`${name}-sha256: "${sha256}" is not a sha256 hex digest`);
  // tool-cache keys its cache by semver: the pinned digest becomes a pre-release label.
  const version = `0.0.0-sha${sha256.slice(0, 16)}`;
  const cached = tc.find(name, version);
  if (cached) return join(cached, name);
  const downloaded = await tc.downloadTool(url);
  const actual = createHash('sha256')
    .update(await readFile(downloaded))
    .digest('hex');
  if (actual !== sha256)
    throw new ConfigError(`${name}-url: the file at ${url} has sha256 ${actual}, not the pinned ${sha256}; nothing was run`);
  await chmod(downloaded, 0o755);
  const dir = await tc.cacheFile(downloaded, name, name, version);
  return join(dir, name);
}
