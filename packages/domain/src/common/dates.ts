/**
 * Calendar helpers shared by the identifier, cleansing and indicator rules.
 *
 * Dates are ISO calendar strings ('YYYY-MM-DD'); arithmetic is done in UTC so
 * that no host time zone can shift a day. "Today" is the calendar date in
 * China (UTC+8, no daylight saving), because every clinical date the platform
 * receives is a Beijing-time date.
 */

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/** True when year/month/day name a day that exists (29 Feb only in leap years). */
export function isRealDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** 'YYYYMMDD' → 'YYYY-MM-DD' when it is a real date, else null. */
export function compactToIsoDate(compact: string): string | null {
  if (!/^\d{8}$/.test(compact)) return null;
  const y = Number(compact.slice(0, 4));
  const m = Number(compact.slice(4, 6));
  const d = Number(compact.slice(6, 8));
  return isRealDate(y, m, d) ? `${compact.slice(0, 4)}-${compact.slice(4, 6)}-${compact.slice(6, 8)}` : null;
}

/** True for a well-formed, real 'YYYY-MM-DD'. */
export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return m !== null && isRealDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** The calendar date in China (UTC+8) at the given instant, as 'YYYY-MM-DD'. */
export function chinaDate(instant: Date = new Date()): string {
  return new Date(instant.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (both 'YYYY-MM-DD'); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** 'YYYY-MM' of a date or date-time string (its first seven characters). */
export function monthOf(isoDateOrDateTime: string): string {
  return isoDateOrDateTime.slice(0, 7);
}

/** Last calendar day of a 'YYYY-MM' month, as 'YYYY-MM-DD'. */
export function lastDayOfMonth(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return `${month}-${String(daysInMonth(y, m)).padStart(2, '0')}`;
}

/**
 * The China calendar date of an ISO 8601 date or date-time. A date-time with an
 * offset (or Z) is converted to UTC+8 first; one without is taken as Beijing
 * wall time. Returns null when the string is not ISO 8601.
 */
export function chinaDateOf(value: string): string | null {
  if (isIsoDate(value)) return value;
  const m = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(value);
  if (!m) return null;
  if (m[2] === undefined) return isIsoDate(m[1] ?? '') ? (m[1] ?? null) : null;
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : chinaDate(new Date(t));
}
