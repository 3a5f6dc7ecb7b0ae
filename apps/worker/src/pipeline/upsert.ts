import type { PgPoolClient } from '@rhip/db';

/** A column of a source-record table and how its value is read from the stored row object. */
export interface ColumnSpec {
  name: string;
  /** PostgreSQL type used in jsonb_to_recordset(…) AS x(name type). */
  type: string;
}

export interface TableSpec {
  table: string;
  /** Columns written, excluding id. Must include the conflict key columns. */
  columns: ColumnSpec[];
  /** The record identity, e.g. ['institution_id', 'source_id']. */
  conflict: string[];
  /**
   * Version guard: an existing row is only replaced by a strictly newer
   * version. `null` for tables without versions (child rows).
   */
  versionColumn: string | null;
}

const IDENT = /^[a-z_][a-z0-9_]*$/;

function ident(name: string): string {
  if (!IDENT.test(name)) throw new Error(`unsafe identifier ${name}`);
  return name;
}

/**
 * Set-based upsert of many rows in one statement: the rows travel as one JSON
 * array parameter and are unpacked by jsonb_to_recordset, so a batch of 1,000
 * records is one round trip. Rows whose stored version is newer or equal are
 * left untouched and not returned — the caller sees exactly which rows were
 * inserted or updated (`inserted` tells which).
 */
export async function upsertRows<R extends Record<string, unknown>>(
  client: PgPoolClient,
  spec: TableSpec,
  rows: R[],
): Promise<{ id: string; key: string; inserted: boolean }[]> {
  if (rows.length === 0) return [];
  const cols = spec.columns.map((c) => ident(c.name));
  const recordset = spec.columns.map((c) => `${ident(c.name)} ${c.type}`).join(', ');
  const updates = cols.filter((c) => !spec.conflict.includes(c)).map((c) => `${c} = excluded.${c}`);
  const guard = spec.versionColumn ? `where ${ident(spec.table)}.${ident(spec.versionColumn)} < excluded.${ident(spec.versionColumn)}` : '';
  const keyExpr = spec.conflict.map((c) => `${ident(spec.table)}.${ident(c)}::text`).join(` || '|' || `);
  const sql = `
    insert into ${ident(spec.table)} (${cols.join(', ')})
    select ${cols.join(', ')} from jsonb_to_recordset($1::jsonb) as x(${recordset})
    on conflict (${spec.conflict.map(ident).join(', ')}) do update set ${updates.join(', ')} ${guard}
    returning id::text as id, ${keyExpr} as key, (xmax = 0) as inserted`;
  const res = await client.query<{ id: string; key: string; inserted: boolean }>(sql, [JSON.stringify(rows)]);
  return res.rows;
}

/** Plain set-based insert (child rows, findings, outcomes). */
export async function insertRows<R extends Record<string, unknown>>(client: PgPoolClient, table: string, columns: ColumnSpec[], rows: R[]): Promise<number> {
  if (rows.length === 0) return 0;
  const cols = columns.map((c) => ident(c.name));
  const recordset = columns.map((c) => `${ident(c.name)} ${c.type}`).join(', ');
  const res = await client.query(
    `insert into ${ident(table)} (${cols.join(', ')}) select ${cols.join(', ')} from jsonb_to_recordset($1::jsonb) as x(${recordset})`,
    [JSON.stringify(rows)],
  );
  return res.rowCount ?? 0;
}
