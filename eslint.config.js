// Lint: the recommended rules of ESLint and typescript-eslint over the sources, tests, scripts and
// benchmarks, and the layering of src/: each folder imports only the layers below it.
//   exec.ts, logger.ts, interrupt.ts  <-  registry  <-  engines  <-  copiers  <-  config  <-  platform  <-  doctor  <-  commands  <-  runtime  <-  main.ts
// Only runtime/ imports @actions/*. test/unit/layers.test.ts shows a forbidden import failing
// and checks that no file-level import cycle exists.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** The engines' names, as a selector's regular expression. */
const ENGINE_NAME = '/^(docker|podman|buildah)$/';

const LAYERS = ['registry', 'engines', 'copiers', 'config', 'platform', 'doctor', 'commands', 'runtime'];

/** The folders a layer must not import: every layer above it. */
function forbiddenFor(layer) {
  return LAYERS.slice(LAYERS.indexOf(layer) + 1);
}

const layerRules = LAYERS.map((layer) => ({
  files: [`src/${layer}/**/*.ts`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          ...forbiddenFor(layer).map((above) => ({
            group: [`**/${above}/*`, `../${above}`, `../../${above}`],
            message: `src/${layer} sits below src/${above} (see eslint.config.js): pass what it needs in from above instead.`,
          })),
          ...(layer === 'runtime'
            ? []
            : [
                {
                  group: ['@actions/*'],
                  message: 'only src/runtime imports @actions/*; the rest gets what it needs through the Logger and Exec seams.',
                },
              ]),
        ],
      },
    ],
  },
}));

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        fetch: 'readonly',
        performance: 'readonly',
        URL: 'readonly',
        URLSearchParams: 'readonly',
        setTimeout: 'readonly',
      },
    },
    rules: {
      // Unused names are already errors in tsc (noUnusedLocals / noUnusedParameters).
      '@typescript-eslint/no-unused-vars': 'off',
    },
  },
  {
    files: ['src/exec.ts', 'src/logger.ts', 'src/interrupt.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['./*', '../*'], message: 'a seam module imports nothing of the project.' },
            { group: ['@actions/*'], message: 'only src/runtime imports @actions/*.' },
          ],
        },
      ],
    },
  },
  ...layerRules,
  {
    // Engines differ by capability, not by name: commands ask their engine (engine.capabilities,
    // engine.buildPlan), so dry-run and the run cannot decide a difference twice.
    files: ['src/**/*.ts'],
    ignores: ['src/engines/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: `BinaryExpression[operator=/^[!=]==?$/]:matches([left.name=/^engine$/i], [left.property.name=/^engine$/i], [right.name=/^engine$/i], [right.property.name=/^engine$/i], [left.object.name=/engine$/i][left.property.name='name']):matches([right.value=${ENGINE_NAME}], [left.value=${ENGINE_NAME}])`,
          message: "compare no engine's name outside src/engines: ask the engine (its capabilities, its plans) instead.",
        },
      ],
    },
  },
  {
    // Guardrails for the product code (tests are exempt): small functions, few positional
    // parameters (an options object past five), and branching a reader can follow.
    files: ['src/**/*.ts'],
    rules: {
      'max-params': ['error', 5],
      'max-lines-per-function': ['error', { max: 60, skipBlankLines: true, skipComments: true }],
      complexity: ['error', 20],
    },
  },
);
