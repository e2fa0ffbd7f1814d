// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'bench/results/**', 'resources/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', performance: 'readonly', globalThis: 'readonly' },
    },
  },
  {
    // Core is plain Node: the CLI, the server and the tests run it without Electron.
    files: ['electron/core/**/*.ts', 'electron/common/**/*.ts', 'electron/cli/**/*.ts', 'electron/cli.ts', 'electron/serve.ts', 'electron/api/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'Core code never imports electron: keep it in electron/main.ts, electron/main/ or electron/preload/.' }] }],
    },
  },
  {
    // The renderer runs in a sandboxed page: no Node built-ins, ever.
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx', 'electron/common/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'The renderer talks to the typed Api only.' },
            ...nodeBuiltins.map((name) => ({ name, message: 'The renderer never imports Node built-ins.' })),
          ],
        },
      ],
    },
  },
);
