import { receiptDay } from '../pipeline/time';

/** The calendar day (Asia/Shanghai) of an instant, as rollups count it. */
export const chinaDay = receiptDay;

/** 'YYYY-MM-DD' plus n days. */
export function addDays(day: string, n: number): string {
  const t = Date.parse(`${day}T00:00:00Z`) + n * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** Days from a to b ('YYYY-MM-DD'), b − a. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}
