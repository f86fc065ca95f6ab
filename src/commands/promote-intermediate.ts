import { ConfigErrors } from '../config/errors.js';
import type { ImageSpec } from '../config/images/list.js';
import type { PromoteInputs } from '../config/readers/promote.js';
import type { ChangeInfo } from '../platform/change.js';
import { copyImage } from '../registry/copy.js';
import { readImageConfig } from '../registry/image-config.js';
import { parseReference } from '../registry/reference.js';
import { ReferrerMirror } from '../registry/referrers.js';
import { record, type CleanupTarget, type PromotionRun } from './promotion.js';
import { intermediateRepository } from './upload-plan.js';
import { CHANGE_LABEL } from './promote-plan.js';

const REVISION_LABEL = 'org.opencontainers.image.revision';

/** The source of each tag: the gate's artifact, else the deterministic intermediate name. */
function sourceFor(inputs: PromoteInputs, image: ImageSpec, tag: string, prefix: string): string | undefined {
  const artifact = inputs.artifacts?.find(
    (a) =>
      (a.metadata?.repository ?? a.name.slice(0, a.name.lastIndexOf(':'))) === image.repository &&
      (a.metadata?.tag ?? a.name.slice(a.name.lastIndexOf(':') + 1)) === tag,
  );
  if (artifact) return artifact.url.slice('docker://'.length);
  if (inputs.intermediate) return `${inputs.intermediate.registry}/${intermediateRepository(inputs.intermediate, image)}:${prefix}_${tag}`;
  return undefined;
}

const pick = ({ registry, repository }: { registry: string; repository: string }) => ({ registry, repository });
const sourceOf = (copy: IntermediateCopy) => ({ registry: copy.registry, repository: copy.repository });
const finalOf = (copy: IntermediateCopy) => copy.image.reference;

interface IntermediateCopy {
  readonly image: ImageSpec;
  readonly source: string;
  /** Each final tag's own source reference, in the order of `image.tags`. */
  readonly sources: readonly string[];
  /** Set when its intermediate tags are gone and its final tags already hold the change's image (a re-run). */
  readonly gone?: boolean;
  readonly registry: string;
  readonly repository: string;
  readonly digest: string;
}

/**
 * Promotion from an intermediate registry: every source is found and checked before anything is
 * copied (all images or none), then each is copied with every platform to its final tags.
 */
export async function fromIntermediate(run: PromotionRun, change: ChangeInfo, revisions: readonly string[]): Promise<CleanupTarget[]> {
  const { session, inputs, outcome, logger } = run;
  const problems: string[] = [];
  const copies: IntermediateCopy[] = [];
  for (const image of inputs.images) {
    const found = await findSource(run, image, change, revisions);
    if (typeof found === 'string') problems.push(`${image.repository}: ${found}`);
    else copies.push(found);
  }
  if (problems.length)
    throw new ConfigErrors(
      problems.map((p) => `nothing was promoted: ${p}`),
      'images cannot be promoted',
    );

  const referrers = inputs.referrers.enabled
    ? new ReferrerMirror(session, { types: inputs.referrers.types, dryRun: inputs.dryRun })
    : undefined;
  for (const copy of copies) {
    for (const tag of copy.image.tags) outcome.plan.push(`${copy.image.repository}:${tag} <- ${copy.source} (${copy.digest})`);
    if (inputs.dryRun) {
      if (referrers) await promoteReferrers(run, copy, referrers);
      continue;
    }
    if (copy.gone) {
      logger.info(`${copy.image.repository}: already promoted (its intermediate tags were deleted then)`);
      copy.image.tags.forEach((tag, i) =>
        outcome.promoted.push({ repository: copy.image.repository, tag, digest: copy.digest, from: copy.sources[i], status: 'in-place' }),
      );
      continue;
    }
    const result = await logger.group(`Promote ${copy.image.repository} from ${copy.registry}`, () =>
      copyImage(session, sourceOf(copy), finalOf(copy), { source: copy.digest, tags: copy.image.tags }),
    );
    const copied = `copied (${result.blobsCopied} blobs, ${result.blobsMounted} mounted, ${result.blobsSkipped} already there)`;
    logger.info(`${copy.image.repository}: ${result.status === 'unchanged' ? 'already promoted' : copied}`);
    const status = result.status === 'unchanged' ? 'in-place' : 'moved';
    copy.image.tags.forEach((tag, i) =>
      outcome.promoted.push({ repository: copy.image.repository, tag, digest: copy.digest, from: copy.sources[i], status }),
    );
    if (referrers) await promoteReferrers(run, copy, referrers);
  }
  await dropIntermediateTags(run, copies);
  return copies.map((c) => ({ registry: c.registry, repository: c.repository }));
}

/**
 * Once every image is in the final registry, the change's tags in the intermediate registry have
 * served (keep-intermediate keeps them): each goes alone, the image's other tags untouched. A tag
 * that cannot go is left behind, never a failed release.
 */
async function dropIntermediateTags(run: PromotionRun, copies: readonly IntermediateCopy[]): Promise<void> {
  const { deleter, inputs, outcome, logger } = run;
  const tags = [...new Set(copies.filter((c) => !c.gone).flatMap((c) => c.sources))];
  if (tags.length === 0) return;
  if (inputs.keepIntermediate) {
    logger.info(`keep-intermediate: the intermediate tags stay (${tags.join(', ')})`);
    return;
  }
  for (const source of tags) {
    const ref = parseReference(source);
    outcome.plan.push(`delete ${source} (intermediate, promoted)`);
    if (inputs.dryRun) continue;
    try {
      const result = await deleter.deleteTag(ref, ref.tag ?? 'latest');
      record(result, outcome);
      if (result.status === 'deleted') logger.info(`${source}: deleted from the intermediate registry, its image is promoted`);
    } catch (error) {
      outcome.leftBehind.push({ ref: source, reason: (error as Error).message });
    }
  }
}

/**
 * Signatures and SBOMs hang off the digest: without them the final image fails admission
 * policies. Copied after the image (a dry run plans them).
 */
async function promoteReferrers(run: PromotionRun, copy: IntermediateCopy, referrers: ReferrerMirror): Promise<void> {
  const { outcome } = run;
  for (const r of await referrers.copyFor(sourceOf(copy), finalOf(copy), copy.digest)) {
    const at = r.tag ? `:${r.tag}` : `@${r.digest}`;
    if (r.status === 'planned') {
      outcome.plan.push(`${copy.image.repository}${at} <- referrer of ${r.subject} (${r.via})`);
      continue;
    }
    outcome.promoted.push({
      repository: copy.image.repository,
      tag: r.tag ?? r.digest,
      digest: r.digest,
      from: `${copy.registry}/${copy.repository}${at}`,
      status: r.status === 'copied' ? 'moved' : r.status === 'skipped' ? 'skipped' : 'in-place',
      referrer: { subject: r.subject, artifact_type: r.artifactType, via: r.via },
    });
  }
}

/**
 * Where an image's gate build is, checked: every tag present, one digest, the digest the gate
 * recorded, built from the pull request's head or merge commit. A string says why not.
 */
async function findSource(
  run: PromotionRun,
  image: ImageSpec,
  change: ChangeInfo,
  revisions: readonly string[],
): Promise<IntermediateCopy | string> {
  const prefix = change.prefix;
  const { session, inputs } = run;
  const sources = image.tags.map((tag) => sourceFor(inputs, image, tag, prefix));
  const unknown = image.tags.filter((_, i) => !sources[i]);
  if (unknown.length) return `no artifact for ${unknown.join(', ')}, and no intermediate-registry to look in`;
  const refs = (sources as string[]).map((source) => ({ source, ...parseReference(source) }));
  const heads = await Promise.all(refs.map((ref) => session.client(ref.registry).headManifest(ref.repository, ref.tag ?? 'latest')));
  const missing = refs.filter((_, i) => !heads[i]).map((ref) => ref.source);
  if (missing.length === refs.length) {
    // A re-run after a promotion that deleted them: done if the final tags hold this change's image.
    const done = await promotedAlready(run, image, change);
    if (done) return { image, source: refs[0].source, sources: refs.map((r) => r.source), ...pick(refs[0]), digest: done, gone: true };
  }
  if (missing.length) return `missing in the intermediate registry: ${missing.join(', ')}`;
  const digests = new Set(heads.map((h) => h?.digest ?? ''));
  if (digests.size > 1) return `its intermediate tags point at different images (${[...digests].join(', ')})`;
  const [digest] = digests;
  // Several entries may share a repository: the artifact of this entry is the one of its tags.
  const recorded = inputs.artifacts?.find(
    (a) => a.metadata?.repository === image.repository && a.metadata.tag !== undefined && image.tags.includes(a.metadata.tag),
  )?.metadata?.digest;
  if (recorded && recorded !== digest) return `the intermediate image is ${digest}, not the ${recorded} the gate uploaded`;
  const [{ source, registry, repository }] = refs;
  if (revisions.length > 0) {
    const config = await readImageConfig(session.client(registry), repository, digest);
    const revision = config.labels[REVISION_LABEL];
    if (revision && !revisions.includes(revision)) {
      return (
        `the intermediate image was built from ${revision}, not the pull request's head ` +
        `${revisions.join(' or its merge ')}; refusing to promote it`
      );
    }
  }
  return { image, source, sources: refs.map((ref) => ref.source), registry, repository, digest };
}

/** The final tags all hold one image labelled with this change: promoted by an earlier run. */
async function promotedAlready(run: PromotionRun, image: ImageSpec, change: ChangeInfo): Promise<string | undefined> {
  if (change.change === undefined) return undefined;
  const { registry, repository } = image.reference;
  const client = run.session.client(registry);
  const heads = await Promise.all(image.tags.map((tag) => client.headManifest(repository, tag)));
  const digests = new Set(heads.map((h) => h?.digest));
  const [digest] = digests;
  if (digests.size !== 1 || digest === undefined) return undefined;
  const config = await readImageConfig(client, repository, digest);
  return config.labels[CHANGE_LABEL] === String(change.change) ? digest : undefined;
}
