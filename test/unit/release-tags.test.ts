import assert from 'node:assert/strict';
import { describe, test } from '@jest/globals';
import { readRelease } from '../../src/config/inputs/release.js';
import { Input, type InputName } from '../../src/config/inputs/table.js';
import { loadImageList } from '../../src/config/images/list.js';
import { versionTags } from '../../src/commands/release-tags.js';

describe('version tags from a git tag', () => {
  test('the first release of a repository moves every floating tag', () => {
    assert.deepEqual(versionTags('v1.2.3', []), { tags: ['1.2.3', '1.2', '1', 'latest'], held: [] });
  });

  test('a fix of an older line moves its own line only', () => {
    const existing = ['latest', '1.2.3', '1.2', '1', '1.3.0', '1.3', '2.0.0', '2', 'v2.1.0-rc.1', 'change_7_latest'];
    const { tags, held } = versionTags('v1.2.4', existing);
    assert.deepEqual(tags, ['1.2.4', '1.2']);
    assert.deepEqual(held, [
      { tag: '1', reason: '1.3.0 is a higher release' },
      { tag: 'latest', reason: '2.0.0 is a higher release' },
    ]);
  });

  test('a pre-release names itself only, and a pre-release already there does not hold latest back', () => {
    assert.deepEqual(versionTags('v3.0.0-rc.1', ['2.0.0']).tags, ['3.0.0-rc.1']);
    assert.deepEqual(versionTags('2.1.0', ['2.0.0', '3.0.0-rc.1']).tags, ['2.1.0', '2.1', '2', 'latest']);
  });

  test('build metadata is not part of the image tag; a tag that is no version is used as it is', () => {
    assert.deepEqual(versionTags('v1.0.0+build.7', []).tags, ['1.0.0', '1.0', '1', 'latest']);
    assert.deepEqual(versionTags('stable', ['1.0.0']), { tags: ['stable'], held: [] });
    assert.throws(() => versionTags('release/2026', []), /release-tag: "release\/2026" is neither a version/);
  });
});

describe('release inputs', () => {
  const images = loadImageList({ inline: '[{context: ., repository: quay.io/acme/base, tags: [latest]}]', file: '', workDir: '.' });
  const reader =
    (values: Partial<Record<InputName, string>>) =>
    (name: InputName): string =>
      values[name] ?? '';

  test('off by default; release-tag alone is refused', () => {
    assert.equal(readRelease(reader({}), {}, images), undefined);
    assert.throws(
      () => readRelease(reader({ [Input.ReleaseTag]: 'v1.0.0' }), {}, images),
      /release-tag: "v1.0.0" is only read with release-from/,
    );
  });

  test('the git tag comes from a tag push, release-tag or metadata-tags; a branch push is an error naming GITHUB_REF', () => {
    const on = { [Input.ReleaseFrom]: 'change' };
    assert.deepEqual(readRelease(reader(on), { GITHUB_REF: 'refs/tags/v1.2.3' }, images)?.tagsOf(0), { gitTag: 'v1.2.3' });
    assert.deepEqual(readRelease(reader({ ...on, [Input.ReleaseTag]: 'v2.0.0' }), { GITHUB_REF: 'refs/tags/v1.2.3' }, images)?.tagsOf(0), {
      gitTag: 'v2.0.0',
    });
    assert.deepEqual(
      readRelease(reader({ ...on, [Input.MetadataTags]: 'quay.io/acme/base:1.2.3\nquay.io/acme/base:1.2' }), {}, images)?.tagsOf(0),
      ['1.2.3', '1.2'],
    );
    assert.throws(
      () => readRelease(reader(on), { GITHUB_REF: 'refs/heads/main' }, images),
      /GITHUB_REF \(refs\/heads\/main\) is not a tag/,
    );
    assert.throws(() => readRelease(reader({ [Input.ReleaseFrom]: 'rebuild' }), {}, images), /release-from: "rebuild" is not a source/);
  });
});
