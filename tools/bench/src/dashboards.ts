/**
 * npm run bench -- dashboards [--size demo|large|small]
 *
 * Latency of the console's read endpoints (dashboard-endpoints.ts) on a
 * database seeded by the seed generator (prisma/seed, seedRegion) at the
 * given size, measured with autocannon at a fixed request rate per endpoint
 * (p50/p95/p99 from every response). Starts its own API on a scratch
 * database unless --url names a running, seeded stack.
 */
import autocannon from 'autocannon';
import { dropDatabase } from '@rhip/db/migrate';
import { isSeedSize } from '@rhip/prisma/seed';
import { createApiClient, hashSeed } from '@rhip/simulator';
import { DASHBOARD_ENDPOINTS, endpointPath, type EndpointContext } from './dashboard-endpoints';
import { parseOptions, usage, type OptionSpec } from './lib/args';
import { formatTable, int, log, machineInfo, ms, summarize, writeResult, type LatencySummary, type Row } from './lib/report';
import { prepareSeededDatabase } from './lib/seeded-database';
import { scratchDatabaseUrl, startStack, type Stack } from './lib/stack';

const SPEC: OptionSpec = {
  size: { type: 'string', help: 'seed size: small | demo | large (1M residents, 10M EMR records)', default: 'demo' },
  seed: { type: 'string', help: 'seed of the seed generator', default: '42' },
  rate: { type: 'string', help: 'requests per second per endpoint', default: '50' },
  duration: { type: 'string', help: 'seconds per endpoint (after a 2 s warm-up)', default: '15' },
  connections: { type: 'string', help: 'autocannon connections', default: '10' },
  only: { type: 'string', help: 'measure only endpoints whose name contains this text' },
  url: { type: 'string', help: 'use a running, seeded stack (loopback only)' },
  'keep-db': { type: 'boolean', help: 'keep the seeded database; a later run with the same --size and --seed reuses it' },
  residents: { type: 'string', help: 'override the size profile\'s resident count (a partial run)' },
  help: { type: 'boolean', help: 'this help' },
};

interface EndpointResult {
  name: string;
  path: string;
  /** measured, or why not: 'not served' (404) or the failing status. */
  status: string;
  preflightStatus: number;
  requests: number;
  achievedPerS: number;
  non2xx: number;
  errors: number;
  latency: LatencySummary | null;
  targetP95Ms: number | null;
  bytesPerResponse: number;
}

function runAutocannon(opts: { url: string; tokens: string[]; rate: number; durationS: number; connections: number; samples?: number[] }): Promise<autocannon.Result> {
  let i = 0;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: opts.url,
        connections: opts.connections,
        overallRate: opts.rate,
        duration: opts.durationS,
        requests: [
          {
            method: 'GET',
            // Each staff token is rate-limited (600/min): rotate over several sessions.
            setupRequest: (req) => ({ ...req, headers: { ...req.headers, authorization: `Bearer ${opts.tokens[i++ % opts.tokens.length]}` } }),
          },
        ],
      },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
    if (opts.samples) {
      const samples = opts.samples;
      instance.on('response', (_client, statusCode, _bytes, responseTime) => {
        if (statusCode >= 200 && statusCode < 300) samples.push(responseTime);
      });
    }
  });
}

export async function runDashboardsBench(argv: string[]): Promise<void> {
  const o = parseOptions(argv, SPEC);
  if (o.bool('help')) return void console.log(usage('dashboards', 'p50/p95/p99 of the console read endpoints on a seeded database.', SPEC));
  const size = o.str('size') ?? 'demo';
  if (!isSeedSize(size)) throw new Error('--size must be small, demo or large');
  const seed = o.str('seed') ?? '42';
  const rate = o.num('rate', 1, 10_000);
  const durationS = o.num('duration', 1, 3600);
  const connections = o.num('connections', 1, 1000);
  const residents = o.str('residents') ? o.num('residents', 1) : undefined;
  const keep = o.bool('keep-db');
  const url = o.str('url');
  if (url && !/^https?:\/\/(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?\/?$/.test(url)) throw new Error('--url must be a loopback address');

  let stack: Stack | null = null;
  let seedInfo: { seedSeconds: number | null; rows: Record<string, number> | null } = { seedSeconds: null, rows: null };
  const dbUrl = url ? null : scratchDatabaseUrl(`rhip_bench_dash_${size}_${hashSeed(`${seed}/${residents ?? ''}`).toString(36)}`);
  try {
    if (dbUrl) {
      seedInfo = await prepareSeededDatabase(dbUrl, size, seed, residents, keep);
      stack = await startStack({ name: 'dashboards', databaseUrl: dbUrl, workers: 0 });
    }
    const base = (url ?? (stack as Stack).url).replace(/\/+$/, '');
    const api = createApiClient(base);
    const user = process.env.ADMIN_USERNAME ?? 'admin';
    const password = process.env.ADMIN_PASSWORD ?? 'Admin@12345';
    const tokenCount = Math.min(15, Math.max(2, Math.ceil((rate / 10) * 1.5)));
    const tokens: string[] = [];
    for (let i = 0; i < tokenCount; i++) tokens.push(await api.login(user, password));
    const first = await api.get(tokens[0] as string, '/api/v1/institutions?pageSize=1');
    const items = (first.body as { items?: { id: string; regionCode: string }[] } | null)?.items ?? [];
    const ctx: EndpointContext = { institutionId: items[0]?.id ?? '00000000-0000-4000-8000-000000000000', countyCode: items[0]?.regionCode ?? '511002' };

    const only = o.str('only');
    const endpoints = DASHBOARD_ENDPOINTS.filter((e) => !only || e.name.includes(only));
    const results: EndpointResult[] = [];
    for (const e of endpoints) {
      const path = endpointPath(e, ctx);
      const pre = await api.get(tokens[0] as string, path);
      const bytes = JSON.stringify(pre.body ?? '').length;
      if (pre.status !== 200) {
        log(`${e.name}: ${path} answers ${pre.status}; skipped`);
        results.push({ name: e.name, path, status: pre.status === 404 ? 'not served' : `failed (HTTP ${pre.status})`, preflightStatus: pre.status, requests: 0, achievedPerS: 0, non2xx: 0, errors: 0, latency: null, targetP95Ms: e.targetP95Ms ?? null, bytesPerResponse: bytes });
        continue;
      }
      log(`${e.name}: ${path} at ${rate}/s for ${durationS} s…`);
      await runAutocannon({ url: `${base}${path}`, tokens, rate, durationS: 2, connections });
      const samples: number[] = [];
      const r = await runAutocannon({ url: `${base}${path}`, tokens, rate, durationS, connections, samples });
      results.push({
        name: e.name,
        path,
        status: 'measured',
        preflightStatus: pre.status,
        requests: r.requests.total,
        achievedPerS: r.requests.total / durationS,
        non2xx: r.non2xx,
        errors: r.errors + r.timeouts,
        latency: summarize(samples),
        targetP95Ms: e.targetP95Ms ?? null,
        bytesPerResponse: bytes,
      });
    }

    const machine = machineInfo();
    const rows: Row[] = [
      ['machine', `${machine.cpus} × ${machine.cpuModel}`, `load ${machine.loadAverage.join(' ')}`],
      ['database', url ? `running stack at ${url}` : `seed size ${size} (seed ${seed}${residents ? `, ${int(residents)} residents` : ''})`, seedInfo.seedSeconds ? `seeded in ${seedInfo.seedSeconds.toFixed(0)} s` : ''],
      ['load', `${rate} req/s`, `per endpoint, ${durationS} s, ${connections} connections, ${tokens.length} staff sessions`],
      ...results.map((r): Row => {
        if (!r.latency) return [r.name, r.status, `${r.path} answered ${r.preflightStatus} to the check request`];
        const target = r.targetP95Ms ? `; target p95 ≤ ${r.targetP95Ms} ms` : '';
        const bad = r.non2xx + r.errors > 0 ? `; ${r.non2xx} non-2xx, ${r.errors} errors` : '';
        return [r.name, `p95 ${ms(r.latency.p95)}`, `p50 ${ms(r.latency.p50)}, p99 ${ms(r.latency.p99)}, max ${ms(r.latency.max)}; ${int(r.requests)} req (${r.achievedPerS.toFixed(0)}/s), ${int(r.bytesPerResponse)} B${target}${bad}  ${r.path}`];
      }),
    ];
    console.log(formatTable('npm run bench -- dashboards', rows));
    const file = writeResult('dashboards', { options: { size, seed, rate, durationS, connections, url: url ?? null, residents: residents ?? null }, seed: seedInfo, endpoints: results });
    console.log(`\nresults: ${file}`);
  } finally {
    await stack?.stop();
    if (dbUrl && !keep) await dropDatabase(dbUrl).catch((err: unknown) => log(`could not drop the database: ${(err as Error).message}`));
  }
}
