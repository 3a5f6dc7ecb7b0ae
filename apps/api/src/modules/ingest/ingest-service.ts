import type { Queue } from 'bullmq';
import {
  ingestJobOptions, type BatchStatus, type Dataset, type IngestBatchJobData, type IngestResponse, type RecordError,
  type RecordOutcome,
} from '@rhip/contracts';
import type { PgPool } from '@rhip/db';
import type { FastifyBaseLogger } from 'fastify';
import { checkIngestRecord } from '@rhip/domain';
import { ForbiddenError, NotFoundError } from '../../lib/errors';
import type { Principal } from '../../plugins/access';
import { createIngestRepository } from './ingest-repository';
import { nulPath, withoutNul } from './nul-chars';

/** Errors answered per record; beyond this the answer says how many more there were. */
const MAX_ERRORS_IN_ANSWER = 1000;
/** How long the answer waits for the queue before leaving the batch to the sweeper. */
const ENQUEUE_WAIT_MS = 500;

export function createIngestService(deps: { pg: PgPool; queue: Queue<IngestBatchJobData>; log: FastifyBaseLogger }) {
  const { pg, queue, log } = deps;
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
    // Serialised once: scanned for NUL here and stored as the inbox payload.
    const payload = JSON.stringify(input.records);
    const hasNul = payload.includes('\\u0000');
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
    const batchId = await repo.insertBatch({ institutionId: input.institutionId, dataset: input.dataset, channel: input.channel, requestId: input.requestId, records: input.records, payloadJson: hasNul ? JSON.stringify(withoutNul(input.records)) : payload, rejected });
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
    const normal: RecordOutcome['status'] = batch.status === 'done' ? (batch.dataset === 'facility-resources' ? 'stored' : 'linked') : batch.status === 'failed' ? 'failed' : 'accepted';
    const outcomes: RecordOutcome[] = [];
    for (let index = 0; index < batch.received; index++) {
      const r = stored.get(index);
      outcomes.push(r ? { index, sourceId: r.source_id, status: r.status, errors: r.errors ?? [], masterPersonId: r.master_person_id } : { index, sourceId: null, status: normal, errors: [] });
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

  return { submit, status };
}

export type IngestService = ReturnType<typeof createIngestService>;
