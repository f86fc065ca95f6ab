/** Levenshtein distance; small strings only (keys of a config mapping). */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

/** The closest known word, when it is close enough to be a likely typo. */
export function closest(word: string, known: readonly string[]): string | undefined {
  const normalised = word.toLowerCase().replace(/-/g, '_');
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    // A truncated key (`user` for `username`) is as likely a slip as a typo.
    const truncated = normalised.length >= 3 && candidate.startsWith(normalised);
    const d = truncated ? 1 : distance(normalised, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

export function didYouMean(word: string, known: readonly string[]): string {
  const suggestion = closest(word, known);
  return suggestion ? ` (did you mean "${suggestion}"?)` : '';
}
