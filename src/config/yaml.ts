import { LineCounter, parseDocument, type YAMLError } from 'yaml';
import { ConfigError } from './errors.js';

/** A YAML mapping (a plain object), not a list or a scalar. */
export const isMapping = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** Alias expansions allowed in one input: real image lists share vars through anchors, a "billion laughs" needs far more. */
const MAX_ALIAS_EXPANSIONS = 1000;

/**
 * Parses an input holding YAML (JSON is YAML too). Errors name the input, the line and the
 * column, never the source text: the line may hold a password. Tags (`!secret`, `!!js/function`)
 * are errors, not warnings: an input is plain data.
 */
export function parseYamlInput(text: string, inputName: string): unknown {
  const lineCounter = new LineCounter();
  // uniqueKeys: a key written twice is a mistake, not "last one wins".
  const doc = parseDocument(text, { uniqueKeys: true, merge: true, prettyErrors: false, logLevel: 'silent', lineCounter });
  const where = (error: YAMLError) => {
    const { line, col } = lineCounter.linePos(error.pos[0]);
    return `line ${line}, column ${col}`;
  };
  const [error] = doc.errors;
  if (error) throw new ConfigError(`${inputName}: not valid YAML (${where(error)}): ${error.message}`, { cause: error });
  const tag = doc.warnings.find((w) => w.code === 'TAG_RESOLVE_FAILED');
  if (tag)
    throw new ConfigError(
      `${inputName}: YAML tags are not supported (${where(tag)}): ${tag.message.replace(/^Unresolved tag: /, '')}; write plain values`,
    );
  const [warning] = doc.warnings;
  if (warning) throw new ConfigError(`${inputName}: YAML problem (${where(warning)}): ${warning.message}`);
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIAS_EXPANSIONS });
  } catch (cause) {
    if (cause instanceof ReferenceError && /alias/i.test(cause.message)) {
      throw new ConfigError(
        `${inputName}: YAML aliases expand more than ${MAX_ALIAS_EXPANSIONS} times (a "billion laughs" document?); refused`,
        { cause },
      );
    }
    throw cause;
  }
}
