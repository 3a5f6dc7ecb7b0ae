// vitest globalSetup for the "integration" project: one fresh, migrated
// PostgreSQL database per run, dropped afterwards, plus a BullMQ key prefix of
// its own so concurrent runs never share queues. Suites read both with
// `inject('databaseUrl')` / `inject('queuePrefix')` (types in
// packages/db/src/testing/provided-context.d.ts).
import { randomBytes } from 'node:crypto';
import type { TestProject } from 'vitest/node';
// Relative: the workspace root does not depend on @rhip/db.
import { createTestDatabase } from '../../packages/db/src/testing';
import type {} from '../../packages/db/src/testing/provided-context';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const db = await createTestDatabase(process.env.DATABASE_URL);
  const queuePrefix = `{rhip-test-${randomBytes(4).toString('hex')}}`;
  project.provide('databaseUrl', db.url);
  project.provide('queuePrefix', queuePrefix);
  // For child processes the suites start (api, worker) and for code that parses config.
  process.env.DATABASE_URL = db.url;
  process.env.QUEUE_PREFIX = queuePrefix;
  return async () => {
    await db.drop();
  };
}
