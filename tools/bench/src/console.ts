/**
 * npm run bench -- console [--size small|demo] [--runs 10]
 *
 * What a commission user waits for when they open the console: the
 * production bundle's initial JavaScript and CSS (gzip, as a browser
 * downloads them), and the overview's first load in real Chromium at
 * 1366×768, signed in: first contentful paint and "overview ready" (numbers
 * drawn, no spinner or skeleton left), cold (empty cache, new browser
 * context) and warm (reload with the cache). Builds the console first, starts
 * an API serving it on a seeded database.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { chromium, type BrowserContext, type Request } from 'playwright-core';
import { dropDatabase } from '@rhip/db/migrate';
import { isSeedSize } from '@rhip/prisma/seed';
import { hashSeed } from '@rhip/simulator';
import { parseOptions, usage, type OptionSpec } from './lib/args';
import { formatTable, int, log, machineInfo, ms, REPO_ROOT, summarize, writeResult, type LatencySummary, type Row } from './lib/report';
import { prepareSeededDatabase } from './lib/seeded-database';
import { scratchDatabaseUrl, startStack, type Stack } from './lib/stack';

const SPEC: OptionSpec = {
  size: { type: 'string', help: 'seed size of the database behind the console: small | demo', default: 'demo' },
  seed: { type: 'string', help: 'seed of the seed generator', default: '42' },
  runs: { type: 'string', help: 'page loads per mode (cold, warm)', default: '10' },
  'keep-db': { type: 'boolean', help: 'keep the seeded database for a later run' },
  'no-build': { type: 'boolean', help: 'measure apps/web/dist as it is' },
  help: { type: 'boolean', help: 'this help' },
};

const WEB_DIST = path.join(REPO_ROOT, 'apps/web/dist');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

interface AssetSize {
  file: string;
  bytes: number;
  gzip: number;
  brotli: number;
}

function assetSize(rel: string): AssetSize {
  const buf = readFileSync(path.join(WEB_DIST, rel));
  return { file: rel, bytes: buf.length, gzip: gzipSync(buf, { level: 9 }).length, brotli: brotliCompressSync(buf).length };
}

/** The JS and CSS index.html loads before anything else: entry scripts, modulepreloads and stylesheets. */
export function initialAssets(indexHtml: string): { js: string[]; css: string[] } {
  const refs = (re: RegExp) => [...indexHtml.matchAll(re)].map((m) => (m[1] as string).replace(/^\//, ''));
  const js = [...new Set([...refs(/<script[^>]+src="([^"]+\.js)"/g), ...refs(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)])];
  const css = refs(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+\.css)"/g);
  return { js, css };
}

function allJs(dir: string, base = dir): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    if (statSync(p).isDirectory()) return allJs(p, base);
    return f.endsWith('.js') ? [path.relative(base, p)] : [];
  });
}

/** "Ready": the page heading, at least one figure drawn, nothing loading any more. */
const READY = `(() => {
  if (!document.querySelector('h1')) return false;
  if (!document.querySelector('.ant-statistic-content-value, .ant-table-row')) return false;
  if (document.querySelector('.ant-spin-spinning, .ant-skeleton, .ant-card-loading-content')) return false;
  return performance.now();
})()`;

interface LoadSample {
  fcp: number | null;
  domContentLoaded: number;
  ready: number;
  requests: number;
  transferred: number;
}

async function loadOverview(context: BrowserContext, base: string, page = context.pages()[0]): Promise<LoadSample> {
  const p = page ?? (await context.newPage());
  let requests = 0;
  let transferred = 0;
  const onResponse = () => (requests += 1);
  const onFinished = (req: Request) => {
    void req.sizes().then((s) => (transferred += s.responseBodySize + s.responseHeadersSize), () => undefined);
  };
  p.on('response', onResponse);
  p.on('requestfinished', onFinished);
  await p.goto(`${base}/`, { waitUntil: 'commit' });
  const handle = await p.waitForFunction(READY, undefined, { polling: 'raf', timeout: 60_000 });
  const ready = (await handle.jsonValue()) as number;
  // A string: this file is compiled without the DOM library.
  const timing = (await p.evaluate(`(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const fcp = performance.getEntriesByName('first-contentful-paint')[0];
    return { dcl: nav ? nav.domContentLoadedEventEnd : 0, fcp: fcp ? fcp.startTime : null };
  })()`)) as { dcl: number; fcp: number | null };
  await p.waitForLoadState('networkidle');
  p.off('response', onResponse);
  p.off('requestfinished', onFinished);
  return { fcp: timing.fcp, domContentLoaded: timing.dcl, ready, requests, transferred };
}

export async function runConsoleBench(argv: string[]): Promise<void> {
  const o = parseOptions(argv, SPEC);
  if (o.bool('help')) return void console.log(usage('console', 'initial bundle size and first load of the overview in Chromium.', SPEC));
  const size = o.str('size') ?? 'demo';
  if (!isSeedSize(size)) throw new Error('--size must be small, demo or large');
  const seed = o.str('seed') ?? '42';
  const runs = o.num('runs', 1, 200);
  const keep = o.bool('keep-db');

  if (!o.bool('no-build')) {
    log('building the console (vite)…');
    const b = spawnSync('pnpm', ['--filter', '@rhip/web', 'run', 'build'], { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    if (b.status !== 0) throw new Error('console build failed');
  }
  const indexHtml = readFileSync(path.join(WEB_DIST, 'index.html'), 'utf8');
  const initial = initialAssets(indexHtml);
  const js = initial.js.map(assetSize);
  const css = initial.css.map(assetSize);
  const everything = allJs(WEB_DIST).map(assetSize);
  const sum = (xs: AssetSize[], k: keyof Omit<AssetSize, 'file'>) => xs.reduce((n, x) => n + x[k], 0);

  const dbUrl = scratchDatabaseUrl(`rhip_bench_dash_${size}_${hashSeed(`${seed}/`).toString(36)}`);
  let stack: Stack | null = null;
  const cold: LoadSample[] = [];
  const warm: LoadSample[] = [];
  try {
    await prepareSeededDatabase(dbUrl, size, seed, undefined, keep);
    stack = await startStack({ name: 'console', databaseUrl: dbUrl, workers: 0, env: { SERVE_CONSOLE: 'true', LOGIN_RATE_LIMIT_PER_MINUTE: '10000' } });
    const base = stack.url;
    const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
    try {
      const user = process.env.ADMIN_USERNAME ?? 'admin';
      const password = process.env.ADMIN_PASSWORD ?? 'Admin@12345';
      const newSignedInContext = async () => {
        // bypassCSP: the probes below are evaluated as strings (the console's CSP rightly forbids eval).
        const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', bypassCSP: true });
        const res = await context.request.post(`${base}/api/v1/auth/login`, { data: { username: user, password }, headers: { 'x-requested-with': 'rhip-console' } });
        if (!res.ok()) throw new Error(`login failed: HTTP ${res.status()}`);
        return context;
      };
      // One throwaway load so the API's first-request costs (JIT, pools) are not counted as the console's.
      const warmup = await newSignedInContext();
      await loadOverview(warmup, base, await warmup.newPage());
      await warmup.close();
      log(`overview: ${runs} cold loads (new context, empty cache)…`);
      for (let i = 0; i < runs; i++) {
        const context = await newSignedInContext();
        cold.push(await loadOverview(context, base, await context.newPage()));
        await context.close();
      }
      log(`overview: ${runs} warm loads (reload with the cache)…`);
      const context = await newSignedInContext();
      const page = await context.newPage();
      await loadOverview(context, base, page);
      for (let i = 0; i < runs; i++) warm.push(await loadOverview(context, base, page));
      await context.close();
    } finally {
      await browser.close();
    }
  } finally {
    await stack?.stop();
    if (!keep) await dropDatabase(dbUrl).catch(() => undefined);
  }

  const stat = (xs: LoadSample[], k: 'ready' | 'domContentLoaded' | 'fcp'): LatencySummary => summarize(xs.map((x) => x[k] ?? 0));
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  const machine = machineInfo();
  const line = (label: string, xs: LoadSample[]): Row[] => {
    const r = stat(xs, 'ready');
    return [
      [`${label}: overview ready`, `p50 ${ms(r.p50)}`, `p95 ${ms(r.p95)}, max ${ms(r.max)} (target ≤ 1.5 s)`],
      [`${label}: first contentful paint`, `p50 ${ms(stat(xs, 'fcp').p50)}`, `DOMContentLoaded p50 ${ms(stat(xs, 'domContentLoaded').p50)}`],
      [`${label}: requests`, int(Math.round(xs.reduce((n, x) => n + x.requests, 0) / xs.length)), `${kb(xs.reduce((n, x) => n + x.transferred, 0) / xs.length)} transferred per load`],
    ];
  };
  console.log(
    formatTable('npm run bench -- console', [
      ['machine', `${machine.cpus} × ${machine.cpuModel}`, `load ${machine.loadAverage.join(' ')}`],
      ['initial JS', kb(sum(js, 'gzip')), `gzip (${kb(sum(js, 'brotli'))} brotli, ${kb(sum(js, 'bytes'))} raw) in ${js.length} files; target ≤ 400 KB gzip`],
      ['initial CSS', kb(sum(css, 'gzip')), `gzip in ${css.length} files`],
      ['all JS chunks', kb(sum(everything, 'gzip')), `gzip in ${everything.length} files (pages load on demand)`],
      ['database', `seed size ${size}`, `Chromium ${CHROMIUM}, 1366×768, signed in`],
      ...line('cold', cold),
      ...line('warm', warm),
    ]),
  );
  const file = writeResult('console', { options: { size, seed, runs }, initial: { js, css }, allJsGzip: sum(everything, 'gzip'), cold, warm });
  console.log(`\nresults: ${file}`);
}
