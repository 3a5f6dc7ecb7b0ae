import type { PgPoolClient } from '@rhip/db';
import type { Logger } from '@rhip/logger';
import { receiptDay } from '../pipeline/time';
import { FINGERPRINTS, fingerprintKey } from './duplicate-keys';

export interface ScanOptions {
  /** Same event: event times within ± this many minutes. */
  windowMinutes: number;
  /** Batches per run. */
  limit?: number;
  /** Stop taking new batches after this long (the next run continues). */
  budgetMs?: number;
}

interface BatchRow {
  id: string;
  institution_id: string;
  dataset: string;
  created_at: Date;
  updated_at: Date;
}

/** Batches finished at most this long before the newest scanned one are still looked at (long batch transactions). */
const WATERMARK_SLACK = '1 hour';

/**
 * The quality job, incremental by batch: every finished batch is scanned
 * exactly once (quality_batch_scans, in the same transaction as its effects):
 *   1. cross-record duplicates among the records the batch wrote, against
 *      every record scanned before (within and across institutions): a
 *      UNIQ.DUPLICATE finding per duplicate, the uniqueness numerator of its
 *      day lowered, record_duplicates kept;
 *   2. the batch's findings added to quality_rule_daily_rollups per data set
 *      and for all data sets ('*'): the drill-down from a score to its
 *      failing rules.
 */
export async function scanFinishedBatches(client: PgPoolClient, log: Logger, opts: ScanOptions): Promise<{ batches: number; duplicates: number }> {
  const started = Date.now();
  const budget = opts.budgetMs ?? 20_000;
  let batches = 0;
  let duplicates = 0;
  for (;;) {
    const pending = await client.query<BatchRow>(
      `select b.id, b.institution_id, b.dataset, b.created_at, b.updated_at
         from ingest_batches b
        where b.status = 'done'
          and b.updated_at >= coalesce((select max(batch_updated_at) from quality_batch_scans), '-infinity'::timestamptz) - interval '${WATERMARK_SLACK}'
          and not exists (select 1 from quality_batch_scans s where s.batch_id = b.id)
        order by b.updated_at, b.id
        limit $1`,
      [opts.limit ?? 200],
    );
    if (!pending.rows.length) break;
    for (const b of pending.rows) {
      duplicates += await scanBatch(client, b, opts);
      batches += 1;
      if (Date.now() - started > budget) break;
    }
    if (Date.now() - started > budget) break;
  }
  if (batches) log.info({ batches, duplicates }, 'quality scan: batches scanned');
  return { batches, duplicates };
}

interface Fingerprint {
  ord: number;
  source_id: string;
  kind: string;
  key: string;
  event_at: string | null;
  master_person_id: string | null;
  path: string;
}

async function scanBatch(client: PgPoolClient, b: BatchRow, opts: ScanOptions): Promise<number> {
  await client.query('begin');
  try {
    const claimed = await client.query(
      `insert into quality_batch_scans (batch_id, batch_updated_at) values ($1, $2) on conflict (batch_id) do nothing returning batch_id`,
      [b.id, b.updated_at],
    );
    if (!claimed.rowCount) {
      await client.query('rollback');
      return 0;
    }
    const day = receiptDay(b.created_at);
    const dupes = await findDuplicates(client, b, day, opts);
    await client.query(
      `insert into quality_rule_daily_rollups as q (institution_id, dataset, day, rule_code, dimension, severity, findings, records, updated_at)
       select f.institution_id, coalesce(f.dataset, '*'), f.day, f.rule_code, max(f.dimension), max(f.severity), count(*),
              count(distinct coalesce(f.record_index::text, f.source_id, f.id::text)), now()
         from quality_findings f where f.batch_id = $1
        group by grouping sets ((f.institution_id, f.dataset, f.day, f.rule_code), (f.institution_id, f.day, f.rule_code))
       on conflict (institution_id, dataset, day, rule_code) do update set
         findings = q.findings + excluded.findings, records = q.records + excluded.records, updated_at = now()`,
      [b.id],
    );
    const counted = await client.query<{ n: number }>(`select count(*)::int as n from quality_findings where batch_id = $1`, [b.id]);
    const findings = counted.rows[0]?.n ?? 0;
    await client.query(`update quality_batch_scans set duplicates = $2, findings = $3 where batch_id = $1`, [b.id, dupes, findings]);
    await client.query('commit');
    return dupes;
  } catch (err) {
    await client.query('rollback').catch(() => undefined);
    throw err;
  }
}

/** Fingerprints the records the batch wrote and records those that repeat an earlier record. Returns the duplicates found. */
async function findDuplicates(client: PgPoolClient, b: BatchRow, day: string, opts: ScanOptions): Promise<number> {
  const spec = FINGERPRINTS[b.dataset];
  if (!spec) return 0;
  // The records of the batch (the last occurrence of a sourceId is the one applied) and their positions.
  const sources = await client.query<{ source_id: string; idx: number }>(
    `select x.rec->>'sourceId' as source_id, (max(x.ord) - 1)::int as idx
       from ingest_inbox i, jsonb_array_elements(i.payload) with ordinality as x(rec, ord)
      where i.batch_id = $1 and x.rec->>'sourceId' is not null
      group by 1`,
    [b.id],
  );
  if (!sources.rows.length) return 0;
  const indexOf = new Map(sources.rows.map((r) => [r.source_id, r.idx]));
  const written = await client.query<Record<string, unknown> & { source_id: string; mp: string | null }>(spec.sql, [b.institution_id, [...indexOf.keys()], b.id]);
  if (!written.rows.length) return 0;

  const rows = written.rows.sort((x, y) => (indexOf.get(x.source_id) ?? 0) - (indexOf.get(y.source_id) ?? 0));
  const prints: Fingerprint[] = [];
  for (const r of rows) {
    for (const k of spec.keys(r, b.institution_id)) {
      const key = fingerprintKey(b.dataset, k);
      if (!key) continue;
      const eventAt = k.eventAt === undefined ? null : k.eventAt === null ? null : new Date(k.eventAt).toISOString();
      if (k.eventAt !== undefined && !eventAt) continue;
      prints.push({ ord: prints.length, source_id: r.source_id, kind: k.kind, key, event_at: eventAt, master_person_id: r.mp, path: k.path });
    }
  }
  const writtenIds = rows.map((r) => r.source_id);
  // A re-sent record may no longer carry a key it had (a report number removed): drop its stale fingerprints.
  await client.query(
    `delete from record_fingerprints f
      where f.institution_id = $1 and f.dataset = $2 and f.source_id = any($3::text[])
        and not exists (select 1 from jsonb_to_recordset($4::jsonb) as x(source_id text, kind text) where x.source_id = f.source_id and x.kind = f.kind)`,
    [b.institution_id, b.dataset, writtenIds, JSON.stringify(prints.map((p) => ({ source_id: p.source_id, kind: p.kind })))],
  );
  if (prints.length) {
    // In record order, so ids (the "first seen" order) follow the batch; an existing fingerprint keeps its id.
    await client.query(
      `insert into record_fingerprints (institution_id, dataset, source_id, kind, key, event_at, master_person_id, batch_id, updated_at)
       select $1, $2, x.source_id, x.kind, x.key, x.event_at, x.master_person_id, $3, now()
         from jsonb_to_recordset($4::jsonb) as x(ord int, source_id text, kind text, key text, event_at timestamptz, master_person_id bigint)
        order by x.ord
       on conflict (institution_id, dataset, source_id, kind) do update set
         key = excluded.key, event_at = excluded.event_at, master_person_id = excluded.master_person_id, batch_id = excluded.batch_id, updated_at = now()`,
      [b.institution_id, b.dataset, b.id, JSON.stringify(prints)],
    );
  }
  // The earliest other record with the same key (and, for windowed kinds, an event time within the window).
  const matches = await client.query<{ source_id: string; kind: string; master_person_id: string | null; orig_institution_id: string; orig_source_id: string }>(
    `select distinct on (f.source_id) f.source_id, f.kind, f.master_person_id::text, g.institution_id as orig_institution_id, g.source_id as orig_source_id
       from record_fingerprints f
       cross join lateral (
         select g.institution_id, g.source_id from record_fingerprints g
          where g.dataset = f.dataset and g.kind = f.kind and g.key = f.key and g.id < f.id
            and (f.event_at is null or g.event_at between f.event_at - make_interval(mins => $4) and f.event_at + make_interval(mins => $4))
            and not (g.institution_id = f.institution_id and g.source_id = f.source_id)
          order by g.id limit 1) g
      where f.institution_id = $1 and f.dataset = $2 and f.batch_id = $3 and f.source_id = any($5::text[])
      order by f.source_id, f.id`,
    [b.institution_id, b.dataset, b.id, opts.windowMinutes, writtenIds],
  );
  const pathOf = new Map(prints.map((p) => [`${p.source_id}|${p.kind}`, p.path]));
  const dupes = matches.rows.map((m) => ({ ...m, record_index: indexOf.get(m.source_id) ?? null, path: pathOf.get(`${m.source_id}|${m.kind}`) ?? '' }));
  // A re-sent record that no longer repeats anything stops being listed as a duplicate.
  await client.query(
    `delete from record_duplicates where institution_id = $1 and dataset = $2 and source_id = any($3::text[]) and not (source_id = any($4::text[]))`,
    [b.institution_id, b.dataset, writtenIds, dupes.map((d) => d.source_id)],
  );
  if (!dupes.length) return 0;
  const json = JSON.stringify(dupes);
  await client.query(
    `insert into record_duplicates (institution_id, dataset, source_id, kind, original_institution_id, original_source_id, batch_id, day, master_person_id, detected_at)
     select $1, $2, x.source_id, x.kind, x.orig_institution_id, x.orig_source_id, $3, $4::date, x.master_person_id, now()
       from jsonb_to_recordset($5::jsonb) as x(source_id text, kind text, orig_institution_id uuid, orig_source_id text, master_person_id bigint)
     on conflict (institution_id, dataset, source_id) do update set
       kind = excluded.kind, original_institution_id = excluded.original_institution_id, original_source_id = excluded.original_source_id,
       batch_id = excluded.batch_id, day = excluded.day, master_person_id = excluded.master_person_id, detected_at = now()`,
    [b.institution_id, b.dataset, b.id, day, json],
  );
  await client.query(
    `insert into quality_findings (institution_id, dataset, source_id, batch_id, record_index, rule_code, dimension, severity, path, day, master_person_id)
     select $1, $2, x.source_id, $3, x.record_index, 'UNIQ.DUPLICATE', 'uniqueness', 'warning', x.path, $4::date, x.master_person_id
       from jsonb_to_recordset($5::jsonb) as x(source_id text, record_index int, path text, master_person_id bigint)`,
    [b.institution_id, b.dataset, b.id, day, json],
  );
  // 唯一性 = records that are not duplicates ÷ records: the pipeline counted these records as unique.
  await client.query(
    `update quality_daily_rollups set numerator = greatest(0, numerator - $4), updated_at = now()
      where institution_id = $1 and dataset = $2 and day = $3::date and dimension = 'uniqueness'`,
    [b.institution_id, b.dataset, day, dupes.length],
  );
  return dupes.length;
}
