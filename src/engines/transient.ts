import type { ExecError } from '../exec.js';

/** Engine failures worth another attempt: the registry or the network, not the image. */
const TRANSIENT = new RegExp(
  [
    '\\b(50[0-9]|429)\\b',
    'too many requests',
    'timeout',
    'timed out',
    'connection reset',
    'broken pipe',
    'unexpected EOF',
    '\\bEOF\\b',
    'connection refused',
    'TLS handshake',
  ].join('|'),
  'i',
);

/** Whether an engine's push failed for a reason another attempt may not meet, judged by its last words. */
export function isTransientEngineFailure(error: ExecError): boolean {
  return TRANSIENT.test(error.lastLines.join('\n'));
}
