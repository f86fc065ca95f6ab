import * as core from '@actions/core';
import type { Logger } from '../logger.js';
import { detectRunner } from '../platform/runner.js';

/** Inside a runner: workflow commands (groups, annotations, masking) through @actions/core. */
export const actionsLogger: Logger = {
  debug: (message) => core.debug(message),
  info: (message) => core.info(message),
  warning: (message) => core.warning(message),
  error: (message) => core.error(message),
  group: (title, fn) => core.group(title, fn),
  mask: (secret) => core.setSecret(secret),
};

/**
 * Outside a runner (the CLI form): plain lines, and masking done here, since no runner is there
 * to hide secrets.
 */
export function plainLogger(write: (line: string) => void = (line) => process.stdout.write(`${line}\n`)): Logger {
  const secrets = new Set<string>();
  const hide = (text: string) => {
    let out = text;
    for (const secret of secrets) out = out.split(secret).join('***');
    return out;
  };
  return {
    debug: (message) => {
      if (process.env.RUNNER_DEBUG === '1') write(hide(`debug: ${message}`));
    },
    info: (message) => write(hide(message)),
    warning: (message) => write(hide(`warning: ${message}`)),
    error: (message) => write(hide(`error: ${message}`)),
    group: async (title, fn) => {
      write(hide(`== ${title}`));
      return fn();
    },
    mask: (secret) => {
      if (secret) secrets.add(secret);
    },
  };
}

export function loggerFor(env: NodeJS.ProcessEnv): Logger {
  return detectRunner(env) === 'local' ? plainLogger() : actionsLogger;
}
