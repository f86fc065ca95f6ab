#!/usr/bin/env node
// Runs the test suites with jest and prints one closing line for all of them: `N passed, N
// failed`. Unit tests run on two workers; integration tests one file at a time against the real
// test bed, which the integration project's globalSetup starts when it is not running and its
// globalTeardown stops afterwards (test/helpers/global-*.mjs).
//   node scripts/test.mjs [unit|integration] [--name=PATTERN] [FILE...]
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SUITES = {
  // Realistic bounds: a unit test may bundle dist/ (tens of seconds on a busy 2-core machine);
  // builds under qemu and fault-injection retries take minutes at worst, never forever.
  unit: { args: ['--maxWorkers=2', '--testTimeout=120000'] },
  integration: { args: ['--runInBand', '--testTimeout=600000'] },
};

const argv = process.argv.slice(2);
const requested = argv.filter((a) => a in SUITES);
const names = requested.length ? requested : Object.keys(SUITES);
const pattern = argv.filter((a) => a.startsWith('--name=')).map((a) => a.slice(7));
const files = argv.filter((a) => !a.startsWith('-') && !(a in SUITES));

function runSuite(name) {
  const report = join(mkdtempSync(join(tmpdir(), 'cia-jest-')), 'report.json');
  const args = [
    join('node_modules', 'jest', 'bin', 'jest.js'),
    '--selectProjects',
    name,
    ...SUITES[name].args,
    '--json',
    `--outputFile=${report}`,
  ];
  if (pattern.length) args.push(`--testNamePattern=${pattern.join('|')}`);
  args.push(...files);
  return new Promise((resolve) => {
    // ES modules in jest need node's VM modules.
    const env = {
      ...process.env,
      NODE_OPTIONS: [process.env.NODE_OPTIONS, '--experimental-vm-modules', '--no-warnings=ExperimentalWarning'].filter(Boolean).join(' '),
    };
    const child = spawn(process.execPath, args, { stdio: 'inherit', env });
    child.on('close', (code) => {
      let pass = 0;
      let fail = 0;
      let skipped = 0;
      try {
        const result = JSON.parse(readFileSync(report, 'utf8'));
        pass = result.numPassedTests;
        fail = result.numFailedTests + result.numRuntimeErrorTestSuites;
        skipped = result.numPendingTests + result.numTodoTests;
        if (result.numTotalTests === 0 && files.length === 0 && pattern.length === 0) fail += 1;
      } catch {
        fail = 1; // no report: jest itself failed
      }
      if (code !== 0 && fail === 0) fail = 1;
      console.log(`suite ${name}: ${pass} passed, ${fail} failed, ${skipped} skipped`);
      resolve({ pass, fail });
    });
  });
}

let pass = 0;
let fail = 0;
for (const name of names) {
  const result = await runSuite(name);
  pass += result.pass;
  fail += result.fail;
}
console.log(`${pass} passed, ${fail} failed`);
process.exitCode = fail > 0 ? 1 : 0;
