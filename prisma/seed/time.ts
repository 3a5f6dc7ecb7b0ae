/**
 * Time helpers for the generator. Instants are epoch milliseconds; they are
 * written as ISO 8601 with the +08:00 offset (Asia/Shanghai, no DST), and
 * calendar dates as the China-local 'YYYY-MM-DD'.
 */
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
const OFFSET = 8 * HOUR;

/** '2026-11-22T13:05:00.000+08:00' */
export function ts(ms: number): string {
  return new Date(ms + OFFSET).toISOString().slice(0, 23) + '+08:00';
}

/** China-local calendar date 'YYYY-MM-DD'. */
export function isoDay(ms: number): string {
  return new Date(ms + OFFSET).toISOString().slice(0, 10);
}

/** Epoch ms of China-local midnight starting the day that contains `ms`. */
export function startOfDay(ms: number): number {
  return Math.floor((ms + OFFSET) / DAY) * DAY - OFFSET;
}

/** Epoch ms of China-local midnight of a 'YYYY-MM-DD'. */
export function dayStart(isoDate: string): number {
  return Date.parse(`${isoDate}T00:00:00+08:00`);
}

/** First day of the China-local month containing `ms`, as epoch ms. */
export function startOfMonth(ms: number): number {
  const d = new Date(ms + OFFSET);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) - OFFSET;
}

/** Adds calendar months in China-local time (day clamped to the month's end). */
export function addMonths(ms: number, months: number): number {
  const d = new Date(ms + OFFSET);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const day = Math.min(d.getUTCDate(), last);
  return Date.UTC(y, m, day, d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds()) - OFFSET;
}

/** China-local parts of an instant. */
export function localParts(ms: number): { year: number; month: number; day: number; hour: number; weekday: number } {
  const d = new Date(ms + OFFSET);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), weekday: d.getUTCDay() };
}

/** 'YYYYMMDD' of the China-local day. */
export function compactDay(ms: number): string {
  return isoDay(ms).replaceAll('-', '');
}

/** Whole years between a birth date and an instant. */
export function ageAt(birthDate: string, ms: number): number {
  const p = localParts(ms);
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  let age = p.year - y;
  if (p.month < m || (p.month === m && p.day < d)) age--;
  return age;
}
