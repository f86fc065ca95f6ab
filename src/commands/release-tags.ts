import semver from 'semver';
import { ConfigError } from '../config/errors.js';
import { isValidTag } from '../registry/reference.js';

/** A floating tag the rule did not move, and why. */
export interface HeldTag {
  readonly tag: string;
  readonly reason: string;
}

export interface VersionTags {
  /** Tags to put on the released image: the version first, then the floating ones that move. */
  readonly tags: readonly string[];
  readonly held: readonly HeldTag[];
}

/** `v1.2.3` or `1.2.3` (pre-release allowed), strictly: `1.2` is a floating tag, not a version. */
export function parseVersion(tag: string): semver.SemVer | null {
  return semver.parse(tag.replace(/^v/i, ''));
}

/** A tag that names one release (`1.2.3`, `v1.2.3-rc.1`): set once, never moved to another image. */
export const isExactVersion = (tag: string): boolean => parseVersion(tag) !== null;

/**
 * The image tags a git tag gives (docs/releases.md, "Version tags"): `v1.2.3` gives `1.2.3`, and
 * `1.2`, `1` and `latest` each only when no higher release in the repository already holds that
 * line, so releasing a fix of an older line never moves the newer one. A pre-release gives only
 * its own tag. A tag that is no version is used as it is.
 */
export function versionTags(gitTag: string, existingTags: readonly string[]): VersionTags {
  const version = parseVersion(gitTag);
  if (!version) {
    if (!isValidTag(gitTag)) throw new ConfigError(`release-tag: "${gitTag}" is neither a version (v1.2.3) nor a valid image tag`);
    return { tags: [gitTag], held: [] };
  }
  const own = version.version;
  const floating = [`${version.major}.${version.minor}`, `${version.major}`, 'latest'];
  if (version.prerelease.length > 0) return { tags: [own], held: floating.map((tag) => ({ tag, reason: `${own} is a pre-release` })) };
  const released = existingTags.map(parseVersion).filter((v): v is semver.SemVer => v !== null && v.prerelease.length === 0);
  const higher = (same: (v: semver.SemVer) => boolean) => released.filter((v) => same(v) && semver.gt(v, version)).sort(semver.rcompare)[0];
  const lines: [string, semver.SemVer | undefined][] = [
    [floating[0], higher((v) => v.major === version.major && v.minor === version.minor)],
    [floating[1], higher((v) => v.major === version.major)],
    [floating[2], higher(() => true)],
  ];
  return {
    tags: [own, ...lines.filter(([, above]) => !above).map(([tag]) => tag)],
    held: lines.flatMap(([tag, above]) => (above ? [{ tag, reason: `${above.version} is a higher release` }] : [])),
  };
}
