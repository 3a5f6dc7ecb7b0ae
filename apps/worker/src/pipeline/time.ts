/** The calendar day in China Standard Time (UTC+8, no daylight saving): rollups count by local day. */
export function receiptDay(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
