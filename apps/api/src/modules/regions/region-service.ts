import type { Region, RegionSummary } from '@rhip/contracts';
import type { PgPool, PrismaClient } from '@rhip/db';
import { NotFoundError } from '../../lib/errors';

const SUMMARY_TTL_MS = 30_000;

export function createRegionService(deps: { db: PrismaClient; pg: PgPool }) {
  const { db, pg } = deps;
  let cached: { at: number; value: RegionSummary } | null = null;

  async function list(): Promise<Region[]> {
    const rows = await db.region.findMany({ orderBy: { code: 'asc' } });
    return rows.map((r) => ({ code: r.code, name: r.name, level: r.level, parentCode: r.parentCode }));
  }

  /**
   * Counts per county. Master persons are grouped by the county prefix of their
   * region code (they may carry a township code). Cached briefly: the overview
   * is read far more often than residents are added.
   */
  async function summary(): Promise<RegionSummary> {
    if (cached && Date.now() - cached.at < SUMMARY_TTL_MS) return cached.value;
    const city = await db.region.findFirst({ where: { level: 'city' }, orderBy: { code: 'asc' } });
    if (!city) throw new NotFoundError('Region (no city configured: run the seed)');
    const counties = await db.region.findMany({ where: { level: 'county', parentCode: city.code }, orderBy: { code: 'asc' } });
    const [inst, persons, totals] = await Promise.all([
      pg.query<{ region_code: string; total: string; public: string }>(
        `select region_code, count(*) as total, count(*) filter (where ownership = 'public') as public
           from institutions where active group by region_code`,
      ),
      pg.query<{ county: string; n: string }>(
        `select left(region_code, 6) as county, count(*) as n from master_persons
          where merged_into_id is null and region_code is not null group by 1`,
      ),
      pg.query<{ persons: string; health_records: string; encounters: string }>(
        `select (select count(*) from master_persons where merged_into_id is null) as persons,
                (select count(*) from health_records) as health_records,
                (select count(*) from encounters) as encounters`,
      ),
    ]);
    const instBy = new Map(inst.rows.map((r) => [r.region_code, r]));
    const personsBy = new Map(persons.rows.map((r) => [r.county, Number(r.n)]));
    const t = totals.rows[0];
    const value: RegionSummary = {
      city: { code: city.code, name: city.name, level: city.level, parentCode: city.parentCode },
      counties: counties.map((c) => ({
        code: c.code,
        name: c.name,
        level: c.level,
        parentCode: c.parentCode,
        institutions: Number(instBy.get(c.code)?.total ?? 0),
        publicInstitutions: Number(instBy.get(c.code)?.public ?? 0),
        masterPersons: personsBy.get(c.code) ?? 0,
      })),
      totals: {
        institutions: inst.rows.reduce((s, r) => s + Number(r.total), 0),
        publicInstitutions: inst.rows.reduce((s, r) => s + Number(r.public), 0),
        masterPersons: Number(t?.persons ?? 0),
        healthRecords: Number(t?.health_records ?? 0),
        encounters: Number(t?.encounters ?? 0),
      },
    };
    cached = { at: Date.now(), value };
    return value;
  }

  return { list, summary };
}
