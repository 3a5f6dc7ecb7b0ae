/** Time logic (一致性): events not in the future, not before birth, in order. */
import { chinaDate, chinaDateOf } from '../../common/dates';

const MINUTE_MS = 60_000;

/** Milliseconds since the epoch of a date ('YYYY-MM-DD', taken as Beijing midnight) or ISO date-time. */
export function instantOf(value: string): number | null {
  const t = Date.parse(value.length === 10 ? `${value}T00:00:00+08:00` : value);
  return Number.isNaN(t) ? null : t;
}

/**
 * True when `value` is later than `now` plus the tolerated clock skew. A
 * date-only value is in the future only from the next China day on; pass
 * `today` (China date of `now`) when checking many values.
 */
export function isInFuture(value: string, now: Date, skewMinutes = 10, today: string = chinaDate(now)): boolean {
  if (value.length === 10) return /^\d{4}-\d{2}-\d{2}$/.test(value) && value > today;
  const t = instantOf(value);
  return t !== null && t > now.getTime() + skewMinutes * MINUTE_MS;
}

/** True when `later` is strictly before `earlier` (both parseable); unknown order is not an error. */
export function isBefore(later: string, earlier: string): boolean {
  // Compare calendar dates when either side is date-only (time of day unknown).
  if (later.length === 10 || earlier.length === 10) {
    const a = chinaDateOf(later);
    const b = chinaDateOf(earlier);
    return a !== null && b !== null && a < b;
  }
  const a = instantOf(later);
  const b = instantOf(earlier);
  return a !== null && b !== null && a < b;
}
