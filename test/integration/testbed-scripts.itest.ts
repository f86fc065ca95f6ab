// In the integration suite, which runs one file at a time after the shared test bed started: this
// file's `start` runs a second test bed (its own ports and folder) and finds dockerd running.
// scripts/testbed.sh and scripts/go-tools.sh as the demo and the tests run them: `start` (all the
// demo runs) builds no Go tool, a tool is built when a test first asks for it, and an install
// prints no shell error. A stand-in `go` first on PATH records each call and fails at once, so
// a build that should not happen shows in seconds instead of minutes of compiling.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { goTool } from '../helpers/go-tools.js';

const scripts = join(import.meta.dirname, '..', '..', 'scripts');

let work: string;
let bin: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'cia-testbed-scripts-'));
  bin = join(work, 'bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'go'), '#!/bin/sh\necho "$*" >>"$GO_CALLS"\necho "go: no build in this test" >&2\nexit 1\n');
  chmodSync(join(bin, 'go'), 0o755);
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

/** An empty Go-tool cache and an environment whose `go` is the stand-in, recording into its own file. */
function withStandInGo(name: string): { env: NodeJS.ProcessEnv; goTools: string; goCalls: () => string[] } {
  const goTools = join(work, name);
  mkdirSync(goTools);
  const calls = join(work, `${name}.go-calls`);
  return {
    env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, GO_CALLS: calls, CIA_GO_TOOLS_DIR: goTools },
    goTools,
    goCalls: () => (existsSync(calls) ? readFileSync(calls, 'utf8').trim().split('\n') : []),
  };
}

async function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** The first of `count` consecutive free loopback ports (the test bed's registries take three). */
async function freePorts(count: number): Promise<number> {
  for (let port = 20000 + Math.floor(Math.random() * 20000); ; port += count) {
    const ports = Array.from({ length: count }, (_, i) => port + i);
    if ((await Promise.all(ports.map(isFree))).every(Boolean)) return port;
  }
}

function dockerAnswers(): boolean {
  return spawnSync('docker', ['info'], { stdio: 'ignore' }).status === 0;
}

describe('testbed.sh start (what npm run demo runs)', () => {
  test('installs and starts the test bed without building a Go tool, and leaves the running dockerd alone', async () => {
    const { env, goTools, goCalls } = withStandInGo('start');
    const dir = join(work, 'bed');
    const bed = { ...env, TESTBED_DIR: dir, CIA_REGISTRY_PORT: String(await freePorts(3)) };
    // The shared test bed's dockerd: this bed's `stop` must not take it from the suites that use it.
    expect(dockerAnswers()).toBe(true);
    try {
      const start = spawnSync('bash', [join(scripts, 'testbed.sh'), 'start'], { env: bed, encoding: 'utf8' });
      expect({ status: start.status, stderr: start.stderr }).toEqual({ status: 0, stderr: expect.stringContaining('ready:') });
      expect(start.stderr).not.toContain('go-tools:');
      expect(goCalls()).toEqual([]);
      expect(readdirSync(goTools)).toEqual([]);
      expect(readFileSync(join(dir, 'started'), 'utf8')).not.toMatch(/^dockerd /m);
    } finally {
      spawnSync('bash', [join(scripts, 'testbed.sh'), 'stop'], { env: bed, stdio: 'ignore' });
    }
    expect(dockerAnswers()).toBe(true);
  });
});

describe('go-tools.sh install', () => {
  test('reaches the build with no shell error on the way', () => {
    const { env, goCalls } = withStandInGo('install');
    const install = spawnSync('bash', [join(scripts, 'go-tools.sh'), 'install', 'crane'], { env, encoding: 'utf8' });
    expect(goCalls()).toEqual(['install github.com/google/go-containerregistry/cmd/crane@v0.22.1']);
    expect(install.stderr).not.toContain('unbound variable');
    expect(install.stderr).toContain('go-tools: crane@v0.22.1: go install github.com/google/go-containerregistry/cmd/crane@v0.22.1 failed');
  });
});

/** Resolves once `child` has printed `text` on `stream`; rejects if it exits first. */
async function printed(child: ChildProcess, stream: 'stdout' | 'stderr', text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = '';
    child[stream]!.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      if (seen.includes(text)) resolve(seen);
    });
    child.on('exit', (code) => reject(new Error(`exited ${code} before printing ${JSON.stringify(text)}:\n${seen}`)));
  });
}

describe('go-tools.sh install, two at once', () => {
  test('the second waits for the first build of the same tool instead of building beside it', async () => {
    const { env, goTools, goCalls } = withStandInGo('concurrent');
    const holder = spawn('flock', [join(goTools, 'crane@v0.22.1.lock'), '-c', 'echo held; read _'], { stdio: ['pipe', 'pipe', 'ignore'] });
    try {
      await printed(holder, 'stdout', 'held');
      const install = spawn('bash', [join(scripts, 'go-tools.sh'), 'install', 'crane'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
      const exited = new Promise<number | null>((resolve) => install.on('exit', resolve));
      await printed(install, 'stderr', 'another process is building it; waiting');
      expect(goCalls()).toEqual([]);
      holder.stdin!.end('\n');
      expect(await exited).toBe(1);
      expect(goCalls()).toEqual(['install github.com/google/go-containerregistry/cmd/crane@v0.22.1']);
    } finally {
      holder.kill();
    }
  });
});

describe('goTool (test/helpers/go-tools.ts)', () => {
  test('builds a missing tool on first use and reports why the build failed', () => {
    const { env, goCalls } = withStandInGo('lazy');
    const saved = { PATH: process.env.PATH, GO_CALLS: process.env.GO_CALLS, CIA_GO_TOOLS_DIR: process.env.CIA_GO_TOOLS_DIR };
    Object.assign(process.env, { PATH: env.PATH, GO_CALLS: env.GO_CALLS, CIA_GO_TOOLS_DIR: env.CIA_GO_TOOLS_DIR });
    try {
      expect(() => goTool('crane')).toThrow(
        /^go tool crane: [^]*go install github.com\/google\/go-containerregistry\/cmd\/crane@v0.22.1 failed$/,
      );
      expect(goCalls()).toEqual(['install github.com/google/go-containerregistry/cmd/crane@v0.22.1']);
    } finally {
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    }
  });
});
