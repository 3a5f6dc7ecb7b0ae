import { randomUUID } from 'node:crypto';
import type { Queue } from 'bullmq';
import { ingestJobOptions, type IngestBatchJobData } from '@rhip/contracts';
import type { PgPool } from '@rhip/db';

/**
 * Child records (lab and exam reports, prescriptions) that arrived before
 * their encounter wait in parked_records. When the parent lands they are
 * released as a new batch of their data set, through the same pipeline.
 */
async function release(pg: PgPool, queue: Queue<IngestBatchJobData>, where: string, params: unknown[]): Promise<string[]> {
  const client = await pg.connect();
  const batches: string[] = [];
  try {
    await client.query('begin');
    const rows = await client.query<{ institution_id: string; dataset: string; payloads: unknown[] }>(
      `with released as (
         update parked_records p set resolved_at = now() where ${where} returning p.institution_id, p.dataset, p.payload, p.id
       )
       select institution_id, dataset, jsonb_agg(payload order by id) as payloads from released group by institution_id, dataset`,
      params,
    );
    for (const r of rows.rows) {
      const id = randomUUID();
      await client.query(
        `insert into ingest_batches (id, institution_id, dataset, channel, status, received, accepted, request_id, updated_at)
         values ($1, $2, $3, 'rest', 'queued', $4, $4, 'parked-release', now())`,
        [id, r.institution_id, r.dataset, r.payloads.length],
      );
      await client.query(`insert into ingest_inbox (batch_id, payload) values ($1, $2::jsonb)`, [id, JSON.stringify(r.payloads)]);
      batches.push(id);
    }
    await client.query('commit');
  } catch (err) {
    await client.query('rollback').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
  // After commit: the sweeper re-enqueues if Redis is away right now.
  for (const id of batches) await queue.add('batch', { batchId: id }, ingestJobOptions(id)).catch(() => undefined);
  return batches;
}

export function releaseParkedChildren(pg: PgPool, queue: Queue<IngestBatchJobData>, institutionId: string, encounterSourceIds: string[]) {
  return release(pg, queue, `p.resolved_at is null and p.institution_id = $1 and p.parent_dataset = 'encounters' and p.parent_source_id = any($2::text[])`, [
    institutionId,
    encounterSourceIds,
  ]);
}

export function releaseParkedWithParents(pg: PgPool, queue: Queue<IngestBatchJobData>) {
  return release(
    pg,
    queue,
    `p.id in (select p2.id from parked_records p2 join encounters e on e.institution_id = p2.institution_id and e.source_id = p2.parent_source_id
               where p2.resolved_at is null and p2.parent_dataset = 'encounters' limit 1000)`,
    [],
  );
}
