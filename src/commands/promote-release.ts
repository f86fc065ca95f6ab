import { ConfigErrors } from '../config/errors.js';
import type { ImageSpec } from '../config/images/list.js';
import type { ReleaseInputs } from '../config/inputs/release.js';
import type { Manifest } from '../registry/client.js';
import { refName } from '../registry/reference.js';
import type { RegistrySession } from '../registry/session.js';
import type { PromotedTag, PromotionRun } from './promotion.js';
import type { ReleaseSource } from '../platform/release-source.js';
import { locateGated } from './release-locate.js';
import { isExactVersion, versionTags, type HeldTag } from './release-tags.js';

/** What releasing one image takes, worked out before any tag moves. */
interface ReleasePlan {
  readonly image: ImageSpec;
  readonly ref: string;
  readonly digest: string;
  readonly manifest: Manifest;
  /** Where the gated image was found, and by which label. */
  readonly from: string;
  readonly by: string;
  readonly moves: readonly string[];
  readonly inPlace: readonly string[];
  readonly held: readonly HeldTag[];
}

type Planned = { readonly kind: 'ready'; readonly plan: ReleasePlan } | { readonly kind: 'problem'; readonly problem: string };

/**
 * A release by promotion: the image the change's gate built and tested gets the release tags,
 * server-side (the same manifest bytes, so every platform and every referrer stays with it), and
 * nothing is built. Every image is located and planned before any tag moves: all or none.
 */
export async function release(run: PromotionRun, source: ReleaseSource, inputs: ReleaseInputs): Promise<void> {
  const { session, outcome, logger } = run;
  const images = run.inputs.images;
  const planned = await session.all(images, (image, i) => planRelease(session, image, source, inputs.tagsOf(i)));
  const problems = planned.flatMap((p) => (p.kind === 'problem' ? [`nothing was released: ${p.problem}`] : []));
  if (problems.length) throw new ConfigErrors(problems, 'images cannot be released');
  const plans = planned.map((p) => (p as { plan: ReleasePlan }).plan);
  for (const plan of plans) {
    logger.info(`${plan.ref}: the gated image is ${plan.digest} (found under ${plan.from}, ${plan.by})`);
    for (const held of plan.held) logger.info(`${plan.ref}:${held.tag} stays where it is: ${held.reason}`);
    for (const tag of plan.moves) outcome.plan.push(`${plan.ref}:${tag} <- ${plan.digest}`);
  }
  if (run.inputs.dryRun) return;
  const moved = await session.all(plans, (plan) => moveReleaseTags(session, plan, logger.info.bind(logger)));
  for (const tags of moved) outcome.promoted.push(...tags);
}

async function planRelease(
  session: RegistrySession,
  image: ImageSpec,
  source: ReleaseSource,
  given: readonly string[] | { readonly gitTag: string },
): Promise<Planned> {
  const located = await locateGated(session, image, source);
  if (located.kind === 'problem') return located;
  const { registry, repository } = image.reference;
  const client = session.client(registry);
  const ref = refName(image.reference);
  let tags: readonly string[];
  let held: readonly HeldTag[] = [];
  if ('gitTag' in given) {
    // The rule compares with the releases the repository already has: list it once.
    const listing = await client.readTags(repository);
    ({ tags, held } = versionTags(given.gitTag, listing.tags));
  } else tags = given;
  const heads = await Promise.all(tags.map((tag) => client.headManifest(repository, tag)));
  const moves: string[] = [];
  const inPlace: string[] = [];
  for (const [i, tag] of tags.entries()) {
    const on = heads[i]?.digest;
    if (on === located.digest) inPlace.push(tag);
    else if (on !== undefined && isExactVersion(tag))
      return {
        kind: 'problem',
        problem:
          `${ref}:${tag} already holds ${on}, another image than the gated ${located.digest}: a version tag is never moved; ` +
          `release a new version`,
      };
    else moves.push(tag);
  }
  const plan = { image, ref, digest: located.digest, manifest: located.manifest, from: `${ref}:${located.tag}`, by: located.by };
  return { kind: 'ready', plan: { ...plan, moves, inPlace, held } };
}

/** Puts the gated manifest's own bytes on each release tag: no layer moves, the digest cannot change. */
async function moveReleaseTags(session: RegistrySession, plan: ReleasePlan, info: (line: string) => void): Promise<PromotedTag[]> {
  const client = session.client(plan.image.reference.registry);
  const entry = (tag: string, status: PromotedTag['status']): PromotedTag => ({
    repository: plan.image.repository,
    tag,
    digest: plan.digest,
    from: plan.from,
    status,
  });
  const promoted: PromotedTag[] = [];
  for (const tag of plan.moves) {
    const stored = await client.putManifest(plan.image.reference.repository, tag, plan.manifest);
    if (stored !== plan.digest) throw new Error(`${plan.ref}:${tag} was stored as ${stored}, not ${plan.digest}`);
    promoted.push(entry(tag, 'moved'));
    info(`${plan.ref}:${tag} -> ${plan.digest}`);
  }
  return [...promoted, ...plan.inPlace.map((tag) => entry(tag, 'in-place'))];
}
