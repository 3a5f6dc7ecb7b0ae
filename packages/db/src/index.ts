/**
 * Database access for api, worker, seed and tools: the only package that
 * imports the Prisma client (see STYLE.md, Boundaries).
 *
 * - `createPrismaClient(url | pool)`: Prisma Client over @prisma/adapter-pg.
 * - `createPgPool(url)`: node-postgres pool for set-based SQL.
 * - Everything the generated client exports: `PrismaClient`, the `Prisma`
 *   namespace (inputs, `Prisma.sql`, errors), model types (`Institution`,
 *   `Encounter`, …) and enums (`BatchStatus`, `StaffRole`, …).
 *
 * Migrations live in `@rhip/db/migrate`, throwaway test databases in
 * `@rhip/db/testing`.
 */
export { createPgPool, createPrismaClient, type PgPoolOptions, type PrismaClientOptions } from './client';
export * from './generated/prisma/client';
export type { Pool as PgPool, PoolClient as PgPoolClient } from 'pg';
