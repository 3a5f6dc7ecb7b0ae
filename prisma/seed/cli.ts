// Seeds the demo region into DATABASE_URL (migrated first with `npm run migrate`).
//   npm run seed -- --size demo [--seed 42] [--if-empty] [--now 2026-11-22T12:00:00+08:00]
//                   [--residents N] [--connections N] [--verbose]
// Prints the row counts, the elapsed time and the peak resident set size.
import { parseArgs } from 'node:util';
import { loadConfig } from '@rhip/config';
import { DEMO_PASSWORD, DEMO_USERS, isSeedSize, seedRegion } from './index';

const usage = 'usage: cli.ts --size small|demo|large [--seed N] [--if-empty] [--now ISO] [--residents N] [--connections N] [--verbose]';

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MB`;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      size: { type: 'string', default: 'demo' },
      seed: { type: 'string', default: '42' },
      'if-empty': { type: 'boolean', default: false },
      now: { type: 'string' },
      residents: { type: 'string' },
      connections: { type: 'string' },
      verbose: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help || !isSeedSize(values.size)) {
    console.error(usage);
    return values.help ? 0 : 2;
  }
  const config = loadConfig();
  const seed = /^\d+$/.test(values.seed) ? Number(values.seed) : values.seed;
  const now = values.now ? Date.parse(values.now) : undefined;
  if (values.now && Number.isNaN(now)) {
    console.error(`seed: --now is not a date: ${values.now}`);
    return 2;
  }
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 250);
  sampler.unref();
  const database = new URL(config.DATABASE_URL);
  console.log(`seed: ${values.size} region (seed ${seed}) into ${database.host}${database.pathname}`);
  const result = await seedRegion({
    databaseUrl: config.DATABASE_URL,
    size: values.size,
    seed,
    now,
    config,
    ifEmpty: values['if-empty'],
    connections: values.connections ? Number(values.connections) : undefined,
    profile: values.residents ? { residents: Number(values.residents) } : undefined,
    debug: values.verbose ? (m) => console.log(`seed: ${m}`) : undefined,
    onProgress: (p) => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
      const rate = p.rows / Math.max(1, p.elapsedMs / 1000);
      console.log(`seed: ${p.residents.toLocaleString('en')} residents, ${p.rows.toLocaleString('en')} rows, ${(p.elapsedMs / 1000).toFixed(0)} s (${Math.round(rate).toLocaleString('en')} rows/s), rss ${mb(process.memoryUsage().rss)} heap ${mb(process.memoryUsage().heapUsed)} ext ${mb(process.memoryUsage().external + process.memoryUsage().arrayBuffers)}`);
    },
  });
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage().rss, process.resourceUsage().maxRSS * 1024);
  if (result.skipped) {
    console.log('seed: the database already has institutions; skipped (--if-empty)');
    return 0;
  }
  const total = Object.values(result.rows).reduce((a, b) => a + b, 0);
  const width = Math.max(...Object.keys(result.rows).map((k) => k.length));
  for (const [table, n] of Object.entries(result.rows).sort((a, b) => b[1] - a[1])) console.log(`  ${table.padEnd(width)}  ${n.toLocaleString('en').padStart(12)}`);
  const s = result.summary;
  if (s) {
    console.log(`seed: ${s.institutions} institutions, ${s.residents.toLocaleString('en')} residents in ${s.households.toLocaleString('en')} households, ${s.encounters.toLocaleString('en')} encounters, ${s.diseaseReports} disease report cards, ${s.deaths} deaths`);
    console.log(`seed: ${s.records.stored.toLocaleString('en')} records stored, ${s.records.rejected.toLocaleString('en')} rejected, ${s.records.findings.toLocaleString('en')} quality findings, ${s.batches.toLocaleString('en')} batches`);
    console.log(`seed: quiet or unconnected: ${s.quiet.map((q) => `${q.name} ${q.silence}`).join('; ')}`);
  }
  console.log(`seed: ${total.toLocaleString('en')} rows in ${(result.elapsedMs / 1000).toFixed(1)} s, peak RSS ${mb(peakRss)}`);
  console.log(`seed: staff login ${config.ADMIN_USERNAME} (ADMIN_PASSWORD); demo accounts ${DEMO_USERS.map((u) => u.username).join(', ')} with password ${DEMO_PASSWORD}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`seed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    process.exit(1);
  },
);
