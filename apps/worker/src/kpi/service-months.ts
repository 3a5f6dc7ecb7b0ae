/**
 * Additive health-service indicators per institution and month, from the EMR
 * and resource tables (index ranges on institution × event time), then summed
 * to county, city and year rows:
 *   门急诊人次   encounters outpatient + emergency by visit time
 *   出院人数     inpatient encounters by discharge time
 *   平均住院日   Σ length of stay ÷ discharges (domain lengthOfStayDays)
 *   病床使用率   Σ occupied ÷ Σ open bed-days of the month's resource reports
 *   预防接种剂次 immunizations by administration time
 */
import { periodBounds, periodDays } from '@rhip/contracts';
import type { PgPoolClient } from '@rhip/db';
import { averageLengthOfStay, bedOccupancyRate, countIndicator } from '@rhip/domain';
import { countyOf, rollUpAdditive, rowOf, upsertRollups, type RollupRow, inSequence } from './rollup-store';

export const INSTITUTION_MONTH_CODES = [
  'HS.OUTPATIENT_EMERGENCY_VISITS',
  'HS.DISCHARGES',
  'HS.AVERAGE_LENGTH_OF_STAY',
  'HS.BED_OCCUPANCY',
  'HS.IMMUNIZATION_DOSES',
] as const;

/** Recomputes the institutions' rows of one month, then the month's and year's sums. */
export async function computeInstitutionMonth(client: PgPoolClient, month: string, institutionIds: readonly string[]): Promise<number> {
  const { start, end } = periodBounds(month);
  const { from } = periodDays(month);
  const institutions = await client.query<{ id: string; region_code: string }>(`select id::text, region_code from institutions where id = any($1::uuid[])`, [institutionIds]);
  const ids = institutions.rows.map((r) => r.id);
  if (!ids.length) return 0;
  const [visits, stays, beds, doses] = await inSequence([
    () => client.query<{ id: string; n: number }>(
      `select institution_id::text as id, count(*)::int as n from encounters
        where institution_id = any($1::uuid[]) and type in ('outpatient', 'emergency') and start_at >= $2 and start_at < $3 group by 1`,
      [ids, start, end],
    ),
    () => client.query<{ id: string; start_at: Date; end_at: Date }>(
      `select institution_id::text as id, start_at, end_at from encounters
        where institution_id = any($1::uuid[]) and type = 'inpatient' and end_at >= $2 and end_at < $3`,
      [ids, start, end],
    ),
    () => client.query<{ id: string; occupied: string; open: string }>(
      `select institution_id::text as id, coalesce(sum(occupied_bed_days), 0) as occupied, coalesce(sum(open_bed_days), 0) as open
         from resource_reports where institution_id = any($1::uuid[]) and period_start = $2::date group by 1`,
      [ids, from],
    ),
    () => client.query<{ id: string; n: number }>(
      `select institution_id::text as id, count(*)::int as n from immunizations
        where institution_id = any($1::uuid[]) and administered_at >= $2 and administered_at < $3 group by 1`,
      [ids, start, end],
    ),
  ]);
  const visitsBy = new Map(visits.rows.map((r) => [r.id, r.n]));
  const dosesBy = new Map(doses.rows.map((r) => [r.id, r.n]));
  const bedsBy = new Map(beds.rows.map((r) => [r.id, { occupiedBedDays: Number(r.occupied), openBedDays: Number(r.open) }]));
  const staysBy = new Map<string, { admittedAt: string; dischargedAt: string }[]>();
  for (const s of stays.rows) {
    const list = staysBy.get(s.id) ?? [];
    list.push({ admittedAt: s.start_at.toISOString(), dischargedAt: s.end_at.toISOString() });
    staysBy.set(s.id, list);
  }

  const rows: RollupRow[] = [];
  for (const inst of institutions.rows) {
    const region = countyOf(inst.region_code);
    const discharged = staysBy.get(inst.id) ?? [];
    rows.push(
      rowOf(countIndicator('HS.OUTPATIENT_EMERGENCY_VISITS', visitsBy.get(inst.id) ?? 0), region, inst.id, month),
      rowOf(countIndicator('HS.DISCHARGES', discharged.length), region, inst.id, month),
      rowOf(averageLengthOfStay(discharged), region, inst.id, month),
      rowOf(bedOccupancyRate(bedsBy.has(inst.id) ? [bedsBy.get(inst.id)!] : []), region, inst.id, month),
      rowOf(countIndicator('HS.IMMUNIZATION_DOSES', dosesBy.get(inst.id) ?? 0), region, inst.id, month),
    );
  }
  // An institution that moved county leaves no row behind under its old county.
  await client.query(
    `delete from kpi_rollups k using institutions i
      where k.institution_id = i.id::text and i.id = any($1::uuid[]) and k.indicator_code = any($2::text[])
        and left(k.period, 4) = $3 and k.region_code <> left(i.region_code, 6)`,
    [ids, INSTITUTION_MONTH_CODES, month.slice(0, 4)],
  );
  await upsertRollups(client, rows);
  await rollUpAdditive(client, { codes: INSTITUTION_MONTH_CODES, months: [month], institutionIds: ids });
  return rows.length;
}
