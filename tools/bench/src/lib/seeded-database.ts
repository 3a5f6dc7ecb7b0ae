/**
 * A database seeded by the seed generator (prisma/seed) at a given size, with
 * the rollups the worker derives from history rebuilt once (as `npm start`
 * does), for benchmarks that read what the console reads. With `reuse`, a
 * database seeded earlier with the same size and seed is kept as it is.
 */
import { spawnSync } from 'node:child_process';
import pg from 'pg';
import { parseConfig } from '@rhip/config';
import { applyMigrations, dropDatabase } from '@rhip/db/migrate';
import { seedRegion, type SeedSize } from '@rhip/prisma/seed';
import { int, log, REPO_ROOT } from './report';

/** Marks a database as seeded (size/seed/residents) so later runs can reuse it. */
const META_TABLE = 'bench_dashboards_meta';

async function seededAlready(url: string, key: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch {
    return false;
  }
  try {
    const r = await client.query<{ key: string }>(`select key from ${META_TABLE}`).catch(() => null);
    return r?.rows[0]?.key === key;
  } finally {
    await client.end();
  }
}

export async function prepareSeededDatabase(url: string, size: SeedSize, seed: string, residents: number | undefined, reuse: boolean): Promise<{ seedSeconds: number | null; rows: Record<string, number> | null }> {
  const key = `${size}/${seed}/${residents ?? ''}`;
  if (reuse && (await seededAlready(url, key))) {
    log(`reusing the seeded database (${key})`);
    return { seedSeconds: null, rows: null };
  }
  await dropDatabase(url).catch(() => undefined);
  await applyMigrations(url);
  log(`seeding (${size}, seed ${seed}${residents ? `, ${int(residents)} residents` : ''})…`);
  const t = performance.now();
  const config = parseConfig(process.env);
  const result = await seedRegion({
    databaseUrl: url,
    size,
    seed,
    config,
    ...(residents ? { profile: { residents } } : {}),
    onProgress: (p) => log(`  ${int(p.residents)} residents, ${int(p.rows)} rows, ${(p.elapsedMs / 1000).toFixed(0)} s`),
  });
  const seconds = (performance.now() - t) / 1000;
  // What the worker derives from ingested history (statuses, monitoring rollups, KPIs): once, as `npm start` does.
  log('rebuilding derived rollups (npm run rollups:rebuild)…');
  const r = performance.now();
  const rebuild = spawnSync(process.execPath, ['--import', 'tsx', 'apps/worker/src/maintenance/rebuild-cli.ts'], {
    cwd: REPO_ROOT, stdio: 'inherit', env: { ...process.env, DATABASE_URL: url },
  });
  if (rebuild.status !== 0) throw new Error(`rollups:rebuild failed (exit ${rebuild.status})`);
  log(`  derived rollups in ${((performance.now() - r) / 1000).toFixed(0)} s`);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`create table if not exists ${META_TABLE} (key text not null)`);
    await client.query(`delete from ${META_TABLE}`);
    await client.query(`insert into ${META_TABLE} (key) values ($1)`, [key]);
    await client.query('analyze');
  } finally {
    await client.end();
  }
  log(`  seeded in ${seconds.toFixed(0)} s`);
  return { seedSeconds: seconds, rows: result.rows };
}


