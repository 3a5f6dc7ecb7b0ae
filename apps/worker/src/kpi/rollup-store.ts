/**
 * Writes kpi_rollups (indicator × region × institution × period; institution
 * '' on region rows) and derives the sums of additive indicators: county and
 * city rows from institution rows, year rows from month rows.
 */
import type { PgPoolClient } from '@rhip/db';
import { indicatorByCode, percent, ratio, type IndicatorValue } from '@rhip/domain';

export interface RollupRow {
  code: string;
  region: string;
  /** '' for region rows. */
  institution: string;
  period: string;
  numerator: number;
  /** Null for counts (stored as 0). */
  denominator: number | null;
  value: number | null;
}

/** A 6-digit code of a prefecture-level city ends in 00 (GB/T 2260). */
export function isCityCode(code: string): boolean {
  return /^\d{4}00$/.test(code);
}

export function countyOf(regionCode: string): string {
  return regionCode.slice(0, 6);
}

export function cityOf(regionCode: string): string {
  return `${regionCode.slice(0, 4)}00`;
}

export function rowOf(v: IndicatorValue, region: string, institution: string, period: string): RollupRow {
  return { code: v.code, region, institution, period, numerator: v.numerator, denominator: v.denominator, value: v.value };
}

/**
 * The value of an indicator from summed parts, as the domain calculators
 * define it: percent for '%', numerator ÷ denominator for means (length of
 * stay), the count otherwise.
 */
export function valueFromParts(code: string, numerator: number, denominator: number | null): number | null {
  const ind = indicatorByCode(code);
  if (!ind) throw new Error(`unknown indicator ${code}`);
  if (ind.denominator === null) return numerator;
  if (ind.unit === '%') return percent(numerator, denominator ?? 0);
  return ratio(numerator, denominator ?? 0);
}

const round = (n: number | null, digits: number) => (n === null || !Number.isFinite(n) ? null : Number(n.toFixed(digits)));

/** Upserts rows; `keep` leaves existing rows untouched (snapshots of past periods). */
export async function upsertRollups(client: PgPoolClient, rows: readonly RollupRow[], mode: 'replace' | 'keep' = 'replace'): Promise<void> {
  if (!rows.length) return;
  const payload = rows.map((r) => ({
    c: r.code, r: r.region, i: r.institution, p: r.period,
    n: round(r.numerator, 4), d: round(r.denominator ?? 0, 4), v: round(r.value, 6),
  }));
  await client.query(
    `insert into kpi_rollups (indicator_code, region_code, institution_id, period, numerator, denominator, value, computed_at)
     select x.c, x.r, x.i, x.p, x.n, x.d, x.v, now()
       from jsonb_to_recordset($1::jsonb) as x(c text, r text, i text, p text, n numeric, d numeric, v numeric)
     on conflict (indicator_code, region_code, institution_id, period) do ${
       mode === 'keep'
         ? 'nothing'
         : 'update set numerator = excluded.numerator, denominator = excluded.denominator, value = excluded.value, computed_at = now()'
     }`,
    [JSON.stringify(payload)],
  );
}

/** Removes the rows of some indicators and periods (before rewriting them whole). */
export async function deleteRollups(client: PgPoolClient, where: { codes: readonly string[]; periods: readonly string[]; institutions?: 'only' | 'none' }): Promise<void> {
  const inst = where.institutions === 'only' ? `and institution_id <> ''` : where.institutions === 'none' ? `and institution_id = ''` : '';
  await client.query(`delete from kpi_rollups where indicator_code = any($1::text[]) and period = any($2::text[]) ${inst}`, [where.codes, where.periods]);
}

/**
 * Year rows of additive indicators for some institutions: the sum of their
 * month rows. Then county and city rows of the given periods: the sum of the
 * institution rows (an institution registered at a city code counts for the
 * city only). Serialised per call by an advisory lock so two replicas summing
 * the same periods cannot interleave.
 */
export async function rollUpAdditive(
  client: PgPoolClient,
  opts: { codes: readonly string[]; months: readonly string[]; institutionIds: readonly string[] },
): Promise<void> {
  const years = [...new Set(opts.months.map((m) => m.slice(0, 4)))];
  await client.query(`select pg_advisory_xact_lock(727100)`);
  if (opts.institutionIds.length && years.length) {
    const inst = await client.query<{ code: string; region: string; inst: string; year: string; n: string; d: string }>(
      `select indicator_code as code, region_code as region, institution_id as inst, left(period, 4) as year, sum(numerator) as n, sum(denominator) as d
         from kpi_rollups
        where indicator_code = any($1::text[]) and institution_id = any($2::text[]) and length(period) = 7 and left(period, 4) = any($3::text[])
        group by 1, 2, 3, 4`,
      [opts.codes, opts.institutionIds, years],
    );
    await upsertRollups(client, inst.rows.map((r) => sumRow(r.code, r.region, r.inst, r.year, r.n, r.d)));
  }
  const periods = [...opts.months, ...years];
  const sums = await client.query<{ code: string; region: string; period: string; n: string; d: string }>(
    `select indicator_code as code, r.region, period, sum(numerator) as n, sum(denominator) as d
       from kpi_rollups k
       cross join lateral (select k.region_code where k.region_code !~ '^[0-9]{4}00$' union all select left(k.region_code, 4) || '00') as r(region)
      where indicator_code = any($1::text[]) and period = any($2::text[]) and institution_id <> ''
      group by 1, 2, 3`,
    [opts.codes, periods],
  );
  await deleteRollups(client, { codes: opts.codes, periods, institutions: 'none' });
  await upsertRollups(client, sums.rows.map((r) => sumRow(r.code, r.region, '', r.period, r.n, r.d)));
}

function sumRow(code: string, region: string, institution: string, period: string, n: string, d: string): RollupRow {
  const ind = indicatorByCode(code);
  const numerator = Number(n);
  const denominator = ind?.denominator === null ? null : Number(d);
  return { code, region, institution, period, numerator, denominator, value: valueFromParts(code, numerator, denominator) };
}

/**
 * Runs queries one after the other on one client (a pg client runs one query
 * at a time; handing it several at once is deprecated) and returns their
 * results as a tuple, like Promise.all.
 */
export async function inSequence<const T extends readonly (() => Promise<unknown>)[]>(steps: T): Promise<{ -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> }> {
  const out: unknown[] = [];
  for (const step of steps) out.push(await step());
  return out as { -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> };
}
