/**
 * Rollup scopes: the units the KPI worker recomputes from the core tables.
 *
 *   inst|<institutionId>|YYYY-MM  additive service indicators of one institution and month
 *                                 (visits, discharges, length of stay, bed occupancy, doses),
 *                                 then their county, city and year sums
 *   coverage|YYYY                 EHR coverage and family-doctor contract rate, every month of
 *                                 the year and the year, per county and city (distinct persons)
 *   chronic|YYYY                  hypertension / T2DM standardised management, every month
 *                                 (year to date) and the year, per institution, county and city
 *   nid|YYYY-MM                   notifiable-disease cases and deaths by final-review month
 *   plan|YYYY-MM                  plan indicators of the month and its year
 *
 * A finished batch names the scopes its records touch (from their event
 * times); the worker marks them dirty and recomputes each once per debounce.
 */
import type { Dataset } from '@rhip/contracts';
import { chinaMonthOf, chinaYearOf, isKpiYear, monthsOfYear, periodYear, previousMonth } from '@rhip/contracts';
import { chinaDateOf, normalizeDate, normalizeDateTime, normalizeMonth } from '@rhip/domain';

export type KpiScope =
  | { kind: 'inst'; institutionId: string; month: string }
  | { kind: 'coverage'; year: number }
  | { kind: 'chronic'; year: number }
  | { kind: 'nid'; month: string }
  | { kind: 'plan'; month: string };

export type ScopeKind = KpiScope['kind'];

/** How long a scope waits at least after its first mark, so a stream of batches is recomputed once, not per batch. */
export const DEBOUNCE_MS: Readonly<Record<ScopeKind, number>> = { inst: 500, nid: 500, plan: 2_000, coverage: 2_000, chronic: 2_000 };

/** Cumulative indicators follow an old record into later years; further back than this, use the recompute command. */
export const MAX_BACKFILL_YEARS = 5;

export function scopeKey(s: KpiScope): string {
  switch (s.kind) {
    case 'inst':
      return `inst|${s.institutionId}|${s.month}`;
    case 'coverage':
    case 'chronic':
      return `${s.kind}|${s.year}`;
    case 'nid':
    case 'plan':
      return `${s.kind}|${s.month}`;
  }
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function parseScopeKey(key: string): KpiScope | null {
  const [kind, a, b] = key.split('|');
  if (kind === 'inst' && a && UUID.test(a) && b && MONTH.test(b)) return { kind, institutionId: a, month: b };
  if ((kind === 'coverage' || kind === 'chronic') && a && /^\d{4}$/.test(a)) return { kind, year: Number(a) };
  if ((kind === 'nid' || kind === 'plan') && a && MONTH.test(a)) return { kind, month: a };
  return null;
}

/** 'YYYY-MM' (China time) of a date, date-time or month as institutions send them, or null. */
export function monthOfValue(value: unknown): string | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  const month = normalizeMonth(value).value;
  if (MONTH.test(month)) return month;
  const day = chinaDateOf(normalizeDateTime(value).value) ?? chinaDateOf(normalizeDate(value).value);
  return day ? day.slice(0, 7) : null;
}

function field(record: unknown, ...path: string[]): unknown {
  let v: unknown = record;
  for (const p of path) v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[p] : undefined;
  return v;
}

/** Years from the earliest month given up to the current year (bounded by MAX_BACKFILL_YEARS). */
function yearsFrom(months: Iterable<string>, currentYear: number): number[] {
  let first = currentYear + 1;
  for (const m of months) first = Math.min(first, Number(m.slice(0, 4)));
  const out: number[] = [];
  for (let y = Math.max(first, currentYear - MAX_BACKFILL_YEARS + 1); y <= currentYear; y++) out.push(y);
  return out;
}

/**
 * The scopes a batch touches, from the event times of its records (as sent:
 * rejected records only cause a harmless recompute). Every batch also marks
 * the plan scope of its receipt month (connected share, data-quality pass rate).
 */
export function scopesForBatch(
  batch: { institutionId: string; dataset: Dataset; receivedAt: Date },
  records: readonly unknown[],
  now: Date = new Date(),
): KpiScope[] {
  const current = chinaMonthOf(now);
  const currentYear = chinaYearOf(now);
  const months = new Set<string>();
  const add = (v: unknown) => {
    const m = monthOfValue(v);
    if (m && m <= current) months.add(m);
  };
  const scopes: KpiScope[] = [{ kind: 'plan', month: chinaMonthOf(batch.receivedAt) }];
  switch (batch.dataset) {
    case 'encounters':
    case 'immunizations':
    case 'facility-resources': {
      for (const r of records) {
        if (batch.dataset === 'encounters') {
          add(field(r, 'startAt'));
          add(field(r, 'endAt'));
        } else if (batch.dataset === 'immunizations') add(field(r, 'administeredAt'));
        else add(field(r, 'period'));
      }
      for (const month of months) scopes.push({ kind: 'inst', institutionId: batch.institutionId, month });
      break;
    }
    case 'disease-reports':
      for (const r of records) add(field(r, 'finalReviewAt'));
      for (const month of months) scopes.push({ kind: 'nid', month });
      break;
    case 'health-records':
    case 'contracts':
      for (const r of records) {
        add(field(r, 'establishedAt'));
        add(field(r, 'signedAt'));
        add(field(r, 'validFrom'));
      }
      for (const year of yearsFrom(months, currentYear)) scopes.push({ kind: 'coverage', year });
      break;
    case 'followups':
      for (const r of records) {
        add(field(r, 'followupAt'));
        add(field(r, 'registration', 'registeredAt'));
      }
      for (const year of yearsFrom(months, currentYear)) scopes.push({ kind: 'chronic', year });
      break;
    case 'persons':
      // Residence regions and vital status: the coverage denominators and the county of a person.
      scopes.push({ kind: 'coverage', year: currentYear });
      break;
    default:
      break;
  }
  return scopes;
}

/** Every scope of a period ('YYYY' or 'YYYY-MM'), for the given institutions. */
export function scopesForPeriod(period: string, institutionIds: readonly string[], now: Date = new Date()): KpiScope[] {
  const year = periodYear(period);
  const current = chinaMonthOf(now);
  const months = isKpiYear(period) ? monthsOfYear(year, current) : period <= current ? [period] : [];
  const scopes: KpiScope[] = [];
  for (const month of months) {
    for (const institutionId of institutionIds) scopes.push({ kind: 'inst', institutionId, month });
    scopes.push({ kind: 'nid', month }, { kind: 'plan', month });
  }
  if (months.length) scopes.push({ kind: 'coverage', year }, { kind: 'chronic', year });
  return scopes;
}

/**
 * What the worker recomputes on its own now and then: the current and the
 * previous month (late records, person merges, a Redis flush that lost marks).
 */
export function reconcileScopes(institutionIds: readonly string[], now: Date = new Date()): KpiScope[] {
  const current = chinaMonthOf(now);
  const previous = previousMonth(current);
  const byKey = new Map<string, KpiScope>();
  for (const s of [...scopesForPeriod(previous, institutionIds, now), ...scopesForPeriod(current, institutionIds, now)]) byKey.set(scopeKey(s), s);
  return [...byKey.values()];
}
