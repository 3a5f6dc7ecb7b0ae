import type { Dataset } from '@rhip/contracts';
import type { ColumnSpec, TableSpec } from '../upsert';

/** What the pipeline knows about one record when it writes its row. */
export interface RowContext {
  institutionId: string;
  batchId: string;
  masterPersonId: string | null;
  version: number;
  sourceUpdatedAt: string | null;
  receivedAt: string;
  extra: Record<string, unknown> | null;
  /** Id of the parent row (e.g. the encounter of a lab report), when the data set has a parent. */
  parentId: string | null;
}

export interface ChildSpec {
  table: string;
  /** Column holding the parent row's id. */
  parentColumn: string;
  columns: ColumnSpec[];
  rows(record: Record<string, unknown>, ctx: RowContext): Record<string, unknown>[];
}

/** How a data set's records become rows: the table, its columns and children. */
export interface DatasetStore {
  dataset: Exclude<Dataset, 'persons'>;
  table: TableSpec;
  /** Records whose patient is linked to a master person (all but facility resources). */
  hasPatient: boolean;
  /** A parent record that must exist first (child-before-parent records are parked). */
  parent?: { dataset: Dataset; table: string; sourceIdField: string };
  row(record: Record<string, unknown>, ctx: RowContext): Record<string, unknown>;
  children?: ChildSpec[];
}

/** Columns every source-record table has (schema.prisma header). */
export const PROVENANCE_COLUMNS: ColumnSpec[] = [
  { name: 'institution_id', type: 'uuid' },
  { name: 'source_id', type: 'text' },
  { name: 'version', type: 'int' },
  { name: 'source_updated_at', type: 'timestamptz' },
  { name: 'batch_id', type: 'uuid' },
  { name: 'master_person_id', type: 'bigint' },
  { name: 'received_at', type: 'timestamptz' },
  { name: 'extra', type: 'jsonb' },
];

export function provenance(record: Record<string, unknown>, ctx: RowContext): Record<string, unknown> {
  return {
    institution_id: ctx.institutionId,
    source_id: record.sourceId,
    version: ctx.version,
    source_updated_at: ctx.sourceUpdatedAt,
    batch_id: ctx.batchId,
    master_person_id: ctx.masterPersonId,
    received_at: ctx.receivedAt,
    extra: ctx.extra,
  };
}

export function sourceTable(table: string, columns: ColumnSpec[]): TableSpec {
  return { table, columns: [...PROVENANCE_COLUMNS, ...columns], conflict: ['institution_id', 'source_id'], versionColumn: 'version' };
}

/** `null` for absent optional values (JSON null and undefined alike). */
export function opt<T>(v: T | null | undefined): T | null {
  return v === undefined ? null : v;
}
