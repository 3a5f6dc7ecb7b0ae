/**
 * 高血压 / 2型糖尿病患者规范管理率 for a year: registered patients under
 * management in the year with ≥ 4 follow-ups in the year ÷ those registered
 * (domain isStandardisedManaged, as standardisedManagementRate counts them).
 * Month rows are year to date: patients registered by the end of the month,
 * follow-ups from 1 January to then.
 *
 * A patient belongs to the institution that registered them (and its
 * county); follow-ups count from any institution, matched by master person.
 * Counties and the city count each person once.
 */
import type { PgPoolClient } from '@rhip/db';
import { isStandardisedManaged, MIN_FOLLOWUPS_PER_YEAR, percent } from '@rhip/domain';
import { periodBounds } from '@rhip/contracts';
import { periodEnds } from './coverage';
import { cityOf, countyOf, deleteRollups, inSequence, isCityCode, upsertRollups, type RollupRow } from './rollup-store';

export const CHRONIC_CODES = {
  hypertension: 'HS.HTN_STANDARDISED_MANAGEMENT',
  t2dm: 'HS.T2DM_STANDARDISED_MANAGEMENT',
} as const;

interface Patient {
  registeredAt: number;
  /** The first follow-ups of the year (epoch ms, sorted), at most MIN_FOLLOWUPS_PER_YEAR. */
  visits: readonly number[];
}

const NONE: readonly number[] = [];

/** Number of sorted values strictly below `limit`. */
function countBelow(sorted: readonly number[], limit: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] ?? 0) < limit) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export async function computeChronic(client: PgPoolClient, year: number, now: Date = new Date()): Promise<number> {
  const ends = periodEnds(year, now);
  if (!ends.length) return 0;
  const { start, end } = periodBounds(String(year));
  const rows: RollupRow[] = [];

  for (const [disease, code] of Object.entries(CHRONIC_CODES) as [keyof typeof CHRONIC_CODES, string][]) {
    const [registrations, followups] = await inSequence([
      () => client.query<{ id: string; institution_id: string; region_code: string; person: string | null; registered_at: Date }>(
        `select r.id::text, r.institution_id::text, i.region_code, r.master_person_id::text as person, r.registered_at
           from chronic_registrations r join institutions i on i.id = r.institution_id
          where r.disease = $1 and r.registered_at < $3
            and ((r.closed_at is null and r.status <> 'closed') or r.closed_at >= $2)`,
        [disease, start, end],
      ),
      // Only the first MIN_FOLLOWUPS_PER_YEAR follow-ups of a person matter (managed or not): one short array per person.
      () => client.query<{ person: string; firsts: Date[] }>(
        `select master_person_id::text as person, (array_agg(followup_at order by followup_at))[1:$4] as firsts from chronic_followups
          where disease = $1 and followup_at >= $2 and followup_at < $3 and master_person_id is not null group by 1`,
        [disease, start, end, MIN_FOLLOWUPS_PER_YEAR],
      ),
    ]);
    const visits = new Map<string, number[]>(followups.rows.map((f) => [f.person, f.firsts.map((d) => d.getTime())]));

    // One patient per place: the registering institution, its county, its city (earliest registration wins).
    const groups = new Map<string, { region: string; institution: string; patients: Map<string, Patient> }>();
    const add = (region: string, institution: string, who: string, p: Patient) => {
      const key = `${region}|${institution}`;
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { region, institution, patients: new Map() }));
      const prev = g.patients.get(who);
      if (!prev || p.registeredAt < prev.registeredAt) g.patients.set(who, p);
    };
    for (const r of registrations.rows) {
      const who = r.person ?? `reg:${r.id}`;
      const county = countyOf(r.region_code);
      const p: Patient = { registeredAt: r.registered_at.getTime(), visits: (r.person && visits.get(r.person)) || NONE };
      add(county, r.institution_id, who, p);
      if (!isCityCode(county)) add(county, '', who, p);
      add(cityOf(county), '', who, p);
    }
    for (const g of groups.values()) {
      const patients = [...g.patients.values()];
      for (const e of ends) {
        const limit = e.at.getTime();
        let registered = 0;
        let managed = 0;
        for (const p of patients) {
          if (p.registeredAt >= limit) continue;
          registered += 1;
          // Follow-ups so far this year (the first few are enough to decide).
          if (isStandardisedManaged(countBelow(p.visits, limit))) managed += 1;
        }
        rows.push({ code, region: g.region, institution: g.institution, period: e.period, numerator: managed, denominator: registered, value: percent(managed, registered) });
      }
    }
  }
  await deleteRollups(client, { codes: Object.values(CHRONIC_CODES), periods: ends.map((e) => e.period) });
  await upsertRollups(client, rows);
  return rows.length;
}
