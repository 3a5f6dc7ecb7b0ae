import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/dist/**', 'prisma/_scratch/**', 'packages/db/src/generated/**', '**/e2e-screenshots/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['apps/web/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // Architectural boundaries (see STYLE.md): only packages/db touches Prisma,
    // the console never imports server-side code.
    files: ['apps/**/*.ts', 'apps/**/*.tsx', 'packages/{config,logger,contracts,domain}/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['@prisma/*', '**/generated/**'], message: 'Only packages/db imports the Prisma client.' }] }],
    },
  },
  {
    // The console's own code; its build config (vite.config.ts, scripts/) and e2e tests run in Node.
    files: ['apps/web/src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['@rhip/db', '@rhip/db/*', 'bullmq', 'ioredis', 'node:*', '@rhip/logger', '@rhip/config'], message: 'The console runs in the browser: import types from @rhip/contracts only.' }] }],
    },
  },
);
