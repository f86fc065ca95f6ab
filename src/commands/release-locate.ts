import type { ImageSpec } from '../config/images/list.js';
import type { Manifest } from '../registry/client.js';
import { imageConfigOf } from '../registry/image-config.js';
import { refName } from '../registry/reference.js';
import type { RegistrySession } from '../registry/session.js';
import { isDummy } from '../registry/tag-delete/dummy.js';
import type { ReleaseSource } from '../platform/release-source.js';
import { CHANGE_LABEL } from './promote-plan.js';
import { revisionTag } from './promote-revision-tag.js';

export const REVISION_LABEL = 'org.opencontainers.image.revision';
/** Tags read from a repository when its final tags do not hold the image: a bound, and said so. */
export const MAX_SCANNED_TAGS = 5000;
/** cosign's signature, attestation and SBOM tags, and the referrers fallback index: never an image of a change. */
const ARTIFACT_TAG = /^sha256-[0-9a-f]{64}(\.[a-z]+)?$/;

export interface LocatedImage {
  readonly kind: 'found';
  readonly digest: string;
  readonly manifest: Manifest;
  /** A tag that held it when it was found. */
  readonly tag: string;
  /** Which label matched: the change, else the revision. */
  readonly by: string;
}

export type Located = LocatedImage | { readonly kind: 'problem'; readonly problem: string };

interface Candidate {
  readonly digest: string;
  readonly manifest: Manifest;
  readonly tags: string[];
  readonly by?: string;
}

/**
 * Finds the image a change's gate built in the final repository: first under the commit's
 * revision tag (left by promote with revision-tag), the list's own tags and the change's temporary
 * tags (a release made soon after the merge), then among the
 * repository's other tags. It is the image whose config says it was built for the change
 * (`org.zuul-ci.change`) or from one of its commits (`org.opencontainers.image.revision`).
 */
export async function locateGated(session: RegistrySession, image: ImageSpec, source: ReleaseSource): Promise<Located> {
  const { registry, repository } = image.reference;
  const client = session.client(registry);
  const seen = new Map<string, Candidate>();
  const examine = async (tags: readonly string[]) => {
    const heads = await Promise.all(tags.map((tag) => client.headManifest(repository, tag)));
    const fresh = new Map<string, string[]>();
    heads.forEach((head, i) => {
      if (!head) return;
      const known = seen.get(head.digest);
      if (known) known.tags.push(tags[i]);
      else fresh.set(head.digest, [...(fresh.get(head.digest) ?? []), tags[i]]);
    });
    await Promise.all(
      [...fresh].map(async ([digest, under]) => {
        const manifest = await client.getManifest(repository, digest);
        const by = isDummy(manifest) ? undefined : matchOf((await imageConfigOf(client, repository, manifest)).labels, source);
        seen.set(digest, { digest, manifest, tags: under, by });
      }),
    );
  };
  const first = [
    revisionTag(source.commit),
    ...image.tags,
    ...(source.change !== undefined ? image.tags.map((tag) => `change_${source.change}_${tag}`) : []),
  ];
  await examine(first);
  let scanned = `its tags ${first.join(', ')}`;
  if (![...seen.values()].some((c) => c.by)) {
    const listing = await client.readTags(repository, { maxTags: MAX_SCANNED_TAGS });
    const rest = listing.tags.filter((tag) => !first.includes(tag) && !ARTIFACT_TAG.test(tag));
    await examine(rest);
    scanned = `its ${first.length + rest.length} tags${listing.complete ? '' : ` (the first ${MAX_SCANNED_TAGS} it lists)`}`;
  }
  return choose(
    [...seen.values()].filter((c) => c.by),
    image,
    source,
    `${refName(image.reference)}: ${scanned}`,
  );
}

function matchOf(labels: Readonly<Record<string, string>>, source: ReleaseSource): string | undefined {
  if (source.change !== undefined && labels[CHANGE_LABEL] === String(source.change)) return `${CHANGE_LABEL}=${source.change}`;
  const revision = labels[REVISION_LABEL];
  if (revision && source.revisions.includes(revision)) return `${REVISION_LABEL}=${revision}`;
  return undefined;
}

/** One image matched: it. Several: the one the list's own tags hold (the promoted one), else ambiguous. */
function choose(matches: readonly Candidate[], image: ImageSpec, source: ReleaseSource, where: string): Located {
  const promoted = matches.filter((c) => c.tags.some((tag) => image.tags.includes(tag)));
  const pick = matches.length === 1 ? matches[0] : promoted.length === 1 ? promoted[0] : undefined;
  if (pick) return { kind: 'found', digest: pick.digest, manifest: pick.manifest, tag: pick.tags[0], by: pick.by as string };
  const what =
    `${source.change !== undefined ? `${CHANGE_LABEL}=${source.change} or ` : ''}` +
    `${REVISION_LABEL}=${source.revisions.map((r) => r.slice(0, 12)).join('|')}`;
  if (matches.length === 0)
    return {
      kind: 'problem',
      problem:
        `no image of commit ${source.commit.slice(0, 12)}${source.change !== undefined ? ` (change ${source.change})` : ''} ` +
        `in ${where} (looked for the label ${what}): was it gated? To rebuild the release instead, run upload with promote: false`,
    };
  return {
    kind: 'problem',
    problem:
      `several images match ${what} in ${where}: ${matches.map((c) => `${c.digest} (${c.tags.join(', ')})`).join('; ')}; ` +
      `put the one to release on a tag of the list, or give the change input`,
  };
}
