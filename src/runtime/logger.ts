// @actions/core's own command modules, not its index: the index also loads the OIDC client and
// with it undici (1 MB of code), which costs every step ~70 ms of start-up and is never used
// here (tsconfig `paths` reach past the package's `exports`; docs/runners.md, "Start-up").
import { issue, issueCommand } from '@actions/core/lib/command.js';
import { EOL } from 'node:os';
import type { Logger } from '../logger.js';
import { detectRunner } from '../platform/runner.js';

/** Inside a runner: workflow commands (groups, annotations, masking), as @actions/core issues them. */
export const actionsLogger: Logger = {
  debug: (message) => issueCommand('debug', {}, message),
  info: (message) => process.stdout.write(message + EOL),
  warning: (message) => issueCommand('warning', {}, message),
  error: (message) => issueCommand('error', {}, message),
  group: async (title, fn) => {
    issue('group', title);
    try {
      return await fn();
    } finally {
      issue('endgroup');
    }
  },
  mask: (secret) => issueCommand('add-mask', {}, secret),
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

/**
 * act (0.2.89) does not know `::group::`/`::endgroup::` and prints them as unknown commands: there
 * a group is a plain title line (docs/runners.md, "What the real runners showed").
 */
const actLogger: Logger = {
  ...actionsLogger,
  group: async (title, fn) => {
    actionsLogger.info(`== ${title}`);
    return fn();
  },
};

export function loggerFor(env: NodeJS.ProcessEnv): Logger {
  const runner = detectRunner(env);
  if (runner === 'local') return plainLogger();
  return runner === 'act' ? actLogger : actionsLogger;
}
