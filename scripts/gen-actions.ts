import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMMANDS } from '../src/config/inputs/table.js';
import { renderActionFiles, withReadmeTables } from './lib/action-metadata.js';

const root = join(import.meta.dirname, '..');
for (const [path, content] of renderActionFiles()) {
  writeFileSync(join(root, path), content);
  console.log(`wrote ${path}`);
}
for (const command of COMMANDS) {
  const path = join(root, 'actions', command, 'README.md');
  writeFileSync(path, withReadmeTables(readFileSync(path, 'utf8'), command));
  console.log(`updated actions/${command}/README.md`);
}
