import type { ImageSpec } from '../config/images/list.js';
import type { Manifest, ManifestHead } from '../registry/client.js';
import { isDummy } from '../registry/tag-delete/dummy.js';
import { readImageConfig } from '../registry/image-config.js';
import type { RegistrySession } from '../registry/session.js';

export const CHANGE_LABEL = 'org.zuul-ci.change';

interface PromotionBase {
  readonly image: ImageSpec;
  readonly registry: string;
  readonly repository: string;
}

/** Why this image cannot be promoted (missing or inconsistent temporary tags). */
export interface ProblemPromotion extends PromotionBase {
  readonly kind: 'problem';
  readonly problem: string;
}

/** What promoting one image by tag takes, worked out before anything moves. */
export interface ReadyPromotion extends PromotionBase {
  readonly kind: 'ready';
  /** The digest every final tag gets: the temporary tags' one. */
  readonly digest: string;
  /** Its manifest, read once while planning and put as is (and put back should a deletion take it). */
  readonly manifest: Manifest;
  /** Final tags to point at the digest. */
  readonly moves: readonly string[];
  /** Final tags already on the digest (a re-run after a partial promotion). */
  readonly inPlace: readonly string[];
  /** Temporary tags that still exist and go once the final tags are set. */
  readonly temporary: readonly string[];
  /** Set when there is nothing left to do: every final tag holds this change's image. */
  readonly alreadyPromoted: boolean;
  /**
   * Set when the temporary tags are gone and the final tags hold one image with no change label:
   * promoted already only if another image of the run shows the change was gated.
   */
  readonly unlabelled?: string;
}

export type TagPromotion = ReadyPromotion | ProblemPromotion;

/**
 * Reads where every temporary and final tag of an image stands. A re-run after a failure at any
 * point resumes: final tags already on the digest stay, temporary tags already gone are fine
 * when their final tag holds the digest, and an image whose temporary tags are all gone is
 * "already promoted" when its final tags carry this change's label.
 */
export async function planTagPromotion(
  session: RegistrySession,
  image: ImageSpec,
  prefix: string,
  change: number | undefined,
): Promise<TagPromotion> {
  const { registry, repository: repository } = image.reference;
  const client = session.client(registry);
  const head = (tag: string) => client.headManifest(repository, tag);
  const found = await Promise.all(image.tags.map((tag) => head(`${prefix}_${tag}`)));
  const base = { image, registry, repository };
  const problem = (text: string): ProblemPromotion => ({ ...base, kind: 'problem', problem: text });
  // A temporary tag on a dummy manifest is a deletion that was cut short: finish it, never promote it.
  const manifests = new Map<string, Manifest>();
  const dummies = new Set<string>();
  for (const digest of new Set(found.flatMap((t) => (t ? [t.digest] : [])))) {
    const manifest = await client.getManifest(repository, digest);
    if (isDummy(manifest)) dummies.add(digest);
    else manifests.set(digest, manifest);
  }
  const existing = image.tags.filter((_, i) => found[i]).map((tag) => `${prefix}_${tag}`);
  const temps = found.map((t) => (t && !dummies.has(t.digest) ? t : undefined));
  if (manifests.size > 1) {
    return problem(
      `the temporary tags of ${image.repository} point at different images (${[...manifests.keys()].join(', ')}): was the ` +
        `change uploaded twice? Re-run its gate`,
    );
  }
  // Final tags are only read when a temporary one is missing (a re-run): otherwise putting the
  // manifest again is as cheap as looking, and keeps a promotion at about two requests a tag.
  const complete = temps.every(Boolean);
  const finals = complete ? image.tags.map(() => undefined) : await Promise.all(image.tags.map((tag) => head(tag)));
  if (manifests.size === 0) {
    const done = await alreadyPromoted(session, image, finals, prefix, change);
    return done.kind === 'problem' ? done : { ...done, temporary: existing };
  }
  const [[digest, manifest]] = manifests;
  const moves: string[] = [];
  const inPlace: string[] = [];
  const missing: string[] = [];
  image.tags.forEach((tag, i) => {
    if (finals[i]?.digest === digest) inPlace.push(tag);
    else if (temps[i]) moves.push(tag);
    else missing.push(`${prefix}_${tag}`);
  });
  if (missing.length > 0)
    return problem(
      `${image.repository}: missing ${missing.join(', ')} (the gate pushed ${image.tags.length - missing.length} of ` +
        `${image.tags.length} tags)`,
    );
  return { ...base, kind: 'ready', digest, manifest, moves, inPlace, temporary: existing, alreadyPromoted: false };
}

async function alreadyPromoted(
  session: RegistrySession,
  image: ImageSpec,
  finals: readonly (ManifestHead | undefined)[],
  prefix: string,
  change: number | undefined,
): Promise<TagPromotion> {
  const base = { image, registry: image.reference.registry, repository: image.reference.repository };
  const missing = image.tags.map((tag) => `${prefix}_${tag}`).join(', ');
  const finalDigests = new Set(finals.map((f) => f?.digest));
  if (change === undefined || finals.some((f) => !f) || finalDigests.size !== 1) {
    return {
      ...base,
      kind: 'problem',
      problem: `${image.repository}: missing ${missing}, and the final tags do not all hold one image of this change`,
    };
  }
  const [digest] = finalDigests as Set<string>;
  const client = session.client(image.reference.registry);
  const config = await readImageConfig(client, image.reference.repository, digest);
  const label = config.labels[CHANGE_LABEL];
  if (label !== undefined && label !== String(change)) {
    return {
      ...base,
      kind: 'problem',
      problem: `${image.repository}: missing ${missing}; the final tags hold change ${label}, not change ${change}`,
    };
  }
  const manifest = await client.getManifest(image.reference.repository, digest);
  const unlabelled = label === undefined ? `missing ${missing}; the final tags hold an image of no change` : undefined;
  return { ...base, kind: 'ready', digest, manifest, moves: [], inPlace: image.tags, temporary: [], alreadyPromoted: true, unlabelled };
}
