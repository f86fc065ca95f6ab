import type { CommandName } from '../config/inputs/table.js';
import type { Command } from './types.js';

/**
 * Each command's module, loaded when that command runs: a process starts faster when it does not
 * parse the code of the three commands it does not run (the bundle splits along these imports).
 */
export const COMMAND_LOADERS: Record<CommandName, () => Promise<Command>> = {
  build: async () => (await import('./build.js')).build,
  upload: async () => (await import('./upload.js')).upload,
  promote: async () => (await import('./promote.js')).promote,
  mirror: async () => (await import('./mirror.js')).mirror,
  use: async () => (await import('./use.js')).use,
  doctor: async () => (await import('./doctor.js')).doctor,
};
