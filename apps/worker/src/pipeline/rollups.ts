import type { PgPoolClient } from '@rhip/db';
import { addDelay, emptyHistogram, histogramQuantile, mergeHistograms, type CheckedRecord } from '@rhip/domain';
import { receiptDay } from './time';

/** Agreed delay from clinical event to arrival for timeliness (及时性), when the institution has none configured. */
const DEFAULT_TIMELINESS_SECONDS = 24 * 3600;

/**
 * Keeps ingest_daily_rollups (institution × data set × receipt day) current
 * inside the batch transaction: counts, timeliness and the delay histogram
 * with its p50/p90. The row is locked while merged, so concurrent batches of
 * the same institution and day add up instead of overwriting each other.
 */
export async function updateIngestRollups(client: PgPoolClient, batch: { institutionId: string; dataset: string; receivedAt: Date }, checked: CheckedRecord[]): Promise<void> {
  const day = receiptDay(batch.receivedAt);
  const cfg = await client.query<{ timeliness_hours: number }>(
    `select timeliness_hours from institution_datasets where institution_id = $1 and dataset = $2`,
    [batch.institutionId, batch.dataset],
  );
  const limit = cfg.rows[0] ? cfg.rows[0].timeliness_hours * 3600 : DEFAULT_TIMELINESS_SECONDS;
  const histogram = emptyHistogram();
  let within = 0;
  let rejected = 0;
  for (const c of checked) {
    if (c.rejected) rejected += 1;
    if (c.delaySeconds !== null) {
      addDelay(histogram, Math.max(0, c.delaySeconds));
      if (c.delaySeconds <= limit) within += 1;
    }
  }
  // Make sure the row exists, then lock and merge.
  await client.query(
    `insert into ingest_daily_rollups (institution_id, dataset, day) values ($1, $2, $3::date) on conflict do nothing`,
    [batch.institutionId, batch.dataset, day],
  );
  const cur = await client.query<{ delay_histogram: number[] | null }>(
    `select delay_histogram from ingest_daily_rollups where institution_id = $1 and dataset = $2 and day = $3::date for update`,
    [batch.institutionId, batch.dataset, day],
  );
  const merged = mergeHistograms(cur.rows[0]?.delay_histogram, histogram);
  await client.query(
    `update ingest_daily_rollups set
        received = received + $4, accepted = accepted + $5, rejected = rejected + $6, within_timeliness = within_timeliness + $7,
        delay_histogram = $8::jsonb, delay_p50_seconds = $9, delay_p90_seconds = $10,
        last_received_at = greatest(last_received_at, $11::timestamptz), updated_at = now()
      where institution_id = $1 and dataset = $2 and day = $3::date`,
    [batch.institutionId, batch.dataset, day, checked.length, checked.length - rejected, rejected, within, JSON.stringify(merged),
      histogramQuantile(merged, 0.5), histogramQuantile(merged, 0.9), batch.receivedAt.toISOString()],
  );
}
