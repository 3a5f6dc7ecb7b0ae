/** Time logic (一致性): events not in the future, not before birth, in order. */
import { chinaDateOf } from '../../common/dates';

const MINUTE_MS = 60_000;

/** Milliseconds since the epoch of a date ('YYYY-MM-DD', taken as Beijing midnight) or ISO date-time. */
export function instantOf(value: string): number | null {
  const t = Date.parse(value.length === 10 ? `${value}T00:00:00+08:00` : value);
  return Number.isNaN(t) ? null : t;
}

/** True when `value` is later than `now` plus the tolerated clock skew. */
export function isInFuture(value: string, now: Date, skewMinutes = 10): boolean {
  const t = instantOf(value);
  if (t === null) return false;
  // A date-only value is in the future only from the next China day on.
  if (value.length === 10) return value > (chinaDateOf(now.toISOString()) ?? '');
  return t > now.getTime() + skewMinutes * MINUTE_MS;
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
