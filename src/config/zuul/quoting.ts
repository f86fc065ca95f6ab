/**
 * Zuul's roles render list values into one command line (`--build-arg {{ arg }}`) that Ansible's
 * `command` module splits like a POSIX shell: `FROM='quay.io/x/y:1'` reaches the engine as
 * `FROM=quay.io/x/y:1`. Real lists rely on that, so values are read the same way here, with one
 * difference kept on purpose: unquoted blanks stay in the value instead of splitting it into
 * several arguments (Zuul's defect: `A=x y` became the arguments `A=x` and `y`).
 * (docs/zuul.md, "Values as Zuul's command line reads them")
 */

export class QuotingError extends Error {}

/**
 * The value as shell quoting leaves it. `inDoubleQuotes`: the role wraps this value in `"…"`
 * itself (labels), so its own double quotes end that quoting.
 */
export function readShellQuoted(value: string, inDoubleQuotes = false): string {
  let out = '';
  let quote: "'" | '"' | undefined = inDoubleQuotes ? '"' : undefined;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (quote === "'") {
      if (c === "'") quote = undefined;
      else out += c;
    } else if (quote === '"') {
      if (c === '"') quote = undefined;
      else if (c === '\\' && (value[i + 1] === '"' || value[i + 1] === '\\')) out += value[++i];
      else out += c;
    } else if (c === "'" || c === '"') {
      quote = c;
    } else if (c === '\\') {
      if (i + 1 >= value.length) throw new QuotingError('ends with a lone backslash');
      out += value[++i];
    } else {
      out += c;
    }
  }
  if (inDoubleQuotes) {
    // The role's own closing quote: the value must leave a double quote open for it.
    if (quote !== '"') throw new QuotingError(quote === "'" ? 'has an unbalanced single quote' : 'has an unbalanced double quote');
  } else if (quote) {
    throw new QuotingError(`has an unbalanced ${quote === "'" ? 'single' : 'double'} quote`);
  }
  return out;
}

/** Keys of an image entry the roles put on their command line, and how each is quoted there. */
export const COMMAND_LINE_KEYS: Readonly<Record<string, 'bare' | 'double'>> = {
  registry: 'bare',
  repository: 'bare',
  path: 'bare',
  container_filename: 'bare',
  dockerfile: 'bare',
  target: 'bare',
  tags: 'bare',
  build_args: 'bare',
  siblings: 'bare',
  labels: 'double',
};

/**
 * The entry with every command-line value read as the role's command line reads it. Problems
 * name the field; the value is not echoed (a build argument may carry a token).
 */
export function readEntryQuoting(entry: Record<string, unknown>, field: string, problems: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = { ...entry };
  for (const [key, quoting] of Object.entries(COMMAND_LINE_KEYS)) {
    const value = entry[key];
    const read = (text: unknown, where: string) => {
      if (typeof text !== 'string') return text;
      try {
        return readShellQuoted(text, quoting === 'double');
      } catch (error) {
        if (!(error instanceof QuotingError)) throw error;
        problems.push(`${where}: ${error.message} (Zuul's command line reads values like a shell; escape a literal quote with \\)`);
        return text;
      }
    };
    if (Array.isArray(value)) out[key] = value.map((item, i) => read(item, `${field}.${key}[${i}]`));
    else if (value !== undefined) out[key] = read(value, `${field}.${key}`);
  }
  return out;
}
