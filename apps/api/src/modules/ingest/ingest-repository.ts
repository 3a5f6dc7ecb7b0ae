import { randomUUID } from 'node:crypto';
import type { PgPool } from '@rhip/db';

export interface NewBatch {
  institutionId: string;
  dataset: string;
  channel: 'rest' | 'fhir';
  requestId: string;
  records: unknown[];
  /** The records as JSON, exactly as stored in the inbox. */
  payloadJson: string;
  rejected: { index: number; sourceId: string | null; errors: unknown[] }[];
}

/**
 * Writes a batch durably before the API answers: the batch row, the raw
 * payload in the inbox and the outcomes of records rejected on arrival, in
 * one transaction. The queue job that follows carries only the batch id.
 */
export function createIngestRepository(deps: { pg: PgPool }) {
  const { pg } = deps;

  async function insertBatch(b: NewBatch): Promise<string> {
    const id = randomUUID();
    const client = await pg.connect();
    try {
      await client.query('begin');
      await client.query(
        `insert into ingest_batches (id, institution_id, dataset, channel, status, received, accepted, rejected, request_id, updated_at)
         values ($1, $2, $3, $4, 'queued', $5, $6, $7, $8, now())`,
        [id, b.institutionId, b.dataset, b.channel, b.records.length, b.records.length - b.rejected.length, b.rejected.length, b.requestId],
      );
      await client.query(`insert into ingest_inbox (batch_id, payload) values ($1, $2::jsonb)`, [id, b.payloadJson]);
      if (b.rejected.length > 0) {
        await client.query(
          `insert into record_outcomes (batch_id, index, source_id, status, errors, updated_at)
           select $1, x.index, x.source_id, 'rejected', x.errors, now()
             from jsonb_to_recordset($2::jsonb) as x(index int, source_id text, errors jsonb)`,
          [id, JSON.stringify(b.rejected.map((r) => ({ index: r.index, source_id: r.sourceId, errors: r.errors })))],
        );
      }
      await client.query('commit');
      return id;
    } catch (err) {
      await client.query('rollback').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  return { insertBatch };
}

export type IngestRepository = ReturnType<typeof createIngestRepository>;
