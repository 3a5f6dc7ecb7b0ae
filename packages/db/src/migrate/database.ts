import pg from 'pg';

/** Splits a PostgreSQL URL into the database name and a URL of the maintenance database (`postgres`). */
export function maintenanceUrl(databaseUrl: string): { database: string; adminUrl: string } {
  const url = new URL(databaseUrl);
  const database = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (!database) throw new Error('DATABASE_URL names no database');
  url.pathname = '/postgres';
  return { database, adminUrl: url.toString() };
}

/** Quotes an SQL identifier. */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

async function withAdminClient<T>(databaseUrl: string, fn: (client: pg.Client, database: string) => Promise<T>): Promise<T> {
  const { database, adminUrl } = maintenanceUrl(databaseUrl);
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client, database);
  } finally {
    await client.end();
  }
}

/** Creates the database named in `databaseUrl` if it does not exist. Returns true if it created it. */
export async function ensureDatabase(databaseUrl: string): Promise<boolean> {
  return withAdminClient(databaseUrl, async (client, database) => {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount) return false;
    try {
      await client.query(`CREATE DATABASE ${quoteIdent(database)}`);
      return true;
    } catch (err) {
      // Another process created it between the check and the CREATE.
      if ((err as { code?: string }).code === '42P04') return false;
      throw err;
    }
  });
}

/** Drops the database named in `databaseUrl`, terminating its connections first. */
export async function dropDatabase(databaseUrl: string): Promise<void> {
  await withAdminClient(databaseUrl, async (client, database) => {
    await client.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [database]);
    await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(database)} WITH (FORCE)`);
  });
}
