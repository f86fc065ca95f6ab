// One factory builds every command's registry session and tag deleter (src/commands/run-session.ts):
// no other file of src/ builds its own, so a vendor quirk cannot be set for one command and
// forgotten in another; and the factory marks every Quay the run touches for the `*` delete scope.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, test } from '@jest/globals';
import { wildcardDeleteRegistries } from '../../src/commands/run-session.js';
import { parseCredentials } from '../../src/config/inputs/credentials.js';

const root = join(import.meta.dirname, '..', '..');
const FACTORY = 'src/commands/run-session.ts';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') ? [relative(root, path)] : [];
  });
}

describe('the run session factory', () => {
  test('is the only place in src/ that builds a RegistrySession or a TagDeleter', () => {
    const files = sources(join(root, 'src'));
    assert.ok(files.includes(FACTORY), `${FACTORY} exists`);
    const builders = files
      .filter((file) => file !== FACTORY)
      .flatMap((file) =>
        readFileSync(join(root, file), 'utf8')
          .split('\n')
          .flatMap((line, i) => (/new (RegistrySession|TagDeleter)\(/.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
      );
    // Spread into this realm's array: node:fs hands jest arrays of another realm, which a strict
    // comparison tells apart from `[]` even when both are empty.
    assert.deepEqual([...builders], []);
  });

  test.each([
    ['a declared type: quay', '"registry.example:5000": {type: quay, username: u, password: p}', [], ['registry.example:5000']],
    ['quay.io by its host, from the credentials', 'quay.io: {username: u, password: p}', [], ['quay.io']],
    ['quay.io by its host, with no credentials (a docker config login)', '', ['quay.io', 'ghcr.io'], ['quay.io']],
    ['a declared type wins over the host', 'quay.io: {type: generic, username: u, password: p}', ['quay.io'], []],
    ['other kinds keep `delete`', '"r.example": {type: harbor, username: u, password: p}', ['docker.io', 'r.example'], []],
  ])('Quay gets the `*` delete scope: %s', (_, credentials, registries, expected) => {
    assert.deepEqual(
      wildcardDeleteRegistries(
        parseCredentials(credentials, () => {}),
        registries,
      ),
      expected,
    );
  });
});
