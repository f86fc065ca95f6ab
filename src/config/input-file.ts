import { readFileSync, statSync } from 'node:fs';
import { ConfigError } from './errors.js';

/** Input files are lists and certificates: anything larger is a mistake, not a configuration. */
const MAX_INPUT_FILE_BYTES = 16 * 1024 * 1024;

/** Reads a file an input names; every failure names the input and the file as the user wrote it. */
export function readInputFile(path: string, input: string, shown: string): string {
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw new ConfigError(`${input}: "${shown}" is a directory, not a file`);
    if (stat.size > MAX_INPUT_FILE_BYTES)
      throw new ConfigError(`${input}: "${shown}" is ${stat.size} bytes, over the ${MAX_INPUT_FILE_BYTES}-byte limit`);
    return readFileSync(path, 'utf8');
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConfigError(`${input}: cannot read "${shown}": ${code === 'ENOENT' ? 'no such file' : (error as Error).message}`, {
      cause: error,
    });
  }
}
