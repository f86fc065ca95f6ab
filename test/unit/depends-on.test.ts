import assert from 'node:assert/strict';
import { describe, test } from '@jest/globals';
import { dependsOn, parseChangeUrl } from '../../src/platform/depends-on.js';

describe('Depends-On lines', () => {
  test('any case, CRLF descriptions, several lines, GitHub, Gitea and Forgejo URLs, duplicates once', () => {
    const body = [
      'Bump the base image.',
      '',
      'Depends-On: https://github.com/acme/base/pull/42',
      'depends-on:https://gitea.example.org/acme/lib/pulls/7',
      '  DEPENDS-ON:   https://codeberg.org/acme/tools/pulls/3  ',
      'Depends-On: https://GitHub.com/Acme/Base/pull/42/',
      'Not a footer: Depends-On: https://github.com/acme/ignored/pull/1',
    ].join('\r\n');
    assert.deepEqual(
      dependsOn(body, 'acme/app#9').map((r) => [r.server, r.repository, r.number, r.style]),
      [
        ['https://github.com', 'acme/base', 42, 'pull'],
        ['https://gitea.example.org', 'acme/lib', 7, 'pulls'],
        ['https://codeberg.org', 'acme/tools', 3, 'pulls'],
      ],
    );
    assert.deepEqual(dependsOn(null, 'x'), []);
  });

  test('a line that is no pull request of those forges is an error naming the line', () => {
    assert.throws(
      () => dependsOn('Depends-On: https://gitlab.com/acme/x/-/merge_requests/3\nDepends-On: I1234abc', 'acme/app#9'),
      (error: Error) =>
        /acme\/app#9: "Depends-On: https:\/\/gitlab\.com\/acme\/x\/-\/merge_requests\/3": not a pull request URL of GitHub/.test(
          error.message,
        ) && /acme\/app#9: "Depends-On: I1234abc": not a URL/.test(error.message),
    );
    assert.throws(() => parseChangeUrl('ftp://github.com/acme/x/pull/1'), /a ftp: URL is no change of a forge/);
    assert.throws(() => parseChangeUrl('https://github.com/acme/x/pull/0'), /not a pull request URL/);
  });
});
