import { applyMetadataTags } from '../images/metadata-tags.js';
import type { ImageSpec } from '../images/list.js';
import { ConfigError } from '../errors.js';
import { isValidTag } from '../../registry/reference.js';
import { Input, type InputReader } from './table.js';

/** Where a release's image comes from: the gated image of the change that merged the tagged commit. */
export const RELEASE_SOURCES = ['change'] as const;

export interface ReleaseInputs {
  /** The git tag released (`v1.2.3`), or `metadata-tags` when its tags were given. */
  readonly name: string;
  /** Image i's release tags: given by metadata-tags, else derived from the git tag against the repository's releases. */
  readonly tagsOf: (index: number) => readonly string[] | { readonly gitTag: string };
}

/** `release-from` and its tags; undefined for a promotion after merge. */
export function readRelease(read: InputReader, env: NodeJS.ProcessEnv, images: readonly ImageSpec[]): ReleaseInputs | undefined {
  const from = read(Input.ReleaseFrom);
  const named = read(Input.ReleaseTag);
  if (!from) {
    if (named) throw new ConfigError(`release-tag: "${named}" is only read with release-from: change`);
    return undefined;
  }
  if (!(RELEASE_SOURCES as readonly string[]).includes(from))
    throw new ConfigError(`release-from: "${from}" is not a source; change (the gated image of the change that merged the tagged commit)`);
  const metadata = read(Input.MetadataTags);
  if (metadata.trim()) {
    const tagged = applyMetadataTags(images, metadata);
    return { name: Input.MetadataTags, tagsOf: (i) => tagged[i].tags };
  }
  const gitTag = named || tagOfRef(env.GITHUB_REF);
  if (!gitTag)
    throw new ConfigError(
      `release-tag: not given, and GITHUB_REF (${env.GITHUB_REF || 'not set'}) is not a tag: run on a tag push, or give ` +
        'release-tag or metadata-tags',
    );
  if (!isValidTag(gitTag.replace(/^v(?=\d)/i, '')))
    throw new ConfigError(`release-tag: "${gitTag}" is neither a version (v1.2.3) nor a valid image tag`);
  return { name: gitTag, tagsOf: () => ({ gitTag }) };
}

const tagOfRef = (ref: string | undefined): string | undefined => (ref?.startsWith('refs/tags/') ? ref.slice(10) : undefined);
