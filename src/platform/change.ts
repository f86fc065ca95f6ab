import { readFileSync } from 'node:fs';
import { ConfigError } from '../config/errors.js';
import { detectRunner } from './runner.js';

type Env = Readonly<Record<string, string | undefined>>;

/** Zuul's change facts, read from the runner's event (docs/runners.md, "Zuul's pipelines on Actions runners"). */
export interface ChangeInfo {
  /** Pull request number, when the event is about one. */
  readonly change?: number;
  readonly changeUrl?: string;
  /** Commit the images are built from: the PR head, else the pushed commit. */
  readonly revision?: string;
  /** Zuul's pipeline: the event name, or `local` outside a runner. */
  readonly pipeline: string;
  /** Prefix of temporary tags: `change_<N>`, or the pipeline when there is no change. */
  readonly prefix: string;
  /** `owner/name` of the PR's head and base repositories, when known. */
  readonly headRepository?: string;
  readonly baseRepository?: string;
  /** For `workflow_run`: the event of the run it follows, and the repository that run built. */
  readonly followedRun?: { readonly event?: string; readonly headRepository?: string };
}

interface PullRequestPayload {
  number?: number;
  html_url?: string;
  merged?: boolean;
  merge_commit_sha?: string | null;
  body?: string | null;
  head?: { sha?: string; repo?: { full_name?: string } | null };
  base?: { repo?: { full_name?: string } | null };
}

interface EventPayload {
  pull_request?: PullRequestPayload;
  /** The repository the event is about (act fills GITHUB_REPOSITORY from the checkout's remote, or its own name without one). */
  repository?: { full_name?: string } | null;
  merge_group?: { head_ref?: string; head_sha?: string };
  number?: number;
  workflow_run?: { event?: string; head_repository?: { full_name?: string } | null };
}

/** The head ref GitHub gives a merge-queue entry: `refs/heads/gh-readonly-queue/<base>/pr-<N>-<sha>`. */
const MERGE_QUEUE_REF = /gh-readonly-queue\/.+\/pr-(\d+)-([0-9a-f]{40})$/;

export function readEvent(env: Env): EventPayload {
  const path = env.GITHUB_EVENT_PATH;
  if (!path) return {};
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as EventPayload;
  } catch (error) {
    throw new ConfigError(`GITHUB_EVENT_PATH: cannot read the event payload ${path}: ${(error as Error).message}`, { cause: error });
  }
}

export function detectChange(env: Env, event: EventPayload, override?: number): ChangeInfo {
  const pipeline = sanitisePipeline(env.GITHUB_EVENT_NAME || 'local');
  const base: FoundChange = {
    revision: env.GITHUB_SHA || undefined,
    baseRepository: event.repository?.full_name || env.GITHUB_REPOSITORY || undefined,
  };
  const serverUrl = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
  // Gitea and Forgejo show pull requests under /pulls/N, GitHub under /pull/N.
  const pullPath = ['gitea', 'forgejo'].includes(detectRunner(env)) ? 'pulls' : 'pull';
  const urlOf = (change: number) => (base.baseRepository ? `${serverUrl}/${base.baseRepository}/${pullPath}/${change}` : undefined);

  let found = fromPullRequest(pipeline, event, base) ?? fromMergeQueue(pipeline, event, base, urlOf) ?? base;
  if (override !== undefined && override !== found.change) found = { ...found, change: override, changeUrl: urlOf(override) };
  const prefix = found.change !== undefined ? `change_${found.change}` : pipeline;
  const run = pipeline === 'workflow_run' ? event.workflow_run : undefined;
  const followedRun = run && { event: run.event, headRepository: run.head_repository?.full_name };
  return { ...found, pipeline, prefix, ...(followedRun && { followedRun }) };
}

type FoundChange = Omit<ChangeInfo, 'pipeline' | 'prefix'>;

/** A pull_request* event names its pull request, head commit and repositories. */
function fromPullRequest(pipeline: string, event: EventPayload, base: FoundChange): FoundChange | undefined {
  const pr = event.pull_request;
  if (!pipeline.startsWith('pull_request') || !pr?.number) return undefined;
  return {
    ...base,
    change: pr.number,
    changeUrl: pr.html_url,
    revision: pr.head?.sha || base.revision,
    headRepository: pr.head?.repo?.full_name || undefined,
    baseRepository: pr.base?.repo?.full_name || base.baseRepository,
  };
}

/** A merge queue's head ref `gh-readonly-queue/<base>/pr-<N>-<sha>` names the change. */
function fromMergeQueue(
  pipeline: string,
  event: EventPayload,
  base: FoundChange,
  urlOf: (change: number) => string | undefined,
): FoundChange | undefined {
  const match = pipeline === 'merge_group' && event.merge_group?.head_ref ? MERGE_QUEUE_REF.exec(event.merge_group.head_ref) : null;
  if (!match) return undefined;
  const change = Number(match[1]);
  return { ...base, change, changeUrl: urlOf(change), revision: event.merge_group?.head_sha || base.revision };
}

/** Event names are tag-safe already; anything else (a custom pipeline) is made so. */
function sanitisePipeline(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9_.-]/g, '_').replace(/^[.-]+/, '');
  return cleaned || 'local';
}
