import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from '@jest/globals';
import { envName, renderActionFiles, withReadmeTables } from '../../scripts/lib/action-metadata.js';
import { COMMANDS } from '../../src/config/inputs/table.js';
import { readAction } from '../../scripts/lib/action-runner.js';

const root = join(import.meta.dirname, '..', '..');

describe('action metadata', () => {
  test('every action.yml equals what `npm run gen` renders from src/config/inputs/table.ts', () => {
    for (const [path, expected] of renderActionFiles()) {
      assert.equal(readFileSync(join(root, path), 'utf8'), expected, `${path} is stale: run npm run gen`);
    }
  });

  for (const command of COMMANDS) {
    test(`actions/${command} is a composite whose one bash step maps every input to env and runs the bundle`, () => {
      const action = readAction(join(root, 'actions', command, 'action.yml'));
      assert.equal(action.runs.using, 'composite');
      const steps = action.runs.steps ?? [];
      assert.equal(steps.length, 1);
      const [step] = steps;
      assert.equal(step.shell, 'bash');
      assert.equal(step.uses, undefined);
      const declared = Object.keys(action.inputs ?? {}).sort();
      assert.ok(declared.length > 0);
      assert.deepEqual(Object.keys(step.env ?? {}).sort(), declared.map(envName).sort());
      for (const name of declared) assert.equal(step.env?.[envName(name)], `\${{ inputs.${name} }}`);
      assert.match(step.run ?? '', new RegExp(`node "\\$GITHUB_ACTION_PATH/\\.\\./\\.\\./dist/index\\.js" ${command}\\n`));
      for (const [name, output] of Object.entries(action.outputs ?? {}))
        assert.equal(output.value, `\${{ steps.${step.id}.outputs.${name} }}`);
    });
  }

  for (const command of COMMANDS) {
    test(`actions/${command}/README.md lists every input and output as action.yml has them`, () => {
      const readme = readFileSync(join(root, 'actions', command, 'README.md'), 'utf8');
      assert.equal(withReadmeTables(readme, command), readme, 'the README tables are stale: run npm run gen');
      const action = readAction(join(root, 'actions', command, 'action.yml'));
      for (const name of [...Object.keys(action.inputs ?? {}), ...Object.keys(action.outputs ?? {})])
        assert.ok(readme.includes(`| \`${name}\` |`), name);
    });
  }

  test('every action has a name, description and branding, and every input a description and a default', () => {
    for (const path of ['action.yml', ...COMMANDS.map((c) => `actions/${c}/action.yml`)]) {
      const action = readAction(join(root, path)) as ReturnType<typeof readAction> & {
        name?: string;
        description?: string;
        branding?: { icon?: string; color?: string };
      };
      assert.ok(action.name && action.description && action.branding?.icon && action.branding.color, path);
      for (const [name, input] of Object.entries(action.inputs ?? {}) as [string, { description?: string; default?: string }][]) {
        assert.ok(input.description, `${path}: ${name} has no description`);
        assert.equal(typeof input.default, 'string', `${path}: ${name} has no default`);
      }
    }
  });

  test('the root action is node24 on dist/index.js with a required command and the union of all inputs', () => {
    const rootAction = readAction(join(root, 'action.yml'));
    assert.equal(rootAction.runs.using, 'node24');
    assert.equal(rootAction.runs.main, 'dist/index.js');
    assert.equal(rootAction.inputs?.command?.required, true);
    const union = new Set(COMMANDS.flatMap((c) => Object.keys(readAction(join(root, 'actions', c, 'action.yml')).inputs ?? {})));
    assert.deepEqual(
      Object.keys(rootAction.inputs ?? {})
        .filter((n) => n !== 'command')
        .sort(),
      [...union].sort(),
    );
  });
});
