import type { OutputName } from '../config/inputs/table.js';

/** One entry of the image list as the flat outputs see it: its name, its digest, its full references. */
export interface FlatImage {
  readonly repository: string;
  readonly digest: string;
  readonly refs: readonly string[];
}

/**
 * The outputs a workflow reads without fromJSON on a list: `digest` when the list has one
 * image, `digests` (repository → digest) and `tags` (full references, one per line).
 *
 * One repository may hold several entries (a release per entry). When they hold different
 * digests, a `repository` key would have to pick one: each of their references becomes a key
 * instead, so no digest is dropped and no key is ambiguous.
 */
export function flatOutputs(images: readonly FlatImage[], listLength: number): Partial<Record<OutputName, string>> {
  const digestsOf = new Map<string, Set<string>>();
  for (const image of images) digestsOf.set(image.repository, (digestsOf.get(image.repository) ?? new Set()).add(image.digest));
  const digests: Record<string, string> = {};
  for (const image of images) {
    if (digestsOf.get(image.repository)!.size === 1) digests[image.repository] = image.digest;
    else for (const ref of image.refs) digests[ref] = image.digest;
  }
  const distinct = new Set(images.map((image) => image.digest));
  return {
    digest: listLength === 1 && distinct.size === 1 ? [...distinct][0] : '',
    digests: JSON.stringify(digests),
    tags: images.flatMap((image) => image.refs).join('\n'),
  };
}

/** What the flat outputs are when nothing was built, pushed or promoted (a skipped promote). */
export const NO_FLAT_OUTPUTS: Partial<Record<OutputName, string>> = { digest: '', digests: '{}', tags: '' };
