/**
 * KPI periods: 'YYYY' (a year) or 'YYYY-MM' (a month), in China time (UTC+8,
 * no daylight saving) like every rollup of the platform. Pure helpers shared
 * by the api (defaults, validation) and the worker (bounds of a period).
 */

const CHINA_OFFSET_MS = 8 * 3_600_000;

export const KPI_YEAR_PATTERN = /^\d{4}$/;
export const KPI_MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

export function isKpiMonth(period: string): boolean {
  return KPI_MONTH_PATTERN.test(period);
}

export function isKpiYear(period: string): boolean {
  return KPI_YEAR_PATTERN.test(period);
}

/** 'YYYY-MM' of an instant in China time. */
export function chinaMonthOf(at: Date = new Date()): string {
  return new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 7);
}

export function chinaYearOf(at: Date = new Date()): number {
  return Number(chinaMonthOf(at).slice(0, 4));
}

export function periodYear(period: string): number {
  return Number(period.slice(0, 4));
}

export function nextMonth(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

export function previousMonth(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** The months of a year in order, stopping at `upTo` ('YYYY-MM') when given. */
export function monthsOfYear(year: number, upTo?: string): string[] {
  const out: string[] = [];
  for (let m = 1; m <= 12; m++) {
    const month = `${year}-${String(m).padStart(2, '0')}`;
    if (upTo && month > upTo) break;
    out.push(month);
  }
  return out;
}

/** First and exclusive last calendar day of a period, 'YYYY-MM-DD' (for date columns). */
export function periodDays(period: string): { from: string; to: string } {
  if (isKpiYear(period)) return { from: `${period}-01-01`, to: `${Number(period) + 1}-01-01` };
  return { from: `${period}-01`, to: `${nextMonth(period)}-01` };
}

/** Start and exclusive end instants of a period in China time (ISO with +08:00, for timestamptz columns). */
export function periodBounds(period: string): { start: string; end: string } {
  const d = periodDays(period);
  return { start: `${d.from}T00:00:00+08:00`, end: `${d.to}T00:00:00+08:00` };
}

/** True while `at` falls inside the period. */
export function periodIsCurrent(period: string, at: Date = new Date()): boolean {
  const month = chinaMonthOf(at);
  return isKpiYear(period) ? month.startsWith(`${period}-`) : month === period;
}
