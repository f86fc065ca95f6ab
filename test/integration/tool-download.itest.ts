// The pinned skopeo download (skopeo-url + skopeo-sha256) against hostile servers and a tampered
// tool cache (issue: hardening, points 3 and 10): a cached tool is hashed again before every run,
// a download is hashed as it streams, capped, and never left behind in the temp folder.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll as after, describe, test } from '@jest/globals';
import { RegistrySession } from '../../src/registry/session.js';
import { MAX_TOOL_BYTES, pinnedTool } from '../../src/runtime/tool-download.js';
import { runCli, startCli } from '../helpers/cli.js';
import { pushSynthetic } from '../helpers/images.js';
import { peakRss } from '../helpers/process-memory.js';
import { startRegistry } from '../helpers/registry-process.js';
import { standIn, type StandIn } from '../helpers/stand-in.js';

const MIB = 1024 * 1024;
const servers: StandIn[] = [];
const roots: string[] = [];

/** A loopback server answering every request with `handle`; returns the URL of /skopeo. */
async function serve(handle: (res: ServerResponse) => void): Promise<string> {
  const server = await standIn((_url, res) => handle(res));
  servers.push(server);
  return `${server.origin}/skopeo`;
}

/** Writes zeros to `res` as fast as it is read, `limit` bytes at most over every request, then calls `end`. */
function zeros(res: ServerResponse, limit: number, sent: { bytes: number }, end: () => void): void {
  const chunk = Buffer.alloc(MIB);
  const pump = () => {
    while (!res.destroyed) {
      if (sent.bytes >= limit) return end();
      sent.bytes += chunk.length;
      if (!res.write(chunk)) return;
    }
  };
  res.on('drain', pump);
  pump();
}

/** The CLI (mirror with the pinned skopeo at `url`, which never matches) run to its end: its log and peak RSS. */
async function downloadPeak(url: string, dirs: { cache: string; temp: string }): Promise<{ log: string; peakMiB: number }> {
  const { child, done } = startCli(
    'mirror',
    {
      engine: 'skopeo',
      'skopeo-url': url,
      'skopeo-sha256': 'a'.repeat(64),
      // Never reached: the tool is fetched first.
      mirror: JSON.stringify([{ src_repository: '127.0.0.1:9/none/app', src_tag: 'v1', dest_repository: '127.0.0.1:9/none/copy' }]),
    },
    { RUNNER_TOOL_CACHE: dirs.cache, RUNNER_TEMP: dirs.temp },
  );
  const [run, peakMiB] = await Promise.all([done, peakRss(child.pid!, done)]);
  assert.equal(run.code, 1, run.log);
  return { log: run.log, peakMiB };
}

/** A fresh tool cache and temp folder, as a runner gives each job. */
function runnerDirs(): { cache: string; temp: string } {
  const root = mkdtempSync(join(tmpdir(), 'cia-tooldl-'));
  roots.push(root);
  const dirs = { cache: join(root, 'cache'), temp: join(root, 'temp') };
  mkdirSync(dirs.temp);
  return dirs;
}

/** Runs `fn` with the runner's tool-cache variables set in this process (tool-cache reads them at each call). */
async function withRunnerEnv<T>(dirs: { cache: string; temp: string }, fn: () => Promise<T>): Promise<T> {
  process.env.RUNNER_TOOL_CACHE = dirs.cache;
  process.env.RUNNER_TEMP = dirs.temp;
  try {
    return await fn();
  } finally {
    delete process.env.RUNNER_TOOL_CACHE;
    delete process.env.RUNNER_TEMP;
  }
}

describe('pinned tool download', () => {
  after(async () => {
    await Promise.all(servers.map((server) => server.close()));
    for (const root of roots) rmSync(root, { recursive: true, force: true });
  });

  test('3. a cached skopeo replaced after the first run is refused at the next run, before it gets the auth file', async () => {
    const dirs = runnerDirs();
    const genuineLog = join(dirs.temp, '..', 'genuine.log');
    const plantedLog = join(dirs.temp, '..', 'planted.log');
    // The pinned "skopeo": records its argv (which holds --authfile), then runs the real one.
    const tool = `#!/bin/sh\necho "$*" >> ${genuineLog}\nexec /usr/bin/skopeo "$@"\n`;
    const sha = createHash('sha256').update(tool).digest('hex');
    const url = await serve((res) => res.writeHead(200, { 'content-length': Buffer.byteLength(tool) }).end(tool));
    const registry = await startRegistry();
    const seed = new RegistrySession();
    try {
      await pushSynthetic(seed, registry.registry, 'pinned/app', { layers: [100], tags: ['v1'] });
      const mirror = (dest: string) =>
        runCli(
          'mirror',
          {
            engine: 'skopeo',
            'skopeo-url': url,
            'skopeo-sha256': sha,
            'registry-credentials': `{"${registry.registry}": {username: ci, password: "tool-cache-secret"}}`,
            mirror: JSON.stringify([
              { src_repository: `${registry.registry}/pinned/app`, src_tag: 'v1', dest_repository: `${registry.registry}/${dest}` },
            ]),
          },
          { RUNNER_TOOL_CACHE: dirs.cache, RUNNER_TEMP: dirs.temp },
        );
      const first = await mirror('pinned/first');
      assert.equal(first.code, 0, first.log);
      assert.match(readFileSync(genuineLog, 'utf8'), /^copy .*--authfile /m, 'the pinned tool ran with the auth file');
      const cached = /skopeo: (\S+) \(pinned sha256/.exec(first.log)?.[1] ?? '';
      assert.ok(cached.startsWith(dirs.cache), first.log);

      // Anything that can write the tool cache (another job, a compromised step) swaps the entry.
      writeFileSync(cached, `#!/bin/sh\necho "$*" >> ${plantedLog}\n`);
      const second = await mirror('pinned/second');
      assert.equal(second.code, 1, second.log);
      assert.match(
        second.log,
        new RegExp(
          `skopeo-url: the cached skopeo at ${cached} has sha256 [0-9a-f]{64}, not the pinned ${sha}: it was changed after it was verified, so it was removed and not run`,
        ),
      );
      assert.ok(!existsSync(plantedLog), 'the planted file never ran');
      assert.ok(!existsSync(cached), 'the planted file was removed from the cache');
      const downloads = readdirSync(dirs.temp).filter((entry) => entry.startsWith('cia-skopeo-'));
      assert.equal(downloads.join(', '), '', 'no download left in the temp folder');
    } finally {
      seed.close();
      await registry.stop();
    }
  });

  test('10. a body announced larger than the cap is refused before it is read, naming skopeo-url', async () => {
    const dirs = runnerDirs();
    // 2.3 GB announced; at most a little more than the cap is ever sent (then the connection is cut).
    const sent = { bytes: 0 };
    const url = await serve((res) => {
      res.writeHead(200, { 'content-length': String(2300 * 1000 * 1000) });
      zeros(res, MAX_TOOL_BYTES + 16 * MIB, sent, () => res.destroy());
    });
    await withRunnerEnv(dirs, () =>
      assert.rejects(
        pinnedTool('skopeo', url, 'a'.repeat(64)),
        new RegExp(
          `^ConfigError: skopeo-url: the file at ${url} is larger than ${MAX_TOOL_BYTES / MIB} MiB, too large for skopeo; nothing was kept or run$`,
        ),
      ),
    );
    assert.ok(sent.bytes < 64 * MIB, `only what the sockets buffer was sent (${sent.bytes} bytes)`);
    assert.equal(readdirSync(dirs.temp).join(', '), '', 'nothing left in the temp folder');
  });

  test('10. an unannounced body past the cap stops at the cap, hashed as it streams (bounded memory), and is removed', async () => {
    const dirs = runnerDirs();
    const total = MAX_TOOL_BYTES + 64 * MIB;
    const sent = { bytes: 0 };
    // Chunked, no length: zeros generated as the client reads them.
    const endless = await serve((res) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      zeros(res, total, sent, () => res.end());
    });
    const small = await serve((res) => res.writeHead(200, { 'content-length': 3 }).end('abc'));
    // The CLI in its own process, measured from outside: the same run with a 3-byte file is what
    // the process needs anyway (node, tsx, the toolkit); the download may add buffers, not the file.
    const control = await downloadPeak(small, dirs);
    assert.match(control.log, /skopeo-url: the file at .* has sha256 [0-9a-f]{64}, not the pinned a{64}/);
    const measured = await downloadPeak(endless, dirs);
    assert.match(measured.log, /skopeo-url: the file at .* is larger than 256 MiB/);
    assert.ok(sent.bytes < total, `the download stopped at the cap (${sent.bytes} of ${total} bytes sent)`);
    // Reading the file whole (as before) grows by all of its 256 MiB and more; streaming by buffers.
    const grown = measured.peakMiB - control.peakMiB;
    assert.ok(grown < 128, `peak RSS ${Math.round(measured.peakMiB)} MiB, ${Math.round(grown)} MiB over the 3-byte download`);
    assert.equal(readdirSync(dirs.temp).join(', '), '', 'nothing left in the temp folder');
  });

  test('10. a file that does not match its pin is removed from the temp folder too', async () => {
    const dirs = runnerDirs();
    const url = await serve((res) => res.writeHead(200, { 'content-length': 3 }).end('abc'));
    await withRunnerEnv(dirs, () =>
      assert.rejects(
        pinnedTool('skopeo', url, 'f'.repeat(64)),
        /skopeo-url: the file at .* has sha256 [0-9a-f]{64}, not the pinned f{64}; nothing was run/,
      ),
    );
    assert.equal(readdirSync(dirs.temp).join(', '), '', 'nothing left in the temp folder');
  });
});
