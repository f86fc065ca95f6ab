import type { FlatImage } from './flat-outputs.js';
import type { PromotedTag } from './promotion.js';

/**
 * The final tags promote set, one flat image per repository and digest. Referrers (signatures,
 * SBOMs) are not images of the list, and a skipped referrer was not copied: both stay out.
 */
export function finalTags(promoted: readonly PromotedTag[]): FlatImage[] {
  const images = new Map<string, { repository: string; digest: string; refs: string[] }>();
  for (const tag of promoted) {
    if (tag.referrer || tag.status === 'skipped') continue;
    const key = `${tag.repository}@${tag.digest}`;
    const image = images.get(key) ?? { repository: tag.repository, digest: tag.digest, refs: [] };
    image.refs.push(`${tag.repository}:${tag.tag}`);
    images.set(key, image);
  }
  return [...images.values()];
}
