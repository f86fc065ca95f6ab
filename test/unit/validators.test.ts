import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, test } from '@jest/globals';
import { parse } from 'yaml';
import { COMMANDS } from '../../src/config/inputs/table.js';
import { readAction } from '../../scripts/lib/action-runner.js';

// The validator is a CommonJS WASM package: loaded with require.
const validator = createRequire(import.meta.url)('@action-validator/core') as {
  validateAction(src: string): { errors: unknown[] };
  validateWorkflow(src: string): { errors: unknown[] };
};

const root = join(import.meta.dirname, '..', '..');

describe('action and workflow files pass @action-validator/core (SchemaStore schemas)', () => {
  for (const command of COMMANDS) {
    test(`actions/${command}/action.yml`, () =>
      assert.deepEqual(validator.validateAction(readFileSync(join(root, 'actions', command, 'action.yml'), 'utf8')).errors, []));
  }

  test('action.yml (the validator bundles a schema that predates node24: checked as node20)', () => {
    const text = readFileSync(join(root, 'action.yml'), 'utf8');
    assert.match(text, /using: node24/);
    assert.deepEqual(validator.validateAction(text.replace('using: node24', 'using: node20')).errors, []);
  });

  test('the validator does catch a broken action', () =>
    assert.notDeepEqual(validator.validateAction('name: x\nruns:\n  using: composite\n  stepz: []\n').errors, []));

  for (const forge of ['github', 'gitea', 'forgejo']) {
    for (const file of readdirSync(join(root, 'examples', forge)).filter((f) => f.endsWith('.yml'))) {
      test(`examples/${forge}/${file}: valid, and every with: key is an input of the action it uses`, () => {
        const text = readFileSync(join(root, 'examples', forge, file), 'utf8');
        assert.deepEqual(validator.validateWorkflow(text).errors, []);
        const workflow = parse(text) as {
          jobs: Record<string, { steps: { id?: string; uses?: string; with?: Record<string, unknown> }[] }>;
        };
        const ours = Object.values(workflow.jobs)
          .flatMap((job) => job.steps)
          .filter((step) => /container-image-actions\/actions\//.test(step.uses ?? ''));
        assert.ok(ours.length >= 1);
        for (const step of ours) {
          const [, command] = /\/actions\/(\w+)@/.exec(step.uses!)!;
          if (forge !== 'github') assert.match(step.uses!, /^https:\/\//, 'Gitea and Forgejo take absolute URLs');
          const inputs = Object.keys(readAction(join(root, 'actions', command, 'action.yml')).inputs ?? {});
          for (const key of Object.keys(step.with ?? {})) assert.ok(inputs.includes(key), `${key} is not an input of ${command}`);
        }
        // Every steps.<id>.outputs.<name> read of one of these actions names an output it declares.
        for (const [, id, name] of text.matchAll(/steps\.([\w-]+)\.outputs\.([\w-]+)/g)) {
          const step = ours.find((s) => s.id === id);
          if (!step) continue;
          const [, command] = /\/actions\/(\w+)@/.exec(step.uses!)!;
          const outputs = Object.keys(readAction(join(root, 'actions', command, 'action.yml')).outputs ?? {});
          assert.ok(outputs.includes(name), `${name} is not an output of ${command}`);
        }
      });
    }
  }
});

describe("this project's own CI workflow", () => {
  test('.github/workflows/ci.yml is valid and runs every action from the checkout', () => {
    const text = readFileSync(join(root, '.github', 'workflows', 'ci.yml'), 'utf8');
    assert.deepEqual(validator.validateWorkflow(text).errors, []);
    for (const command of COMMANDS) assert.match(text, new RegExp(`uses: \\./actions/${command}\\n`));
  });
});
