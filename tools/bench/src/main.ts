/**
 * npm run bench -- <name> [options]     (npm run bench -- <name> --help)
 *
 * Benchmarks print a result table and write bench-results/<name>-<time>.json.
 * They report figures; they never assert (see tools/README.md).
 */
import { runConsoleBench } from './console';
import { runDashboardsBench } from './dashboards';
import { runIngestBench } from './ingest';
import { runMatchBench } from './match';

const BENCHES: Record<string, { run: (argv: string[]) => Promise<void>; what: string }> = {
  ingest: { run: runIngestBench, what: 'end-to-end ingest throughput (records/s to stored+linked) and single-record push latency' },
  match: { run: runMatchBench, what: 'probabilistic person matching against N master persons: time per record, p99 single, precision and recall' },
  console: { run: runConsoleBench, what: 'initial bundle size (gzip) and first load of the overview in Chromium, cold and warm' },
  dashboards: { run: runDashboardsBench, what: 'p50/p95/p99 of the console read endpoints on a seeded database (autocannon)' },
};

async function main(): Promise<void> {
  const [name, ...rest] = process.argv.slice(2);
  const bench = name ? BENCHES[name] : undefined;
  if (!bench) {
    console.error(`Usage: npm run bench -- <name> [options]\n\n${Object.entries(BENCHES).map(([k, b]) => `  ${k.padEnd(12)} ${b.what}`).join('\n')}\n\nEach takes --help.`);
    process.exit(name ? 2 : 0);
  }
  await bench.run(rest);
  // Pools and sockets of the libraries used may keep the loop alive.
  process.exit(0);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
});
