import { ConfigError } from '../errors.js';

/** The `change` input: a pull request number, `#42` accepted; empty when not given. */
export function parseChangeInput(value: string): number | undefined {
  if (!value.trim()) return undefined;
  const text = value.trim().replace(/^#/, '');
  if (!/^[1-9][0-9]{0,9}$/.test(text)) throw new ConfigError(`change: "${value}" is not a change number (a positive integer)`);
  return Number(text);
}
