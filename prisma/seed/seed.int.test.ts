import { verify } from '@node-rs/argon2';
import { parseConfig } from '@rhip/config';
import { createTestDatabase, type TestDatabase } from '@rhip/db/testing';
import { isValidResidentId } from '@rhip/domain';
import { createPiiCipher } from '@rhip/pii';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { seedRegion, type SeedRegionResult } from './index';
import { SOURCE_TABLE_DATASET } from './tables';

const NOW = new Date('2026-11-22T12:00:00+08:00');
const config = parseConfig({ ADMIN_USERNAME: 'admin', ADMIN_PASSWORD: 'Seed-Test-Passw0rd' });

describe('seedRegion (small) into a migrated database', () => {
  let db: TestDatabase;
  let client: pg.Client;
  let result: SeedRegionResult;
  const count = async (sql: string) => Number((await client.query<{ n: string }>(sql)).rows[0]?.n);

  beforeAll(async () => {
    // A database of its own on the run's server: other suites count rows in the shared one.
    db = await createTestDatabase(inject('databaseUrl'));
    result = await seedRegion({ databaseUrl: db.url, size: 'small', seed: 42, now: NOW, config });
    client = new pg.Client({ connectionString: db.url });
    await client.connect();
  }, 120_000);

  afterAll(async () => {
    await client?.end();
    await db?.drop();
  });

  it('writes the counts it reports', async () => {
    expect(result.skipped).toBe(false);
    for (const table of ['institutions', 'master_persons', 'encounters', 'lab_results', 'person_links', 'quality_findings', 'ingest_batches', 'record_outcomes']) {
      expect(await count(`select count(*)::text as n from ${table}`), table).toBe(result.rows[table]);
    }
    expect(result.rows.master_persons).toBe(500);
    expect(result.rows.institutions).toBeGreaterThanOrEqual(185);
    expect(await count(`select count(*)::text as n from regions where level = 'township'`)).toBeGreaterThan(60);
    expect(await count(`select count(*)::text as n from indicators where code like 'PLAN.%'`)).toBe(14);
  });

  it('stores resident ID numbers only as ciphertext and blind index', async () => {
    const pii = createPiiCipher({ encryptionKey: config.PII_ENCRYPTION_KEY, keyId: config.PII_KEY_ID, blindIndexKey: config.BLIND_INDEX_KEY });
    const rows = (await client.query<Record<string, string | null>>('select * from master_persons')).rows;
    for (const row of rows) {
      for (const value of Object.values(row)) if (typeof value === 'string') expect(value).not.toMatch(/\d{17}[\dX]/);
      const id = pii.decrypt(String(row.id_number_enc));
      expect(isValidResidentId(id, { today: '2026-11-22' })).toBe(true);
      expect(row.id_number_bidx).toBe(pii.blindIndex(id));
    }
    expect(await count(`select count(*)::text as n from person_identifiers where value_enc !~ '^${config.PII_KEY_ID}:'`)).toBe(0);
  });

  it('links every clinical row to a master person', async () => {
    for (const table of [...Object.keys(SOURCE_TABLE_DATASET), 'chronic_registrations', 'encounter_diagnoses', 'lab_results', 'prescription_items']) {
      expect(await count(`select count(*)::text as n from ${table} where master_person_id is null`), table).toBe(0);
      expect(await count(`select count(*)::text as n from ${table} t where not exists (select 1 from master_persons p where p.id = t.master_person_id)`), table).toBe(0);
    }
    for (const [table, dataset] of Object.entries(SOURCE_TABLE_DATASET)) {
      expect(await count(`select count(*)::text as n from ${table} t where not exists (
        select 1 from person_links l where l.institution_id = t.institution_id and l.dataset = '${dataset}' and l.source_id = t.source_id and l.master_person_id = t.master_person_id)`), table).toBe(0);
    }
  });

  it('leaves sequences past the seeded ids', async () => {
    const next = (await client.query<{ id: string }>(`select nextval(pg_get_serial_sequence('encounters', 'id'))::text as id`)).rows[0]?.id;
    expect(Number(next)).toBeGreaterThan(await count('select max(id)::text as n from encounters'));
  });

  it('creates the administrator with an argon2id password, and demo accounts', async () => {
    const admin = (await client.query<{ password_hash: string; role: string }>(`select password_hash, role::text from staff_users where username = 'admin'`)).rows[0];
    expect(admin?.role).toBe('admin');
    expect(admin?.password_hash.startsWith('$argon2id$')).toBe(true);
    expect(await verify(admin?.password_hash ?? '', 'Seed-Test-Passw0rd')).toBe(true);
    expect(await count(`select count(*)::text as n from staff_users`)).toBeGreaterThan(1);
  });

  it('skips a database that already has institutions when asked to, and refuses otherwise', async () => {
    const again = await seedRegion({ databaseUrl: db.url, size: 'small', seed: 42, now: NOW, config, ifEmpty: true });
    expect(again.skipped).toBe(true);
    await expect(seedRegion({ databaseUrl: db.url, size: 'small', seed: 42, now: NOW, config })).rejects.toThrow(/already has institutions/);
    expect(await count('select count(*)::text as n from master_persons')).toBe(500);
  });
});
