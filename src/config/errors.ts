/**
 * An error the user can fix by changing an input: it names the input or field and the bad value.
 * Kept apart from internal and registry errors so the report says who has to act.
 */
export class ConfigError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'ConfigError';
  }
}

/** Several input problems reported together, so one run shows every mistake. */
export class ConfigErrors extends ConfigError {
  constructor(readonly problems: readonly string[]) {
    super(problems.length === 1 ? problems[0] : `${problems.length} problems in the inputs:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigErrors';
  }
}
