// Prisma 7 configuration (read by the Prisma CLI: `prisma generate`, and — where a
// native schema engine is available — `prisma migrate deploy/status`).
//
// Deliberately import-free: the `prisma` package is a dependency of
// packages/db, not of the workspace root, so `import { defineConfig } from
// 'prisma/config'` would not resolve here. The CLI validates this plain object
// exactly as it validates the result of defineConfig().
//
// On this machine migrations run through the WASM schema engine instead
// (`npm run migrate`, packages/db/src/migrate); both record them in the same
// `_prisma_migrations` table, so either tool can take over.
export default {
  schema: 'prisma/schema.prisma',
  migrations: {
    path: 'prisma/migrations',
    seed: 'node scripts/run-ts.mjs prisma/seed/cli.ts',
  },
  datasource: {
    url: process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/rhip',
  },
};
