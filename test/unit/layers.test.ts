// The layering of src/ (eslint.config.js): a forbidden import fails the lint, an allowed one
// passes, and no file imports itself back through a cycle.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, test } from '@jest/globals';
import { ESLint } from 'eslint';

const root = join(import.meta.dirname, '..', '..');
const eslint = new ESLint({ cwd: root });

async function problems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, file) });
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layers', () => {
  const forbidden: [string, string, RegExp][] = [
    ['src/registry/x.ts', "import { ConfigError } from '../config/errors.js';", /src\/registry sits below src\/config/],
    ['src/registry/auth/x.ts', "import { createEngine } from '../../engines/engine.js';", /src\/registry sits below src\/engines/],
    ['src/registry/x.ts', "import { promote } from '../commands/promote.js';", /src\/registry sits below src\/commands/],
    ['src/registry/x.ts', "import * as core from '@actions/core';", /only src\/runtime imports @actions/],
    ['src/engines/x.ts', "import { Input } from '../config/inputs/table.js';", /src\/engines sits below src\/config/],
    ['src/engines/x.ts', "import { nativeCopier } from '../copiers/native.js';", /src\/engines sits below src\/copiers/],
    ['src/copiers/x.ts', "import { ConfigError } from '../config/errors.js';", /src\/copiers sits below src\/config/],
    ['src/registry/auth/x.ts', "import { Input } from '../../config/inputs/table.js';", /src\/registry sits below src\/config/],
    ['src/config/readers/x.ts', "import { detectChange } from '../../platform/change.js';", /src\/config sits below src\/platform/],
    ['src/config/x.ts', "import { detectChange } from '../platform/change.js';", /src\/config sits below src\/platform/],
    ['src/config/x.ts', "import { envInputReader } from '../runtime/inputs.js';", /src\/config sits below src\/runtime/],
    ['src/platform/x.ts', "import { build } from '../commands/build.js';", /src\/platform sits below src\/commands/],
    ['src/doctor/x.ts', "import { openRunSession } from '../commands/run-session.js';", /src\/doctor sits below src\/commands/],
    ['src/config/x.ts', "import { diagnose } from '../doctor/diagnose.js';", /src\/config sits below src\/doctor/],
    ['src/commands/x.ts', "import { createExec } from '../runtime/exec.js';", /src\/commands sits below src\/runtime/],
    ['src/commands/x.ts', "import * as exec from '@actions/exec';", /only src\/runtime imports @actions/],
    ['src/exec.ts', "import type { Logger } from './logger.js';", /a seam module imports nothing of the project/],
  ];
  for (const [file, code, expected] of forbidden) {
    test(`forbidden in ${file}: ${code}`, async () => {
      const found = await problems(file, code);
      assert.equal(found.length, 1, `expected one layering error, got ${JSON.stringify(found)}`);
      assert.match(found[0], expected);
    });
  }

  const allowed: [string, string][] = [
    ['src/registry/x.ts', "import type { Exec } from '../exec.js';"],
    ['src/engines/x.ts', "import { isLoopback } from '../registry/reference.js';"],
    ['src/config/x.ts', "import { ENGINE_NAMES } from '../engines/build-spec.js';"],
    ['src/copiers/x.ts', "import { withAuthFile } from '../engines/auth-file.js';"],
    ['src/platform/x.ts', "import { ConfigError } from '../config/errors.js';"],
    ['src/runtime/x.ts', "import * as core from '@actions/core';"],
  ];
  for (const [file, code] of allowed) {
    test(`allowed in ${file}: ${code}`, async () => assert.deepEqual(await problems(file, code), []));
  }

  test('no import cycle between the files of src/ (type imports included)', () => {
    const src = join(root, 'src');
    const files = readdirSync(src, { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.ts'))
      .map((f) => join(src, f));
    const edges = new Map<string, string[]>();
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const targets = [...text.matchAll(/^(?:import|export)[^'";]*?from '(\.{1,2}\/[^']+)\.js';/gm)].map((m) =>
        resolve(dirname(file), `${m[1]}.ts`),
      );
      edges.set(file, targets);
    }
    const state = new Map<string, 'visiting' | 'done'>();
    const cycles: string[] = [];
    const visit = (file: string, path: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'visiting') {
        cycles.push([...path.slice(path.indexOf(file)), file].map((f) => relative(src, f)).join(' -> '));
        return;
      }
      state.set(file, 'visiting');
      for (const next of edges.get(file) ?? []) visit(next, [...path, file]);
      state.set(file, 'done');
    };
    for (const file of files) visit(file, []);
    assert.ok(files.length > 50, `read ${files.length} files`);
    assert.deepEqual(cycles, []);
  });
});
