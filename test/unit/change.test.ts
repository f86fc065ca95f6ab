import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from '@jest/globals';
import { parseChangeInput } from '../../src/config/inputs/change.js';
import { detectChange, readEvent, type ChangeInfo } from '../../src/platform/change.js';
import { detectRunner, type RunnerKind } from '../../src/platform/runner.js';

const events = join(import.meta.dirname, '..', 'fixtures', 'events');

/** Each runner's own environment markers and variables, as they set them. */
const RUNNER_ENV: Record<Exclude<RunnerKind, 'local'>, Record<string, string>> = {
  github: { GITHUB_ACTIONS: 'true', CI: 'true', GITHUB_SERVER_URL: 'https://github.com', GITHUB_API_URL: 'https://api.github.com' },
  gitea: {
    GITHUB_ACTIONS: 'true',
    GITEA_ACTIONS: 'true',
    CI: 'true',
    GITHUB_SERVER_URL: 'https://gitea.example.org',
    GITHUB_API_URL: 'https://gitea.example.org/api/v1',
  },
  forgejo: {
    GITHUB_ACTIONS: 'true',
    GITEA_ACTIONS: 'true',
    FORGEJO_ACTIONS: 'true',
    CI: 'true',
    GITHUB_SERVER_URL: 'https://codeberg.example.org',
    GITHUB_API_URL: 'https://codeberg.example.org/api/v1',
  },
  act: { GITHUB_ACTIONS: 'true', ACT: 'true', CI: 'true', GITHUB_SERVER_URL: 'https://github.com' },
};

function run(
  runner: Exclude<RunnerKind, 'local'>,
  eventName: string,
  file: string | undefined,
  extra: Record<string, string> = {},
  override?: number,
): ChangeInfo {
  const env = {
    ...RUNNER_ENV[runner],
    GITHUB_EVENT_NAME: eventName,
    GITHUB_REPOSITORY: 'acme/widgets',
    GITHUB_SHA: '9999999999999999999999999999999999999999',
    ...(file && { GITHUB_EVENT_PATH: join(events, file) }),
    ...extra,
  };
  return detectChange(env, readEvent(env), override);
}

describe('runner detection from environment markers', () => {
  for (const kind of ['github', 'gitea', 'forgejo', 'act'] as const) {
    test(kind, () => assert.equal(detectRunner(RUNNER_ENV[kind]), kind));
  }
  test('no markers: local (the CLI form)', () => assert.equal(detectRunner({}), 'local'));
});

describe('change detection per event and runner', () => {
  test("a push: the event's repository wins over GITHUB_REPOSITORY (act names its own checkout without a remote)", () => {
    const change = detectChange(
      { GITHUB_EVENT_NAME: 'push', GITHUB_REPOSITORY: 'nektos/act', GITHUB_SHA: '1'.repeat(40) },
      {
        repository: { full_name: 'acme/widgets' },
      },
    );
    assert.equal(change.baseRepository, 'acme/widgets');
    assert.equal(detectChange({ GITHUB_EVENT_NAME: 'push', GITHUB_REPOSITORY: 'acme/widgets' }, {}).baseRepository, 'acme/widgets');
  });

  test('GitHub pull_request: PR number, URL and head SHA', () => {
    const c = run('github', 'pull_request', 'github-pull_request.json');
    assert.deepEqual(
      {
        change: c.change,
        url: c.changeUrl,
        revision: c.revision,
        prefix: c.prefix,
        pipeline: c.pipeline,
        head: c.headRepository,
        base: c.baseRepository,
      },
      {
        change: 42,
        url: 'https://github.com/acme/widgets/pull/42',
        revision: '8d1f8e1b2c3a4f5e6d7c8b9a0f1e2d3c4b5a6978',
        prefix: 'change_42',
        pipeline: 'pull_request',
        head: 'acme/widgets',
        base: 'acme/widgets',
      },
    );
  });

  test('GitHub pull_request_target from a fork: head and base repositories differ', () => {
    const c = run('github', 'pull_request_target', 'github-pull_request_target-fork.json');
    assert.equal(c.change, 43);
    assert.equal(c.headRepository, 'mallory/widgets');
    assert.equal(c.baseRepository, 'acme/widgets');
  });

  test('GitHub merge_group: PR number from gh-readonly-queue/<base>/pr-<N>-<sha>', () => {
    const c = run('github', 'merge_group', 'github-merge_group.json');
    assert.equal(c.change, 57);
    assert.equal(c.prefix, 'change_57');
    assert.equal(c.changeUrl, 'https://github.com/acme/widgets/pull/57');
    assert.equal(c.revision, '1111111111111111111111111111111111111111');
  });

  test('GitHub tag push: no change, the event name is the prefix', () => {
    const c = run('github', 'push', 'github-push-tag.json');
    assert.equal(c.change, undefined);
    assert.equal(c.prefix, 'push');
    assert.equal(c.revision, '9999999999999999999999999999999999999999');
  });

  test('Gitea pull_request payload', () => {
    const c = run('gitea', 'pull_request', 'gitea-pull_request.json');
    assert.equal(c.change, 7);
    assert.equal(c.changeUrl, 'https://gitea.example.org/acme/widgets/pulls/7');
    assert.equal(c.revision, '5555555555555555555555555555555555555555');
  });

  test('Forgejo pull_request payload', () => {
    const c = run('forgejo', 'pull_request', 'forgejo-pull_request.json');
    assert.equal(c.change, 8);
    assert.equal(c.changeUrl, 'https://codeberg.example.org/acme/widgets/pulls/8');
  });

  test('act with a minimal hand-written event', () => {
    const c = run('act', 'pull_request', 'act-pull_request.json');
    assert.equal(c.change, 9);
    assert.equal(c.changeUrl, undefined);
    assert.equal(c.revision, '6666666666666666666666666666666666666666');
  });

  test('act without an event file (act -j with no -e)', () => {
    const c = run('act', 'push', undefined);
    assert.equal(c.change, undefined);
    assert.equal(c.prefix, 'push');
  });

  test('schedule and workflow_dispatch: pipeline prefix', () => {
    assert.equal(run('github', 'schedule', undefined).prefix, 'schedule');
    assert.equal(run('gitea', 'workflow_dispatch', undefined).prefix, 'workflow_dispatch');
  });

  test('explicit change input wins over the event', () => {
    const c = run('github', 'pull_request', 'github-pull_request.json', {}, 100);
    assert.equal(c.change, 100);
    assert.equal(c.prefix, 'change_100');
    assert.equal(c.changeUrl, 'https://github.com/acme/widgets/pull/100');
  });

  test('explicit change on Gitea uses its /pulls/ URL', () => {
    const c = run('gitea', 'push', undefined, {}, 12);
    assert.equal(c.changeUrl, 'https://gitea.example.org/acme/widgets/pulls/12');
  });

  test('outside any runner: pipeline "local"', () => {
    const c = detectChange({}, {});
    assert.deepEqual(c, { pipeline: 'local', prefix: 'local', revision: undefined, baseRepository: undefined });
  });

  test('an unreadable event file is a clear error', () => {
    assert.throws(
      () => readEvent({ GITHUB_EVENT_PATH: '/nonexistent/event.json' }),
      /GITHUB_EVENT_PATH: cannot read the event payload \/nonexistent\/event.json/,
    );
  });
});

describe('change input', () => {
  test('accepts 42 and #42', () => {
    assert.equal(parseChangeInput('42'), 42);
    assert.equal(parseChangeInput('#42'), 42);
    assert.equal(parseChangeInput(''), undefined);
  });
  for (const bad of ['0', '-1', 'abc', '4.2', '42x']) {
    test(`refuses ${JSON.stringify(bad)}`, () =>
      assert.throws(() => parseChangeInput(bad), new RegExp(`change: "${bad.replace('.', '\\.')}" is not a change number`)));
  }
});
