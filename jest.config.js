// jest runs every suite: unit (test/unit/*.test.ts) and integration (test/integration/*.itest.ts,
// one file at a time against the real test bed, which globalSetup starts once and
// globalTeardown stops). TypeScript is transpiled by @swc/jest as ES modules (tsc type-checks
// separately), so the tests load the same ESM-only dependencies the bundle does.
const transform = {
  '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'es6' } }],
};
const common = {
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: {
    // tsconfig `paths`: @actions/core's own modules, past its `exports` (src/runtime/logger.ts).
    '^@actions/core/lib/(.*)$': '<rootDir>/node_modules/@actions/core/lib/$1',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  transform,
  testEnvironment: 'node',
};

// Timeouts per suite come from scripts/test.mjs (--testTimeout): jest reads that option globally.
export default {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.test.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/integration/**/*.itest.ts'],
      globalSetup: '<rootDir>/test/helpers/global-setup.mjs',
      globalTeardown: '<rootDir>/test/helpers/global-teardown.mjs',
    },
  ],
};
