import { readdirSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import * as actionsExec from '@actions/exec';
import { ExecError, type Exec } from '../exec.js';
import type { Logger } from '../logger.js';

const KEEP_STDERR_LINES = 8;
const MAX_CAPTURE = 16 * 1024 * 1024;

/**
 * The process runner of a run: @actions/exec, without a shell (argv items stay items, whatever
 * they contain), quiet (the argv goes to the debug log; secrets never go in argv), stdout kept up
 * to 16 MiB, and the last stderr lines kept for the error a failure raises.
 */
export function createExec(logger: Logger): Exec {
  return async (file, args, options = {}) => {
    const tool = basename(file);
    logger.debug(`run: ${[file, ...args].map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : JSON.stringify(a))).join(' ')}`);
    const stdout: Buffer[] = [];
    let stdoutSize = 0;
    let stderr = '';
    const tail: string[] = [];
    let code: number;
    try {
      code = await actionsExec.exec(file, [...args], {
        cwd: options.cwd,
        env: definedOnly(options.env ?? process.env),
        // Only a child that reads stdin gets it: ending the stdin of one that exited at once
        // (git log) raises EPIPE on a socket nobody listens to, which ends the process.
        ...(options.input !== undefined && { input: Buffer.from(options.input) }),
        silent: true,
        ignoreReturnCode: true,
        listeners: {
          stdout: (data) => {
            if (stdoutSize < MAX_CAPTURE) stdout.push(data);
            stdoutSize += data.length;
          },
          stderr: (data) => {
            if (stderr.length < MAX_CAPTURE) stderr += data.toString('utf8');
          },
          stdline: (line) => options.onLine?.(line),
          errline: (line) => {
            options.onLine?.(line);
            if (!line.trim()) return;
            tail.push(line.trim());
            if (tail.length > KEEP_STDERR_LINES) tail.shift();
          },
        },
      });
    } catch (error) {
      // @actions/exec looks the tool up on PATH before it starts it.
      if (/Unable to locate executable file/.test((error as Error).message))
        throw new ExecError(tool, undefined, [], `${tool} was not found on PATH`);
      throw new ExecError(tool, undefined, [(error as Error).message]);
    }
    const result = { code, stdout: Buffer.concat(stdout).toString('utf8'), stderr };
    if (code !== 0 && !options.allowFailure) throw new ExecError(tool, code, tail);
    return result;
  };
}

function definedOnly(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

/**
 * Stops the processes this one started (engines, skopeo, credential helpers): an interrupted run
 * must not leave them working, or pushing, alone. @actions/exec keeps no handle on its children,
 * so they are found by their parent pid (Linux /proc; elsewhere nothing is found).
 */
export function stopChildren(): void {
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return;
  }
  for (const pid of entries) {
    try {
      // The fields after the ")" that ends the command name: state, then the parent pid.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (parent === process.pid) process.kill(Number(pid), 'SIGTERM');
    } catch {
      // Gone meanwhile.
    }
  }
}
