import type { ImageSpec } from '../config/images/list.js';
import { refName } from '../registry/reference.js';
import type { PromotionRun } from './promotion.js';

/** The tag a promotion leaves on the image of a merged commit: `sha-` and the commit's first 12 hex digits. */
export const revisionTag = (commit: string): string => `sha-${commit.slice(0, 12)}`;

interface MergedEvent {
  pull_request?: { merged?: boolean; merge_commit_sha?: string | null };
}

/** The commit the change landed as: a push's own commit, or a merged pull request's merge commit. */
export function landedCommit(env: NodeJS.ProcessEnv, event: MergedEvent): string | undefined {
  const commit =
    env.GITHUB_EVENT_NAME === 'push' ? env.GITHUB_SHA : event.pull_request?.merged ? event.pull_request.merge_commit_sha : undefined;
  return commit && /^[0-9a-f]{40}$/.test(commit) ? commit : undefined;
}

/**
 * Puts the revision tag on every image this promotion published, the same manifest bytes: the
 * tested image stays tagged once later merges move the list's tags on (so no registry collects it
 * as untagged), and a release of that commit finds it with one request.
 */
export async function tagRevision(run: PromotionRun, commit: string): Promise<void> {
  const { session, outcome, logger } = run;
  const tag = revisionTag(commit);
  await session.all(run.inputs.images, async (image) => {
    const digest = publishedDigest(run, image);
    if (!digest) return;
    const { registry, repository } = image.reference;
    const client = session.client(registry);
    const ref = refName(image.reference, tag);
    if ((await client.headManifest(repository, tag))?.digest === digest) return;
    outcome.plan.push(`${ref} <- ${digest}`);
    if (run.inputs.dryRun) return;
    const stored = await client.putManifest(repository, tag, await client.getManifest(repository, digest));
    if (stored !== digest) throw new Error(`${ref} was stored as ${stored}, not ${digest}`);
    outcome.revisionTags.push(`${ref}@${digest}`);
    logger.info(`${ref} -> ${digest} (the image of commit ${commit.slice(0, 12)})`);
  });
}

function publishedDigest({ outcome }: PromotionRun, image: ImageSpec): string | undefined {
  const own = outcome.promoted.find((p) => !p.referrer && p.repository === image.repository && image.tags.includes(p.tag));
  return own && (own.status === 'superseded' ? own.ownDigest : own.digest);
}
