import { isValidTag, parseReference, ReferenceError, refName } from '../../registry/reference.js';
import { ConfigErrors } from '../errors.js';
import type { ImageSpec } from './list.js';

/**
 * Applies docker/metadata-action's `tags` output to the image list. Full references (`name:tag`,
 * its output with an `images` input): an image named by any of them gets exactly their tags, the
 * others keep their own. Bare tags (`latest`, `1.1.1`, its output with `images` empty): every
 * image gets them. metadata-action keeps the templating (semver, sha, dates). A reference naming
 * no image of the list is an error, so a typo cannot silently publish nothing.
 */
export function applyMetadataTags(images: readonly ImageSpec[], text: string): ImageSpec[] {
  const lines = text
    .split(/[\n,]/)
    .map((l) => l.trim())
    .filter(Boolean);
  if (lines.length === 0) return [...images];
  // A bare tag has neither a registry path nor a tag separator: metadata-action always writes `name:tag` otherwise.
  const bare = lines.filter((line) => !line.includes('/') && !line.includes(':'));
  if (bare.length === lines.length) return applyBareTags(images, bare);
  if (bare.length > 0)
    throw new ConfigErrors([`metadata-tags: mixes bare tags (${bare.join(', ')}) with full references; give one kind or the other`]);
  return applyReferences(images, lines);
}

function applyBareTags(images: readonly ImageSpec[], tags: readonly string[]): ImageSpec[] {
  const invalid = tags.filter((tag) => !isValidTag(tag));
  if (invalid.length) throw new ConfigErrors(invalid.map((tag) => `metadata-tags: "${tag}" is not a valid tag`));
  const unique = [...new Set(tags)];
  const problems = shared(images).map(
    ([repository, entries]) =>
      `metadata-tags: bare tags go to every image, and ${entries.join(' and ')} both build ${repository}: they would push the ` +
      "same tags; give metadata-action an images input, or drop metadata-tags and list each entry's tags",
  );
  if (problems.length) throw new ConfigErrors(problems);
  return images.map((image) => ({ ...image, tags: unique }));
}

function applyReferences(images: readonly ImageSpec[], lines: readonly string[]): ImageSpec[] {
  const byRepository = new Map<string, string[]>();
  const problems: string[] = [];
  const several = new Map(shared(images));
  for (const line of lines) {
    try {
      const ref = parseReference(line);
      if (!ref.tag) {
        problems.push(`metadata-tags: "${line}" has no tag`);
        continue;
      }
      const name = refName(ref);
      const entries = several.get(name);
      if (entries) {
        problems.push(
          `metadata-tags: "${line}" names ${name}, which ${entries.join(' and ')} all build: it cannot say which one gets the tag`,
        );
        continue;
      }
      if (!images.some((image) => refName(image.reference) === name)) {
        problems.push(`metadata-tags: "${line}" names no image of the list (${images.map((i) => i.repository).join(', ')})`);
        continue;
      }
      byRepository.set(name, [...new Set([...(byRepository.get(name) ?? []), ref.tag])]);
    } catch (error) {
      if (error instanceof ReferenceError) problems.push(`metadata-tags: ${error.message}`);
      else throw error;
    }
  }
  if (problems.length) throw new ConfigErrors([...new Set(problems)]);
  return images.map((image) => {
    const tags = byRepository.get(refName(image.reference));
    return tags ? { ...image, tags } : image;
  });
}

/** Repositories built by more than one entry, with those entries (`images[0]`, `images[3]`). */
function shared(images: readonly ImageSpec[]): [string, string[]][] {
  const entries = new Map<string, string[]>();
  for (const image of images) {
    const name = refName(image.reference);
    entries.set(name, [...(entries.get(name) ?? []), `images[${image.index}]`]);
  }
  return [...entries].filter(([, list]) => list.length > 1);
}
