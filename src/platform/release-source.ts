import { ConfigError } from '../config/errors.js';
import type { Logger } from '../logger.js';
import { findPullRequest } from './pull-request.js';

type Env = Readonly<Record<string, string | undefined>>;

/** What identifies the gated image of a release: the change that merged the tagged commit, and its commits. */
export interface ReleaseSource {
  readonly commit: string;
  readonly change?: number;
  /** The tagged commit, and the pull request's head and merge commits when known. */
  readonly revisions: readonly string[];
}

export interface ReleaseSourceOptions {
  /** The change input, which always wins. */
  readonly override?: number;
  readonly token?: string;
  readonly logger: Logger;
  readonly fetchImpl?: typeof fetch;
}

/**
 * The tagged commit (GITHUB_SHA) and the pull request that merged it, asked of the forge. Without
 * an answer the commit alone identifies the image (a merge queue builds the commit that lands).
 */
export async function releaseSource(env: Env, options: ReleaseSourceOptions): Promise<ReleaseSource> {
  const { override, token, logger, fetchImpl } = options;
  const commit = env.GITHUB_SHA ?? '';
  if (!/^[0-9a-f]{40}$/.test(commit))
    throw new ConfigError(`GITHUB_SHA: "${commit}" is not a commit: a release by promotion needs the tagged commit`);
  if (override !== undefined) return { commit, change: override, revisions: [commit] };
  let found: Awaited<ReturnType<typeof findPullRequest>>;
  try {
    found = env.GITHUB_REPOSITORY ? await findPullRequest(env, commit, token, fetchImpl) : undefined;
  } catch (error) {
    logger.warning(`could not ask the forge which pull request merged ${commit}: ${(error as Error).message}`);
  }
  if (!found) {
    logger.info(`no pull request known for commit ${commit.slice(0, 12)}: looking for the image built from that commit`);
    return { commit, revisions: [commit] };
  }
  logger.info(`commit ${commit.slice(0, 12)} came from pull request #${found.number}`);
  const revisions = [...new Set([commit, found.headSha, found.mergeSha].filter((s): s is string => !!s))];
  return { commit, change: found.number, revisions };
}
