import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { helpText } from '../../src/config/help.js';
import { INPUTS } from '../../src/config/inputs.js';
import { envInputReader } from '../../src/runtime/inputs.js';
import { plainLogger } from '../../src/runtime/logger.js';
import { formatPlainTable } from '../../src/runtime/report.js';

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
