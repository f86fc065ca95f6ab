// The migration check: for the same list, dry-run's engine argv against the argv Zuul's build role
// produces (its command line rendered by real Jinja2 and split by Python's shlex, as Ansible does).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, test } from '@jest/globals';
import { build } from '../../src/commands/build.js';
import type { PlannedImage } from '../../src/commands/dry-run.js';
import { upload } from '../../src/commands/upload.js';
import type { InputName } from '../../src/config/inputs/table.js';
import { skopeoCopyArgs } from '../../src/copiers/skopeo.js';
import type { Exec } from '../../src/exec.js';
import { readShellQuoted } from '../../src/config/zuul/quoting.js';
import { recordingLogger } from '../helpers/testbed.js';

const workDir = mkdtempSync(join(tmpdir(), 'cia-argv-'));
for (const dir of ['app', 'app/images', 'opendev.org/zuul/zuul-jobs', 'opendev.org/openstack/requirements'])
  mkdirSync(join(workDir, dir), { recursive: true });
writeFileSync(join(workDir, 'app', 'Containerfile'), 'FROM scratch\n');
writeFileSync(join(workDir, 'app', 'Dockerfile.ubuntu'), 'FROM scratch\n');
writeFileSync(join(workDir, 'app', 'images', 'Containerfile'), 'FROM scratch\n');

/** The role's argv for each entry (test/fixtures/zuul/render-build-command.py). */
function zuulArgv(entries: unknown[], containerCommand: string): string[][] {
  const script = join(import.meta.dirname, '..', 'fixtures', 'zuul', 'render-build-command.py');
  const input = JSON.stringify({ entries, container_command: containerCommand, prefix: 'change_42_' });
  return JSON.parse(execFileSync('python3', [script], { input, encoding: 'utf8' })) as string[][];
}

const VALUED = new Set(['-f', '--file', '--target', '--build-arg', '--tag', '--label', '--platform', '--iidfile', '--manifest']);

/** The parts of a build argv that carry the list's meaning, with paths resolved against the context. */
function meaning(argv: readonly string[], contextDir: string) {
  const out = { file: '', target: '', buildArgs: [] as string[], tags: [] as string[], labels: [] as string[], positional: [] as string[] };
  for (let i = 2; i < argv.length; i++) {
    const flag = argv[i];
    if (!VALUED.has(flag)) {
      out.positional.push(flag);
      continue;
    }
    const value = argv[++i];
    if (flag === '-f' || flag === '--file') out.file = resolve(contextDir, value);
    else if (flag === '--target') out.target = value;
    else if (flag === '--build-arg') out.buildArgs.push(value);
    else if (flag === '--tag') out.tags.push(value);
    else if (flag === '--label') out.labels.push(value);
  }
  out.positional = out.positional.map((p) => resolve(contextDir, p));
  out.tags.sort();
  return out;
}

async function dryRunBuild(command: typeof build, list: unknown[], inputs: Partial<Record<InputName, string>>) {
  const exec: Exec = async (tool) => assert.fail(`dry-run ran ${tool}`);
  const logger = recordingLogger();
  const read = (name: InputName) =>
    ({ images: JSON.stringify(list), 'work-dir': workDir, change: '42', 'dry-run': 'true', ...inputs })[name] ?? '';
  const result = await command({ env: { GITHUB_WORKSPACE: workDir, PATH: '/nonexistent' }, logger, read, exec });
  return { planned: JSON.parse(result.outputs.images ?? '[]') as PlannedImage[], logger };
}

// Each row: a list entry as real lists write it. `differs` marks Zuul's defect we do not copy.
const TABLE: { name: string; entry: Record<string, unknown>; differs?: string }[] = [
  { name: 'defaults', entry: { context: 'app', repository: 'quay.io/acme/app' } },
  {
    name: 'registry apart, several tags, target, container file',
    entry: {
      context: 'app',
      registry: 'quay.io',
      repository: 'acme/app',
      container_filename: 'Dockerfile.ubuntu',
      target: 'runtime',
      tags: ['3', '3.19', '3.19.0'],
    },
  },
  {
    name: 'quoted build args (FROM with a registry, a value with blanks)',
    entry: {
      context: 'app',
      repository: 'quay.io/acme/keystone',
      build_args: [`FROM='public.ecr.aws/ubuntu/ubuntu:noble'`, `PROFILES='fluent apache ldap'`, 'PROJECT=keystone'],
    },
  },
  {
    name: 'double-quoted build arg with an escaped quote, labels as the role quotes them',
    entry: {
      context: 'app',
      repository: 'quay.io/acme/app',
      build_args: ['PIP_PACKAGES="pymysql \\"python-memcached\\""'],
      labels: ["description='Acme app'", 'vendor=Acme'],
    },
  },
  {
    name: 'siblings and a build path outside the context',
    entry: {
      context: 'app/images',
      path: '..',
      repository: 'quay.io/acme/app',
      siblings: ['opendev.org/zuul/zuul-jobs', 'opendev.org/openstack/requirements'],
    },
  },
  {
    name: 'an unquoted value with blanks',
    entry: { context: 'app', repository: 'quay.io/acme/app', build_args: ['EXTRA=a b'] },
    differs: 'Zuul splits it into EXTRA=a and a stray argument b; here it stays one build argument',
  },
];

describe('dry-run argv against the argv of Zuul’s build role, for the same list', () => {
  for (const engine of ['podman', 'docker'] as const) {
    for (const row of TABLE) {
      test(`${engine}: ${row.name}`, async () => {
        const [zuul] = zuulArgv([row.entry], engine);
        const { planned } = await dryRunBuild(build, [row.entry], { 'container-command': engine });
        const [ours] = planned;
        assert.equal(ours.build.length, 1);
        const contextDir = join(workDir, row.entry.context as string);
        const theirs = meaning(zuul, contextDir);
        const mine = meaning(ours.build[0], ours.cwd);
        assert.equal(ours.cwd, contextDir);
        assert.equal(mine.target, theirs.target);
        assert.deepEqual(mine.tags, theirs.tags);
        // Ours adds the OCI and change labels first; the list's own follow in order.
        assert.deepEqual(mine.labels.slice(mine.labels.length - theirs.labels.length), theirs.labels);
        if (theirs.file) assert.equal(mine.file, theirs.file);
        else assert.equal(mine.file, join(contextDir, 'Containerfile'));
        if (row.differs) {
          assert.deepEqual(mine.buildArgs, ['EXTRA=a b'], row.differs);
          assert.deepEqual(theirs.buildArgs, ['EXTRA=a']);
          assert.deepEqual(theirs.positional, [contextDir, resolve(contextDir, 'b')]);
        } else {
          assert.deepEqual(mine.buildArgs, theirs.buildArgs);
          assert.deepEqual(mine.positional, theirs.positional);
        }
      });
    }
  }
});

describe('dry-run of upload: the plan with every push and tag, nothing run', () => {
  test('gate: the engine push of the first temporary tag, the others through the registry API; the password not in argv', async () => {
    const list = [{ context: 'app', repository: 'quay.io/acme/app', tags: ['1', 'latest'] }];
    const { planned, logger } = await dryRunBuild(upload, list, {
      'container-command': 'podman',
      'registry-credentials': '{"quay.io": {username: robot, password: dry-run-secret}}',
    });
    const [image] = planned;
    assert.deepEqual(image.pushes, ['quay.io/acme/app:change_42_1', 'quay.io/acme/app:change_42_latest']);
    assert.deepEqual(image.push, [
      [
        'podman',
        'push',
        '--authfile',
        '<tmp>/auth/config.json',
        '--digestfile',
        '<tmp>/digest-0',
        'quay.io/acme/app:1',
        'docker://quay.io/acme/app:change_42_1',
      ],
    ]);
    const log = logger.lines.join('\n');
    assert.match(log, /tag through the registry API: quay\.io\/acme\/app:change_42_latest/);
    assert.match(log, /dry run: no engine ran, no request was sent/);
    assert.ok(!log.includes('dry-run-secret') && !JSON.stringify(planned).includes('dry-run-secret'));
  });

  test('release pushes the final tags; a bad list still fails before anything', async () => {
    const list = [{ context: 'app', repository: 'quay.io/acme/app', tags: ['1'] }];
    const { planned } = await dryRunBuild(upload, list, { 'container-command': 'docker', promote: 'false' });
    assert.deepEqual(planned[0].pushes, ['quay.io/acme/app:1']);
    assert.deepEqual(planned[0].push, [['docker', 'push', 'quay.io/acme/app:1']]);
    await assert.rejects(dryRunBuild(upload, [{ context: 'missing', repository: 'quay.io/acme/app' }], {}), /images\[0\]\.context/);
  });
});

describe("values read as Zuul's command line reads them, against Python's shlex", () => {
  // Python's shlex.split is what Ansible's command module runs: for every value without unquoted
  // blanks it must give one word, equal to ours.
  const shlex = (values: string[]): string[][] =>
    JSON.parse(
      execFileSync('python3', ['-c', 'import json,shlex,sys; print(json.dumps([shlex.split(v) for v in json.load(sys.stdin)]))'], {
        input: JSON.stringify(values),
        encoding: 'utf8',
      }),
    ) as string[][];
  const cases: [string, string][] = [
    [`FROM='public.ecr.aws/ubuntu/ubuntu:noble'`, 'FROM=public.ecr.aws/ubuntu/ubuntu:noble'],
    [`PROFILES='fluent apache ldap'`, 'PROFILES=fluent apache ldap'],
    [`PIP_PACKAGES="pymysql python-memcached"`, 'PIP_PACKAGES=pymysql python-memcached'],
    [`DIST_PACKAGES="a \\"quoted\\" b"`, 'DIST_PACKAGES=a "quoted" b'],
    [`ESCAPED=a\\ b`, 'ESCAPED=a b'],
    [`MIXED='x'"y"z`, 'MIXED=xyz'],
    [`LITERAL='it''s'`, 'LITERAL=its'],
    ['PLAIN=1.2.3', 'PLAIN=1.2.3'],
  ];
  test('each value equals what shlex.split gives (the real splitter Ansible runs)', () => {
    const split = shlex(cases.map(([value]) => value));
    cases.forEach(([value, expected], i) => {
      assert.equal(readShellQuoted(value), expected, value);
      assert.deepEqual(split[i], [expected], `shlex on ${value}`);
    });
  });

  test("an unquoted value with blanks stays one argument (Zuul's defect split it)", () => {
    assert.equal(readShellQuoted('EXTRA=a b c'), 'EXTRA=a b c');
    assert.deepEqual(shlex(['EXTRA=a b c'])[0], ['EXTRA=a', 'b', 'c']);
  });
});

describe('skopeo argv', () => {
  test('a cert-dir goes to the side of its registry', () => {
    const args = skopeoCopyArgs(
      { registry: 'quay.io', repository: 'a/b', reference: 'v1' },
      { registry: 'mirror.example', repository: 'b', reference: 'v1' },
      undefined,
      { insecure: () => false, certDir: (registry) => (registry === 'quay.io' ? '/certs/quay' : undefined) },
    );
    assert.deepEqual(args, [
      'copy',
      '--all',
      '--preserve-digests',
      '--src-cert-dir',
      '/certs/quay',
      'docker://quay.io/a/b:v1',
      'docker://mirror.example/b:v1',
    ]);
  });
});
