/**
 * Monthly tallies of notifiable-disease report cards (传染病报告卡) for the
 * bulletin (法定传染病疫情概况): one row per disease code, county and city,
 * counted by final-review month (终审日期, China time). A card is one case,
 * and one death when its outcome is death (domain tallyReportCards). The
 * county is the patient's current address, else the reporting institution's.
 *
 * Stored in kpi_rollups as indicator_code 'NID:<disease code>' with
 * numerator = cases and denominator = deaths ('NID:_unplaced' for cards the
 * pipeline could not classify); the API builds the bulletin rows from them.
 */
import { NID_ROLLUP_PREFIX, NID_ROLLUP_UNPLACED, periodBounds } from '@rhip/contracts';
import type { PgPoolClient } from '@rhip/db';
import { isCityCode } from './rollup-store';

export async function computeDiseaseMonth(client: PgPoolClient, month: string): Promise<number> {
  const { start, end } = periodBounds(month);
  const tallies = await client.query<{ county: string; code: string | null; cases: number; deaths: number }>(
    `select case when d.address_region_code ~ '^[0-9]{6}' then left(d.address_region_code, 6) else left(i.region_code, 6) end as county,
            d.disease_code as code, count(*)::int as cases, count(*) filter (where d.outcome = 'death')::int as deaths
       from disease_reports d join institutions i on i.id = d.institution_id
      where d.final_review_at >= $1 and d.final_review_at < $2
      group by 1, 2`,
    [start, end],
  );
  const sums = new Map<string, { code: string; region: string; cases: number; deaths: number }>();
  const add = (code: string, region: string, cases: number, deaths: number) => {
    const key = `${code}|${region}`;
    const s = sums.get(key) ?? { code, region, cases: 0, deaths: 0 };
    s.cases += cases;
    s.deaths += deaths;
    sums.set(key, s);
  };
  for (const t of tallies.rows) {
    const code = t.code ? `${NID_ROLLUP_PREFIX}${t.code}` : NID_ROLLUP_UNPLACED;
    if (!isCityCode(t.county)) add(code, t.county, t.cases, t.deaths);
    add(code, `${t.county.slice(0, 4)}00`, t.cases, t.deaths);
  }
  await client.query(`delete from kpi_rollups where period = $1 and indicator_code like 'NID:%'`, [month]);
  if (sums.size) {
    await client.query(
      `insert into kpi_rollups (indicator_code, region_code, institution_id, period, numerator, denominator, value, computed_at)
       select x.code, x.region, '', $1, x.cases, x.deaths, null, now()
         from jsonb_to_recordset($2::jsonb) as x(code text, region text, cases int, deaths int)`,
      [month, JSON.stringify([...sums.values()])],
    );
  }
  return sums.size;
}
