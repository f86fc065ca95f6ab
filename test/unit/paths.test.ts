import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from '@jest/globals';
import { resolveInside } from '../../src/config/paths.js';

const outside = mkdtempSync(join(tmpdir(), 'cia-outside-'));
const root = mkdtempSync(join(tmpdir(), 'cia-root-'));
mkdirSync(join(root, 'app'));
writeFileSync(join(root, 'app', 'Dockerfile'), 'FROM scratch\n');
symlinkSync(outside, join(root, 'escape'));
symlinkSync(join(root, 'app'), join(root, 'inner-link'));

describe('paths stay inside the work dir', () => {
  test('a plain relative path resolves', () => assert.equal(resolveInside(root, root, 'app', 'images[0].context'), join(root, 'app')));
  test('a symbolic link that stays inside is fine', () =>
    assert.equal(resolveInside(root, root, 'inner-link', 'images[0].context'), join(root, 'app')));
  test('".." escapes are refused', () =>
    assert.throws(() => resolveInside(root, root, '../', 'images[0].context'), /images\[0\]\.context: "\.\.\/" is outside the work dir/));
  test('".." from a nested base is measured against the root', () =>
    assert.throws(
      () => resolveInside(root, join(root, 'app'), '../../x', 'images[0].path'),
      /images\[0\]\.path: "\.\.\/\.\.\/x" is outside/,
    ));
  test('absolute paths outside are refused', () =>
    assert.throws(() => resolveInside(root, root, '/etc', 'images[0].context'), /"\/etc" is outside the work dir/));
  test('a symbolic link leaving the work dir is refused', () =>
    assert.throws(
      () => resolveInside(root, root, 'escape', 'images[0].siblings[0]'),
      /images\[0\]\.siblings\[0\]: "escape" leaves the work dir .* through a symbolic link/,
    ));
  test('a missing path is reported', () =>
    assert.throws(() => resolveInside(root, root, 'nope', 'images[0].context'), /images\[0\]\.context: "nope" does not exist/));
});
