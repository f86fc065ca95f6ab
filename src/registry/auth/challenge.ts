/**
 * `WWW-Authenticate` parsing (RFC 7235): a header may hold several challenges, each a scheme and
 * comma-separated `key=value` or `key="quoted, value"` parameters; scopes inside are
 * space-separated and may contain `host:port` names.
 */
export interface Challenge {
  readonly scheme: string;
  readonly params: Readonly<Record<string, string>>;
}

export function parseChallenges(header: string | string[] | undefined): Challenge[] {
  if (header === undefined) return [];
  const text = Array.isArray(header) ? header.join(', ') : header;
  const challenges: { scheme: string; params: Record<string, string> }[] = [];
  let i = 0;
  const skip = (re: RegExp) => {
    while (i < text.length && re.test(text[i])) i++;
  };
  while (i < text.length) {
    skip(/[\s,]/);
    const token = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+/.exec(text.slice(i));
    if (!token) break;
    i += token[0].length;
    skip(/[ \t]/);
    if (text[i] === '=') {
      // A parameter of the current challenge, not a new scheme.
      i++;
      skip(/[ \t]/);
      const value = readValue();
      if (challenges.length) challenges[challenges.length - 1].params[token[0].toLowerCase()] = value;
      continue;
    }
    challenges.push({ scheme: token[0], params: {} });
  }
  return challenges;

  function readValue(): string {
    if (text[i] === '"') {
      let out = '';
      for (i++; i < text.length && text[i] !== '"'; i++) {
        if (text[i] === '\\' && i + 1 < text.length) i++;
        out += text[i];
      }
      i++;
      return out;
    }
    const m = /^[^,\s]*/.exec(text.slice(i))!;
    i += m[0].length;
    return m[0];
  }
}

export function findChallenge(challenges: readonly Challenge[], scheme: string): Challenge | undefined {
  return challenges.find((c) => c.scheme.toLowerCase() === scheme.toLowerCase());
}

/** Scope strings are space-separated: `repository:a:pull repository:b:pull,push`. */
export function splitScopes(scope: string | undefined): string[] {
  return (scope ?? '').split(' ').filter(Boolean);
}

/**
 * Parses `repository:<name>:<actions>`; the name may hold `host:port`, so the actions are what
 * follows the LAST colon and the type what precedes the first.
 */
export function parseScope(scope: string): { type: string; name: string; actions: string[] } | undefined {
  const first = scope.indexOf(':');
  const last = scope.lastIndexOf(':');
  if (first <= 0 || last === first) return undefined;
  return {
    type: scope.slice(0, first),
    name: scope.slice(first + 1, last),
    actions: scope
      .slice(last + 1)
      .split(',')
      .filter(Boolean),
  };
}

/** Merges scopes per resource, uniting their actions, in a stable order (the token cache key). */
export function mergeScopes(scopes: readonly string[]): string[] {
  const merged = new Map<string, Set<string>>();
  const raw: string[] = [];
  for (const scope of scopes) {
    const parsed = parseScope(scope);
    if (!parsed) {
      raw.push(scope);
      continue;
    }
    const key = `${parsed.type}:${parsed.name}`;
    const actions = merged.get(key) ?? new Set<string>();
    parsed.actions.forEach((a) => actions.add(a));
    merged.set(key, actions);
  }
  return [...[...merged].map(([key, actions]) => `${key}:${[...actions].sort().join(',')}`), ...new Set(raw)].sort();
}
