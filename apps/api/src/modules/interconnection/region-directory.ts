import type { PgPool } from '@rhip/db';
import { CITY_CODE, findRegion } from '@rhip/domain';

const TTL_MS = 5 * 60_000;

type RegionRow = { code: string; name: string; level: string; parent_code: string | null };

export interface RegionDirectory {
  name(code: string): Promise<string | null>;
  /** The city (first city-level region in the database, else the demo city). */
  city(): Promise<{ code: string; name: string | null }>;
  /** Counties of the city known to the database. */
  counties(): Promise<{ code: string; name: string }[]>;
}

/** Region names from the regions table (cached briefly), falling back to the domain's code table. */
export function createRegionDirectory(pg: PgPool): RegionDirectory {
  let cache: { at: number; rows: RegionRow[] } | null = null;
  async function rows(): Promise<RegionRow[]> {
    if (!cache || Date.now() - cache.at > TTL_MS) {
      const r = await pg.query<RegionRow>(`select code, name, level::text, parent_code from regions where level in ('city', 'county') order by code`);
      cache = { at: Date.now(), rows: r.rows };
    }
    return cache.rows;
  }
  async function name(code: string) {
    return (await rows()).find((r) => r.code === code)?.name ?? findRegion(code)?.name ?? null;
  }
  async function city() {
    const c = (await rows()).find((r) => r.level === 'city');
    return c ? { code: c.code, name: c.name } : { code: CITY_CODE, name: findRegion(CITY_CODE)?.name ?? null };
  }
  async function counties() {
    const c = await city();
    return (await rows()).filter((r) => r.level === 'county' && r.parent_code === c.code).map((r) => ({ code: r.code, name: r.name }));
  }
  return { name, city, counties };
}
