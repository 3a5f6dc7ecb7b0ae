import type { PgPoolClient } from '@rhip/db';
import { addDays, chinaDay, daysBetween } from './days';

/**
 * Volume anomalies: a day's received count against the institution's own
 * recent baseline, with the modified z-score of Iglewicz and Hoaglin
 * (robust to the outliers it looks for, as DHIS2 does for outliers):
 *
 *   z = 0.6745 × (x − median) / MAD,   MAD = median(|xᵢ − median|)
 *
 * When more than half the baseline is the same count, MAD is 0; then the
 * mean absolute deviation stands in (z = (x − median) / (1.253314 × MeanAD)),
 * and when that is 0 too (a perfectly flat baseline) the Poisson spread of a
 * count, √median, does (at least 1).
 */
export interface RobustScore {
  median: number;
  mad: number;
  z: number;
}

export function median(values: readonly number[]): number {
  if (!values.length) return Number.NaN;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

export function modifiedZScore(x: number, baseline: readonly number[]): RobustScore {
  const med = median(baseline);
  const deviations = baseline.map((v) => Math.abs(v - med));
  const mad = median(deviations);
  let z: number;
  if (mad > 0) z = (0.6745 * (x - med)) / mad;
  else {
    const meanAd = deviations.reduce((s, d) => s + d, 0) / deviations.length;
    const scale = meanAd > 0 ? 1.253314 * meanAd : Math.max(1, Math.sqrt(med));
    z = (x - med) / scale;
  }
  return { median: med, mad, z };
}

export interface AnomalyOptions {
  /** |z| at or above which a day is flagged. */
  zThreshold: number;
  /** Days before the judged day that form its baseline. */
  baselineDays: number;
  /** Fewest baseline days (counted from the first day the data set was seen) to judge a day. */
  minBaselineDays: number;
  /** Completed days judged on each run, ending yesterday. */
  lookbackDays: number;
  /** Smallest |x − median| worth flagging. */
  minDeviation: number;
}

export interface Anomaly {
  institutionId: string;
  dataset: string;
  day: string;
  count: number;
  baselineMedian: number;
  baselineMad: number;
  zScore: number;
  direction: 'drop' | 'spike';
}

/**
 * Judges one data set's daily series (missing days count 0, from its first
 * day on) for the days `from`..`to`.
 */
export function judgeSeries(
  series: ReadonlyMap<string, number>,
  firstDay: string,
  from: string,
  to: string,
  opts: AnomalyOptions,
): Omit<Anomaly, 'institutionId' | 'dataset'>[] {
  const out: Omit<Anomaly, 'institutionId' | 'dataset'>[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) {
    if (day < firstDay) continue;
    const start = addDays(day, -opts.baselineDays) < firstDay ? firstDay : addDays(day, -opts.baselineDays);
    const n = daysBetween(start, day);
    if (n < opts.minBaselineDays) continue;
    const baseline: number[] = [];
    for (let d = start; d < day; d = addDays(d, 1)) baseline.push(series.get(d) ?? 0);
    const x = series.get(day) ?? 0;
    const s = modifiedZScore(x, baseline);
    if (Math.abs(s.z) >= opts.zThreshold && Math.abs(x - s.median) >= opts.minDeviation) {
      out.push({ day, count: x, baselineMedian: s.median, baselineMad: s.mad, zScore: Math.round(s.z * 1000) / 1000, direction: x < s.median ? 'drop' : 'spike' });
    }
  }
  return out;
}

/**
 * Judges the last `lookbackDays` completed days (China time) of every data
 * set an active institution sends at a daily or faster cadence, and keeps
 * volume_anomalies in step: flagged days upserted (first detection time
 * kept), days no longer anomalous (late data arrived) removed.
 */
export async function detectAnomalies(client: PgPoolClient, opts: AnomalyOptions & { now?: Date }): Promise<{ judged: number; flagged: number }> {
  const today = chinaDay(opts.now ?? new Date());
  const to = addDays(today, -1);
  const from = addDays(today, -opts.lookbackDays);
  const windowStart = addDays(from, -opts.baselineDays);
  const rows = await client.query<{ institution_id: string; dataset: string; day: string; received: number }>(
    `select r.institution_id, r.dataset, r.day::text as day, r.received
       from ingest_daily_rollups r
       join institutions i on i.id = r.institution_id and i.active
       left join institution_datasets d on d.institution_id = r.institution_id and d.dataset = r.dataset
      where r.day between $1::date and $2::date and coalesce(d.cadence_hours, 24) <= 24
      order by r.institution_id, r.dataset, r.day`,
    [windowStart, to],
  );
  const series = new Map<string, { institutionId: string; dataset: string; counts: Map<string, number>; first: string }>();
  for (const r of rows.rows) {
    const k = `${r.institution_id}|${r.dataset}`;
    let s = series.get(k);
    if (!s) series.set(k, (s = { institutionId: r.institution_id, dataset: r.dataset, counts: new Map(), first: r.day }));
    s.counts.set(r.day, r.received);
  }
  const flagged: Anomaly[] = [];
  for (const s of series.values()) {
    for (const a of judgeSeries(s.counts, s.first, from, to, opts)) flagged.push({ institutionId: s.institutionId, dataset: s.dataset, ...a });
  }
  const json = JSON.stringify(flagged.map((a) => ({ institution_id: a.institutionId, dataset: a.dataset, day: a.day, count: a.count, baseline_median: a.baselineMedian, baseline_mad: a.baselineMad, z_score: a.zScore, direction: a.direction })));
  await client.query('begin');
  try {
    await client.query(
      `insert into volume_anomalies (institution_id, dataset, day, count, baseline_median, baseline_mad, z_score, direction)
       select x.institution_id, x.dataset, x.day, x.count, x.baseline_median, x.baseline_mad, x.z_score, x.direction
         from jsonb_to_recordset($1::jsonb) as x(institution_id uuid, dataset text, day date, count int, baseline_median float8, baseline_mad float8, z_score float8, direction text)
       on conflict (institution_id, dataset, day) do update set
         count = excluded.count, baseline_median = excluded.baseline_median, baseline_mad = excluded.baseline_mad,
         z_score = excluded.z_score, direction = excluded.direction`,
      [json],
    );
    await client.query(
      `delete from volume_anomalies v
        where v.day between $2::date and $3::date
          and not exists (select 1 from jsonb_to_recordset($1::jsonb) as x(institution_id uuid, dataset text, day date)
                           where x.institution_id = v.institution_id and x.dataset = v.dataset and x.day = v.day)`,
      [json, from, to],
    );
    await client.query('commit');
  } catch (err) {
    await client.query('rollback').catch(() => undefined);
    throw err;
  }
  return { judged: series.size, flagged: flagged.length };
}
