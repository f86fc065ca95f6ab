// A pinned tool in @actions/tool-cache is hashed again at every use (issue: hardening, point 3):
// a cache entry replaced after the first download is removed and never handed out to run.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll as after, beforeAll as before, describe, test } from '@jest/globals';
import { pinnedTool } from '../../src/runtime/tool-download.js';
import { standIn, type StandIn } from '../helpers/stand-in.js';

const root = mkdtempSync(join(tmpdir(), 'cia-toolcache-unit-'));
const marker = join(root, 'ran');
const TOOL = `#!/bin/sh\necho genuine >> ${marker}\n`;
const SHA = createHash('sha256').update(TOOL).digest('hex');

describe('pinned tool cache', () => {
  let server: StandIn;
  let url = '';
  const downloads = () => server.seen.length;

  before(async () => {
    server = await standIn((_url, res) => res.writeHead(200, { 'content-length': Buffer.byteLength(TOOL) }).end(TOOL));
    url = `${server.origin}/skopeo`;
    // tool-cache reads these at each call, as on a runner.
    process.env.RUNNER_TOOL_CACHE = join(root, 'cache');
    process.env.RUNNER_TEMP = join(root, 'temp');
  });
  after(async () => {
    delete process.env.RUNNER_TOOL_CACHE;
    delete process.env.RUNNER_TEMP;
    await server.close();
    rmSync(root, { recursive: true, force: true });
  });

  test('a cache entry replaced after the first download is refused, removed, and downloaded afresh next time', async () => {
    const path = await pinnedTool('skopeo', url, SHA);
    assert.equal(spawnSync(path, []).status, 0);
    assert.equal(await pinnedTool('skopeo', url, SHA), path, 'an intact entry is used as it is');
    assert.equal(downloads(), 1);

    writeFileSync(path, `#!/bin/sh\necho planted >> ${marker}\n`);
    await assert.rejects(
      pinnedTool('skopeo', url, SHA),
      new RegExp(
        `^ConfigError: skopeo-url: the cached skopeo at ${path} has sha256 [0-9a-f]{64}, not the pinned ${SHA}: it was changed ` +
          'after it was verified, so it was removed and not run',
      ),
    );
    assert.ok(!existsSync(path), 'the planted file is gone');

    const again = await pinnedTool('skopeo', url, SHA);
    assert.equal(downloads(), 2, 'the next call downloads the pinned file again');
    assert.equal(spawnSync(again, []).status, 0);
    assert.deepEqual(readFileSync(marker, 'utf8').split('\n').filter(Boolean), ['genuine', 'genuine']);
    assert.equal(readdirSync(join(root, 'temp')).join(', '), '', 'no download is left in the temp folder');
  });
});
