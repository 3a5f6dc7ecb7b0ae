/**
 * Tables for download: CSV (UTF-8 with BOM and CRLF, so Excel opens Chinese
 * text correctly) and XLSX (exceljs). Every KPI and report table goes
 * through here, so the console's "导出" buttons are one query parameter.
 */
import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';
import { toCsv } from '../../lib/csv';

export type Cell = string | number | null;

export interface ExportColumn {
  key: string;
  header: string;
  /** Column width in characters (XLSX). */
  width?: number;
  /** Excel number format for numeric cells, e.g. '0.00'. */
  numFmt?: string;
}

export interface ExportTable {
  /** File name without extension (may be Chinese). */
  fileName: string;
  sheetName: string;
  /** Lines above the header in the XLSX sheet (title, period, region, notes); not in the CSV. */
  caption?: string[];
  columns: ExportColumn[];
  rows: Record<string, Cell>[];
}

export function tableCsv(table: ExportTable): string {
  return toCsv(table.columns.map((c) => ({ header: c.header, value: (row: Record<string, Cell>) => row[c.key] ?? null })), table.rows);
}

export async function toXlsx(table: ExportTable): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'rhip';
  // Excel sheet names: at most 31 characters, none of : \ / ? * [ ].
  const ws = wb.addWorksheet(table.sheetName.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31) || 'Sheet1');
  for (const line of table.caption ?? []) ws.addRow([line]);
  if (table.caption?.length) ws.addRow([]);
  const header = ws.addRow(table.columns.map((c) => c.header));
  header.font = { bold: true };
  for (const row of table.rows) ws.addRow(table.columns.map((c) => row[c.key] ?? null));
  table.columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = c.width ?? Math.min(40, Math.max(8, c.header.length * 2 + 2));
    if (c.numFmt) col.numFmt = c.numFmt;
  });
  ws.views = [{ state: 'frozen', ySplit: header.number }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function disposition(fileName: string, ext: string): string {
  const ascii = `${fileName.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^_+|_+$/g, '') || 'export'}.${ext}`;
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(`${fileName}.${ext}`)}`;
}

/** Sends the table as CSV or XLSX (the route's JSON schema is bypassed for these bodies). */
export async function sendTable(reply: FastifyReply, table: ExportTable, format: 'csv' | 'xlsx'): Promise<FastifyReply> {
  if (format === 'csv') {
    return reply.type('text/csv; charset=utf-8').header('content-disposition', disposition(table.fileName, 'csv')).send(tableCsv(table));
  }
  return reply
    .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header('content-disposition', disposition(table.fileName, 'xlsx'))
    .send(await toXlsx(table));
}
