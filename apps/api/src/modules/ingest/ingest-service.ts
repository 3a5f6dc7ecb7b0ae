import type { Queue } from 'bullmq';
import {
  ingestJobOptions, type BatchStatus, type Dataset, type IngestBatchJobData, type IngestResponse, type RecordError,
  type RecordOutcome,
} from '@rhip/contracts';
import type { PgPool } from '@rhip/db';
import type { FastifyBaseLogger } from 'fastify';
import { checkIngestRecord } from '@rhip/domain';
import { sealRecordIdentifiers, type PiiCipher } from '@rhip/pii';
import { AppError, ForbiddenError, NotFoundError } from '../../lib/errors';
import type { Principal } from '../../plugins/access';
import { createIngestRepository } from './ingest-repository';
import { nulPath, withoutNul } from './nul-chars';

/** Errors answered per record; beyond this the answer says how many more there were. */
const MAX_ERRORS_IN_ANSWER = 1000;
/** How long the answer waits for the queue before leaving the batch to the sweeper. */
const ENQUEUE_WAIT_MS = 500;

export function createIngestService(deps: { pg: PgPool; queue: Queue<IngestBatchJobData>; log: FastifyBaseLogger; pii: PiiCipher }) {
  const { pg, queue, log, pii } = deps;
  const repo = createIngestRepository({ pg });

  /**
   * Checks every record on its own (shape, then the domain rules after
   * cleansing), stores the batch durably, then enqueues its id. Rejections are
   * answered now with field, rule and reason; linking and storage follow in
   * the worker. If Redis is unavailable the batch still stands: the worker's
   * inbox sweeper picks it up.
   */
  async function submit(input: { institutionId: string; dataset: Dataset; records: unknown[]; channel: 'rest' | 'fhir'; requestId: string; receivedAt?: Date }): Promise<IngestResponse> {
    const receivedAt = input.receivedAt ?? new Date();
    const errors: RecordError[] = [];
    const rejected: { index: number; sourceId: string | null; errors: unknown[] }[] = [];
    // Scanned for NUL once; the stored payload is the records with their ID numbers sealed.
    const hasNul = JSON.stringify(input.records).includes('\\u0000');
    input.records.forEach((raw, index) => {
      const at = hasNul ? nulPath(raw) : null;
      if (at !== null) {
        const error = { path: at, code: 'SHAPE_INVALID_CHAR', message: `${at || 'record'}: contains the NUL character (U+0000)`, messageZh: `${at || '记录'}：含有空字符 (U+0000)`, severity: 'error' as const };
        const sourceId = typeof (raw as { sourceId?: unknown })?.sourceId === 'string' ? String((raw as { sourceId: string }).sourceId).replaceAll('\u0000', '\ufffd') : null;
        errors.push({ index, sourceId, ...error });
        rejected.push({ index, sourceId, errors: [error] });
        return;
      }
      const checked = checkIngestRecord(input.dataset, raw, { receivedAt });
      if (checked.rejected) {
        const recordErrors = checked.issues
          .filter((i) => i.severity === 'error')
          .map((i) => ({ index, sourceId: checked.sourceId, path: i.path, code: i.code, message: i.message, messageZh: i.messageZh, severity: i.severity }));
        errors.push(...recordErrors);
        rejected.push({ index, sourceId: checked.sourceId, errors: checked.issues });
      }
    });
    const batchId = await repo.insertBatch({ institutionId: input.institutionId, dataset: input.dataset, channel: input.channel, requestId: input.requestId, records: input.records, payloadJson: JSON.stringify((hasNul ? withoutNul(input.records) : input.records).map((r) => sealRecordIdentifiers(r, pii))), rejected });
    // The batch is durable already; the job is only a wake-up call. Never let a slow or absent Redis hold the answer:
    // wait briefly, then answer — a late add still lands (same job id), and the inbox sweeper covers a lost one.
    const enqueued = queue.add('batch', { batchId, requestId: input.requestId }, ingestJobOptions(batchId)).then(
      () => true,
      (err: unknown) => {
        log.warn({ batchId, err: err instanceof Error ? err.message : String(err) }, 'enqueue failed; the inbox sweeper will pick the batch up');
        return false;
      },
    );
    const inTime = await Promise.race([enqueued, new Promise<'late'>((r) => setTimeout(() => r('late'), ENQUEUE_WAIT_MS).unref())]);
    if (inTime === 'late') log.warn({ batchId }, 'Redis slow or unreachable; batch left to the inbox sweeper');
    return {
      batchId,
      received: input.records.length,
      accepted: input.records.length - rejected.length,
      rejected: rejected.length,
      errors: errors.slice(0, MAX_ERRORS_IN_ANSWER),
    };
  }

  /** Batch status for its own institution or for staff. Outcomes not stored individually are the batch's normal result. */
  async function status(batchId: string, principal: Principal): Promise<BatchStatus> {
    const b = await pg.query<{
      id: string; institution_id: string; dataset: string; channel: 'rest' | 'fhir'; status: BatchStatus['status']; received: number; accepted: number;
      rejected: number; stored: number; linked: number; in_review: number; failed: number; created_at: Date; started_at: Date | null; finished_at: Date | null; updated_at: Date;
      cleansing: { index: number; path: string; rule: string; from?: unknown; to?: unknown }[] | null;
    }>(`select * from ingest_batches where id = $1`, [batchId]);
    const batch = b.rows[0];
    if (!batch) throw new NotFoundError('Batch');
    if (principal.kind === 'institution' && principal.institutionId !== batch.institution_id) throw new NotFoundError('Batch');
    if (principal.kind === 'staff' && principal.user.role === 'institution_operator' && principal.user.institutionId !== batch.institution_id) {
      throw new ForbiddenError('This batch belongs to another institution');
    }
    const o = await pg.query<{ index: number; source_id: string | null; status: RecordOutcome['status']; errors: RecordOutcome['errors'] | null; master_person_id: string | null }>(
      `select index, source_id, status, errors, master_person_id::text from record_outcomes where batch_id = $1 order by index`,
      [batchId],
    );
    const stored = new Map(o.rows.map((r) => [r.index, r]));
    // Records without an outcome row of their own still answer with their sourceId (read from the inbox).
    const ids = await pg.query<{ ids: (string | number | null)[] | null }>(
      `select jsonb_path_query_array(payload, '$[*].sourceId') as ids from ingest_inbox where batch_id = $1`,
      [batchId],
    );
    const sourceIds = ids.rows[0]?.ids ?? [];
    const normal: RecordOutcome['status'] = batch.status === 'done' ? (batch.dataset === 'facility-resources' ? 'stored' : 'linked') : batch.status === 'failed' ? 'failed' : 'accepted';
    const changes = new Map<number, RecordOutcome['changes']>();
    for (const { index, ...change } of batch.cleansing ?? []) changes.set(index, [...(changes.get(index) ?? []), change]);
    const outcomes: RecordOutcome[] = [];
    for (let index = 0; index < batch.received; index++) {
      const r = stored.get(index);
      const base: RecordOutcome = r ? { index, sourceId: r.source_id, status: r.status, errors: r.errors ?? [], masterPersonId: r.master_person_id } : { index, sourceId: sourceIds[index] === null || sourceIds[index] === undefined ? null : String(sourceIds[index]), status: normal, errors: [] };
      const c = changes.get(index);
      outcomes.push(c ? { ...base, changes: c } : base);
    }
    const count = (s: RecordOutcome['status']) => o.rows.filter((r) => r.status === s).length;
    return {
      batchId: batch.id,
      dataset: batch.dataset,
      channel: batch.channel,
      status: batch.status,
      counts: {
        received: batch.received,
        accepted: batch.accepted,
        stored: batch.stored,
        linked: batch.linked,
        rejected: batch.rejected,
        inReview: batch.in_review,
        failed: batch.failed,
        parked: count('parked'),
        noop: count('noop'),
      },
      outcomes,
      createdAt: batch.created_at.toISOString(),
      startedAt: batch.started_at?.toISOString() ?? null,
      finishedAt: batch.finished_at?.toISOString() ?? null,
      updatedAt: batch.updated_at.toISOString(),
    };
  }

  /** Dead letters: whole batches that failed, and single records that failed inside a finished batch. */
  async function deadLetters(q: { page: number; pageSize: number }) {
    const rows = await pg.query<{ batch_id: string; institution_id: string; institution_name: string | null; dataset: string; index: number | null; source_id: string | null; reason: string | null; at: Date; total: string }>(
      `with dl as (
         select b.id as batch_id, b.institution_id, b.dataset, null::int as index, null::text as source_id, b.last_error as reason, b.updated_at as at
           from ingest_batches b where b.status = 'failed'
         union all
         select o.batch_id, b.institution_id, b.dataset, o.index, o.source_id, o.errors->0->>'message', o.updated_at
           from record_outcomes o join ingest_batches b on b.id = o.batch_id where o.status = 'failed'
       )
       select dl.*, i.name as institution_name, count(*) over () as total
         from dl left join institutions i on i.id = dl.institution_id
        order by at desc limit $1 offset $2`,
      [q.pageSize, (q.page - 1) * q.pageSize],
    );
    return {
      items: rows.rows.map((r) => ({
        batchId: r.batch_id, institutionId: r.institution_id, institutionName: r.institution_name, dataset: r.dataset,
        index: r.index, sourceId: r.source_id, reason: r.reason, at: r.at.toISOString(),
      })),
      total: Number(rows.rows[0]?.total ?? 0),
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  /**
   * Replays a dead letter: a failed batch goes back to the queue as it is; the
   * failed records of a finished batch travel again as a new batch of their data
   * set (their old outcomes point to it).
   */
  async function replay(batchId: string): Promise<{ batchId: string; records: number }> {
    const b = await pg.query<{ status: string; institution_id: string; dataset: string; received: number }>(`select status, institution_id, dataset, received from ingest_batches where id = $1`, [batchId]);
    const batch = b.rows[0];
    if (!batch) throw new NotFoundError('Batch');
    if (batch.status === 'failed') {
      await pg.query(`update ingest_batches set status = 'queued', attempts = 0, failed = 0, last_error = null, updated_at = now() where id = $1`, [batchId]);
      // The failed job keeps the batch id; remove it so the same id can be queued again.
      await (await queue.getJob(batchId).catch(() => undefined))?.remove().catch(() => undefined);
      await queue.add('batch', { batchId }, ingestJobOptions(batchId)).catch(() => undefined);
      return { batchId, records: batch.received };
    }
    const failed = await pg.query<{ index: number }>(`select index from record_outcomes where batch_id = $1 and status = 'failed' order by index`, [batchId]);
    if (!failed.rows.length) throw new AppError(409, 'NOTHING_TO_REPLAY', 'This batch has no failed records');
    const inbox = await pg.query<{ payload: unknown[] }>(`select payload from ingest_inbox where batch_id = $1`, [batchId]);
    const records = failed.rows.map((r) => inbox.rows[0]?.payload[r.index]);
    const newId = await repo.insertBatch({
      institutionId: batch.institution_id, dataset: batch.dataset, channel: 'rest', requestId: `replay:${batchId}`,
      records, payloadJson: JSON.stringify(records), rejected: [],
    });
    await pg.query(
      `update record_outcomes set status = 'accepted', errors = jsonb_build_array(jsonb_build_object('path', '', 'code', 'REPLAYED', 'message', 'Replayed as batch ' || $2::text, 'messageZh', '已重放，新批次 ' || $2::text, 'severity', 'info')), updated_at = now()
        where batch_id = $1 and status = 'failed'`,
      [batchId, newId],
    );
    await queue.add('batch', { batchId: newId }, ingestJobOptions(newId)).catch(() => undefined);
    return { batchId: newId, records: records.length };
  }

  /** Batches, newest first, for the console and for an institution's own view. */
  async function listBatches(q: { page: number; pageSize: number; institutionId?: string; dataset?: string; status?: string }) {
    const rows = await pg.query<{ id: string; institution_id: string; institution_name: string | null; dataset: string; channel: string; status: string; received: number; accepted: number; rejected: number; stored: number; linked: number; in_review: number; failed: number; created_at: Date; finished_at: Date | null; total: string }>(
      `select b.id, b.institution_id, i.name as institution_name, b.dataset, b.channel, b.status, b.received, b.accepted, b.rejected, b.stored, b.linked, b.in_review, b.failed,
              b.created_at, b.finished_at, count(*) over () as total
         from ingest_batches b left join institutions i on i.id = b.institution_id
        where ($3::uuid is null or b.institution_id = $3) and ($4::text is null or b.dataset = $4) and ($5::text is null or b.status::text = $5)
        order by b.created_at desc limit $1 offset $2`,
      [q.pageSize, (q.page - 1) * q.pageSize, q.institutionId ?? null, q.dataset ?? null, q.status ?? null],
    );
    return {
      items: rows.rows.map((r) => ({
        batchId: r.id, institutionId: r.institution_id, institutionName: r.institution_name, dataset: r.dataset, channel: r.channel, status: r.status,
        counts: { received: r.received, accepted: r.accepted, rejected: r.rejected, stored: r.stored, linked: r.linked, inReview: r.in_review, failed: r.failed },
        createdAt: r.created_at.toISOString(), finishedAt: r.finished_at?.toISOString() ?? null,
      })),
      total: Number(rows.rows[0]?.total ?? 0),
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  return { submit, status, deadLetters, replay, listBatches };
}

export type IngestService = ReturnType<typeof createIngestService>;
