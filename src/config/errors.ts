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

/**
 * Several problems reported together, so one run shows every mistake; `heading` says what they
 * are about (the inputs, by default; what a registry holds, for a refused promotion).
 */
export class ConfigErrors extends ConfigError {
  readonly heading: string;
  constructor(
    readonly problems: readonly string[],
    heading = 'problems in the inputs',
  ) {
    super(problems.length === 1 ? problems[0] : `${problems.length} ${heading}:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigErrors';
    this.heading = `${problems.length} ${heading}`;
  }
}
