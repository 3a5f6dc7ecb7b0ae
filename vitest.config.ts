import { defineConfig } from 'vitest/config';

/**
 * Three projects, one run:
 * - unit:        `*.test.ts` — pure logic, no services.
 * - integration: `*.int.test.ts` — the real PostgreSQL and Redis. The global
 *   setup creates a fresh database for the run (migrated), and drops it after.
 * - e2e:         `apps/web/e2e/*.e2e.test.ts` — the built console in Chromium
 *   against a real API on a fresh, seeded database.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['{apps,packages,prisma,tools}/**/*.test.ts'],
          exclude: ['**/node_modules/**', '**/*.int.test.ts', '**/*.e2e.test.ts'],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['{apps,packages,prisma,tools}/**/*.int.test.ts'],
          exclude: ['**/node_modules/**'],
          globalSetup: ['scripts/test-setup/integration-global.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // The suites share one database per run; files run one at a time so
          // tests that count rows see only their own work.
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['apps/web/e2e/**/*.e2e.test.ts'],
          globalSetup: ['scripts/test-setup/e2e-global.ts'],
          testTimeout: 60_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
