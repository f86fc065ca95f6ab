import { ConfigError } from '../config/errors.js';
import type { ChangeRef } from './depends-on.js';
import { withoutCredentials } from './pull-request.js';
import { detectRunner } from './runner.js';

type Env = Readonly<Record<string, string | undefined>>;

/** What the forge says of a change `use` depends on. */
export interface ChangeFacts {
  readonly ref: ChangeRef;
  readonly state: 'open' | 'closed';
  readonly merged: boolean;
  readonly body: string;
}

const DEADLINE_MS = 15_000;

/**
 * The API of the forge a change lives on. The job's own forge: its API URL (GITHUB_API_URL), and
 * the job's token. Another server gets no token (a job's token is for its own forge only):
 * github.com's API, GitHub Enterprise's `/api/v3`, Gitea's and Forgejo's `/api/v1`.
 */
function apiOf(ref: ChangeRef, env: Env, token: string | undefined): { api: string; headers: Record<string, string> } {
  const own = env.GITHUB_SERVER_URL ? new URL(env.GITHUB_SERVER_URL).origin === ref.server : false;
  const forge = ['gitea', 'forgejo'].includes(detectRunner(env));
  const headers: Record<string, string> = { accept: ref.style === 'pull' ? 'application/vnd.github+json' : 'application/json' };
  if (own && token) headers.authorization = forge ? `token ${token}` : `Bearer ${token}`;
  if (own && env.GITHUB_API_URL) return { api: withoutCredentials(env.GITHUB_API_URL).replace(/\/+$/, ''), headers };
  if (ref.style === 'pulls') return { api: `${ref.server}/api/v1`, headers };
  return { api: new URL(ref.server).hostname === 'github.com' ? 'https://api.github.com' : `${ref.server}/api/v3`, headers };
}

/** `GET /repos/{owner}/{name}/pulls/{N}` (the same path on GitHub, Gitea and Forgejo), within a deadline. */
export async function fetchChange(
  ref: ChangeRef,
  env: Env,
  token: string | undefined,
  fetchImpl: typeof fetch = fetch,
): Promise<ChangeFacts> {
  const { api, headers } = apiOf(ref, env, token);
  const url = `${api}/repos/${ref.repository}/pulls/${ref.number}`;
  const fail = (why: string) =>
    new ConfigError(
      `${ref.url}: reading the change from the forge failed: GET ${url} ${why} (a private repository needs the token input; ` +
        "the job's own forge is GITHUB_API_URL)",
    );
  let response: Response;
  try {
    response = await fetchImpl(url, { headers, signal: AbortSignal.timeout(DEADLINE_MS) });
  } catch (error) {
    throw fail(`did not answer: ${(error as Error).message}`);
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw fail(`answered HTTP ${response.status}`);
  }
  const body = (await response.json().catch(() => ({}))) as { state?: unknown; merged?: unknown; body?: unknown };
  if (body.state !== 'open' && body.state !== 'closed') throw fail(`answered without a state (${JSON.stringify(body.state ?? null)})`);
  return { ref, state: body.state, merged: body.merged === true, body: typeof body.body === 'string' ? body.body : '' };
}
