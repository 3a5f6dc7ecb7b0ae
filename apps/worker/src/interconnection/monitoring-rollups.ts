import type { PgPoolClient } from '@rhip/db';
import { addDays, chinaDay } from './days';

/** Days an incremental run rebuilds, ending today (arrivals, late batches and duplicate adjustments land here). */
export const RECENT_ROLLUP_DAYS = 3;

const DIMS = ['completeness', 'consistency', 'integration', 'timeliness', 'uniqueness'] as const;

/**
 * Rebuilds monitoring_daily_rollups for the days from `from` on (every day
 * when null): one wide row per institution × data set × day joining
 * ingest_daily_rollups and quality_daily_rollups, plus dataset '*' rows per
 * institution × day. Delete and insert in one transaction, so readers see
 * either the old or the new rows.
 */
export async function refreshMonitoringRollups(client: PgPoolClient, opts: { full?: boolean; now?: Date } = {}): Promise<{ from: string | null; rows: number }> {
  const from = opts.full ? null : addDays(chinaDay(opts.now ?? new Date()), -(RECENT_ROLLUP_DAYS - 1));
  const q = DIMS.flatMap((d) => [
    `sum(numerator) filter (where dimension = '${d}') as ${d}_num`,
    `sum(denominator) filter (where dimension = '${d}') as ${d}_den`,
  ]).join(', ');
  const sums = DIMS.flatMap((d) => [`coalesce(sum(q.${d}_num), 0)`, `coalesce(sum(q.${d}_den), 0)`]).join(', ');
  const cols = DIMS.flatMap((d) => [`${d}_num`, `${d}_den`]).join(', ');
  await client.query('begin');
  try {
    await client.query(`delete from monitoring_daily_rollups where ($1::date is null or day >= $1::date)`, [from]);
    const res = await client.query(
      `with i as (
         select institution_id, dataset, day, received, accepted, rejected, within_timeliness
           from ingest_daily_rollups where ($1::date is null or day >= $1::date)
       ),
       q as (
         select institution_id, dataset, day,
                sum(records) filter (where dimension = 'completeness') as records,
                sum(passed) filter (where dimension = 'completeness') as passed, ${q}
           from quality_daily_rollups where ($1::date is null or day >= $1::date)
          group by institution_id, dataset, day
       ),
       j as (
         select coalesce(i.institution_id, q.institution_id) as institution_id, coalesce(i.dataset, q.dataset) as dataset, coalesce(i.day, q.day) as day,
                i.received, i.accepted, i.rejected, i.within_timeliness, q.records, q.passed, ${DIMS.flatMap((d) => [`q.${d}_num`, `q.${d}_den`]).join(', ')}
           from i full join q on q.institution_id = i.institution_id and q.dataset = i.dataset and q.day = i.day
       )
       insert into monitoring_daily_rollups (institution_id, dataset, day, received, accepted, rejected, within_timeliness, records, passed, ${cols}, refreshed_at)
       select q.institution_id, coalesce(q.dataset, '*'), q.day,
              coalesce(sum(q.received), 0), coalesce(sum(q.accepted), 0), coalesce(sum(q.rejected), 0), coalesce(sum(q.within_timeliness), 0),
              coalesce(sum(q.records), 0), coalesce(sum(q.passed), 0), ${sums}, now()
         from j as q
        group by grouping sets ((q.institution_id, q.dataset, q.day), (q.institution_id, q.day))`,
      [from],
    );
    await client.query('commit');
    return { from, rows: res.rowCount ?? 0 };
  } catch (err) {
    await client.query('rollback').catch(() => undefined);
    throw err;
  }
}
