/**
 * Where generated rows go. Generators only know `RowSink.add(table, row)`;
 * the COPY writer streams them to PostgreSQL, the memory sink keeps them for
 * tests. Rows are plain objects keyed by column name (snake_case, as in the
 * migrations), values already in their database text form (ISO timestamps,
 * 'YYYY-MM-DD' dates, JSON objects for jsonb).
 */
export type RowValue = string | number | boolean | bigint | null | undefined | object;
export type Row = Record<string, RowValue>;

export interface RowSink {
  add(table: string, row: Row): void;
}

/** Keeps every row, by table (tests and the small size's pure checks). */
export class MemorySink implements RowSink {
  readonly tables = new Map<string, Row[]>();

  add(table: string, row: Row): void {
    let rows = this.tables.get(table);
    if (!rows) {
      rows = [];
      this.tables.set(table, rows);
    }
    rows.push(row);
  }

  rows(table: string): Row[] {
    return this.tables.get(table) ?? [];
  }

  count(table: string): number {
    return this.rows(table).length;
  }
}

/** Counts rows per table and forgets them. */
export class CountingSink implements RowSink {
  readonly counts = new Map<string, number>();

  add(table: string): void {
    this.counts.set(table, (this.counts.get(table) ?? 0) + 1);
  }
}
