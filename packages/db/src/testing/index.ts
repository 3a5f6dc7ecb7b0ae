import { randomBytes } from 'node:crypto';
import { parseConfig } from '@rhip/config';
import { dropDatabase } from '../migrate/database';
import { applyMigrations } from '../migrate/migrations';

export interface TestDatabase {
  /** Connection URL of the new, migrated database. */
  url: string;
  /** Database name, rhip_test_<pid>_<random>. */
  name: string;
  /** Terminates its connections and drops it. Safe to call twice. */
  drop(): Promise<void>;
}

/**
 * Creates a uniquely named database on the server of `baseUrl` (default: the
 * configured DATABASE_URL) and applies every migration to it.
 */
export async function createTestDatabase(baseUrl?: string): Promise<TestDatabase> {
  const base = new URL(baseUrl ?? parseConfig(process.env).DATABASE_URL);
  const name = `rhip_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  base.pathname = `/${name}`;
  const url = base.toString();
  let dropped = false;
  const drop = async () => {
    if (dropped) return;
    dropped = true;
    await dropDatabase(url);
  };
  try {
    await applyMigrations(url);
  } catch (err) {
    await drop().catch(() => undefined);
    throw err;
  }
  return { url, name, drop };
}
