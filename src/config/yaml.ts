import { LineCounter, parseDocument, YAMLSeq, type Tags, type YAMLError } from 'yaml';
import { ConfigError } from './errors.js';
import { formatPath } from './schema-errors.js';

/**
 * A value under a YAML tag read as opaque: its text is kept out of the data (a Zuul secret's
 * ciphertext) and any use of it is refused where it is used.
 */
export class TaggedValue {
  constructor(readonly tag: string) {}
}

/** A YAML mapping (a plain object), not a list, a scalar or a tagged value. */
export const isMapping = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof TaggedValue);

/** Alias expansions allowed in one input: real image lists share vars through anchors, a "billion laughs" needs far more. */
const MAX_ALIAS_EXPANSIONS = 1000;

/** Zuul's encrypted secret values: in the `- secret:` items of nearly every zuul.d file that uploads images. */
export const ZUUL_SECRET_TAG = '!encrypted/pkcs1-oaep';

/** The tag read opaque, on a scalar (one ciphertext) or a list (a long value in chunks), as Zuul writes both. */
function opaqueTags(tags: readonly string[]): Tags {
  return tags.flatMap((tag) => [
    { tag, resolve: () => new TaggedValue(tag), identify: (value: unknown) => value instanceof TaggedValue },
    { tag, collection: 'seq' as const, nodeClass: YAMLSeq, resolve: () => new TaggedValue(tag) },
  ]);
}

export interface YamlOptions {
  /** Tags read as opaque TaggedValues instead of refused; the caller decides where they may be. */
  readonly opaqueTags?: readonly string[];
}

/**
 * Parses an input holding YAML (JSON is YAML too). Errors name the input, the line and the
 * column, never the source text: the line may hold a password. Tags (`!secret`, `!!js/function`)
 * are errors, not warnings: an input is plain data (but for `opaqueTags`).
 */
export function parseYamlInput(text: string, inputName: string, options: YamlOptions = {}): unknown {
  const lineCounter = new LineCounter();
  // uniqueKeys: a key written twice is a mistake, not "last one wins".
  const doc = parseDocument(text, {
    uniqueKeys: true,
    merge: true,
    prettyErrors: false,
    logLevel: 'silent',
    lineCounter,
    customTags: opaqueTags(options.opaqueTags ?? []),
  });
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

/** Where tagged values lie in parsed data, as `root[0].key` paths. */
export function findTagged(raw: unknown, root: string, path: PropertyKey[] = []): { path: string; tag: string }[] {
  if (raw instanceof TaggedValue) return [{ path: formatPath(root, path), tag: raw.tag }];
  if (Array.isArray(raw)) return raw.flatMap((item, i) => findTagged(item, root, [...path, i]));
  if (isMapping(raw)) return Object.entries(raw).flatMap(([key, value]) => findTagged(value, root, [...path, key]));
  return [];
}
