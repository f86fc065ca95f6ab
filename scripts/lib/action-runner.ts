// Runs an action.yml the way a runner does: inputs (with their defaults) become the step's env
// through `${{ inputs.* }}`, the step runs as `bash --noprofile --norc -eo pipefail`, and outputs
// come back through GITHUB_OUTPUT and the action's `outputs:` expressions. Anything else in
// `${{ }}` is refused, so a file using expressions this helper does not know fails loudly.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parse } from 'yaml';

interface ActionInput {
  default?: string;
  required?: boolean;
}

interface ActionFile {
  inputs?: Record<string, ActionInput>;
  outputs?: Record<string, { value?: string }>;
  runs: {
    using: string;
    main?: string;
    steps?: { id?: string; shell?: string; env?: Record<string, string>; run?: string; uses?: string }[];
  };
}

export interface ActionRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly outputs: Record<string, string>;
  readonly summary: string;
}

export interface RunActionOptions {
  readonly inputs?: Record<string, string>;
  readonly env?: Record<string, string | undefined>;
  readonly cwd?: string;
}

export function readAction(path: string): ActionFile {
  return parse(readFileSync(path, 'utf8')) as ActionFile;
}

/** Parses GITHUB_OUTPUT: `name=value` lines and `name<<DELIMITER` blocks. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delimiter] = heredoc;
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i]);
      outputs[name] = value.join('\n');
    } else if (line.includes('=')) {
      outputs[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    }
  }
  return outputs;
}

function evaluate(
  template: string,
  context: { inputs: Record<string, string>; steps: Record<string, Record<string, string>>; actionPath: string },
): string {
  return template.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, expression: string) => {
    let m = /^inputs\.([\w-]+)$/.exec(expression);
    if (m) return context.inputs[m[1]] ?? '';
    m = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(expression);
    if (m) return context.steps[m[1]]?.[m[2]] ?? '';
    if (expression === 'github.action_path') return context.actionPath;
    throw new Error(`action-runner: unsupported expression \${{ ${expression} }}`);
  });
}

export async function runAction(actionFile: string, options: RunActionOptions = {}): Promise<ActionRun> {
  const action = readAction(actionFile);
  const actionPath = dirname(resolve(actionFile));
  const declared = action.inputs ?? {};
  for (const name of Object.keys(options.inputs ?? {})) {
    if (!(name in declared)) throw new Error(`action-runner: input ${name} is not declared by ${actionFile}`);
  }
  const inputs: Record<string, string> = {};
  for (const [name, spec] of Object.entries(declared)) {
    inputs[name] = options.inputs?.[name] ?? spec.default ?? '';
    if (spec.required && !inputs[name]) throw new Error(`action-runner: required input ${name} missing`);
  }

  const temp = mkdtempSync(join(tmpdir(), 'cia-runner-'));
  const outputFile = join(temp, 'output');
  const summaryFile = join(temp, 'summary');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  const runnerTemp = join(temp, 'runner-temp');
  const baseEnv: Record<string, string | undefined> = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    RUNNER_TEMP: runnerTemp,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_ACTION_PATH: actionPath,
    ...options.env,
  };

  let result: { code: number; stdout: string; stderr: string };
  const steps: Record<string, Record<string, string>> = {};
  if (action.runs.using === 'composite') {
    result = { code: 0, stdout: '', stderr: '' };
    for (const step of action.runs.steps ?? []) {
      if (step.uses) throw new Error('action-runner: composite steps with uses: are not supported (and not allowed in this project)');
      if (step.shell !== 'bash') throw new Error(`action-runner: shell ${step.shell} is not supported`);
      const env: Record<string, string | undefined> = { ...baseEnv };
      for (const [key, value] of Object.entries(step.env ?? {})) env[key] = evaluate(String(value), { inputs, steps, actionPath });
      const script = join(temp, `step-${step.id ?? 'x'}.sh`);
      writeFileSync(script, evaluate(step.run ?? '', { inputs, steps, actionPath }));
      writeFileSync(outputFile, '');
      const stepResult = await spawnCollect('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], env, options.cwd);
      result = { code: stepResult.code, stdout: result.stdout + stepResult.stdout, stderr: result.stderr + stepResult.stderr };
      if (step.id) steps[step.id] = parseOutputFile(readFileSync(outputFile, 'utf8'));
      if (stepResult.code !== 0) break;
    }
  } else if (/^node\d+$/.test(action.runs.using)) {
    // A node action gets every input as INPUT_<NAME> with the hyphens kept.
    const env: Record<string, string | undefined> = { ...baseEnv };
    for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
    result = await spawnCollect(process.execPath, [join(actionPath, action.runs.main ?? '')], env, options.cwd);
    steps.main = parseOutputFile(readFileSync(outputFile, 'utf8'));
  } else {
    throw new Error(`action-runner: runs.using ${action.runs.using} is not supported`);
  }

  const outputs: Record<string, string> = {};
  for (const [name, spec] of Object.entries(action.outputs ?? {})) {
    outputs[name] = spec.value !== undefined ? evaluate(spec.value, { inputs, steps, actionPath }) : (steps.main?.[name] ?? '');
  }
  const summary = readFileSync(summaryFile, 'utf8');
  rmSync(temp, { recursive: true, force: true });
  return { ...result, outputs, summary };
}

function spawnCollect(file: string, args: string[], env: Record<string, string | undefined>, cwd?: string) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolvePromise, reject) => {
    const child = spawn(file, args, { env: env as NodeJS.ProcessEnv, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code: code ?? 1, stdout, stderr }));
  });
}
