/** Arrival delay (及时性) and the legal reporting limits for notifiable diseases. */
import type { DiseaseClass } from '../../diseases/disease';

const HOUR_MS = 3_600_000;

/** Default agreed delay from clinical event to arrival (STANDARDS.md). */
export const DEFAULT_TIMELINESS_HOURS = 24;

/** Hours between event and arrival, or null when either is not a date-time. */
export function delayHours(eventAt: string, receivedAt: string | Date): number | null {
  const e = Date.parse(eventAt.length === 10 ? `${eventAt}T00:00:00+08:00` : eventAt);
  const r = typeof receivedAt === 'string' ? Date.parse(receivedAt) : receivedAt.getTime();
  if (Number.isNaN(e) || Number.isNaN(r)) return null;
  return (r - e) / HOUR_MS;
}

/**
 * On time when received within `hours` after the event. A date-only event counts
 * from the end of that day (the time of day is unknown), so a visit dated
 * 1 May received on 2 May is on time under 24 h.
 */
export function isOnTime(eventAt: string, receivedAt: string | Date, hours = DEFAULT_TIMELINESS_HOURS): boolean | null {
  const d = delayHours(eventAt, receivedAt);
  if (d === null) return null;
  return d <= hours + (eventAt.length === 10 ? 24 : 0);
}

/**
 * 传染病信息报告管理规范: 甲类 (and diseases managed as 甲类) within 2 hours of
 * diagnosis, 乙类 and 丙类 within 24 hours.
 */
export function diseaseReportLimitHours(diseaseClass: DiseaseClass, managedAsClassA = false): number {
  return diseaseClass === 'A' || managedAsClassA ? 2 : 24;
}
