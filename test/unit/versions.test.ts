import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from '@jest/globals';
import semver from 'semver';
import { parse } from 'yaml';
import { planRelease } from '../../scripts/lib/release.js';

const validator = createRequire(import.meta.url)('@action-validator/core') as { validateWorkflow(src: string): { errors: unknown[] } };
const root = join(import.meta.dirname, '..', '..');
const packageVersion = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;

interface Step {
  id?: string;
  name?: string;
  if?: string;
  run?: string;
  uses?: string;
  env?: Record<string, string>;
}
const workflowText = readFileSync(join(root, '.github', 'workflows', 'release.yml'), 'utf8');
const workflow = parse(workflowText) as {
  on: { push: { tags: string[] } };
  permissions: Record<string, string>;
  jobs: Record<string, { steps: Step[] }>;
};
const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);

/** GitHub's filter pattern syntax for tags: `*` (no `/`), `**`, `?` and `+` on the previous character, `[…]`. */
function filterMatches(pattern: string, ref: string): boolean {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*' && pattern[i + 1] === '*') {
      source += '.*';
      i++;
    } else if (c === '*') source += '[^/]*';
    else if (c === '[') {
      const end = pattern.indexOf(']', i);
      source += pattern.slice(i, end + 1);
      i = end;
    } else if (c === '?' || c === '+') source += c;
    else source += c.replace(/[.\\^$|(){}]/g, '\\$&');
  }
  return new RegExp(`^${source}$`).test(ref);
}
const triggers = (tag: string) => workflow.on.push.tags.some((pattern) => filterMatches(pattern, tag));

/** What the workflow's own version step writes for a tag, run as the workflow runs it. */
function versionStepOutputs(tag: string): Record<string, string> {
  const step = steps.find((s) => s.id === 'version')!;
  const outputFile = join(mkdtempSync(join(tmpdir(), 'cia-release-')), 'output');
  execFileSync('bash', ['-c', step.run!], { cwd: root, env: { ...process.env, GITHUB_REF_NAME: tag, GITHUB_OUTPUT: outputFile } });
  return Object.fromEntries(
    readFileSync(outputFile, 'utf8')
      .trim()
      .split('\n')
      .map((line) => line.split('=') as [string, string]),
  );
}

/** Every ref the release process makes: each version tag it is triggered by, and the major tag it moves. */
function producedBy(ref: string, majorTags: ReadonlySet<string>): boolean {
  if (/^[0-9a-f]{40}$/.test(ref)) return true; // a commit: every commit of the repository is a ref
  if (majorTags.has(ref)) return true;
  return triggers(ref) && ref.startsWith('v') && semver.valid(ref.slice(1)) === ref.slice(1);
}

/** `uses:` of this project's actions: examples/**\/*.yml parsed as workflows, and the code blocks of the Markdown docs. */
function projectUses(): { where: string; uses: string }[] {
  const found: { where: string; uses: string }[] = [];
  const isOurs = (uses: string) => /container-image-actions\/actions\/[a-z]+@/.test(uses);
  for (const forge of readdirSync(join(root, 'examples'))) {
    for (const file of readdirSync(join(root, 'examples', forge)).filter((f) => f.endsWith('.yml'))) {
      const example = parse(readFileSync(join(root, 'examples', forge, file), 'utf8')) as { jobs: Record<string, { steps?: Step[] }> };
      for (const job of Object.values(example.jobs))
        for (const step of job.steps ?? [])
          if (step.uses && isOurs(step.uses)) found.push({ where: `examples/${forge}/${file}`, uses: step.uses });
    }
  }
  const markdown = [
    'README.md',
    ...readdirSync(join(root, 'docs')).map((f) => join('docs', f)),
    ...readdirSync(join(root, 'actions')).map((a) => join('actions', a, 'README.md')),
  ].filter((f) => f.endsWith('.md'));
  for (const file of markdown) {
    const blocks = readFileSync(join(root, file), 'utf8').match(/^```[^\n]*\n[\s\S]*?^```/gm) ?? [];
    for (const block of blocks)
      for (const match of block.matchAll(/uses:\s*['"]?([^\s'"#]+)/g)) if (isOurs(match[1])) found.push({ where: file, uses: match[1] });
  }
  return found;
}

describe('versioned action: every example names a ref the release process produces', () => {
  test('.github/workflows/release.yml is a valid workflow, triggered by version tags only, allowed to write tags', () => {
    assert.deepEqual(validator.validateWorkflow(workflowText).errors, []);
    assert.equal(workflow.permissions.contents, 'write');
    for (const tag of ['v0.3.1', 'v1.0.0', 'v1.0.0-rc.1']) assert.ok(triggers(tag), `${tag} triggers a release`);
    // The major tag it moves must not trigger a release of its own.
    for (const tag of ['v0', 'v1', 'main', 'latest']) assert.ok(!triggers(tag), `${tag} does not trigger a release`);
  });

  test('the release checks dist/, creates the release, then moves the major tag the version step names', () => {
    const at = (predicate: (s: Step) => boolean, what: string) => {
      const index = steps.findIndex(predicate);
      assert.ok(index >= 0, `no step ${what}`);
      return index;
    };
    const version = at(
      (s) => s.id === 'version' && /scripts\/release-version\.ts "\$GITHUB_REF_NAME"/.test(s.run ?? ''),
      'checking the tag',
    );
    const dist = at((s) => /scripts\/check-dist\.sh/.test(s.run ?? ''), 'checking dist/');
    const release = at((s) => /gh release create "\$GITHUB_REF_NAME"/.test(s.run ?? ''), 'creating the release');
    const move = at((s) => /git push --force origin "refs\/tags\/\$MAJOR_TAG"/.test(s.run ?? ''), 'pushing the major tag');
    assert.ok(version < dist && dist < release && release < move, 'tag checked, dist checked, release created, then the major tag moved');
    assert.equal(steps[move].env?.MAJOR_TAG, '${{ steps.version.outputs.major-tag }}');
    assert.equal(steps[move].if, "steps.version.outputs.move-major == 'true'");
    assert.match(steps[move].run!, /git tag --force "\$MAJOR_TAG" "\$GITHUB_SHA"/);
  });

  test("every uses: of these actions in examples/ and the docs names a ref the release makes (package.json's major, a version tag, a commit)", () => {
    // The major tag comes from running the workflow's version step on package.json's own version.
    const outputs = versionStepOutputs(`v${packageVersion}`);
    assert.equal(outputs['move-major'], 'true');
    const majorTags = new Set([outputs['major-tag']]);
    assert.equal(outputs['major-tag'], `v${semver.major(packageVersion)}`);

    const uses = projectUses();
    assert.ok(uses.filter((u) => u.where.startsWith('examples/')).length >= 20, 'the examples were read');
    assert.ok(
      uses.some((u) => u.where === 'README.md'),
      "the README's blocks were read",
    );
    const wrong = uses.filter((u) => !producedBy(u.uses.slice(u.uses.lastIndexOf('@') + 1), majorTags));
    assert.deepEqual(wrong, []);
    // The check does refuse refs no release makes.
    for (const ref of ['main', `v${semver.major(packageVersion) + 1}`, 'v0.3', 'latest', 'abc1234'])
      assert.ok(!producedBy(ref, majorTags), `${ref} is refused`);
    assert.ok(producedBy('v0.3.1', majorTags) && producedBy('a'.repeat(40), majorTags));
  });

  test('version tags: semver only, equal to package.json, pre-releases and patches of older lines leave vX alone', () => {
    assert.deepEqual(planRelease('v0.3.1', '0.3.1', ['v0.3.0', 'v0', 'v1.0.0']), {
      tag: 'v0.3.1',
      majorTag: 'v0',
      prerelease: false,
      moveMajor: true,
    });
    for (const tag of ['v0.3', '0.3.1', 'v0.3.1.4', 'v00.3.1', 'release-0.3.1', 'v0.3.1 '])
      assert.throws(() => planRelease(tag, '0.3.1', []), /is not a version tag/, tag);
    assert.throws(() => planRelease('v0.3.2', '0.3.1', []), /does not match package.json's version 0.3.1/);
    assert.equal(planRelease('v1.0.0-rc.1', '1.0.0-rc.1', []).moveMajor, false);
    assert.equal(planRelease('v0.2.5', '0.2.5', ['v0.3.0']).moveMajor, false);
    assert.equal(planRelease('v0.2.5', '0.2.5', ['v0.3.0-rc.1', 'v1.0.0']).moveMajor, true);
  });
});
