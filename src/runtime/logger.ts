// @actions/core's own command modules, not its index: the index also loads the OIDC client and
// with it undici (1 MB of code), which costs every step ~70 ms of start-up and is never used
// here (tsconfig `paths` reach past the package's `exports`; docs/runners.md, "Start-up").
import { issue, issueCommand } from '@actions/core/lib/command.js';
import { EOL } from 'node:os';
import type { Logger } from '../logger.js';
import { detectRunner } from '../platform/runner.js';
import { secretForms } from './secret-forms.js';

/**
 * GitHub's runner decodes the %0A a multi-line annotation is written with; act (and the Gitea and
 * Forgejo runners built on it) print it literally: there the first line is the annotation and the
 * rest follow as plain lines.
 */
function annotate(kind: 'warning' | 'error', message: string): void {
  const [first, ...rest] = message.split('\n');
  if (rest.length === 0 || detectRunner(process.env) === 'github') return issueCommand(kind, {}, message);
  issueCommand(kind, {}, first);
  for (const line of rest) process.stdout.write(line + EOL);
}

/** Inside a runner: workflow commands (groups, annotations, masking), as @actions/core issues them. */
export const actionsLogger: Logger = {
  debug: (message) => issueCommand('debug', {}, message),
  info: (message) => process.stdout.write(message + EOL),
  warning: (message) => annotate('warning', message),
  error: (message) => annotate('error', message),
  group: async (title, fn) => {
    issue('group', title);
    try {
      return await fn();
    } finally {
      issue('endgroup');
    }
  },
  // act (Gitea's and Forgejo's runners) masks only the exact text given: every form a server may echo is named.
  mask: (secret) => {
    for (const form of secretForms(secret)) issueCommand('add-mask', {}, form);
  },
};

/**
 * Outside a runner (the CLI form): plain lines, and masking done here, since no runner is there
 * to hide secrets.
 */
export function plainLogger(write: (line: string) => void = (line) => process.stdout.write(`${line}\n`)): Logger {
  let secrets: string[] = [];
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
      // Longest first, across every secret: a secret inside another's encoded form must not split it.
      secrets = [...new Set([...secrets, ...secretForms(secret)])].sort((a, b) => b.length - a.length);
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
