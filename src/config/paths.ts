import { existsSync, realpathSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { ConfigError } from './errors.js';

export function isInside(root: string, candidate: string): boolean {
  const rel = relative(root, candidate);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/**
 * Resolves `value` against `base` and insists that it stays inside `root` once symbolic links
 * are followed: a context must not reach the runner's home or another checkout.
 */
export function resolveInside(root: string, base: string, value: string, field: string, mustExist = true): string {
  const candidate = resolve(base, value);
  const realRoot = realpathSync(root);
  if (!isInside(realRoot, resolve(realRoot, relative(root, candidate)))) {
    throw new ConfigError(`${field}: "${value}" is outside the work dir ${root}`);
  }
  if (!existsSync(candidate)) {
    if (mustExist) throw new ConfigError(`${field}: "${value}" does not exist (looked for ${candidate})`);
    return candidate;
  }
  const real = realpathSync(candidate);
  if (!isInside(realRoot, real)) {
    throw new ConfigError(`${field}: "${value}" leaves the work dir ${root} through a symbolic link (it resolves to ${real})`);
  }
  return real;
}
