// Benchmarks: `npm run bench -- <name>`; each prints its figures and ratios against the tool it
// replaces, measured in the same run on the same machine.
import { buildBench } from './build.js';
import { mirrorBench } from './mirror.js';
import { mirrorProcessBench } from './mirror-process.js';
import { promoteBench } from './promote.js';
import { promoteProcessBench } from './promote-process.js';
import { registryBench } from './registry.js';
import { scaleBench } from './scale.js';
import { wanBench } from './wan.js';

const BENCHES: Record<string, () => Promise<void>> = {
  registry: registryBench,
  promote: promoteBench,
  'promote-process': promoteProcessBench,
  mirror: mirrorBench,
  'mirror-process': mirrorProcessBench,
  build: buildBench,
  scale: () => scaleBench(),
  wan: wanBench,
};

const names = process.argv.slice(2).filter((a) => !a.startsWith('-'));
for (const name of names.length ? names : Object.keys(BENCHES)) {
  const bench = BENCHES[name];
  if (!bench) {
    console.error(`unknown benchmark ${name}; one of ${Object.keys(BENCHES).join(', ')}`);
    process.exit(2);
  }
  console.log(`\n## ${name}`);
  await bench();
}
