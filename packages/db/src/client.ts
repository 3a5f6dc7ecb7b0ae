import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient, type Prisma } from './generated/prisma/client';

export interface PrismaClientOptions {
  /** Connection pool size when the client opens its own pool (default 10). */
  poolSize?: number;
  /** Prisma log levels, e.g. ['warn', 'error']. */
  log?: Prisma.LogLevel[];
}

/**
 * The everyday query layer: Prisma Client over node-postgres through
 * `@prisma/adapter-pg` (no native engine). Pass a URL to let the adapter own
 * its pool, or a `pg.Pool` to share one pool with set-based SQL (`createPgPool`);
 * a shared pool is not ended by `$disconnect()`.
 */
export function createPrismaClient(database: string | pg.Pool, opts: PrismaClientOptions = {}): PrismaClient {
  const adapter =
    typeof database === 'string'
      ? new PrismaPg({ connectionString: database, max: opts.poolSize ?? 10 })
      : new PrismaPg(database);
  return new PrismaClient({ adapter, ...(opts.log ? { log: opts.log } : {}) });
}

export interface PgPoolOptions {
  /** Pool size (default 10). */
  max?: number;
  /** Shown in pg_stat_activity. */
  applicationName?: string;
}

const DATE_OID = 1082;

/**
 * A node-postgres pool for set-based SQL on the hot path (COPY, UNNEST,
 * INSERT … ON CONFLICT). Differences from pg's defaults, so values round-trip
 * unchanged: `date` columns come back as 'YYYY-MM-DD' strings (not a Date at
 * local midnight); int8/bigint columns stay strings (pg's default; wrap with
 * BigInt()) — master person ids exceed nothing today but are declared BigInt.
 */
export function createPgPool(databaseUrl: string, opts: PgPoolOptions = {}): pg.Pool {
  return new pg.Pool({
    connectionString: databaseUrl,
    max: opts.max ?? 10,
    ...(opts.applicationName ? { application_name: opts.applicationName } : {}),
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === DATE_OID && format !== 'binary' ? (v: string) => v : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
    },
  });
}

