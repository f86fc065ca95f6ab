import type { InputReader } from '../config/inputs/table.js';
import type { OutputName } from '../config/inputs/table.js';
import type { Exec } from '../exec.js';
import type { Logger } from '../logger.js';

export interface CommandContext {
  readonly env: NodeJS.ProcessEnv;
  readonly logger: Logger;
  readonly read: InputReader;
  /** Process runner (runtime/exec.ts in a run); tests may record calls through it. */
  readonly exec: Exec;
  /** Fetches a checksum-pinned tool once per runner (runtime/tool-download.ts) and returns its path. */
  readonly download?: (name: string, url: string, sha256: string) => Promise<string>;
}

export interface SummaryTable {
  readonly title: string;
  readonly headers: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** Printed in the log as well when a runner takes the summary (outside one it is printed anyway). */
  readonly inLog?: boolean;
}

export interface CommandResult {
  readonly outputs: Partial<Record<OutputName, string>>;
  readonly summary?: SummaryTable;
  /** Variables for the job's later steps (the runner's GITHUB_ENV). */
  readonly environment?: Readonly<Record<string, string>>;
  /** Set when the command failed after doing part of its work: outputs are still written. */
  readonly failure?: string;
}

export type Command = (context: CommandContext) => Promise<CommandResult>;
