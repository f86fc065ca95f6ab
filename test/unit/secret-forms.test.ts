// A secret echoed back by a server in another encoding is masked like the secret itself (issue:
// hardening, point 4), by the CLI's own redaction and by the runner's (::add-mask::).
import assert from 'node:assert/strict';
import { describe, test } from '@jest/globals';
import { plainLogger } from '../../src/runtime/logger.js';
import { secretForms } from '../../src/runtime/secret-forms.js';
import { ECHO_PASSWORD, ECHO_USER, ECHOES } from '../helpers/secret-echoes.js';

describe('masked forms of a secret', () => {
  test('the echoes are all different texts', () => {
    assert.equal(new Set(Object.values(ECHOES)).size, Object.keys(ECHOES).length);
  });

  test.each(Object.entries(ECHOES))('the CLI log hides the %s form', (_form, echoed) => {
    const lines: string[] = [];
    const logger = plainLogger((line) => lines.push(line));
    logger.mask(ECHO_PASSWORD);
    // Whoever holds the user name registers the pair (the authenticator does, before sending it).
    logger.mask(`${ECHO_USER}:${ECHO_PASSWORD}`);
    logger.error(`DENIED: refused ${echoed}.`);
    assert.deepEqual(lines, ['error: DENIED: refused ***.']);
  });

  test('forms are listed longest first, without duplicates or empty ones', () => {
    assert.deepEqual(secretForms('abcd'), ['YWJjZA==', 'YWJjZA', 'abcd']);
    assert.deepEqual(secretForms(''), []);
  });

  test('a secret under four characters is masked as itself only: its encodings would garble every log', () => {
    assert.deepEqual(secretForms('abc'), ['abc']);
    assert.deepEqual(secretForms('x'), ['x']);
  });
});
