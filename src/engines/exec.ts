import { spawn } from 'node:child_process';
import { basename } from 'node:path';
import { onInterrupt } from '../interrupt.js';

export interface ExecOptions {
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Written to the child's stdin (how secrets reach a tool: never argv). */
  readonly input?: string;
  /** Called for every output line, stdout and stderr alike, as it arrives. */
  readonly onLine?: (line: string) => void;
  /** Resolve with the exit code instead of throwing on a non-zero exit. */
  readonly allowFailure?: boolean;
}

export interface ExecResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export type Exec = (file: string, args: readonly string[], options?: ExecOptions) => Promise<ExecResult>;

const KEEP_STDERR_LINES = 8;
const MAX_CAPTURE = 16 * 1024 * 1024;

/** A tool that failed; the message keeps the tool's own last words, which say why. */
export class ExecError extends Error {
  constructor(
    readonly tool: string,
    readonly code: number | undefined,
    readonly lastLines: readonly string[],
    message?: string,
  ) {
    super(message ?? `${tool} failed${code === undefined ? '' : ` with exit code ${code}`}${lastLines.length ? `:\n  ${lastLines.join('\n  ')}` : ''}`);
    this.name = 'ExecError';
  }
}

/** Runs a program without a shell: argv items stay items, whatever they contain. */
export const exec: Exec = (file, args, options = {}) =>
  new Promise((resolvePromise, reject) => {
    const tool = basename(file);
    const child = spawn(file, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['pipe', 'pipe', 'pipe'] });
    // An interrupted run stops its children rather than leaving them working (or pushing) alone.
    const unregister = onInterrupt(() => child.kill('SIGTERM'));
    const stdout: Buffer[] = [];
    let stdoutSize = 0;
    const stderrTail: string[] = [];
    let stderrText = '';
    const lineSplitter = (onComplete: (line: string) => void) => {
      let pending = '';
      return {
        push(chunk: string) {
          pending += chunk;
          const lines = pending.split(/\r?\n/);
          pending = lines.pop() ?? '';
          for (const line of lines) onComplete(line);
        },
        flush() {
          if (pending) onComplete(pending);
          pending = '';
        },
      };
    };
    const outLines = lineSplitter((line) => options.onLine?.(line));
    const errLines = lineSplitter((line) => {
      options.onLine?.(line);
      if (line.trim()) {
        stderrTail.push(line.trim());
        if (stderrTail.length > KEEP_STDERR_LINES) stderrTail.shift();
      }
    });
    child.stdout.on('data', (chunk: Buffer) => {
      if (stdoutSize < MAX_CAPTURE) {
        stdout.push(chunk);
        stdoutSize += chunk.length;
      }
      outLines.push(chunk.toString('utf8'));
    });
    child.stderr.on('data', (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      if (stderrText.length < MAX_CAPTURE) stderrText += text;
      errLines.push(text);
    });
    child.on('error', (error: NodeJS.ErrnoException) => {
      unregister();
      if (error.code === 'ENOENT') reject(new ExecError(tool, undefined, [], `${tool} was not found on PATH`));
      else reject(new ExecError(tool, undefined, [error.message]));
    });
    child.on('close', (code, signal) => {
      unregister();
      outLines.flush();
      errLines.flush();
      const exitCode = code ?? 128;
      const result = { code: exitCode, stdout: Buffer.concat(stdout).toString('utf8'), stderr: stderrText };
      if (exitCode !== 0 && !options.allowFailure) {
        reject(new ExecError(tool, code ?? undefined, signal ? [...stderrTail, `killed by ${signal}`] : stderrTail));
      } else {
        resolvePromise(result);
      }
    });
    // A tool that exits before reading stdin must not crash us with EPIPE.
    child.stdin.on('error', () => {});
    child.stdin.end(options.input ?? '');
  });
