/**
 * Coverage of the resident population, per county and city, as of the end of
 * each month of a year (or now, for the current month) and of the year:
 *
 *   建档率   distinct master persons with an active health record established
 *            by then ÷ resident population
 *   签约率   distinct master persons with an active family-doctor contract
 *            signed by then and valid on that day ÷ resident population
 *
 * A record counts for the county that keeps it (its region code, else the
 * person's residence, else the institution's county); a person counts once
 * in the city. The population is region_populations (the year's figure, else
 * the latest earlier one), else the living master persons resident there.
 */
import { chinaMonthOf, monthsOfYear, periodBounds } from '@rhip/contracts';
import type { PgPoolClient } from '@rhip/db';
import { chinaDate, coverageRate } from '@rhip/domain';
import { cityOf, deleteRollups, isCityCode, rowOf, upsertRollups, type RollupRow, inSequence } from './rollup-store';

export const COVERAGE_CODES = ['HS.EHR_COVERAGE', 'HS.FAMILY_DOCTOR_CONTRACT_RATE'] as const;

interface PeriodEnd {
  period: string;
  /** Exclusive end instant (the period's end, or now). */
  at: Date;
  /** The last day it covers, China time. */
  day: string;
  /** The last month it covers. */
  month: string;
}

export function periodEnds(year: number, now: Date): PeriodEnd[] {
  const current = chinaMonthOf(now);
  const months = monthsOfYear(year, current);
  const end = (p: string): PeriodEnd => {
    const at = new Date(Math.min(Date.parse(periodBounds(p).end), now.getTime()));
    const last = new Date(at.getTime() - 1);
    return { period: p, at, day: chinaDate(last), month: chinaMonthOf(last) };
  };
  return months.length ? [...months.map(end), end(String(year))] : [];
}

export async function computeCoverage(client: PgPoolClient, year: number, now: Date = new Date()): Promise<number> {
  const ends = periodEnds(year, now);
  if (!ends.length) return 0;
  const maxEnd = new Date(Math.max(...ends.map((e) => e.at.getTime())));
  const firstDay = `${year}-01-01`;

  const [records, contracts, populations, residents] = await inSequence([
    // First establishment month per person, per county and per city.
    () => client.query<{ region: string; month: string; n: number }>(
      `with f as (
         -- The person's residence is looked up only for records without a region of their own.
         select left(coalesce(h.region_code, (select mp.region_code from master_persons mp where mp.id = h.master_person_id), i.region_code), 6) as county,
                h.master_person_id as p, min(h.established_at) as first_at
           from health_records h
           join institutions i on i.id = h.institution_id
          where h.master_person_id is not null and h.status = 'active' and h.established_at < $1
          group by 1, 2
       ), c as (
         select left(county, 4) || '00' as city, p, min(first_at) as first_at from f group by 1, 2
       )
       select county as region, to_char(first_at at time zone 'Asia/Shanghai', 'YYYY-MM') as month, count(*)::int as n
         from f where county !~ '^[0-9]{4}00$' group by 1, 2
       union all
       select city, to_char(first_at at time zone 'Asia/Shanghai', 'YYYY-MM'), count(*)::int from c group by 1, 2`,
      [maxEnd],
    ),
    // Contracts that may be valid at some period end, one row each (counted per person below).
    () => client.query<{ p: string; county: string; signed_at: Date; valid_from: string | null; valid_to: string | null }>(
      `select f.master_person_id::text as p, left(coalesce(mp.region_code, i.region_code), 6) as county, f.signed_at, f.valid_from, f.valid_to
         from family_doctor_contracts f
         join institutions i on i.id = f.institution_id
         left join master_persons mp on mp.id = f.master_person_id
        where f.master_person_id is not null and f.status = 'active' and f.signed_at < $1 and (f.valid_to is null or f.valid_to >= $2::date)`,
      [maxEnd, firstDay],
    ),
    () => client.query<{ region_code: string; population: number }>(
      `select distinct on (region_code) region_code, population from region_populations
        where year <= $1 and region_code ~ '^[0-9]{6}$' order by region_code, year desc`,
      [year],
    ),
    () => client.query<{ county: string; n: number }>(
      `select left(region_code, 6) as county, count(*)::int as n from master_persons
        where merged_into_id is null and region_code ~ '^[0-9]{6}' and vital_status <> 'deceased' group by 1`,
    ),
  ]);

  // Regions: every county seen in the data or the population table, and their cities.
  const counties = new Set<string>();
  for (const r of records.rows) if (!isCityCode(r.region)) counties.add(r.region);
  for (const r of contracts.rows) if (!isCityCode(r.county)) counties.add(r.county);
  for (const r of populations.rows) if (!isCityCode(r.region_code)) counties.add(r.region_code);
  for (const r of residents.rows) if (!isCityCode(r.county)) counties.add(r.county);
  const cities = new Set<string>([...counties].map(cityOf));
  for (const r of populations.rows) if (isCityCode(r.region_code)) cities.add(r.region_code);
  for (const r of records.rows) if (isCityCode(r.region)) cities.add(r.region);

  const popTable = new Map(populations.rows.map((r) => [r.region_code, r.population]));
  const residentsBy = new Map(residents.rows.map((r) => [r.county, r.n]));
  const population = new Map<string, number>();
  for (const c of counties) population.set(c, popTable.get(c) ?? residentsBy.get(c) ?? 0);
  for (const city of cities) {
    let sum = 0;
    for (const c of counties) if (cityOf(c) === city) sum += population.get(c) ?? 0;
    population.set(city, popTable.get(city) ?? sum);
  }

  // EHR: cumulative first-establishment counts by month.
  const firsts = new Map<string, { month: string; n: number }[]>();
  for (const r of records.rows) {
    const list = firsts.get(r.region) ?? [];
    list.push({ month: r.month, n: r.n });
    firsts.set(r.region, list);
  }
  // Contracts: per person and region, a bit per period end at which one of their contracts is valid
  // (signed by then, valid on that day); then persons per region and period. Linear in contracts.
  const endAt = ends.map((e) => e.at.getTime());
  const masks = new Map<string, Map<string, number>>();
  const mark = (region: string, person: string, mask: number) => {
    let m = masks.get(region);
    if (!m) masks.set(region, (m = new Map()));
    m.set(person, (m.get(person) ?? 0) | mask);
  };
  for (const c of contracts.rows) {
    const signed = c.signed_at.getTime();
    let mask = 0;
    for (let k = 0; k < ends.length; k++) {
      const day = ends[k]!.day;
      if (signed < endAt[k]! && (c.valid_from === null || c.valid_from <= day) && (c.valid_to === null || c.valid_to >= day)) mask |= 1 << k;
    }
    if (!mask) continue;
    if (!isCityCode(c.county)) mark(c.county, c.p, mask);
    mark(cityOf(c.county), c.p, mask);
  }
  const contractBy = new Map<string, number>();
  for (const [region, persons] of masks) {
    const counts = new Array<number>(ends.length).fill(0);
    for (const mask of persons.values()) for (let k = 0; k < ends.length; k++) if (mask & (1 << k)) counts[k]! += 1;
    ends.forEach((e, k) => contractBy.set(`${region}|${e.period}`, counts[k]!));
  }

  const rows: RollupRow[] = [];
  for (const region of [...counties, ...cities]) {
    const pop = population.get(region) ?? 0;
    for (const e of ends) {
      const covered = (firsts.get(region) ?? []).reduce((s, f) => (f.month <= e.month ? s + f.n : s), 0);
      rows.push(rowOf(coverageRate('HS.EHR_COVERAGE', covered, pop), region, '', e.period));
      rows.push(rowOf(coverageRate('HS.FAMILY_DOCTOR_CONTRACT_RATE', contractBy.get(`${region}|${e.period}`) ?? 0, pop), region, '', e.period));
    }
  }
  await deleteRollups(client, { codes: COVERAGE_CODES, periods: ends.map((e) => e.period) });
  await upsertRollups(client, rows);
  return rows.length;
}
