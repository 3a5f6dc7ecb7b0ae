import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing';
import { dropDatabase, ensureDatabase } from './database';
import { defaultPaths, diffSchemas, HAND_WRITTEN_MARKER, isEmptyScript, loadMigrationList, SNAPSHOT_FILE } from './migrations';

const run = promisify(execFile);

/** Schema-only dump without the noise that differs between two equal databases. */
async function dumpSchema(url: string): Promise<string> {
  const { stdout } = await run('pg_dump', ['--schema-only', '--no-owner', '--no-privileges', '--exclude-table=_prisma_migrations', url], {
    maxBuffer: 64 * 1024 * 1024,
  });
  const lines = stdout
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.startsWith('--') && !l.startsWith('\\') && !l.startsWith('SET ') && !l.startsWith('SELECT pg_catalog.set_config'));
  return sortTableColumns(lines).join('\n');
}

/**
 * Column order inside CREATE TABLE is not a difference that matters: a column
 * added by a later migration comes last, while a database built from the schema
 * puts it where the model declares it. Compare the columns as a set.
 */
function sortTableColumns(lines: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    out.push(line);
    if (!line.startsWith('CREATE TABLE ')) continue;
    const cols: string[] = [];
    while (i + 1 < lines.length && lines[i + 1] !== ');') cols.push(lines[++i]!.replace(/,$/, ''));
    out.push(...cols.sort());
  }
  return out;
}

function urlFor(base: string, name: string): string {
  const u = new URL(base);
  u.pathname = `/${name}`;
  return u.toString();
}

describe('migrations and schema.prisma', () => {
  let fromMigrations: TestDatabase;
  let fromSchemaUrl: string;

  beforeAll(async () => {
    const base = inject('databaseUrl');
    fromMigrations = await createTestDatabase(base);
    fromSchemaUrl = urlFor(base, `${fromMigrations.name}_schema`);
    await ensureDatabase(fromSchemaUrl);
  });

  afterAll(async () => {
    await fromMigrations?.drop();
    if (fromSchemaUrl) await dropDatabase(fromSchemaUrl);
  });

  it('produce the same database (pg_dump --schema-only)', async () => {
    const schema = readFileSync(defaultPaths.schema, 'utf8');
    const script = await diffSchemas(fromSchemaUrl, null, schema);
    // Hand-written migrations hold what Prisma cannot express; they apply on top of either path.
    const handWritten = loadMigrationList()
      .migrationDirectories.map((d) => (d.migrationFile.content.tag === 'ok' ? d.migrationFile.content.value : ''))
      .filter((sql) => sql.startsWith(HAND_WRITTEN_MARKER));
    const client = new pg.Client({ connectionString: fromSchemaUrl });
    await client.connect();
    try {
      await client.query(script);
      for (const sql of handWritten) await client.query(sql);
    } finally {
      await client.end();
    }
    const [a, b] = await Promise.all([dumpSchema(fromMigrations.url), dumpSchema(fromSchemaUrl)]);
    expect(a.length).toBeGreaterThan(1000);
    // On failure: schema.prisma changed without a migration (`npm run db:migration -- <name>`),
    // or a migration was edited by hand.
    expect(a).toBe(b);
  });

  it('has a schema snapshot equal to schema.prisma, so the next `db:migration` starts from the right place', async () => {
    const schema = readFileSync(defaultPaths.schema, 'utf8');
    const snapshot = readFileSync(path.join(defaultPaths.migrationsDir, SNAPSHOT_FILE), 'utf8');
    const script = await diffSchemas(fromMigrations.url, snapshot, schema);
    expect(isEmptyScript(script), script).toBe(true);
  });

  it('records applied migrations in _prisma_migrations as prisma migrate deploy does', async () => {
    const client = new pg.Client({ connectionString: fromMigrations.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ migration_name: string; finished: boolean; checksum: string; rolled_back_at: Date | null }>(
        'SELECT migration_name, finished_at IS NOT NULL AS finished, checksum, rolled_back_at FROM _prisma_migrations ORDER BY migration_name',
      );
      const names = loadMigrationList().migrationDirectories.map((d) => d.path);
      expect(rows.map((r) => r.migration_name)).toEqual(names);
      expect(rows.every((r) => r.finished && r.rolled_back_at === null && /^[0-9a-f]{64}$/.test(r.checksum))).toBe(true);
    } finally {
      await client.end();
    }
  });
});
