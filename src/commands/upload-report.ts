import type { ChangeInfo } from '../platform/change.js';
import { refName } from '../registry/reference.js';
import type { BuiltImageReport } from './build.js';
import { flatOutputs } from './flat-outputs.js';
import type { CommandResult } from './types.js';
import type { PushTarget, UploadMode } from './upload-plan.js';

export interface UploadedImageReport extends BuiltImageReport {
  readonly digest: string;
  readonly refs: readonly string[];
  /** Tags that already held the digest (a re-run). */
  readonly skipped: readonly string[];
}

export interface Artifact {
  readonly name: string;
  readonly url: string;
  readonly metadata: { type: 'container_image'; repository: string; tag: string; digest: string; revision: string | null };
}

export function uploadReport(
  mode: UploadMode,
  change: ChangeInfo,
  targets: readonly PushTarget[],
  uploaded: readonly UploadedImageReport[],
  platform?: string,
): CommandResult {
  const artifacts: Artifact[] =
    // A platform job's push is not the gate's result yet: the merge job records the artifacts.
    mode === 'intermediate' && !platform
      ? targets.flatMap((target, i) =>
          target.tags.map((tag, t) => ({
            name: `${target.image.repository}:${target.finalTags[t]}`,
            url: `docker://${refName(target, tag)}`,
            metadata: {
              type: 'container_image' as const,
              repository: target.image.repository,
              tag: target.finalTags[t],
              digest: uploaded[i].digest,
              revision: change.revision ?? null,
            },
          })),
        )
      : [];
  const titles = {
    intermediate: 'Uploaded to the intermediate registry',
    gate: `Uploaded for ${change.prefix} (gate)`,
    release: 'Released',
  };
  return {
    outputs: {
      images: JSON.stringify(uploaded),
      artifacts: JSON.stringify(artifacts),
      ...flatOutputs(uploaded, uploaded.length),
    },
    summary: {
      title: titles[mode],
      headers: ['repository', 'pushed', 'digest', 'platforms'],
      rows: uploaded.map((u) => [
        u.repository,
        u.refs.map((r) => (u.skipped.some((s) => r.endsWith(`:${s}`)) ? `${r} (already there)` : r)).join(' '),
        u.digest,
        u.platforms.join(', '),
      ]),
    },
  };
}
