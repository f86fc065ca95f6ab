#!/usr/bin/env node
// Runs the test suites with node's test runner and prints one closing line for all of them:
// `N passed, N failed`. Integration tests run serially against the real test bed
// (scripts/testbed.sh), which this script starts when it is not running and stops afterwards.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const SUITES = {
  unit: { dir: 'test/unit', suffix: '.test.ts', concurrency: 2 },
  integration: { dir: 'test/integration', suffix: '.itest.ts', concurrency: 1, testbed: true },
};

const requested = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const filters = process.argv.slice(2).filter((a) => a.startsWith('--name=')).map((a) => a.slice(7));
const names = requested.length ? requested : Object.keys(SUITES);
const testbedDir = process.env.TESTBED_DIR || '/tmp/cia-testbed';

function files(dir, suffix) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith(suffix))
    .sort()
    .map((f) => join(dir, f));
}

function loadTestbedEnv() {
  for (const line of readFileSync(join(testbedDir, 'env'), 'utf8').split('\n')) {
    const eq = line.indexOf('=');
    if (eq > 0) process.env[line.slice(0, eq)] = line.slice(eq + 1);
  }
}

function runSuite(name, suite) {
  const list = files(suite.dir, suite.suffix);
  if (list.length === 0) {
    console.error(`suite ${name}: no test files in ${suite.dir}`);
    return Promise.resolve({ pass: 0, fail: 1 });
  }
  const args = ['--import', 'tsx', '--test', '--test-reporter=spec', `--test-concurrency=${suite.concurrency}`];
  for (const f of filters) args.push(`--test-name-pattern=${f}`);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...args, ...list], { stdio: ['ignore', 'pipe', 'inherit'] });
    let tail = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      tail = (tail + chunk.toString()).slice(-4000);
    });
    child.on('close', (code) => {
      const count = (key) => Number(new RegExp(`ℹ ${key} (\\d+)`).exec(tail)?.[1] ?? 0);
      const pass = count('pass');
      let fail = count('fail') + count('cancelled');
      if (code !== 0 && fail === 0) fail = 1; // the runner itself failed
      console.log(`suite ${name}: ${pass} passed, ${fail} failed, ${count('skipped')} skipped`);
      resolve({ pass, fail });
    });
  });
}

let pass = 0;
let fail = 0;
let startedTestbed = false;
try {
  for (const name of names) {
    const suite = SUITES[name];
    if (!suite) throw new Error(`unknown suite ${name}; one of ${Object.keys(SUITES).join(', ')}`);
    if (suite.testbed && !startedTestbed) {
      const wasRunning = existsSync(join(testbedDir, 'env'));
      const result = spawnSync('bash', ['scripts/testbed.sh', 'start'], { stdio: 'inherit' });
      if (result.status !== 0) throw new Error('the test bed did not start');
      startedTestbed = !wasRunning && !process.env.CIA_KEEP_TESTBED;
      loadTestbedEnv();
    }
    const result = await runSuite(name, suite);
    pass += result.pass;
    fail += result.fail;
  }
} catch (error) {
  console.error(String(error));
  fail += 1;
} finally {
  if (startedTestbed) spawnSync('bash', ['scripts/testbed.sh', 'stop'], { stdio: 'inherit' });
}
console.log(`${pass} passed, ${fail} failed`);
process.exitCode = fail > 0 ? 1 : 0;
