import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from '@jest/globals';

const root = join(import.meta.dirname, '..', '..');
const list = (dir: string) => readdirSync(dir, { recursive: true }).map(String).sort();

describe('dist/', () => {
  test('equals a fresh build of the source, with nothing untracked or modified', () => {
    const fresh = mkdtempSync(join(tmpdir(), 'cia-dist-'));
    try {
      execFileSync('bash', ['scripts/build.sh', fresh], { cwd: root, stdio: 'pipe' });
      assert.deepEqual(list(join(root, 'dist')), list(fresh), 'dist/ has different files than a fresh build');
      for (const file of list(fresh)) {
        assert.ok(
          readFileSync(join(root, 'dist', file)).equals(readFileSync(join(fresh, file))),
          `dist/${file} differs from a fresh build: run npm run build`,
        );
      }
    } finally {
      rmSync(fresh, { recursive: true, force: true });
    }
    const status = execFileSync('git', ['status', '--porcelain', '--', 'dist'], { cwd: root, encoding: 'utf8' });
    assert.equal(status, '', `dist/ is not committed as built:\n${status}`);
  });

  test('the bundle runs: --help, and a clear error with exit 1 on bad input', () => {
    const help = spawnSync(process.execPath, [join(root, 'dist', 'index.js'), '--help'], { encoding: 'utf8' });
    assert.equal(help.status, 0);
    assert.match(help.stdout, /usage: node dist\/index.js <command>/);
    const bad = spawnSync(process.execPath, [join(root, 'dist', 'index.js'), 'build'], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH, INPUT_IMAGES: '[{context: ., repository: quay.io/o/a, tags: ["Latest!"]}]' },
    });
    assert.equal(bad.status, 1);
    assert.match(bad.stdout, /images\[0\]\.tags\[0\]: "Latest!" is not a valid tag/);
  });

  test('the root action (node24 form) reads INPUT_COMMAND', () => {
    const result = spawnSync(process.execPath, [join(root, 'dist', 'index.js')], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH, INPUT_COMMAND: 'deploy' },
    });
    assert.equal(result.status, 1);
    assert.match(result.stdout, /command: "deploy" is not a command; one of build, upload, promote, mirror/);
  });
});
