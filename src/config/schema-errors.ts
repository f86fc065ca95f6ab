import type { z } from 'zod';
import { didYouMean } from './did-you-mean.js';

/** `images[1].tags[0]`, `registry-credentials["quay.io"].password`. */
export function formatPath(root: string, path: readonly PropertyKey[]): string {
  let out = root;
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (typeof part === 'string' && /^[A-Za-z_][\w-]*$/.test(part)) out += `.${part}`;
    else out += `[${JSON.stringify(String(part))}]`;
  }
  return out;
}

/** Renders a value the way it was written, briefly: strings quoted, long values cut. */
export function show(value: unknown): string {
  const text =
    typeof value === 'string' ? JSON.stringify(value) : value === undefined ? 'nothing' : (JSON.stringify(value) ?? String(value));
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** One line per problem, each naming the field; unknown keys get a "did you mean". */
export function formatIssues(
  root: string,
  issues: readonly z.core.$ZodIssue[],
  knownKeys: (path: readonly PropertyKey[]) => readonly string[],
): string[] {
  const lines: string[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const { name, hidden } = keyName(key);
        const note = hidden ? ' (a key and its value without a space after the colon? The rest is not shown)' : '';
        lines.push(
          `${formatPath(root, [...issue.path, name])}: unknown key${didYouMean(name, knownKeys(issue.path))}${note}; known ` +
            `keys: ${knownKeys(issue.path).join(', ')}`,
        );
      }
    } else if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      // Report the branch that got furthest; the others only repeat "expected X".
      const deepest = issue.errors.reduce((a, b) => (maxDepth(b) > maxDepth(a) ? b : a));
      lines.push(...formatIssues(root, deepest, knownKeys));
    } else {
      lines.push(`${formatPath(root, issue.path)}: ${issue.message}`);
    }
  }
  return lines;
}

/**
 * An unknown key as it may be shown: `password:hunter2` is a key to YAML when the space after the
 * colon is missing, so only what stands before a `:`, `=` or space is named, never the rest.
 */
function keyName(key: string): { name: string; hidden: boolean } {
  const cut = key.search(/[:=\s]/);
  return cut < 0 ? { name: key, hidden: false } : { name: `${key.slice(0, cut)}…`, hidden: true };
}

function maxDepth(issues: readonly z.core.$ZodIssue[]): number {
  return Math.max(0, ...issues.map((i) => i.path.length));
}
