import assert from 'node:assert/strict';
import { describe, test } from '@jest/globals';
import { helpText } from '../../src/config/inputs/help.js';
import { INPUTS } from '../../src/config/inputs/table.js';
import { envInputReader } from '../../src/runtime/inputs.js';
import { plainLogger } from '../../src/runtime/logger.js';
import { formatPlainTable, writeSummary } from '../../src/runtime/report.js';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

describe('runtime seam', () => {
  test('inputs: INPUT_IMAGES-FILE (node action) and INPUT_IMAGES_FILE (composite) both work, trimmed', () => {
    assert.equal(envInputReader({ 'INPUT_IMAGES-FILE': ' a.yaml ' })('images-file'), 'a.yaml');
    assert.equal(envInputReader({ INPUT_IMAGES_FILE: 'b.yaml' })('images-file'), 'b.yaml');
    assert.equal(envInputReader({})('images-file'), '');
  });

  test('the plain logger (CLI form) masks secrets in every line', async () => {
    const lines: string[] = [];
    const logger = plainLogger((line) => lines.push(line));
    logger.mask('hunter2');
    logger.info('password is hunter2');
    logger.warning('hunter2 again');
    await logger.group('group hunter2', async () => logger.error('x hunter2 y'));
    assert.deepEqual(lines, ['password is ***', 'warning: *** again', '== group ***', 'error: x *** y']);
  });

  test('a plain table lines up its columns', () => {
    assert.equal(
      formatPlainTable({ title: 'T', headers: ['a', 'bbb'], rows: [['xx', 'y']] }),
      ['T', 'a   bbb', '--  ---', 'xx  y'].join('\n'),
    );
  });

  test('--help lists every command and every input with its default', () => {
    const text = helpText();
    for (const command of ['build', 'upload', 'promote', 'mirror']) assert.match(text, new RegExp(`^${command}`, 'm'));
    for (const input of INPUTS) assert.ok(text.includes(`INPUT_${input.name.toUpperCase().replace(/-/g, '_')}`), input.name);
    assert.ok(text.includes('(default: docker)'));
    assert.match(text, /example: .*node dist\/index.js build/);
  });
});

describe('job summaries per runner', () => {
  const table = { title: 'Promoted change 7', headers: ['final tag', 'digest'], rows: [['quay.io/o/a:latest', 'sha256:abc']] };
  const runners: [string, Record<string, string>, boolean][] = [
    ['GitHub (GITHUB_STEP_SUMMARY given)', { GITHUB_ACTIONS: 'true' }, true],
    ['Gitea 1.27+ (GITHUB_STEP_SUMMARY given)', { GITHUB_ACTIONS: 'true', GITEA_ACTIONS: 'true' }, true],
    ['Forgejo without a summary file', { GITHUB_ACTIONS: 'true', GITEA_ACTIONS: 'true', FORGEJO_ACTIONS: 'true' }, false],
    ['act without a summary file', { GITHUB_ACTIONS: 'true', ACT: 'true' }, false],
  ];
  // @actions/core keeps the first summary path it sees (one step is one process on a runner).
  const file = join(mkdtempSync(join(tmpdir(), 'cia-summary-')), 'summary.md');
  for (const [name, markers, hasFile] of runners) {
    test(`${name}: ${hasFile ? 'written to the summary file' : 'printed to the log as a plain table'}`, async () => {
      writeFileSync(file, '');
      const lines: string[] = [];
      const previous = process.env.GITHUB_STEP_SUMMARY;
      const env = { ...markers, ...(hasFile && { GITHUB_STEP_SUMMARY: file }) } as NodeJS.ProcessEnv;
      // @actions/core reads the file's path from the process environment.
      if (hasFile) process.env.GITHUB_STEP_SUMMARY = file;
      else delete process.env.GITHUB_STEP_SUMMARY;
      try {
        await writeSummary(table, env, { ...plainLogger((l) => lines.push(l)) });
      } finally {
        if (previous === undefined) delete process.env.GITHUB_STEP_SUMMARY;
        else process.env.GITHUB_STEP_SUMMARY = previous;
      }
      if (hasFile) {
        assert.match(readFileSync(file, 'utf8'), /<h3>Promoted change 7<\/h3>[\s\S]*<td>quay.io\/o\/a:latest<\/td>/);
        assert.deepEqual(lines, []);
      } else {
        assert.equal(readFileSync(file, 'utf8'), '');
        assert.equal(lines.join('\n'), formatPlainTable(table));
      }
    });
  }
});
