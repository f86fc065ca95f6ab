/**
 * The process seam: every external process (docker, podman, buildah, skopeo, credential helpers)
 * runs through an `Exec` handed down from the entry point, so library code imports no process
 * API and tests can record or replace what runs. The default is built in runtime/exec.ts.
 */
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

/** A tool that failed; the message keeps the tool's own last words, which say why. */
export class ExecError extends Error {
  constructor(
    readonly tool: string,
    readonly code: number | undefined,
    readonly lastLines: readonly string[],
    message?: string,
  ) {
    super(
      message ??
        `${tool} failed${code === undefined ? '' : ` with exit code ${code}`}${lastLines.length ? `:\n  ${lastLines.join('\n  ')}` : ''}`,
    );
    this.name = 'ExecError';
  }
}

/** For library callers that were given no process runner and then need one. */
export const noExec: Exec = (file) => Promise.reject(new ExecError(file, undefined, [], `${file}: no process runner was given to run it`));
