/**
 * Reads of kpi_rollups (kept by the KPI worker) and indicator_entries. Small
 * tables read through their keys: nothing here touches the EMR tables.
 */
import type { PgPool, PgPoolClient } from '@rhip/db';

export interface RollupRecord {
  code: string;
  region: string;
  /** '' for region rows. */
  institution: string;
  institutionName: string | null;
  period: string;
  numerator: number;
  denominator: number;
  value: number | null;
  computedAt: string;
}

export interface EntryRecord {
  id: string;
  code: string;
  region: string;
  institution: string | null;
  period: string;
  value: number;
  numerator: number | null;
  denominator: number | null;
  evidence: string;
  note: string | null;
  enteredBy: string;
  username: string | null;
  displayName: string | null;
  enteredAt: string;
}

/** Which rows of a region: its own, those of its counties, those of its institutions, or one institution's. */
export type RowSelector =
  | { kind: 'region'; region: string }
  | { kind: 'counties'; region: string }
  | { kind: 'institutions'; region: string }
  | { kind: 'institution'; institutionId: string };

const num = (v: string | null): number | null => (v === null ? null : Number(v));

interface Columns {
  region: string;
  none: string;
  some: string;
  is: (param: string) => string;
}

const ROLLUP_COLUMNS: Columns = { region: 'k.region_code', none: `k.institution_id = ''`, some: `k.institution_id <> ''`, is: (p) => `k.institution_id = ${p}` };
const ENTRY_SELECT: Columns = { region: 'e.region_code', none: 'e.institution_id is null', some: 'e.institution_id is not null', is: (p) => `e.institution_id = ${p}::uuid` };

function selectorSql(s: RowSelector, first: number, c: Columns): { sql: string; params: unknown[] } {
  const p = `$${first}`;
  if (s.kind === 'institution') return { sql: c.is(p), params: [s.institutionId] };
  const city = /^\d{4}00$/.test(s.region);
  const inRegion = city ? `left(${c.region}, 4) = left(${p}, 4)` : `${c.region} = ${p}`;
  switch (s.kind) {
    case 'region':
      return { sql: `${c.region} = ${p} and ${c.none}`, params: [s.region] };
    case 'counties':
      return { sql: `${inRegion} and ${c.region} !~ '^[0-9]{4}00$' and ${c.none}`, params: [s.region] };
    case 'institutions':
      return { sql: `${inRegion} and ${c.some}`, params: [s.region] };
  }
}

export function createKpiRepository(deps: { pg: PgPool }) {
  const { pg } = deps;

  async function rollups(codes: readonly string[], periods: readonly string[], selector: RowSelector): Promise<RollupRecord[]> {
    const where = selectorSql(selector, 3, ROLLUP_COLUMNS);
    const res = await pg.query<{ code: string; region: string; inst: string; inst_name: string | null; period: string; n: string; d: string; v: string | null; at: Date }>(
      `select k.indicator_code as code, k.region_code as region, k.institution_id as inst, i.name as inst_name, k.period,
              k.numerator as n, k.denominator as d, k.value as v, k.computed_at as at
         from kpi_rollups k left join institutions i on k.institution_id <> '' and i.id::text = k.institution_id
        where k.indicator_code = any($1::text[]) and k.period = any($2::text[]) and ${where.sql}`,
      [codes, periods, ...where.params],
    );
    return res.rows.map((r) => ({
      code: r.code, region: r.region, institution: r.inst, institutionName: r.inst_name, period: r.period,
      numerator: Number(r.n), denominator: Number(r.d), value: num(r.v), computedAt: r.at.toISOString(),
    }));
  }

  /** The entry in force (latest) per indicator, region, institution and period. */
  async function latestEntries(codes: readonly string[], periods: readonly string[], selector: RowSelector): Promise<EntryRecord[]> {
    const where = selectorSql(selector, 3, ENTRY_SELECT);
    const res = await pg.query<EntryRow>(
      `select distinct on (e.indicator_code, e.region_code, coalesce(e.institution_id::text, ''), e.period) ${ENTRY_COLUMNS}
         from indicator_entries e left join staff_users u on u.id = e.entered_by
        where e.indicator_code = any($1::text[]) and e.period = any($2::text[]) and ${where.sql}
        order by e.indicator_code, e.region_code, coalesce(e.institution_id::text, ''), e.period, e.entered_at desc, e.id desc`,
      [codes, periods, ...where.params],
    );
    return res.rows.map(toEntry);
  }

  /** Every entry of an indicator, newest first. */
  async function entryHistory(code: string, filter: { region?: string; period?: string; institutionId?: string }): Promise<EntryRecord[]> {
    const res = await pg.query<EntryRow>(
      `select ${ENTRY_COLUMNS} from indicator_entries e left join staff_users u on u.id = e.entered_by
        where e.indicator_code = $1 and ($2::text is null or e.region_code = $2) and ($3::text is null or e.period = $3)
          and ($4::uuid is null or e.institution_id = $4)
        order by e.entered_at desc, e.id desc limit 1000`,
      [code, filter.region ?? null, filter.period ?? null, filter.institutionId ?? null],
    );
    return res.rows.map(toEntry);
  }

  async function insertEntry(
    client: PgPoolClient,
    e: { code: string; region: string; institutionId: string | null; period: string; value: number; numerator: number | null; denominator: number | null; enteredBy: string; evidence: string; note: string | null },
  ): Promise<{ id: string; enteredAt: string }> {
    const res = await client.query<{ id: string; entered_at: Date }>(
      `insert into indicator_entries (indicator_code, region_code, institution_id, period, value, numerator, denominator, entered_by, evidence, note)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) returning id::text, entered_at`,
      [e.code, e.region, e.institutionId, e.period, e.value, e.numerator, e.denominator, e.enteredBy, e.evidence, e.note],
    );
    const row = res.rows[0]!;
    return { id: row.id, enteredAt: row.entered_at.toISOString() };
  }

  /** The entry in force before a new one (for the audit trail). */
  async function currentEntry(client: PgPoolClient, key: { code: string; region: string; institutionId: string | null; period: string }) {
    const res = await client.query<{ id: string; value: string }>(
      `select id::text, value from indicator_entries
        where indicator_code = $1 and region_code = $2 and institution_id is not distinct from $3::uuid and period = $4
        order by entered_at desc, id desc limit 1`,
      [key.code, key.region, key.institutionId, key.period],
    );
    const r = res.rows[0];
    return r ? { id: r.id, value: Number(r.value) } : null;
  }

  async function institution(id: string): Promise<{ id: string; name: string; regionCode: string } | null> {
    const res = await pg.query<{ id: string; name: string; region_code: string }>(`select id::text, name, region_code from institutions where id = $1`, [id]);
    const r = res.rows[0];
    return r ? { id: r.id, name: r.name, regionCode: r.region_code } : null;
  }

  async function lastComputedAt(): Promise<string | null> {
    const res = await pg.query<{ at: Date | null }>(`select max(computed_at) as at from kpi_rollups`);
    return res.rows[0]?.at?.toISOString() ?? null;
  }

  return { rollups, latestEntries, entryHistory, insertEntry, currentEntry, institution, lastComputedAt };
}

export type KpiRepository = ReturnType<typeof createKpiRepository>;

const ENTRY_COLUMNS = `e.id::text as id, e.indicator_code as code, e.region_code as region, e.institution_id::text as inst, e.period, e.value, e.numerator, e.denominator,
  e.evidence, e.note, e.entered_by::text as entered_by, u.username, u.display_name, e.entered_at`;

interface EntryRow {
  id: string;
  code: string;
  region: string;
  inst: string | null;
  period: string;
  value: string;
  numerator: string | null;
  denominator: string | null;
  evidence: string;
  note: string | null;
  entered_by: string;
  username: string | null;
  display_name: string | null;
  entered_at: Date;
}

function toEntry(r: EntryRow): EntryRecord {
  return {
    id: r.id, code: r.code, region: r.region, institution: r.inst, period: r.period, value: Number(r.value),
    numerator: num(r.numerator), denominator: num(r.denominator), evidence: r.evidence, note: r.note,
    enteredBy: r.entered_by, username: r.username, displayName: r.display_name, enteredAt: r.entered_at.toISOString(),
  };
}
