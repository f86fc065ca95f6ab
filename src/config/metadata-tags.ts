import { parseReference, ReferenceError, repositoryName } from '../registry/reference.js';
import { ConfigErrors } from './errors.js';
import type { ImageSpec } from './image-list.js';

/**
 * Applies docker/metadata-action's `tags` output (one full reference per line) to the image list:
 * an image named by any of the references gets exactly their tags (metadata-action keeps the
 * templating: semver, sha, dates); the others keep their own. A reference naming no image of
 * the list is an error, so a typo cannot silently publish nothing.
 */
export function applyMetadataTags(images: readonly ImageSpec[], text: string): ImageSpec[] {
  const lines = text
    .split(/[\n,]/)
    .map((l) => l.trim())
    .filter(Boolean);
  if (lines.length === 0) return [...images];
  const byRepository = new Map<string, string[]>();
  const problems: string[] = [];
  for (const line of lines) {
    try {
      const ref = parseReference(line);
      if (!ref.tag) {
        problems.push(`metadata-tags: "${line}" has no tag`);
        continue;
      }
      const name = repositoryName(ref);
      if (!images.some((image) => repositoryName(image.reference) === name)) {
        problems.push(`metadata-tags: "${line}" names no image of the list (${images.map((i) => i.repository).join(', ')})`);
        continue;
      }
      byRepository.set(name, [...new Set([...(byRepository.get(name) ?? []), ref.tag])]);
    } catch (error) {
      if (error instanceof ReferenceError) problems.push(`metadata-tags: ${error.message}`);
      else throw error;
    }
  }
  if (problems.length) throw new ConfigErrors(problems);
  return images.map((image) => {
    const tags = byRepository.get(repositoryName(image.reference));
    return tags ? { ...image, tags } : image;
  });
}
