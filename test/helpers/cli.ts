// Runs the CLI as users run it (a whole process reading INPUT_* variables), from the source
// through tsx so a test never depends on a stale bundle. Outputs come back from GITHUB_OUTPUT.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');

export interface CliRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  /** stdout and stderr together, in arrival order. */
  readonly log: string;
  readonly outputs: Record<string, string>;
  readonly ms: number;
}

export function inputEnv(inputs: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(inputs).map(([name, value]) => [`INPUT_${name.replace(/-/g, '_').toUpperCase()}`, value]));
}

/** Starts the CLI; `done` settles when it exits. */
export function startCli(
  command: string,
  inputs: Record<string, string>,
  env: Record<string, string> = {},
): { child: ChildProcess; done: Promise<CliRun> } {
  const dir = mkdtempSync(join(tmpdir(), 'cia-cli-'));
  const outputFile = join(dir, 'output');
  // Runners create the file before the step; the toolkit appends to it.
  writeFileSync(outputFile, '');
  const started = Date.now();
  const base = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.startsWith('INPUT_') && !k.startsWith('GITHUB_') && k !== 'ACT'),
  );
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'src', 'main.ts'), command], {
    cwd: root,
    env: { ...base, GITHUB_OUTPUT: outputFile, RUNNER_TEMP: dir, ...inputEnv(inputs), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', (c: Buffer) => (log += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (log += c.toString()));
  const done = new Promise<CliRun>((resolve) => {
    child.on('close', (code, signal) => {
      let outputs: Record<string, string> = {};
      try {
        outputs = parseOutputFile(readFileSync(outputFile, 'utf8'));
      } catch {
        // No output written.
      }
      resolve({ code, signal, log, outputs, ms: Date.now() - started });
    });
  });
  return { child, done };
}

export function runCli(command: string, inputs: Record<string, string>, env: Record<string, string> = {}): Promise<CliRun> {
  return startCli(command, inputs, env).done;
}

/** GITHUB_OUTPUT's `name<<DELIMITER` … `DELIMITER` blocks (and plain `name=value` lines). */
function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([^=<]+)<<(.+)$/.exec(lines[i]);
    if (heredoc) {
      const end = lines.indexOf(heredoc[2], i + 1);
      outputs[heredoc[1]] = lines.slice(i + 1, end).join('\n');
      i = end;
    } else if (lines[i].includes('=')) {
      outputs[lines[i].slice(0, lines[i].indexOf('='))] = lines[i].slice(lines[i].indexOf('=') + 1);
    }
  }
  return outputs;
}
