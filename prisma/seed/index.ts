/**
 * Seeds a migrated database with the demo region.
 *
 *   await seedRegion({ databaseUrl, size: 'demo', seed: 42, config })
 *
 * small and demo load in one transaction (all or nothing); large streams
 * chunk by chunk over several connections and commits as it goes, so a
 * failed large run leaves a partial region behind (drop the database and
 * start again). Reference data (regions, indicator registry, staff users)
 * is inserted with ON CONFLICT DO NOTHING so it coexists with what the
 * application may already have created.
 */
import { INDICATORS } from '@rhip/domain';
import type { Config } from '@rhip/config';
import { randomUUID } from 'node:crypto';
import { createSeedCipher } from './crypto';
import { buildNetwork, generateRegion, type GenerationSummary, regionRows } from './generate';
import { type SeedSize, type SizeProfile, SIZE_PROFILES } from './sizes';
import { EXPLICIT_ID_TABLES, STAGED_OUTCOMES } from './tables';
import { ts } from './time';
import { staffUserRows } from './users';
import { CopyWriter } from './writer';

export { generateRegion, buildNetwork, patientNo, type GenerationSummary } from './generate';
export { SIZE_PROFILES, isSeedSize, type SeedSize, type SizeProfile } from './sizes';
export { DEMO_PASSWORD, DEMO_USERS } from './users';

export interface SeedRegionOptions {
  databaseUrl: string;
  size: SeedSize;
  /** PRNG seed (default 42). */
  seed?: number | string;
  /** The instant the history ends at (default: now). Fix it for deterministic tests. */
  now?: Date | number;
  config: Pick<Config, 'PII_ENCRYPTION_KEY' | 'PII_KEY_ID' | 'BLIND_INDEX_KEY' | 'ADMIN_USERNAME' | 'ADMIN_PASSWORD'>;
  /** Do nothing when the database already has institutions (default: refuse with an error). */
  ifEmpty?: boolean;
  /** Override parts of the size profile (e.g. fewer residents for a partial benchmark run). */
  profile?: Partial<Omit<SizeProfile, 'size'>>;
  /** Connections for the streaming (non-atomic) mode. */
  connections?: number;
  /** Load without per-row foreign-key checks when the role may (superuser); default true. */
  disableTriggers?: boolean;
  /** Drop the bulk tables' secondary indexes during the load and rebuild them after (default: the size's streaming mode). */
  deferIndexes?: boolean;
  onProgress?: (p: { residents: number; households: number; rows: number; elapsedMs: number }) => void;
  /** Diagnostics: each COPY and the finishing steps with their durations. */
  debug?: (message: string) => void;
}

export interface SeedRegionResult {
  skipped: boolean;
  size: SeedSize;
  seed: number | string;
  now: string;
  elapsedMs: number;
  /** Rows written per table. */
  rows: Record<string, number>;
  summary: GenerationSummary | null;
}

/** Tables the large size loads with their secondary indexes dropped and rebuilt afterwards. */
const BULK_TABLES = [
  'master_persons', 'person_identifiers', 'person_links', 'health_records', 'chronic_registrations', 'chronic_followups',
  'immunizations', 'family_doctor_contracts', 'encounters', 'encounter_diagnoses', 'lab_reports', 'lab_results', 'exam_reports',
  'prescriptions', 'prescription_items', 'disease_reports', 'quality_findings', 'ingest_batches', 'record_outcomes',
];

interface IndexDef {
  name: string;
  table: string;
  def: string;
}

/**
 * Drops the secondary (non-primary-key) indexes of the bulk tables, keeping
 * their exact definitions (pg_get_indexdef) to rebuild them after the load:
 * a sorted build is several times faster than maintaining random-order
 * inserts into indexes that do not fit in shared_buffers.
 */
async function dropSecondaryIndexes(writer: CopyWriter): Promise<IndexDef[]> {
  const res = await writer.query<IndexDef>(
    `SELECT ic.relname AS name, t.relname AS table, pg_get_indexdef(i.indexrelid) AS def
       FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid JOIN pg_class ic ON ic.oid = i.indexrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE n.nspname = current_schema() AND t.relname = ANY($1::text[]) AND NOT i.indisprimary
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)`,
    [BULK_TABLES],
  );
  for (const ix of res.rows) await writer.query(`DROP INDEX "${ix.name.replace(/"/g, '""')}"`);
  return res.rows;
}

/** Rebuilds dropped indexes, biggest tables first, over a few connections. */
async function restoreIndexes(databaseUrl: string, defs: readonly IndexDef[], connections: number): Promise<void> {
  if (!defs.length) return;
  const sizes = new Map<string, number>();
  const probe = await CopyWriter.open({ databaseUrl, atomic: false, connections: 1 });
  try {
    const r = await probe.query<{ relname: string; n: string }>(`SELECT relname, pg_relation_size(oid)::text AS n FROM pg_class WHERE relname = ANY($1::text[])`, [[...new Set(defs.map((d) => d.table))]]);
    for (const row of r.rows) sizes.set(row.relname, Number(row.n));
  } finally {
    await probe.close(true);
  }
  const queue = [...defs].sort((a, b) => (sizes.get(b.table) ?? 0) - (sizes.get(a.table) ?? 0));
  const workers = await Promise.all(Array.from({ length: Math.max(1, connections) }, () => CopyWriter.open({ databaseUrl, atomic: false, connections: 1, sessionSql: ["SET maintenance_work_mem = '512MB'", 'SET max_parallel_maintenance_workers = 0'] })));
  try {
    await Promise.all(workers.map(async (w) => {
      for (let ix = queue.shift(); ix; ix = queue.shift()) await w.query(ix.def);
    }));
  } finally {
    await Promise.all(workers.map((w) => w.close(true)));
  }
}

async function insertJson(writer: CopyWriter, sql: string, rows: unknown[]): Promise<number> {
  if (!rows.length) return 0;
  const res = await writer.query(sql, [JSON.stringify(rows)]);
  return res.rowCount ?? 0;
}

export async function seedRegion(opts: SeedRegionOptions): Promise<SeedRegionResult> {
  const started = Date.now();
  const seed = opts.seed ?? 42;
  const now = opts.now === undefined ? Date.now() : typeof opts.now === 'number' ? opts.now : opts.now.getTime();
  const profile: SizeProfile = { ...SIZE_PROFILES[opts.size], ...opts.profile };
  const cipher = createSeedCipher({ encryptionKey: opts.config.PII_ENCRYPTION_KEY, keyId: opts.config.PII_KEY_ID, blindIndexKey: opts.config.BLIND_INDEX_KEY });
  const writer = await CopyWriter.open({
    databaseUrl: opts.databaseUrl,
    atomic: profile.atomic,
    connections: opts.connections ?? 4,
    sessionSql: ['SET synchronous_commit = off'],
    disableTriggers: opts.disableTriggers ?? true,
    onCopy: opts.debug ? (c) => opts.debug?.(`copy ${c.table} ${c.rows} rows ${(c.bytes / 1e6).toFixed(1)} MB ${c.ms} ms`) : undefined,
  });
  let committed = false;
  let deferred: IndexDef[] = [];
  try {
    const existing = await writer.query<{ n: string }>('SELECT count(*)::text AS n FROM institutions');
    if (Number(existing.rows[0]?.n ?? 0) > 0) {
      if (opts.ifEmpty) return { skipped: true, size: opts.size, seed, now: new Date(now).toISOString(), elapsedMs: Date.now() - started, rows: {}, summary: null };
      throw new Error('The database already has institutions: seed a fresh database (or pass ifEmpty / --if-empty to skip).');
    }
    const idBase: Record<string, number> = {};
    for (const t of EXPLICIT_ID_TABLES) {
      const r = await writer.query<{ m: string }>(`SELECT COALESCE(max(id), 0)::text AS m FROM ${t}`);
      idBase[t] = Number(r.rows[0]?.m ?? 0);
    }
    if (opts.deferIndexes ?? !profile.atomic) deferred = await dropSecondaryIndexes(writer);
    await writer.query(`DROP TABLE IF EXISTS ${STAGED_OUTCOMES}`);
    await writer.query(`CREATE UNLOGGED TABLE ${STAGED_OUTCOMES} (LIKE record_outcomes INCLUDING DEFAULTS)`);
    const rows: Record<string, number> = {};
    rows.regions = await insertJson(writer,
      `INSERT INTO regions (code, name, level, parent_code)
       SELECT code, name, level::region_level, parent_code FROM jsonb_to_recordset($1::jsonb) AS x(code text, name text, level text, parent_code text)
       ORDER BY length(code), code
       ON CONFLICT (code) DO NOTHING`, regionRows());
    const at = ts(now);
    rows.indicators = await insertJson(writer,
      `INSERT INTO indicators (code, name_zh, name_en, definition, numerator, denominator, unit, category, baseline_year, baseline_value, baseline_text, target_year, target_value, target_text, attribute, direction, source, cuts, sort_order, created_at, updated_at)
       SELECT code, name_zh, name_en, definition, numerator, denominator, unit, category, baseline_year, baseline_value, baseline_text, target_year, target_value, target_text,
              attribute::indicator_attribute, direction::indicator_direction, source::indicator_source, cuts, sort_order, now(), now()
         FROM jsonb_to_recordset($1::jsonb) AS x(code text, name_zh text, name_en text, definition text, numerator text, denominator text, unit text, category text,
              baseline_year int, baseline_value numeric, baseline_text text, target_year int, target_value numeric, target_text text, attribute text, direction text, source text, cuts jsonb, sort_order int)
       ON CONFLICT (code) DO NOTHING`,
      INDICATORS.map((ind, i) => ({
        code: ind.code, name_zh: ind.nameZh, name_en: ind.nameEn, definition: ind.definition.zh,
        numerator: ind.numerator?.zh ?? null, denominator: ind.denominator?.zh ?? null, unit: ind.unit, category: ind.group,
        baseline_year: ind.baseline?.year ?? null, baseline_value: ind.baseline?.value ?? null, baseline_text: ind.baseline && ind.baseline.value === null ? '—' : null,
        target_year: ind.target?.year ?? null, target_value: ind.target?.value ?? null, target_text: ind.target ? `${ind.target.operator === '>=' ? '≥' : ''}${ind.target.value}${ind.unit === '%' ? '%' : ind.unit}` : null,
        attribute: ind.attribute ?? 'expected', direction: ind.direction, source: ind.source, cuts: ind.cuts, sort_order: i,
      })));
    let lastReport = Date.now();
    const summary = await generateRegion({
      profile, seed, now, cipher, idBase,
      onChunk: async (p) => {
        await writer.flush();
        if (opts.onProgress && Date.now() - lastReport > 2000) {
          lastReport = Date.now();
          let rowCount = 0;
          for (const n of writer.counts.values()) rowCount += n;
          opts.onProgress({ ...p, rows: rowCount, elapsedMs: Date.now() - started });
        }
      },
    }, writer);
    await writer.drain();
    // Staff accounts after the institutions they may belong to are in.
    const staff = await staffUserRows({ username: opts.config.ADMIN_USERNAME, password: opts.config.ADMIN_PASSWORD }, buildNetwork(seed).institutions, () => randomUUID(), at);
    rows.staff_users = await insertJson(writer,
      `INSERT INTO staff_users (id, username, display_name, password_hash, role, region_scope, institution_id, active, password_changed_at, created_at, updated_at)
       SELECT id, username, display_name, password_hash, role::staff_role, region_scope, institution_id, active, password_changed_at, created_at, updated_at
         FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, username text, display_name text, password_hash text, role text, region_scope text, institution_id uuid, active boolean,
              password_changed_at timestamptz, created_at timestamptz, updated_at timestamptz)
       ON CONFLICT (username) DO NOTHING`, staff);
    // The demo's population denominators (EHR coverage, contract rate…) are the generated residents.
    const year = new Date(now + 8 * 3_600_000).getUTCFullYear();
    rows.region_populations = await insertJson(writer,
      `INSERT INTO region_populations (region_code, year, population, source)
       SELECT region_code, year, population, source FROM jsonb_to_recordset($1::jsonb) AS x(region_code text, year int, population int, source text)
       ON CONFLICT (region_code, year) DO UPDATE SET population = EXCLUDED.population, source = EXCLUDED.source, updated_at = now()`,
      Object.entries(summary.populations).map(([region_code, population]) => ({ region_code, year, population, source: `demo seed (${opts.size}, seed ${seed}): living generated residents` })));
    const tFinal = Date.now();
    const moved = await writer.query(`INSERT INTO record_outcomes (batch_id, index, source_id, status, errors, master_person_id, updated_at)
       SELECT batch_id, index, source_id, status, errors, master_person_id, updated_at FROM ${STAGED_OUTCOMES}`);
    await writer.query(`DROP TABLE ${STAGED_OUTCOMES}`);
    for (const t of EXPLICIT_ID_TABLES) {
      await writer.query(`SELECT setval(pg_get_serial_sequence('${t}', 'id'), GREATEST((SELECT COALESCE(max(id), 0) FROM ${t}), 1))`);
    }
    await writer.close(true);
    committed = true;
    opts.debug?.(`outcomes moved, sequences set, committed: ${Date.now() - tFinal} ms`);
    for (const [t, n] of writer.counts) if (t !== STAGED_OUTCOMES) rows[t] = n;
    rows.record_outcomes = moved.rowCount ?? 0;
    const restoring = deferred;
    deferred = [];
    const tIndex = Date.now();
    await restoreIndexes(opts.databaseUrl, restoring, 2);
    if (restoring.length) opts.debug?.(`${restoring.length} indexes rebuilt: ${Date.now() - tIndex} ms`);
    // Fresh statistics for the planner (dashboards query right after a seed).
    const analyze = await CopyWriter.open({ databaseUrl: opts.databaseUrl, atomic: false, connections: 1 });
    await analyze.query('ANALYZE');
    await analyze.close(true);
    opts.debug?.(`analyzed: ${Date.now() - tFinal} ms after the load`);
    return { skipped: false, size: opts.size, seed, now: new Date(now).toISOString(), elapsedMs: Date.now() - started, rows, summary };
  } finally {
    if (!committed) await writer.close(false).catch(() => undefined);
    // A failed streaming load keeps what it wrote; put the indexes back so the schema stays whole.
    if (deferred.length) await restoreIndexes(opts.databaseUrl, deferred, 2).catch(() => undefined);
  }
}
