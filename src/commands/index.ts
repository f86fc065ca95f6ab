import type { CommandName } from '../config/inputs.js';
import { build } from './build.js';
import { mirror } from './mirror.js';
import { promote } from './promote.js';
import { upload } from './upload.js';
import type { Command } from './types.js';

export const COMMAND_HANDLERS: Record<CommandName, Command> = {
  build,
  upload,
  promote,
  mirror,
};
