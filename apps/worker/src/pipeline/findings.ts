import type { PgPoolClient } from '@rhip/db';
import type { CheckedRecord } from '@rhip/domain';
import { receiptDay } from './time';

/**
 * One quality finding per issue of every record (errors of rejected records
 * and warnings of accepted ones), dated by the day the batch arrived — the
 * same day the scores are rolled up under.
 */
export async function recordFindings(client: PgPoolClient, batch: { id: string; institutionId: string; dataset: string; receivedAt: Date }, checked: CheckedRecord[]): Promise<number> {
  const day = receiptDay(batch.receivedAt);
  const rows = checked.flatMap((c, index) =>
    c.issues.map((i) => ({ source_id: c.sourceId, record_index: index, rule_code: i.code, dimension: i.dimension, severity: i.severity, path: i.path.slice(0, 200) })),
  );
  if (!rows.length) return 0;
  await client.query(
    `insert into quality_findings (institution_id, dataset, source_id, batch_id, record_index, rule_code, dimension, severity, path, day)
     select $1, $2, x.source_id, $3, x.record_index, x.rule_code, x.dimension, x.severity, x.path, $4::date
       from jsonb_to_recordset($5::jsonb) as x(source_id text, record_index int, rule_code text, dimension quality_dimension, severity severity, path text)`,
    [batch.institutionId, batch.dataset, batch.id, day, JSON.stringify(rows)],
  );
  return rows.length;
}
