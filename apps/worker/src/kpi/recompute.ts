/**
 * Recomputes rollup scopes from the core tables, each group in a transaction
 * of its own (a failure leaves the previous rows in place). Institution ×
 * month scopes of one month are done together, one grouped query per table.
 */
import type { PgPool, PgPoolClient } from '@rhip/db';
import { computeChronic } from './chronic';
import { computeCoverage } from './coverage';
import { computeDiseaseMonth } from './diseases';
import { computePlan } from './plan';
import { scopeKey, type KpiScope, type ScopeKind } from './scopes';
import { computeInstitutionMonth } from './service-months';

export interface ScopeGroup {
  kind: ScopeKind;
  /** The scope keys the group stands for (all succeed or fail together). */
  keys: string[];
  label: string;
  run: (client: PgPoolClient, now: Date) => Promise<number>;
}

/** Groups scopes into units of work: institution scopes by month, the others one by one. */
export function groupScopes(scopes: readonly KpiScope[]): ScopeGroup[] {
  const instByMonth = new Map<string, { keys: string[]; ids: string[] }>();
  const groups: ScopeGroup[] = [];
  for (const s of scopes) {
    const key = scopeKey(s);
    switch (s.kind) {
      case 'inst': {
        const g = instByMonth.get(s.month) ?? { keys: [], ids: [] };
        g.keys.push(key);
        g.ids.push(s.institutionId);
        instByMonth.set(s.month, g);
        break;
      }
      case 'coverage':
        groups.push({ kind: s.kind, keys: [key], label: key, run: (c, now) => computeCoverage(c, s.year, now) });
        break;
      case 'chronic':
        groups.push({ kind: s.kind, keys: [key], label: key, run: (c, now) => computeChronic(c, s.year, now) });
        break;
      case 'nid':
        groups.push({ kind: s.kind, keys: [key], label: key, run: (c) => computeDiseaseMonth(c, s.month) });
        break;
      case 'plan':
        groups.push({ kind: s.kind, keys: [key], label: key, run: (c, now) => computePlan(c, s.month, now) });
        break;
    }
  }
  const inst = [...instByMonth].map(([month, g]): ScopeGroup => ({
    kind: 'inst',
    keys: g.keys,
    label: `inst|${g.ids.length} institutions|${month}`,
    run: (c) => computeInstitutionMonth(c, month, g.ids),
  }));
  // Institution months first: nothing else depends on them, and they are the cheapest.
  return [...inst, ...groups];
}

/** Runs one group in a transaction; returns rows written. */
export async function runGroup(pg: PgPool, group: ScopeGroup, now: Date = new Date()): Promise<number> {
  const client = await pg.connect();
  try {
    await client.query('begin');
    const n = await group.run(client, now);
    await client.query('commit');
    return n;
  } catch (err) {
    await client.query('rollback').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

/** Every institution (inactive ones may still have data in past periods). */
export async function institutionIds(pg: PgPool): Promise<string[]> {
  const r = await pg.query<{ id: string }>(`select id::text from institutions order by id`);
  return r.rows.map((x) => x.id);
}
