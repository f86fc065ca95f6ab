import { ConfigError } from '../errors.js';

const TRUE = ['true', 'True', 'TRUE'];
const FALSE = ['false', 'False', 'FALSE'];

/** A boolean input as the runner's YAML 1.2 core schema spells it; empty means the default. */
export function parseBoolean(value: string, name: string, fallback: boolean): boolean {
  if (value === '') return fallback;
  if (TRUE.includes(value)) return true;
  if (FALSE.includes(value)) return false;
  throw new ConfigError(`${name}: "${value}" is not a boolean (true or false)`);
}
