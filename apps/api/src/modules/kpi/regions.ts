/**
 * Regions as the KPI and report endpoints use them: the city (default) or a
 * county, limited to a county-scoped user's county, with display names from
 * the regions table (falling back to the demo city's code table).
 */
import type { FastifyRequest } from 'fastify';
import type { PgPool } from '@rhip/db';
import { CITY_CODE, findRegion } from '@rhip/domain';
import { scopeFilters } from '../../lib/scope';

const TTL_MS = 60_000;

export function isCityCode(code: string): boolean {
  return /^\d{4}00$/.test(code);
}

export function createRegionResolver(deps: { pg: PgPool }) {
  let cache: { at: number; city: string; names: Map<string, string> } | null = null;

  async function load() {
    if (cache && Date.now() - cache.at < TTL_MS) return cache;
    const rows = await deps.pg.query<{ code: string; name: string; level: string }>(`select code, name, level::text from regions where length(code) = 6`);
    const city = rows.rows.find((r) => r.level === 'city')?.code ?? CITY_CODE;
    cache = { at: Date.now(), city, names: new Map(rows.rows.map((r) => [r.code, r.name])) };
    return cache;
  }

  /**
   * The region a request reads or writes: the one asked for, else the user's
   * county, else the city. A county-scoped user may not reach outside it.
   */
  async function resolve(req: FastifyRequest, requested: string | undefined): Promise<string> {
    return scopeFilters(req, { regionCode: requested }).regionCode ?? (await load()).city;
  }

  async function name(code: string): Promise<string | null> {
    return (await load()).names.get(code) ?? findRegion(code)?.name ?? null;
  }

  async function names(codes: Iterable<string>): Promise<Map<string, string | null>> {
    const { names: table } = await load();
    const out = new Map<string, string | null>();
    for (const c of codes) out.set(c, table.get(c) ?? findRegion(c)?.name ?? null);
    return out;
  }

  return { resolve, name, names };
}

export type RegionResolver = ReturnType<typeof createRegionResolver>;
