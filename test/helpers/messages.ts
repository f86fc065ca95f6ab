// What a configuration error says: the message of the ConfigError `run` throws, to match against.
import assert from 'node:assert/strict';
import { ConfigError } from '../../src/config/errors.js';

/** The message of the ConfigError `run` throws; the test fails if it throws anything else or nothing. */
export function messageOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof ConfigError, `expected a ConfigError, got ${String(error)}`);
    return error.message;
  }
  assert.fail('expected an error');
}
