import type { IntermediateRegistry } from '../config/inputs/promotion.js';
import type { Logger } from '../logger.js';
import type { ChangeInfo } from '../platform/change.js';
import { refName } from '../registry/reference.js';
import type { RegistrySession } from '../registry/session.js';
import { pushRecord, recordLocation } from './change-record.js';
import type { PushTarget } from './upload-plan.js';

/**
 * After every image of a gate is pushed, the change's record: each final reference, where the
 * change's image is, and its digest, so that another repository's `use` finds them. Written last,
 * so a record never names an image that is not there; a newer upload of the change overwrites it.
 */
export async function recordChange(
  { session, logger, env }: { session: RegistrySession; logger: Logger; env: NodeJS.ProcessEnv },
  changes: IntermediateRegistry | undefined,
  change: ChangeInfo,
  targets: readonly PushTarget[],
  uploaded: readonly { readonly digest: string }[],
): Promise<void> {
  const repository = change.baseRepository ?? env.GITHUB_REPOSITORY;
  if (!changes || change.change === undefined || !repository) {
    const why = !changes
      ? 'no changes-registry is set'
      : change.change === undefined
        ? 'this run is for no change'
        : 'no repository is known';
    logger.info(`no change record written: ${why}`);
    return;
  }
  const where = recordLocation(changes, repository, change.change);
  const images = targets.flatMap((target, i) =>
    target.tags.map((tag, t) => ({
      reference: `${target.image.repository}:${target.finalTags[t]}`,
      speculative: refName(target, tag),
      digest: uploaded[i].digest,
    })),
  );
  try {
    await pushRecord(session.client(where.registry), where, {
      version: 1,
      repository,
      change: change.change,
      url: change.changeUrl,
      revision: change.revision,
      pipeline: change.pipeline,
      images,
    });
  } catch (error) {
    throw new Error(
      `the images are pushed, but the change record ${refName(where, where.tag)} could not be written: ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
  logger.info(`change record ${refName(where, where.tag)} written: ${images.length} reference(s)`);
}
