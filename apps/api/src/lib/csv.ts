import type { FastifyReply } from 'fastify';

/** A CSV column: header text and how to read the cell from a row. */
export interface CsvColumn<T> {
  header: string;
  value: (row: T) => unknown;
}

/** Rows a CSV export answers at most (exports are not paged). */
export const CSV_MAX_ROWS = 100_000;

/**
 * One cell per RFC 4180. Text that a spreadsheet would run as a formula
 * (= + - @ at the start) gets a leading apostrophe (CSV injection); numbers
 * stay numbers.
 */
export function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  let s = typeof v === 'string' ? v : v instanceof Date ? v.toISOString() : JSON.stringify(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function toCsv<T>(columns: readonly CsvColumn<T>[], rows: readonly T[]): string {
  const lines = [columns.map((c) => csvCell(c.header)).join(',')];
  for (const r of rows) lines.push(columns.map((c) => csvCell(c.value(r))).join(','));
  // A BOM so spreadsheet programs read the Chinese text as UTF-8.
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Sends rows as a CSV attachment. */
export function sendCsv<T>(reply: FastifyReply, filename: string, columns: readonly CsvColumn<T>[], rows: readonly T[]) {
  return reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${filename.replace(/[^\w.-]/g, '_')}.csv"`)
    .send(toCsv(columns, rows));
}
