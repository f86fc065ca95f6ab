import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderActionFiles } from './lib/action-metadata.js';

const root = join(import.meta.dirname, '..');
for (const [path, content] of renderActionFiles()) {
  writeFileSync(join(root, path), content);
  console.log(`wrote ${path}`);
}
