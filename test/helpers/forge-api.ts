import { createServer, type Server } from 'node:http';
import { freePort } from './registry-process.js';

export interface ForgeApi {
  readonly url: string;
  readonly calls: { path: string; authorization?: string }[];
  close(): Promise<void>;
}

/**
 * The commit → pull request endpoints of GitHub (a list) and Gitea/Forgejo (one object) for
 * acme/widgets: each commit of `prByCommit` was merged by that pull request, others are 404.
 */
export async function startForgeApi(prByCommit: Record<string, number>): Promise<ForgeApi> {
  const calls: { path: string; authorization?: string }[] = [];
  const port = await freePort();
  const server: Server = createServer((req, res) => {
    calls.push({ path: req.url ?? '', authorization: req.headers.authorization });
    const github = /^\/repos\/acme\/widgets\/commits\/([0-9a-f]{40})\/pulls$/.exec(req.url ?? '');
    const gitea = /^\/api\/v1\/repos\/acme\/widgets\/commits\/([0-9a-f]{40})\/pull$/.exec(req.url ?? '');
    const sha = (github ?? gitea)?.[1];
    const number = sha ? prByCommit[sha] : undefined;
    res.setHeader('content-type', 'application/json');
    if (number === undefined) return res.writeHead(404).end(JSON.stringify({ message: 'Not Found' }));
    const pr = {
      number,
      html_url: `http://forge/acme/widgets/pull/${number}`,
      merged: true,
      merged_at: '2026-11-27T00:00:00Z',
      merge_commit_sha: sha,
      head: { sha: 'e'.repeat(40) },
    };
    res.writeHead(200).end(JSON.stringify(github ? [pr] : pr));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${port}`, calls, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

export interface StandInPull {
  state: 'open' | 'closed';
  merged: boolean;
  body: string;
}

/**
 * GitHub's and Gitea's `GET /repos/{owner}/{name}/pulls/{N}` (Gitea's under /api/v1) for the
 * pull requests of `pulls`, keyed `owner/name#N`; the map may change between requests.
 */
export async function startPullsApi(pulls: Record<string, StandInPull>): Promise<ForgeApi> {
  const calls: { path: string; authorization?: string }[] = [];
  const port = await freePort();
  const server: Server = createServer((req, res) => {
    calls.push({ path: req.url ?? '', authorization: req.headers.authorization });
    const match = /^(?:\/api\/v1)?\/repos\/([^/]+\/[^/]+)\/pulls\/(\d+)$/.exec(req.url ?? '');
    const pull = match ? pulls[`${match[1]}#${match[2]}`] : undefined;
    res.setHeader('content-type', 'application/json');
    if (!pull) return res.writeHead(404).end(JSON.stringify({ message: 'Not Found' }));
    res.writeHead(200).end(JSON.stringify({ number: Number(match![2]), ...pull }));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${port}`, calls, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
