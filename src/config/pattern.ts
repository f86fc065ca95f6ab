import { RE2JS } from 're2js';
import { ConfigError } from './errors.js';
import { show } from './schema-errors.js';

/** What the code asks of a pattern; RegExp fits too, for patterns built from escaped text. */
export interface Pattern {
  readonly source: string;
  test(text: string): boolean;
}

/**
 * Compiles a pattern from an input with RE2 (re2js): matching takes time linear in the text, so a
 * pattern like `^(a|aa)+$` cannot hang a run on a long tag name, whoever wrote the pattern or
 * the tag. RE2 has no look-around and no back-references; such a pattern is refused, named.
 * `anchored`: the whole text must match (credentials, cleanup); else a match anywhere counts, as
 * in Go's regexp (skopeo's images-by-tag-regex).
 */
export function linearPattern(source: string, field: string, anchored: boolean): Pattern {
  let compiled: RE2JS;
  try {
    compiled = RE2JS.compile(anchored ? `^(?:${source})$` : source);
  } catch (error) {
    throw new ConfigError(
      `${field}: ${show(source)} is not a valid regular expression (RE2 syntax, no look-around or back-references): ` +
        `${(error as Error).message}`,
    );
  }
  return { source, test: (text) => compiled.matcher(text).find() };
}
