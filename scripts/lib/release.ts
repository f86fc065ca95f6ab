import semver from 'semver';

/** What the release of one pushed version tag produces, or why the tag is refused. */
export interface ReleasePlan {
  /** The pushed tag, `vX.Y.Z` (a pre-release keeps its suffix: `v1.0.0-rc.1`). */
  readonly tag: string;
  /** The major tag users pin to: `vX`. */
  readonly majorTag: string;
  readonly prerelease: boolean;
  /**
   * Whether `vX` moves to this release: not for a pre-release (`@vX` users did not opt in), and
   * not for a patch of an older line (v0.2.5 pushed after v0.3.0 would take `@v0` users back).
   */
  readonly moveMajor: boolean;
}

/**
 * The version tag's plan. package.json's version is the one source of the version: the tag must
 * be `v` + that version, so the bundle in dist/ and the tag cannot disagree about what they are.
 */
export function planRelease(tag: string, packageVersion: string, existingTags: readonly string[]): ReleasePlan {
  // Strict parsing: `v1.2`, `1.2.3` (no v), `v1.2.3.4` and `v01.2.3` are not version tags.
  const version = tag.startsWith('v') ? semver.valid(tag.slice(1)) : null;
  if (!version || `v${version}` !== tag) throw new Error(`${tag} is not a version tag v<major>.<minor>.<patch>[-<pre-release>]`);
  if (version !== packageVersion)
    throw new Error(
      `${tag} does not match package.json's version ${packageVersion}: bump it in the tagged commit, or tag v${packageVersion}`,
    );
  const major = semver.major(version);
  const prerelease = semver.prerelease(version) !== null;
  const newer = existingTags
    .map((t) => (t.startsWith('v') ? semver.valid(t.slice(1)) : null))
    .filter((v): v is string => v !== null && semver.major(v) === major && semver.prerelease(v) === null && semver.gt(v, version));
  return { tag, majorTag: `v${major}`, prerelease, moveMajor: !prerelease && newer.length === 0 };
}
