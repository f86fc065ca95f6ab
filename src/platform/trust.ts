import type { ChangeInfo } from './change.js';

/**
 * Why this run builds code its credentials should not meet, or undefined when it is trusted:
 * `pull_request_target` runs with the base repository's secrets, and a pull request from
 * another repository brings code nobody here wrote.
 */
export function untrustedReason(change: ChangeInfo): string | undefined {
  if (change.pipeline === 'pull_request_target') {
    return (
      `the event is pull_request_target, which runs with this repository's ` +
      `secrets${change.headRepository && change.headRepository !== change.baseRepository ? ` on code from ${change.headRepository}` : ''}`
    );
  }
  if (change.headRepository && change.baseRepository && change.headRepository !== change.baseRepository) {
    return `pull request #${change.change} comes from another repository (${change.headRepository}, not ${change.baseRepository})`;
  }
  return undefined;
}

/**
 * Events whose build runs code already in this repository, put there by someone allowed to:
 * only these may write what later builds reuse (the registry build cache). The payload says
 * neither branch protection nor the sender's permission, so the event itself is the evidence.
 * (docs/runners.md, "Who writes the build cache")
 */
const TRUSTED_CODE: Readonly<Record<string, string>> = {
  push: 'a push builds a branch or tag of this repository as pushed by someone with write access',
  merge_group: 'a merge queue builds changes already approved to merge',
  schedule: "a schedule builds the default branch's code",
  workflow_dispatch: 'a manual dispatch builds a branch or tag of this repository and needs write access to start',
  release: "a release builds the release's tag",
  // No runner: the user builds their own checkout on their own machine.
  local: 'a run outside a runner builds the checkout of whoever started it',
};

/** Why an event may not be trusted with code it builds, for the events a list cannot call trusted by name. */
const UNTRUSTED_CODE: Readonly<Record<string, string>> = {
  pull_request: "it builds a pull request's code, not yet reviewed",
  pull_request_target: "it runs for a pull request, whose code may come from anyone's fork",
  workflow_run:
    "it follows a run that is not a push, merge_group, schedule, workflow_dispatch or release run of this repository (a pull request's, maybe from a fork)",
  issue_comment: 'anyone who may comment can start it, on a pull request too',
  repository_dispatch: 'any holder of a token for the API can start it, with a payload of their choosing',
};

/**
 * Why this run may not write the registry build cache, or undefined when it may: the decision is
 * the event's trust (an allow-list), so an event not named here stays read-only.
 */
export function cacheWriteRefusal(change: ChangeInfo): string | undefined {
  const event = change.pipeline;
  if (trustedCodeReason(change)) return undefined;
  const why = Object.hasOwn(UNTRUSTED_CODE, event)
    ? UNTRUSTED_CODE[event]
    : event.startsWith('pull_request')
      ? 'it runs for a pull request, whose code nobody here reviewed yet'
      : 'only push, merge_group, schedule, workflow_dispatch and release builds write it';
  return `a ${event} event never writes it: ${why}`;
}

/** Why an event builds trusted code (for the log), when it does. */
export function trustedCodeReason(change: ChangeInfo): string | undefined {
  if (Object.hasOwn(TRUSTED_CODE, change.pipeline)) return TRUSTED_CODE[change.pipeline];
  // "Build after CI passed": a workflow_run following a trusted run of this repository's own code.
  const run = change.followedRun;
  if (change.pipeline !== 'workflow_run' || !run?.event || run.event === 'local' || !Object.hasOwn(TRUSTED_CODE, run.event))
    return undefined;
  if (!run.headRepository || run.headRepository !== change.baseRepository) return undefined;
  return `a workflow_run following a ${run.event} run of ${run.headRepository} builds that run's code: ${TRUSTED_CODE[run.event]}`;
}

/**
 * Whether this run writes the registry build cache: only events that build trusted code do; a
 * build of untrusted code that wrote it would poison every later trusted build reusing it.
 */
export const writesBuildCache = (change: ChangeInfo): boolean => cacheWriteRefusal(change) === undefined;
