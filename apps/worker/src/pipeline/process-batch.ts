import type { Dataset, RecordIssue } from '@rhip/contracts';
import type { PgPool, PgPoolClient } from '@rhip/db';
import { checkIngestRecord, type CheckedRecord } from '@rhip/domain';
import type { Logger } from '@rhip/logger';
import { unsealRecordIdentifiers, type PiiCipher } from '@rhip/pii';
import { DATASET_STORES } from './datasets';
import type { RowContext } from './datasets';
import { identityKey } from './identity';
import { linkPatients, type LinkResult, type Matcher } from './link-patients';
import { storePersons } from './persons';
import { upsertChronicRegistrations } from './chronic-registrations';
import { insertRows, upsertRows } from './upsert';
import { recordFindings } from './findings';
import { updateIngestRollups } from './rollups';
import { updateQualityRollups } from './quality-rollups';
import { cleansingLog } from './cleansing-log';

export interface PipelineDeps {
  pg: PgPool;
  pii: PiiCipher;
  matcher: Matcher;
  log: Logger;
}

/** Milliseconds per step of a batch, logged with it (where the time goes). */
export type StepTimings = Record<string, number>;

function stepClock(into: StepTimings) {
  let last = performance.now();
  return (step: string) => {
    const now = performance.now();
    into[step] = Math.round((into[step] ?? 0) + now - last);
    last = now;
  };
}

export interface BatchResult {
  steps?: StepTimings;
  status: 'done' | 'skipped';
  dataset?: Dataset;
  counts?: { stored: number; linked: number; inReview: number; parked: number; noop: number; failed: number; rejected: number };
  /** Encounters written by this batch: parked children waiting on them can be retried. */
  storedEncounterSourceIds?: string[];
  institutionId?: string;
}

interface OutcomeRow {
  index: number;
  source_id: string | null;
  status: 'rejected' | 'review' | 'parked' | 'noop' | 'failed';
  errors: RecordIssue[] | null;
  master_person_id: string | null;
}

/**
 * Processes one batch from the durable inbox in ONE transaction: either every
 * effect of the batch is committed together with its `done` status, or none
 * is and a retry starts from scratch — so a crash or a retry never applies a
 * batch twice. The batch row is locked (FOR UPDATE) so two workers never
 * process the same batch at once.
 */
export async function processBatch(deps: PipelineDeps, batchId: string): Promise<BatchResult> {
  const { pg } = deps;
  const claimed = await pg.query<{ institution_id: string; dataset: Dataset; created_at: Date }>(
    `update ingest_batches set status = 'processing', attempts = attempts + 1, started_at = coalesce(started_at, now()), updated_at = now()
      where id = $1 and status in ('queued', 'processing')
      returning institution_id, dataset, created_at`,
    [batchId],
  );
  const batch = claimed.rows[0];
  if (!batch) return { status: 'skipped' };

  const client = await pg.connect();
  try {
    await client.query('begin');
    const lock = await client.query<{ status: string }>(`select status from ingest_batches where id = $1 for update`, [batchId]);
    if (lock.rows[0]?.status === 'done' || lock.rows[0]?.status === 'failed') {
      await client.query('rollback');
      return { status: 'skipped' };
    }
    const ref = { id: batchId, institutionId: batch.institution_id, dataset: batch.dataset, receivedAt: batch.created_at };
    await client.query('savepoint set_based');
    let result: BatchResult;
    try {
      result = await applyBatch(client, deps, ref, 'set');
    } catch (err) {
      // Something in the batch broke the set-based path (a value the database refuses, a bug): redo it one
      // record at a time so only the records at fault become dead letters, each with its reason.
      if (isConnectionError(err)) throw err;
      deps.log.warn({ batchId, err: err instanceof Error ? err.message : String(err) }, 'set-based batch failed; isolating records');
      await client.query('rollback to savepoint set_based');
      result = await applyBatch(client, deps, ref, 'isolate');
    }
    await client.query('commit');
    return result;
  } catch (err) {
    await client.query('rollback').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

/** Errors of the connection or server, not of the data: the whole batch is retried later. */
function isConnectionError(err: unknown): boolean {
  const code = (err as { code?: string } | null)?.code ?? '';
  return /^(08|53|57|58)/.test(code) || ['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE'].includes(code);
}

interface BatchRef {
  id: string;
  institutionId: string;
  dataset: Dataset;
  receivedAt: Date;
}

interface StoreResult {
  /** Records linked to a master person and (child records) to their parent: the integration numerator. */
  integrated: number;
  stored: number;
  parked: number;
  inReview: number;
  linked: number;
  outcomes: OutcomeRow[];
  storedEncounterSourceIds: string[];
}

type Accepted = { index: number; c: CheckedRecord };

async function applyBatch(client: PgPoolClient, deps: PipelineDeps, batch: BatchRef, mode: 'set' | 'isolate'): Promise<BatchResult> {
  const steps: StepTimings = {};
  const lap = stepClock(steps);
  const inbox = await client.query<{ payload: unknown[] }>(`select payload from ingest_inbox where batch_id = $1`, [batch.id]);
  const records = inbox.rows[0]?.payload ?? [];
  // ID numbers rest sealed in the inbox; the check sees them in clear, `raw` keeps them sealed (parking).
  const checked = records.map((raw) => ({ ...checkIngestRecord(batch.dataset, unsealRecordIdentifiers(raw, deps.pii), { receivedAt: batch.receivedAt }), raw }));
  lap('load+check');
  const outcomes: OutcomeRow[] = [];
  const accepted: Accepted[] = [];
  checked.forEach((c, index) => {
    if (c.rejected || !c.record) outcomes.push({ index, source_id: c.sourceId, status: 'rejected', errors: c.issues, master_person_id: null });
    else accepted.push({ index, c });
  });

  // A sourceId sent twice in one batch: the highest version (then the later one) wins, the other is a no-op.
  const latest = new Map<string, Accepted>();
  for (const a of accepted) {
    const prev = latest.get(a.c.sourceId ?? '');
    if (!prev || a.c.version >= prev.c.version) {
      if (prev) outcomes.push({ index: prev.index, source_id: prev.c.sourceId, status: 'noop', errors: null, master_person_id: null });
      latest.set(a.c.sourceId ?? '', a);
    } else outcomes.push({ index: a.index, source_id: a.c.sourceId, status: 'noop', errors: null, master_person_id: null });
  }
  const current = [...latest.values()];

  const total: StoreResult = { integrated: 0, stored: 0, parked: 0, inReview: 0, linked: 0, outcomes: [], storedEncounterSourceIds: [] };
  let failed = 0;
  const add = (r: StoreResult) => {
    total.integrated += r.integrated;
    total.stored += r.stored;
    total.parked += r.parked;
    total.inReview += r.inReview;
    total.linked += r.linked;
    total.outcomes.push(...r.outcomes);
    total.storedEncounterSourceIds.push(...r.storedEncounterSourceIds);
  };
  if (mode === 'set') add(await storeRecords(client, deps, batch, current, steps));
  else {
    for (const a of current) {
      await client.query('savepoint one_record');
      try {
        add(await storeRecords(client, deps, batch, [a], steps));
        await client.query('release savepoint one_record');
      } catch (err) {
        if (isConnectionError(err)) throw err;
        await client.query('rollback to savepoint one_record');
        failed += 1;
        const reason = err instanceof Error ? err.message : String(err);
        outcomes.push({
          index: a.index,
          source_id: a.c.sourceId,
          status: 'failed',
          errors: [{ path: '', code: 'PIPELINE.FAILED', message: `Processing failed: ${reason}`, messageZh: `处理失败：${reason}`, severity: 'error' }],
          master_person_id: null,
        });
      }
    }
  }
  outcomes.push(...total.outcomes);
  lap('store');

  await recordFindings(client, batch, checked);
  await updateIngestRollups(client, batch, checked);
  await updateQualityRollups(client, batch, checked, {
    // Parked records are not yet joined to their encounter; records in review have no master person yet.
    integrated: total.integrated,
    // The same sourceId twice in one batch (UNIQ.BATCH_REPEAT); cross-record duplicates are found by the quality job.
    duplicates: accepted.length - current.length,
    personLinked: batch.dataset !== 'facility-resources',
  });
  if (outcomes.length) {
    await client.query(
      `insert into record_outcomes (batch_id, index, source_id, status, errors, master_person_id, updated_at)
       select $1, x.index, x.source_id, x.status, x.errors, x.master_person_id, now()
         from jsonb_to_recordset($2::jsonb) as x(index int, source_id text, status record_outcome_status, errors jsonb, master_person_id bigint)
       on conflict (batch_id, index) do update set status = excluded.status, errors = excluded.errors, master_person_id = excluded.master_person_id, updated_at = now()`,
      [batch.id, JSON.stringify(outcomes)],
    );
  }
  lap('findings+rollups+outcomes');
  const rejected = outcomes.filter((o) => o.status === 'rejected').length;
  const noop = outcomes.filter((o) => o.status === 'noop').length;
  await client.query(
    `update ingest_batches set status = 'done', stored = $2, linked = $3, in_review = $4, rejected = $5, accepted = $6, failed = $7,
            cleansing = $8::jsonb, finished_at = now(), updated_at = now(), last_error = null where id = $1`,
    [batch.id, total.stored, total.linked, total.inReview, rejected, records.length - rejected, failed, JSON.stringify(cleansingLog(checked))],
  );
  lap('finish');
  return {
    status: 'done',
    steps,
    dataset: batch.dataset,
    institutionId: batch.institutionId,
    counts: { stored: total.stored, linked: total.linked, inReview: total.inReview, parked: total.parked, noop, failed, rejected },
    storedEncounterSourceIds: total.storedEncounterSourceIds,
  };
}

/** Links and writes a set of accepted records (the whole batch, or one record in isolation). */
async function storeRecords(client: PgPoolClient, deps: PipelineDeps, batch: BatchRef, current: Accepted[], steps: StepTimings): Promise<StoreResult> {
  const { pii, matcher } = deps;
  const lap = stepClock(steps);
  const outcomes: OutcomeRow[] = [];
  // Link patients (every data set but facility resources).
  const links = new Map<number, LinkResult>();
  const withPatient = current.filter((a) => a.c.patient);
  if (withPatient.length > 0) {
    const byKey = await linkPatients(client, { pii, matcher, institutionId: batch.institutionId }, withPatient.map((a) => a.c.patient!));
    for (const a of withPatient) {
      const r = byKey.get(identityKey(a.c.patient!, pii));
      if (r) links.set(a.index, r);
    }
  }

  lap('link');
  let stored: number;
  let parked = 0;
  let storedEncounterSourceIds: string[] = [];
  const written = new Set<number>();

  if (batch.dataset === 'persons') {
    const res = await storePersons(client, { pii, matcher }, batch, current, links);
    stored = res.updated.size;
    for (const i of res.updated) written.add(i);
    for (const a of current) if (!res.updated.has(a.index)) outcomes.push({ index: a.index, source_id: a.c.sourceId, status: 'noop', errors: null, master_person_id: links.get(a.index)?.masterPersonId ?? null });
  } else {
    const store = DATASET_STORES[batch.dataset];
    let ready = current;
    const parentIds = new Map<number, string>();
    if (store.parent) {
      const field = store.parent.sourceIdField;
      const wanted = [...new Set(current.map((a) => a.c.record?.[field]).filter((v): v is string => typeof v === 'string' && v !== ''))];
      const found = wanted.length
        ? await client.query<{ id: string; source_id: string }>(
            `select id::text, source_id from ${store.parent.table} where institution_id = $1 and source_id = any($2::text[])`,
            [batch.institutionId, wanted],
          )
        : { rows: [] };
      const have = new Map(found.rows.map((r) => [r.source_id, r.id]));
      const waiting: typeof current = [];
      ready = [];
      for (const a of current) {
        const ref = a.c.record?.[field];
        if (typeof ref === 'string' && ref !== '') {
          const id = have.get(ref);
          if (id) {
            parentIds.set(a.index, id);
            ready.push(a);
          } else waiting.push(a);
        } else ready.push(a);
      }
      parked = await parkRecords(client, batch, store.parent.dataset, field, waiting);
      for (const a of waiting) outcomes.push({ index: a.index, source_id: a.c.sourceId, status: 'parked', errors: null, master_person_id: links.get(a.index)?.masterPersonId ?? null });
    }

    const rows = ready.map((a) => {
      const ctx: RowContext = {
        institutionId: batch.institutionId,
        batchId: batch.id,
        masterPersonId: links.get(a.index)?.masterPersonId ?? null,
        version: a.c.version,
        sourceUpdatedAt: a.c.sourceUpdatedAt,
        receivedAt: batch.receivedAt.toISOString(),
        extra: a.c.extra,
        parentId: parentIds.get(a.index) ?? null,
      };
      return { a, ctx, row: store.row(a.c.record!, ctx) };
    });
    const res = await upsertRows(client, store.table, rows.map((r) => r.row));
    const bySource = new Map(res.map((r) => [r.key.slice(r.key.indexOf('|') + 1), r]));
    const changed: { id: string; inserted: boolean; r: (typeof rows)[number] }[] = [];
    for (const r of rows) {
      const w = bySource.get(String(r.a.c.sourceId));
      if (w) {
        changed.push({ id: w.id, inserted: w.inserted, r });
        written.add(r.a.index);
      } else outcomes.push({ index: r.a.index, source_id: r.a.c.sourceId, status: 'noop', errors: null, master_person_id: r.ctx.masterPersonId });
    }
    stored = changed.length;
    for (const child of store.children ?? []) {
      const replaced = changed.filter((c) => !c.inserted).map((c) => c.id);
      if (replaced.length) await client.query(`delete from ${child.table} where ${child.parentColumn} = any($1::bigint[])`, [replaced]);
      const childRows = changed.flatMap((c) => child.rows(c.r.a.c.record!, c.r.ctx).map((row) => ({ ...row, [child.parentColumn]: c.id })));
      await insertRows(client, child.table, child.columns, childRows);
    }
    if (batch.dataset === 'followups') await upsertChronicRegistrations(client, batch, changed.map((c) => ({ record: c.r.a.c.record!, ctx: c.r.ctx })));
    if (batch.dataset === 'encounters') storedEncounterSourceIds = changed.map((c) => String(c.r.a.c.sourceId));
  }

  // Records waiting for a reviewer are stored unlinked; the review decides their master person.
  let inReview = 0;
  const reviews = current.flatMap((a) => {
    const l = links.get(a.index);
    if (l?.method !== 'review' || !l.candidate || !written.has(a.index)) return [];
    inReview += 1;
    outcomes.push({ index: a.index, source_id: a.c.sourceId, status: 'review', errors: null, master_person_id: null });
    const p = a.c.patient;
    // What a reviewer needs to decide, and to create a new person on rejection (no ID number in clear).
    const incoming = p ? { name: p.name, namePinyin: matcher.pinyin(p.name), sex: p.sex, birthDate: p.birthDate, phone: p.phone, regionCode: p.regionCode, idType: p.idType } : null;
    return [{ source_id: a.c.sourceId, candidate: l.candidate.masterPersonId, score: l.candidate.score, comparisons: l.candidate.comparisons, incoming }];
  });
  if (reviews.length) {
    await client.query(
      `insert into match_reviews (institution_id, dataset, source_id, batch_id, candidate_master_person_id, score, comparisons, incoming)
       select $1, $2, x.source_id, $3, x.candidate, x.score, x.comparisons, x.incoming
         from jsonb_to_recordset($4::jsonb) as x(source_id text, candidate bigint, score float8, comparisons jsonb, incoming jsonb)
       on conflict (institution_id, dataset, source_id, candidate_master_person_id)
       do update set score = excluded.score, comparisons = excluded.comparisons, incoming = excluded.incoming, status = 'pending'`,
      [batch.institutionId, batch.dataset, batch.id, JSON.stringify(reviews)],
    );
  }
  const linked = [...written].filter((i) => links.get(i)?.masterPersonId).length;
  const parkedIdx = new Set(outcomes.filter((o) => o.status === 'parked').map((o) => o.index));
  const integrated = current.filter((a) => links.get(a.index)?.masterPersonId && !parkedIdx.has(a.index)).length;
  return { integrated, stored, parked, inReview, linked, outcomes, storedEncounterSourceIds };
}


/** Child records whose parent has not arrived wait in parked_records (replayed when it lands). */
async function parkRecords(client: PgPoolClient, batch: BatchRef, parentDataset: string, field: string, waiting: { index: number; c: CheckedRecord }[]): Promise<number> {
  if (!waiting.length) return 0;
  await client.query(
    `insert into parked_records (institution_id, dataset, source_id, batch_id, index, parent_dataset, parent_source_id, payload, reason, retry_after)
     select $1, $2, x.source_id, $3, x.index, $4, x.parent_source_id, x.payload, 'parent not yet received', now() + interval '10 minutes'
       from jsonb_to_recordset($5::jsonb) as x(source_id text, index int, parent_source_id text, payload jsonb)
     on conflict (institution_id, dataset, source_id) do update
       set batch_id = excluded.batch_id, index = excluded.index, parent_source_id = excluded.parent_source_id, payload = excluded.payload,
           resolved_at = null, attempts = parked_records.attempts + 1`,
    [batch.institutionId, batch.dataset, batch.id, parentDataset, JSON.stringify(waiting.map((w) => ({ source_id: w.c.sourceId, index: w.index, parent_source_id: w.c.record?.[field], payload: w.c.raw })))],
  );
  return waiting.length;
}
