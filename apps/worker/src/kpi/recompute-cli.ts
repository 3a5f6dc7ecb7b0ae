/**
 * npm run kpi:recompute -- --period 2026-10     (a month)
 * npm run kpi:recompute -- --period 2026        (every month of a year, and the year)
 *
 * Recomputes every KPI rollup of a period from the core tables, in this
 * process (no worker or Redis needed): institution × month service
 * indicators and their sums, coverage, standardised management, the
 * notifiable-disease tallies and the plan indicators. Safe to run while the
 * worker runs (each scope is rewritten whole in one transaction).
 */
import { parseArgs } from 'node:util';
import { isKpiMonth, isKpiYear } from '@rhip/contracts';
import { loadConfig } from '@rhip/config';
import { createPgPool } from '@rhip/db';
import { groupScopes, institutionIds, runGroup } from './recompute';
import { scopesForPeriod } from './scopes';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { period: { type: 'string', multiple: true }, help: { type: 'boolean' } } });
  const periods = values.period ?? [];
  if (values.help || !periods.length || periods.some((p) => !isKpiMonth(p) && !isKpiYear(p))) {
    console.log('Usage: npm run kpi:recompute -- --period YYYY-MM|YYYY [--period …]');
    process.exit(values.help ? 0 : 2);
  }
  const config = loadConfig();
  const pg = createPgPool(config.DATABASE_URL, { max: 2, applicationName: 'rhip-kpi-recompute' });
  let failed = 0;
  try {
    const ids = await institutionIds(pg);
    for (const period of periods) {
      const started = Date.now();
      const groups = groupScopes(scopesForPeriod(period, ids));
      for (const group of groups) {
        const t = Date.now();
        try {
          const rows = await runGroup(pg, group);
          console.log(`${group.label.padEnd(40)} ${String(rows).padStart(7)} rows  ${String(Date.now() - t).padStart(6)} ms`);
        } catch (err) {
          failed += 1;
          console.error(`${group.label}: ${err instanceof Error ? err.message : String(err)}`);
        }
      }
      console.log(`period ${period}: ${groups.length} scope groups in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
  } finally {
    await pg.end();
  }
  process.exit(failed ? 1 : 0);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
