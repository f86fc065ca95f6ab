import { ConfigError } from '../config/errors.js';
import { IMPLEMENTED, type CommandName } from '../config/inputs.js';
import { build } from './build.js';
import { promote } from './promote.js';
import { upload } from './upload.js';
import type { Command } from './types.js';

const notImplemented =
  (name: CommandName): Command =>
  async () => {
    throw new ConfigError(`${name}: not implemented yet in this version of container-image-actions`);
  };

export const COMMAND_HANDLERS: Record<CommandName, Command> = {
  build,
  upload,
  promote,
  mirror: notImplemented('mirror'),
};

export { IMPLEMENTED };
