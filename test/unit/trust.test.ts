// Who may write the registry build cache: decided by the trust of the code an event builds, read
// from the runner's event exactly as a run reads it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from '@jest/globals';
import { describeBuildCache } from '../../src/commands/build-access.js';
import type { ImageBuildPlan } from '../../src/commands/build-plan.js';
import { silentLogger, type Logger } from '../../src/logger.js';
import { detectChange } from '../../src/platform/change.js';
import { cacheWriteRefusal, writesBuildCache } from '../../src/platform/trust.js';

const events = join(import.meta.dirname, '..', 'fixtures', 'events');
const fixture = (name: string) => JSON.parse(readFileSync(join(events, name), 'utf8')) as object;
const changeOf = (event: string, payload: object = {}, env: Record<string, string> = {}) =>
  detectChange({ GITHUB_ACTIONS: 'true', GITHUB_EVENT_NAME: event, GITHUB_REPOSITORY: 'acme/widgets', ...env }, payload);

/** workflow_run as GitHub sends it after a pull request's run: the PR's head from a fork. */
const workflowRunFromPullRequest = fixture('github-workflow_run-fork.json') as { workflow_run: object };
const commentOnPullRequest = { action: 'created', issue: { number: 77, pull_request: { url: 'https://api.github.com/x' } } };

describe('who writes the build cache', () => {
  test.each([
    ['push', { ref: 'refs/heads/main' }],
    ['push', fixture('github-push-tag.json')],
    ['merge_group', fixture('github-merge_group.json')],
    ['schedule', { schedule: '0 3 * * *' }],
    ['workflow_dispatch', { ref: 'refs/heads/main', inputs: {} }],
    ['release', { action: 'published', release: { tag_name: 'v1.2.0' } }],
  ])('%s builds trusted code: writes', (event, payload) => {
    assert.equal(cacheWriteRefusal(changeOf(event, payload)), undefined);
    assert.equal(writesBuildCache(changeOf(event, payload)), true);
  });

  test('a workflow_run following a push of this repository builds that code: writes', () => {
    const afterPush = {
      workflow_run: { ...workflowRunFromPullRequest.workflow_run, event: 'push', head_repository: { full_name: 'acme/widgets' } },
    };
    assert.equal(cacheWriteRefusal(changeOf('workflow_run', afterPush)), undefined);
    assert.equal(writesBuildCache(changeOf('workflow_run', afterPush)), true);
  });

  test.each([
    ['pull_request', fixture('github-pull_request.json'), /a pull_request event never writes it: it builds a pull request's code/],
    ['pull_request_target', fixture('github-pull_request_target-fork.json'), /pull_request_target event never writes it/],
    ['pull_request_review', { pull_request: { number: 3 } }, /pull_request_review event never writes it: it runs for a pull request/],
    ['workflow_run', workflowRunFromPullRequest, /workflow_run event never writes it: it follows a run that is not a push/],
    [
      'workflow_run',
      { workflow_run: { ...workflowRunFromPullRequest.workflow_run, event: 'push' } },
      /workflow_run event never writes it: it follows a run that is not a push, .* of this repository/,
    ],
    ['issue_comment', commentOnPullRequest, /issue_comment event never writes it: anyone who may comment can start it/],
    ['repository_dispatch', { action: 'build', client_payload: {} }, /repository_dispatch event never writes it/],
    [
      'check_run',
      { action: 'rerequested' },
      /check_run event never writes it: only push, merge_group, schedule, workflow_dispatch and release/,
    ],
  ])('%s: read only, and the reason says why', (event, payload, reason) => {
    assert.match(cacheWriteRefusal(changeOf(event, payload)) ?? 'writes', reason);
    assert.equal(writesBuildCache(changeOf(event, payload)), false);
  });

  test('one log line names the cache and why it is read only or written', () => {
    const lines: string[] = [];
    const logger: Logger = { ...silentLogger, info: (line) => lines.push(line) };
    const plans = (write: boolean) => [{ spec: { cache: { repository: 'quay.io/acme/app-cache', write } } }] as unknown as ImageBuildPlan[];
    describeBuildCache(plans(false), changeOf('workflow_run', workflowRunFromPullRequest), logger);
    describeBuildCache(plans(true), changeOf('push', { ref: 'refs/heads/main' }), logger);
    assert.match(lines[0], /^build cache: quay\.io\/acme\/app-cache \(read only: a workflow_run event never writes it: /);
    assert.match(
      lines[1],
      /^build cache: quay\.io\/acme\/app-cache \(read and written\): a push builds a branch or tag of this repository/,
    );
  });
});
