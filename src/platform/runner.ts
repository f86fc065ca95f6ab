/** Which CI system runs us, from the environment markers each one sets (docs/runners.md, "Differences between runners"). */
export type RunnerKind = 'forgejo' | 'gitea' | 'act' | 'github' | 'local';

type Env = Readonly<Record<string, string | undefined>>;

export function detectRunner(env: Env): RunnerKind {
  // Order matters: Forgejo also sets GITEA_ACTIONS, and act and the forges also set GITHUB_ACTIONS.
  if (env.FORGEJO_ACTIONS === 'true') return 'forgejo';
  if (env.GITEA_ACTIONS === 'true') return 'gitea';
  if (env.ACT === 'true') return 'act';
  if (env.GITHUB_ACTIONS === 'true') return 'github';
  return 'local';
}
