/**
 * Run by .github/workflows/release.yml on a pushed tag: refuses a tag that is not the package's
 * version, and writes the plan (major-tag, move-major, prerelease) to the step's outputs.
 *   node --import tsx scripts/release-version.ts v0.3.1
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { planRelease } from './lib/release.js';

const root = join(import.meta.dirname, '..');
const tag = process.argv[2] ?? '';
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
const tags = execFileSync('git', ['tag', '--list', 'v*'], { cwd: root, encoding: 'utf8' }).split('\n').filter(Boolean);
try {
  const plan = planRelease(tag, version, tags);
  const lines = [`major-tag=${plan.majorTag}`, `move-major=${plan.moveMajor}`, `prerelease=${plan.prerelease}`];
  console.log(lines.join('\n'));
  if (process.env.GITHUB_OUTPUT) appendFileSync(process.env.GITHUB_OUTPUT, `${lines.join('\n')}\n`);
} catch (error) {
  console.log(`::error title=release::${(error as Error).message}`);
  process.exit(1);
}
