import type { PromoteInputs } from '../config/readers/promote.js';
import type { Logger } from '../logger.js';
import type { RegistrySession } from '../registry/session.js';
import type { TagDeleter, TagDeletion } from '../registry/tag-delete/tag-deleter.js';
import { refName } from '../registry/reference.js';

export interface PromotedTag {
  readonly repository: string;
  readonly tag: string;
  readonly digest: string;
  readonly from: string;
  /**
   * `moved`; `in-place` when a previous run already set it; `superseded` when a promotion of a
   * newer build of the same repository ran at the same time and won: `digest` is then what the
   * tag really holds, `ownDigest` what this run promoted; `skipped` for a referrer beyond the
   * followed depth, not copied (a warning names it).
   */
  readonly status: 'moved' | 'in-place' | 'superseded' | 'skipped';
  readonly ownDigest?: string;
  /** Set for a signature, SBOM or attestation copied with the image (`tag`: its cosign tag, else its digest). */
  readonly referrer?: { readonly subject: string; readonly artifact_type: string; readonly via: string };
}

export interface LeftBehind {
  readonly ref: string;
  readonly reason: string;
}

export interface Outcome {
  promoted: PromotedTag[];
  deleted: string[];
  leftBehind: LeftBehind[];
  /** Leaked temporary tags of other changes the cleanup deleted, and why (also in `deleted`). */
  leaked: LeftBehind[];
  /** Temporary tags of other changes the cleanup kept, and why. */
  kept: LeftBehind[];
  /** `registry/repository:sha-<commit>@digest` set by revision-tag. */
  revisionTags: string[];
  /** What would happen, for dry-run. */
  plan: string[];
}

export const emptyOutcome = (): Outcome => ({
  promoted: [],
  deleted: [],
  leftBehind: [],
  leaked: [],
  kept: [],
  revisionTags: [],
  plan: [],
});

/** What one promotion run works with: its session, deleter, inputs, what it did so far, its log. */
export interface PromotionRun {
  readonly session: RegistrySession;
  readonly deleter: TagDeleter;
  readonly inputs: PromoteInputs;
  readonly outcome: Outcome;
  readonly logger: Logger;
  readonly env: NodeJS.ProcessEnv;
}

/** Repositories whose leaked temporary tags the cleanup looks at. */
export type CleanupTarget = { registry: string; repository: string };

export function record(result: TagDeletion, outcome: Outcome): void {
  const ref = `${refName(result, result.tag)}`;
  if (result.status === 'deleted') outcome.deleted.push(ref);
  else if (result.status === 'left-behind') outcome.leftBehind.push({ ref, reason: result.detail ?? 'not deletable' });
}
