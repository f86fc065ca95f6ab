import { ConfigError } from '../errors.js';

const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** `36h`, `2d`, `90m`, `1d12h` → milliseconds. */
export function parseDuration(value: string, name: string): number {
  const text = value.trim();
  if (!/^(\d+[smhdw])+$/.test(text)) throw new ConfigError(`${name}: "${value}" is not a duration like 24h, 2d, 90m or 1d12h`);
  let total = 0;
  for (const [, amount, unit] of text.matchAll(/(\d+)([smhdw])/g)) total += Number(amount) * UNIT_MS[unit];
  return total;
}
