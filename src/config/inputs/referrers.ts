import { parseBoolean } from './booleans.js';
import type { InputReader } from './table.js';
import { ConfigError } from '../errors.js';
import { Input } from './table.js';

/** Whether an image's signatures, SBOMs and attestations travel with it, and which of them. */
export interface ReferrerInputs {
  readonly enabled: boolean;
  /** Artifact types to copy; empty: every one. */
  readonly types: readonly string[];
}

/** `type/subtype[+suffix]`, as artifact types are written. */
const MEDIA_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/i;

export function readReferrerInputs(read: InputReader): ReferrerInputs {
  const enabled = parseBoolean(read(Input.Referrers), Input.Referrers, true);
  const types = read(Input.ReferrerTypes)
    .split(/[\s,]+/)
    .filter(Boolean);
  for (const type of types) {
    if (!MEDIA_TYPE.test(type))
      throw new ConfigError(`${Input.ReferrerTypes}: "${type}" is not an artifact (media) type, e.g. application/spdx+json`);
  }
  if (!enabled && types.length > 0) throw new ConfigError(`${Input.ReferrerTypes}: only goes with referrers: true`);
  return { enabled, types };
}
