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
