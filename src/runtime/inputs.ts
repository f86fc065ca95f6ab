import type { InputName } from '../config/inputs/table.js';

/**
 * Reads an input the way the runner passes it: `INPUT_IMAGES-FILE` for a node action, and
 * `INPUT_IMAGES_FILE` from our composites (a shell cannot export a name with a hyphen).
 */
export function envInputReader(env: NodeJS.ProcessEnv) {
  return (name: InputName): string => {
    const upper = `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
    const value = env[upper] ?? env[upper.replace(/-/g, '_')] ?? '';
    return value.trim();
  };
}
