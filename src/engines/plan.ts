/**
 * What an engine runs for one image, as data: the run executes it step by step and dry-run
 * prints it, so the two cannot disagree (test/integration/engine-plans.itest.ts holds them equal).
 */
export interface EngineStep {
  /** argv after the binary. */
  readonly argv: readonly string[];
  readonly cwd?: string;
  /** Variables set for this process only, on top of the engine's environment (DOCKER_CONFIG, …). */
  readonly env?: Readonly<Record<string, string>>;
  /** `read`: looks at the local store (an inspect) to report the result; `run`: builds, tags, pushes. */
  readonly role?: 'run' | 'read';
  /** Keeps the step's stdout under this name, for the result. */
  readonly capture?: string;
  /** Runs only when this query (argv after the binary) exits 0. */
  readonly onlyIf?: readonly string[];
  /**
   * A failure that does not fail the run: `continue` logs `failureNote` and goes on (a cache not
   * there yet); `stop` warns and leaves out the rest of the plan (a cache that cannot be written).
   */
  readonly onFailure?: 'continue' | 'stop';
  readonly failureNote?: string;
  /** Where the step's output lines go; the build and the push stream into the log. */
  readonly output?: 'info' | 'debug' | 'none';
}

export interface EnginePlan {
  readonly binary: string;
  /** Variables every step gets on top of the runner's environment (build-extra-env, registries.conf). */
  readonly envKeys: readonly string[];
  readonly steps: readonly EngineStep[];
}

/** One process of a plan as dry-run prints it: argv with the binary, and the names (never the values) of the variables it gets. */
export interface PlannedStep {
  readonly argv: readonly string[];
  readonly cwd?: string;
  readonly envKeys: readonly string[];
  readonly role: 'run' | 'read';
  /** The query whose success the step waits for, argv with the binary. */
  readonly onlyIf?: readonly string[];
}

export function describePlan(plan: EnginePlan): PlannedStep[] {
  return plan.steps.map((step) => ({
    argv: [plan.binary, ...step.argv],
    ...(step.cwd !== undefined && { cwd: step.cwd }),
    envKeys: [...new Set([...plan.envKeys, ...Object.keys(step.env ?? {})])].sort(),
    role: step.role ?? 'run',
    ...(step.onlyIf && { onlyIf: [plan.binary, ...step.onlyIf] }),
  }));
}
