import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigError } from '../errors.js';
import { Input, type InputReader } from './table.js';

export function readWorkDir(read: InputReader, env: NodeJS.ProcessEnv): string {
  const value = read(Input.WorkDir) || env.GITHUB_WORKSPACE || process.cwd();
  const dir = resolve(env.GITHUB_WORKSPACE || process.cwd(), value);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new ConfigError(`work-dir: "${value}" is not a directory`);
  return dir;
}
