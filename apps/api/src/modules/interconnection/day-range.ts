import { MAX_RANGE_DAYS, type DayRangeQuery } from '@rhip/contracts';
import { chinaDate, isIsoDate } from '@rhip/domain';
import { ValidationError } from '../../lib/errors';

export interface DayRange {
  from: string;
  to: string;
}

/** Days between two 'YYYY-MM-DD' (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** Every day from..to inclusive. */
export function eachDay(range: DayRange): string[] {
  const out: string[] = [];
  for (let d = range.from; d <= range.to; d = addDays(d, 1)) out.push(d);
  return out;
}

/**
 * The requested day range (China time) with defaults: `to` today, `from` 29
 * days before `to` (30 days). Refuses unreal dates, from > to and ranges
 * longer than MAX_RANGE_DAYS.
 */
export function resolveDayRange(q: DayRangeQuery, defaultDays = 30, now = new Date()): DayRange {
  const to = q.to ?? chinaDate(now);
  const from = q.from ?? addDays(to, -(defaultDays - 1));
  for (const [name, v] of [['from', from], ['to', to]] as const) {
    if (!isIsoDate(v)) throw new ValidationError(`${name} is not a real date`, [{ path: `querystring.${name}`, code: 'invalid_date', message: `${v} is not a real date` }]);
  }
  if (from > to) throw new ValidationError('from is after to', [{ path: 'querystring.from', code: 'range', message: 'from must not be after to' }]);
  if (daysBetween(from, to) + 1 > MAX_RANGE_DAYS) {
    throw new ValidationError(`A range spans at most ${MAX_RANGE_DAYS} days`, [{ path: 'querystring.from', code: 'range', message: `at most ${MAX_RANGE_DAYS} days` }]);
  }
  return { from, to };
}
