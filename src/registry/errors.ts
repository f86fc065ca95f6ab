/** One entry of the OCI error body: `{"errors": [{"code", "message", "detail"}]}`. */
export interface OciErrorEntry {
  readonly code: string;
  readonly message?: string;
}

/** A registry said no (or did not answer): method, URL without credentials, status, OCI codes. */
export class RegistryError extends Error {
  constructor(
    readonly method: string,
    readonly url: string,
    readonly status: number | undefined,
    readonly codes: readonly OciErrorEntry[] = [],
    detail?: string,
  ) {
    const codesText = codes.length ? ` ${codes.map((c) => (c.message ? `${c.code}: ${c.message}` : c.code)).join('; ')}` : '';
    // A server may echo the request's Authorization in its error body: never into a log line.
    super(
      redactCredentials(
        `${method} ${url}: ${status === undefined ? 'no response' : `HTTP ${status}`}${codesText}${detail ? ` (${detail})` : ''}`,
      ),
    );
    this.name = 'RegistryError';
  }

  /** Worth retrying: no response, throttled, or a server-side failure. */
  get temporary(): boolean {
    return (
      this.status === undefined ||
      this.status === 429 ||
      this.status === 408 ||
      (this.status >= 500 && this.status !== 501 && this.status !== 505)
    );
  }

  hasCode(code: string): boolean {
    return this.codes.some((c) => c.code === code);
  }
}

/**
 * A write to a repository the registry's login is not for (its repository pattern): refused
 * before anything was sent. Not temporary: the run or the pattern must change.
 */
export class CredentialScopeError extends Error {
  constructor(
    readonly method: string,
    readonly url: string,
    readonly repository: string,
    readonly source: string,
  ) {
    super(
      `${method} ${url}: ${repository} is outside the repositories the login is for (${source}); refused, nothing was sent. ` +
        'Write only to repositories the pattern admits, or widen the pattern',
    );
    this.name = 'CredentialScopeError';
  }
}

export function parseOciErrors(body: string): OciErrorEntry[] {
  try {
    const parsed = JSON.parse(body) as { errors?: { code?: unknown; message?: unknown }[] };
    return (parsed.errors ?? [])
      .filter((e) => typeof e.code === 'string')
      .map((e) => ({ code: String(e.code), message: typeof e.message === 'string' ? e.message : undefined }));
  } catch {
    return [];
  }
}

/** Hides the value of every `Basic …` / `Bearer …` credential in a text from a server. */
export function redactCredentials(text: string): string {
  return text.replace(/\b(basic|bearer)(\s+|%20|\+)[A-Za-z0-9._~+/=-]{4,}/gi, '$1$2***');
}

/** URL text safe for logs: no user info, no query values that might be tokens. */
export function redactUrl(url: URL | string): string {
  const u = new URL(String(url));
  u.username = '';
  u.password = '';
  for (const key of [...u.searchParams.keys()]) {
    if (/token|signature|sig|credential|secret|key/i.test(key)) u.searchParams.set(key, '***');
  }
  return u.toString();
}

/** A JSON body, or an error naming the URL (without credentials) that sent something else. */
export function parseJsonBody<T>(bytes: Buffer, method: string, url: URL): T {
  try {
    return JSON.parse(bytes.toString('utf8')) as T;
  } catch {
    throw new RegistryError(method, redactUrl(url), 200, [], `the answer is not JSON (${bytes.length} bytes)`);
  }
}
