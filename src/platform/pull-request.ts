import { ConfigError } from '../config/errors.js';
import type { Logger } from '../logger.js';
import { redactUrl } from '../registry/errors.js';
import { detectChange, type ChangeInfo } from './change.js';
import { detectRunner } from './runner.js';

type Env = Readonly<Record<string, string | undefined>>;

/** A URL without `user:password@`: fetch refuses it (and would print it), the token goes in a header. */
export function withoutCredentials(text: string): string {
  try {
    const url = new URL(text);
    url.username = '';
    url.password = '';
    return url.href;
  } catch {
    return text;
  }
}

/** How long a forge may take to answer one request. */
export const FORGE_DEADLINE_MS = 15_000;

/** Why a request got no answer: the deadline, or the network's own code (ECONNREFUSED, ENOTFOUND, …). */
function whyNoAnswer(error: unknown): string {
  const e = error as Error & { cause?: { code?: string; message?: string } };
  if (e.name === 'TimeoutError') return ` within ${FORGE_DEADLINE_MS / 1000} s`;
  return `: ${e.cause?.code ?? e.cause?.message ?? e.message}`;
}

export interface PullRequestRef {
  readonly number: number;
  readonly headSha?: string;
  readonly mergeSha?: string;
  readonly url?: string;
}

interface ApiPullRequest {
  number: number;
  html_url?: string;
  merged?: boolean;
  merged_at?: string | null;
  merge_commit_sha?: string | null;
  head?: { sha?: string };
}

/**
 * The pull request a pushed commit came from: GitHub's `commits/{sha}/pulls` lists candidates;
 * Gitea and Forgejo answer `commits/{sha}/pull` with the one that merged it.
 */
export async function findPullRequest(
  env: Env,
  sha: string,
  token: string | undefined,
  fetchImpl: typeof fetch = fetch,
): Promise<PullRequestRef | undefined> {
  const repository = env.GITHUB_REPOSITORY;
  if (!repository)
    throw new ConfigError('GITHUB_REPOSITORY is not set: cannot look up the pull request of a commit; give the change input');
  const { api, forge, headers } = forgeApi(env, token);
  const url = `${api}/repos/${repository}/commits/${sha}/${forge ? 'pull' : 'pulls'}`;
  const shown = redactUrl(url);
  let response: Response;
  try {
    response = await fetchImpl(url, { headers, signal: AbortSignal.timeout(FORGE_DEADLINE_MS) });
  } catch (error) {
    throw new ConfigError(
      `looking up the pull request of ${sha}: GET ${shown} did not answer${whyNoAnswer(error)}: check that GITHUB_API_URL ` +
        `(${redactUrl(api)}) is the forge's API and that the runner reaches it, or give the change input`,
    );
  }
  if (response.status === 404) {
    await response.body?.cancel();
    return undefined;
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new ConfigError(
      `looking up the pull request of ${sha}: GET ${shown} answered HTTP ${response.status}` +
        (response.status === 401 || response.status === 403
          ? ': check the token input and its pull-requests: read permission'
          : ': the forge failed; re-run, or give the change input'),
    );
  }
  const body = (await response.json()) as ApiPullRequest | ApiPullRequest[];
  const candidates = Array.isArray(body) ? body : [body];
  const pr = candidates.find((p) => p.merge_commit_sha === sha) ?? candidates.find((p) => p.merged || p.merged_at) ?? candidates[0];
  return pr ? { number: pr.number, headSha: pr.head?.sha, mergeSha: pr.merge_commit_sha ?? undefined, url: pr.html_url } : undefined;
}

/** The forge's API base and headers: GitHub's, or Gitea's and Forgejo's `/api/v1` with `token` auth. */
function forgeApi(env: Env, token: string | undefined): { api: string; forge: boolean; headers: Record<string, string> } {
  const runner = detectRunner(env);
  const forge = runner === 'gitea' || runner === 'forgejo';
  const api = withoutCredentials(env.GITHUB_API_URL || (forge ? `${env.GITHUB_SERVER_URL}/api/v1` : 'https://api.github.com')).replace(
    /\/+$/,
    '',
  );
  const headers: Record<string, string> = { accept: forge ? 'application/json' : 'application/vnd.github+json' };
  if (token) headers.authorization = forge ? `token ${token}` : `Bearer ${token}`;
  return { api, forge, headers };
}

export type ChangeState = 'open' | 'closed';

/** The forge's word on a change: its state, or why the forge was asked and could not give it. */
export type ChangeAnswer = { readonly state: ChangeState } | { readonly state: 'unknown'; readonly reason: string };

/**
 * Asks the forge whether pull request N is still open (`GET /repos/{repo}/pulls/{N}`, the same
 * path on GitHub, Gitea and Forgejo), once per number. Undefined where the forge was not asked
 * (no repository or token) or knows no such change (404): the caller decides by other means.
 * `unknown`, with the reason, where it was asked and failed (an error status, a timeout, the
 * network, a body without a state): the change may be open, so the caller keeps its tags.
 */
export function changeStateLookup(
  env: Env,
  token: string | undefined,
  logger: Logger,
  fetchImpl: typeof fetch = fetch,
): (change: number) => Promise<ChangeAnswer | undefined> {
  const cache = new Map<number, Promise<ChangeAnswer | undefined>>();
  const repository = env.GITHUB_REPOSITORY;
  return (change) => {
    if (!repository || !token) return Promise.resolve(undefined);
    let answer = cache.get(change);
    if (!answer) {
      const { api, headers } = forgeApi(env, token);
      answer = askChangeState(`${api}/repos/${repository}/pulls/${change}`, headers, fetchImpl).then((found) => {
        if (found?.state === 'unknown') logger.debug(`the state of change ${change} is unknown: ${found.reason}`);
        return found;
      });
      cache.set(change, answer);
    }
    return answer;
  };
}

async function askChangeState(url: string, headers: Record<string, string>, fetchImpl: typeof fetch): Promise<ChangeAnswer | undefined> {
  const unknown = (why: string): ChangeAnswer => ({ state: 'unknown', reason: `the forge ${why} (GET ${url})` });
  try {
    const response = await fetchImpl(url, { headers, signal: AbortSignal.timeout(FORGE_DEADLINE_MS) });
    if (!response.ok) await response.body?.cancel(); // else the connection stays taken until collected
    if (response.status === 404) return undefined;
    if (!response.ok) return unknown(`answered HTTP ${response.status}`);
    const body = (await response.json()) as { state?: unknown };
    if (body.state === 'open' || body.state === 'closed') return { state: body.state };
    return unknown(`answered without a state (${JSON.stringify(body.state ?? null)})`);
  } catch (error) {
    return unknown(`did not answer: ${(error as Error).message}`);
  }
}

export interface PromoteChange {
  readonly change: ChangeInfo;
  /**
   * Commits the gate may have built the change from: the PR's head, and the merge commit (a
   * merge queue builds the commit that then lands). Empty when none is known.
   */
  readonly revisions: readonly string[];
  /** Set when there is nothing to promote (a pull request closed without merging). */
  readonly skip?: string;
}

interface PromoteEvent {
  action?: string;
  pull_request?: { number?: number; merged?: boolean; merge_commit_sha?: string | null; head?: { sha?: string } };
}

const known = (...shas: (string | null | undefined)[]) => [...new Set(shas.filter((s): s is string => !!s))];

export interface PromoteChangeOptions {
  /** The change input, which always wins. */
  readonly override?: number;
  /** Token for the forge's API (commit -> pull request). */
  readonly token?: string;
  readonly logger: Logger;
  readonly fetchImpl?: typeof fetch;
}

/** Which change a promote run is for: the change input, a merged pull request, or a pushed commit's PR. */
export async function changeForPromote(env: Env, event: PromoteEvent, options: PromoteChangeOptions): Promise<PromoteChange> {
  const { override, token, logger, fetchImpl } = options;
  const name = env.GITHUB_EVENT_NAME ?? '';
  const pr = event.pull_request;
  const prRevisions = known(pr?.head?.sha, pr?.merge_commit_sha);
  if (override !== undefined) return { change: detectChange(env, event, override), revisions: pr?.number === override ? prRevisions : [] };
  if (name.startsWith('pull_request') && pr?.number) {
    if (event.action === 'closed' && pr.merged !== true) {
      return {
        change: detectChange(env, event),
        revisions: [],
        skip: `pull request #${pr.number} was closed without merging: nothing to promote`,
      };
    }
    return { change: detectChange(env, event), revisions: prRevisions };
  }
  if (name === 'push') {
    const sha = env.GITHUB_SHA;
    if (!sha) throw new ConfigError('GITHUB_SHA is not set: cannot find the pull request of the push; give the change input');
    const found = await findPullRequest(env, sha, token, fetchImpl);
    if (!found)
      throw new ConfigError(
        `no pull request found for commit ${sha} in ${env.GITHUB_REPOSITORY}: was it pushed directly? Give the change input ` +
          `to promote a change explicitly`,
      );
    logger.info(`commit ${sha.slice(0, 12)} came from pull request #${found.number}`);
    return { change: detectChange(env, event, found.number), revisions: known(found.headSha, found.mergeSha, sha) };
  }
  throw new ConfigError(
    `no change to promote for the ${name || 'local'} event: run promote on pull_request (closed) or push, or give the change input`,
  );
}
