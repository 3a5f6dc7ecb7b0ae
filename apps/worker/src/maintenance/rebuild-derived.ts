/**
 * Rebuilds everything the worker derives on its own schedule, in one go and
 * in this process: monitoring rollups and interconnection statuses (every
 * day), volume anomalies, and every KPI rollup of every month that has data.
 * For a database whose history did not arrive through the pipeline (a seeded
 * region, a restore, a bulk migration load) or after a change to a formula.
 * Each step writes whole scopes in transactions of its own, so it is safe to
 * run beside a live worker.
 */
import type { Config } from '@rhip/config';
import { chinaMonthOf } from '@rhip/contracts';
import type { PgPool } from '@rhip/db';
import { detectAnomalies } from '../interconnection/anomalies';
import { refreshMonitoringRollups } from '../interconnection/monitoring-rollups';
import { refreshStatuses } from '../interconnection/status';
import { groupScopes, institutionIds, runGroup } from '../kpi/recompute';
import { scopeKey, scopesForPeriod, type KpiScope } from '../kpi/scopes';

export interface RebuildStep {
  step: string;
  rows: number;
  ms: number;
}

type AnomalyConfig = Pick<Config, 'ANOMALY_Z_THRESHOLD' | 'ANOMALY_BASELINE_DAYS' | 'ANOMALY_MIN_BASELINE_DAYS' | 'ANOMALY_LOOKBACK_DAYS' | 'ANOMALY_MIN_DEVIATION'>;

/** Months from the first day with received data to the current month (China time), oldest first. */
export async function monthsWithData(pg: PgPool, now: Date = new Date()): Promise<string[]> {
  const r = await pg.query<{ first: string | null }>(`select to_char(min(day), 'YYYY-MM') as first from ingest_daily_rollups`);
  const first = r.rows[0]?.first;
  if (!first) return [];
  const last = chinaMonthOf(now);
  const months: string[] = [];
  let [year, month] = first.split('-').map(Number) as [number, number];
  for (let m = first; m <= last; m = `${year}-${String(month).padStart(2, '0')}`) {
    months.push(m);
    month += 1;
    if (month > 12) {
      year += 1;
      month = 1;
    }
  }
  return months;
}

/** True when history exists but the KPI rollups were never computed (a fresh seed or restore). */
export async function derivedRollupsMissing(pg: PgPool): Promise<boolean> {
  const r = await pg.query<{ history: boolean; kpi: boolean }>(
    `select exists (select 1 from ingest_daily_rollups) as history, exists (select 1 from kpi_rollups) as kpi`,
  );
  return r.rows[0]?.history === true && r.rows[0]?.kpi === false;
}

export async function rebuildDerived(
  pg: PgPool,
  opts: { config: AnomalyConfig; now?: Date; onStep?: (s: RebuildStep) => void },
): Promise<RebuildStep[]> {
  const now = opts.now ?? new Date();
  const steps: RebuildStep[] = [];
  const record = (step: string, rows: number, started: number) => {
    const s = { step, rows, ms: Math.round(performance.now() - started) };
    steps.push(s);
    opts.onStep?.(s);
  };

  const client = await pg.connect();
  try {
    let t = performance.now();
    const rollups = await refreshMonitoringRollups(client, { full: true, now });
    record('monitoring rollups (every day)', rollups.rows, t);
    t = performance.now();
    const statuses = await refreshStatuses(client, { full: true, now });
    record('interconnection statuses', statuses.rows, t);
    t = performance.now();
    const c = opts.config;
    const anomalies = await detectAnomalies(client, {
      now, zThreshold: c.ANOMALY_Z_THRESHOLD, baselineDays: c.ANOMALY_BASELINE_DAYS, minBaselineDays: c.ANOMALY_MIN_BASELINE_DAYS,
      lookbackDays: c.ANOMALY_LOOKBACK_DAYS, minDeviation: c.ANOMALY_MIN_DEVIATION,
    });
    record('volume anomalies', anomalies.flagged, t);
  } finally {
    client.release();
  }

  const ids = await institutionIds(pg);
  const scopes = new Map<string, KpiScope>();
  for (const month of await monthsWithData(pg, now)) for (const s of scopesForPeriod(month, ids, now)) scopes.set(scopeKey(s), s);
  for (const group of groupScopes([...scopes.values()])) {
    const t = performance.now();
    record(`kpi ${group.label}`, await runGroup(pg, group, now), t);
  }
  return steps;
}
