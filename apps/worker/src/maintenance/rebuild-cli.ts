/**
 * npm run rollups:rebuild                 rebuild every derived rollup now
 * npm run rollups:rebuild -- --if-missing only when history exists but KPIs were never computed
 *
 * See rebuild-derived.ts. `npm start` runs it with --if-missing after seeding,
 * so a fresh demo region opens with its dashboards filled in.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '@rhip/config';
import { createPgPool } from '@rhip/db';
import { derivedRollupsMissing, rebuildDerived } from './rebuild-derived';

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { 'if-missing': { type: 'boolean', default: false }, help: { type: 'boolean', default: false } } });
  if (values.help) {
    console.log('Usage: npm run rollups:rebuild [-- --if-missing]');
    return 0;
  }
  const config = loadConfig();
  const pg = createPgPool(config.DATABASE_URL, { max: 2, applicationName: 'rhip-rollups-rebuild' });
  try {
    if (values['if-missing'] && !(await derivedRollupsMissing(pg))) {
      console.log('rollups: derived rollups present, nothing to rebuild');
      return 0;
    }
    const started = performance.now();
    const steps = await rebuildDerived(pg, { config, onStep: (s) => console.log(`rollups: ${s.step.padEnd(44)} ${String(s.rows).padStart(8)} rows ${String(s.ms).padStart(7)} ms`) });
    console.log(`rollups: ${steps.length} steps in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return 0;
  } finally {
    await pg.end();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
