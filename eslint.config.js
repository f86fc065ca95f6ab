// Lint: the recommended rules of ESLint and typescript-eslint over the sources, tests, scripts and benchmarks.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', fetch: 'readonly', performance: 'readonly', URL: 'readonly', URLSearchParams: 'readonly', setTimeout: 'readonly' } },
    rules: {
      // Unused names are already errors in tsc (noUnusedLocals / noUnusedParameters).
      '@typescript-eslint/no-unused-vars': 'off',
    },
  },
);
