/**
 * npm run bench -- ingest
 *
 * 1. Throughput: N records (default 200,000) in batches of 1,000 from several
 *    concurrent clients (one institution key each), measured from the first
 *    request to the moment the last batch is stored and linked (the batch's
 *    finished_at). Generated and serialised before the clock starts.
 * 2. Latency: single-record pushes at a fixed rate (300 requests/s for 30 s)
 *    in an open loop — requests leave on schedule whether or not earlier ones
 *    have answered — p50/p90/p99 of the 202.
 *
 * Starts its own API and worker on a scratch database (dropped afterwards)
 * unless --url names a running stack.
 */
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import type { Dataset } from '@rhip/contracts';
import {
  DEFAULT_DATASET_WEIGHTS, InstitutionWorkload, createApiClient, createCatchment, createPopulation, createRng, prepareInstitutions,
  weightedTable, type ApiClient, type SimInstitution,
} from '@rhip/simulator';
import { parseOptions, usage, type OptionSpec } from './lib/args';
import { formatTable, int, log, machineInfo, ms, pct, secs, summarize, writeResult, type Row } from './lib/report';
import { commandCpuSeconds, postgresCpuSeconds, processCpuSeconds, startStack, type Stack } from './lib/stack';

/** ENVIRONMENT.md: the minimal pipeline measured 19,000–22,000 records/s on this machine. */
export const REFERENCE_RECORDS_PER_S = { low: 19_000, high: 22_000 };
/** Issue 3's targets (reported, never asserted). */
export const TARGETS = { recordsPerS: 20_000, singleP99Ms: 25 };

const SPEC: OptionSpec = {
  records: { type: 'string', help: 'records to push in the throughput phase', default: '200000' },
  batch: { type: 'string', help: 'records per request', default: '1000' },
  clients: { type: 'string', help: 'concurrent clients, one institution key each', default: '4' },
  mix: { type: 'string', help: 'data sets: "realistic" (a hospital day) or one data set name', default: 'realistic' },
  'error-rate': { type: 'string', help: 'share of defective records', default: '0' },
  'latency-rate': { type: 'string', help: 'single-record requests per second in the latency phase', default: '300' },
  'latency-duration': { type: 'string', help: 'seconds of the latency phase', default: '30' },
  'skip-latency': { type: 'boolean', help: 'throughput phase only' },
  'skip-throughput': { type: 'boolean', help: 'latency phase only' },
  workers: { type: 'string', help: 'worker processes to start', default: '1' },
  'worker-concurrency': { type: 'string', help: 'jobs per worker process (WORKER_CONCURRENCY; default: the config default)' },
  url: { type: 'string', help: 'use a running stack instead of starting one (loopback only)' },
  'database-url': { type: 'string', help: "with --url: the stack's database, to follow batches in SQL instead of over HTTP" },
  timeout: { type: 'string', help: 'seconds to wait for the pipeline to finish', default: '900' },
  seed: { type: 'string', help: 'generator seed', default: 'bench' },
  'keep-db': { type: 'boolean', help: 'keep the scratch database' },
  help: { type: 'boolean', help: 'this help' },
};

interface Prepared {
  key: string;
  dataset: Dataset;
  body: string;
  records: number;
}

function realisticPicker(mix: string): (rng: ReturnType<typeof createRng>) => Dataset {
  if (mix !== 'realistic') return () => mix as Dataset;
  const weights = Object.entries(DEFAULT_DATASET_WEIGHTS).filter(([d, w]) => w > 0 && d !== 'facility-resources') as [Dataset, number][];
  return weightedTable(weights);
}

/** One list of pushes per client, in the order that client sends them. */
function generate(opts: { institutions: SimInstitution[]; records: number; batch: number; mix: string; errorRate: number; seed: string; singles: boolean }): Prepared[][] {
  const population = createPopulation(createRng(`${opts.seed}/population`), 200_000);
  const catchment = createCatchment(population);
  const pick = realisticPicker(opts.mix);
  const rng = createRng(`${opts.seed}/mix`);
  const loads = opts.institutions.map(
    (institution) =>
      new InstitutionWorkload({
        seed: opts.seed,
        institution,
        catchment,
        runTag: `B${Date.now().toString(36).slice(-5).toUpperCase()}${opts.singles ? 'S' : ''}`,
        options: { batchSize: opts.batch, errorRate: opts.errorRate, resendShare: 0, fhirShare: 0, childFirstShare: 0 },
      }),
  );
  const now = Date.now();
  const perClient: Prepared[][] = opts.institutions.map(() => []);
  // Warm each institution with an encounters batch so child records have parents.
  let sent = 0;
  let i = 0;
  while (sent < opts.records) {
    const c = i % loads.length;
    const load = loads[c] as InstitutionWorkload;
    const size = Math.min(opts.batch, opts.records - sent);
    const dataset = i < loads.length && !opts.singles ? 'encounters' : pick(rng);
    const push = load.nextRest(now, dataset, size);
    (perClient[c] as Prepared[]).push({ key: (opts.institutions[c] as SimInstitution).key, dataset, body: JSON.stringify({ records: push.records }), records: size });
    sent += size;
    i++;
  }
  return perClient;
}

interface BatchTotals {
  batches: number;
  done: number;
  failed: number;
  received: number;
  accepted: number;
  rejected: number;
  stored: number;
  linked: number;
  inReview: number;
  failedRecords: number;
  /** Child records still waiting for their parent (SQL mode only). */
  parkedNow?: number;
  lastFinishedMs: number;
}

/** Follows batches in SQL until all are done/failed (or the timeout). */
async function waitBatchesSql(databaseUrl: string, batchIds: string[], timeoutS: number): Promise<BatchTotals> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const end = Date.now() + timeoutS * 1000;
    let lastLog = 0;
    for (;;) {
      const r = await client.query<{ done: string; failed: string; last: Date | null }>(
        `select count(*) filter (where status = 'done') as done, count(*) filter (where status = 'failed') as failed, max(finished_at) as last
           from ingest_batches where id = any($1::uuid[])`,
        [batchIds],
      );
      const row = r.rows[0];
      const finished = Number(row?.done ?? 0) + Number(row?.failed ?? 0);
      if (finished >= batchIds.length || Date.now() > end) break;
      if (Date.now() - lastLog > 5000) {
        log(`  pipeline: ${finished}/${batchIds.length} batches finished`);
        lastLog = Date.now();
      }
      await sleep(200);
    }
    const t = await client.query<Record<string, string | Date | null>>(
      `select count(*) as batches, count(*) filter (where status = 'done') as done, count(*) filter (where status = 'failed') as failed,
              coalesce(sum(received),0) as received, coalesce(sum(accepted),0) as accepted, coalesce(sum(rejected),0) as rejected,
              coalesce(sum(stored),0) as stored, coalesce(sum(linked),0) as linked, coalesce(sum(in_review),0) as in_review,
              coalesce(sum(failed),0) as failed_records, max(finished_at) as last
         from ingest_batches where id = any($1::uuid[])`,
      [batchIds],
    );
    const x = t.rows[0] ?? {};
    const parked = await client.query<{ n: string }>(`select count(*) as n from parked_records`).catch(() => null);
    return {
      parkedNow: parked ? Number(parked.rows[0]?.n ?? 0) : undefined,
      batches: Number(x.batches), done: Number(x.done), failed: Number(x.failed), received: Number(x.received), accepted: Number(x.accepted),
      rejected: Number(x.rejected), stored: Number(x.stored), linked: Number(x.linked), inReview: Number(x.in_review), failedRecords: Number(x.failed_records),
      lastFinishedMs: x.last instanceof Date ? x.last.getTime() : Number.NaN,
    };
  } finally {
    await client.end();
  }
}

/** Follows batches over HTTP: the last batch of each client until done, then all of them once. */
async function waitBatchesHttp(api: ApiClient, batches: { id: string; key: string }[], lastPerClient: { id: string; key: string }[], timeoutS: number): Promise<BatchTotals> {
  const end = Date.now() + timeoutS * 1000;
  const isFinished = (s: string | undefined) => s === 'done' || s === 'failed';
  let pending = [...lastPerClient];
  while (pending.length > 0 && Date.now() < end) {
    const states = await Promise.all(pending.map((b) => api.batchStatus(b.key, b.id)));
    pending = pending.filter((_, i) => !isFinished(states[i]?.body?.status));
    if (pending.length > 0) await sleep(500);
  }
  const totals: BatchTotals = { batches: batches.length, done: 0, failed: 0, received: 0, accepted: 0, rejected: 0, stored: 0, linked: 0, inReview: 0, failedRecords: 0, lastFinishedMs: Number.NaN };
  let todo = [...batches];
  while (todo.length > 0 && Date.now() < end) {
    const next: typeof todo = [];
    for (let i = 0; i < todo.length; i += 4) {
      const chunk = todo.slice(i, i + 4);
      const states = await Promise.all(chunk.map((b) => api.batchStatus(b.key, b.id)));
      states.forEach((s, j) => {
        const body = s.body;
        if (!body || !isFinished(body.status)) return void next.push(chunk[j] as (typeof todo)[number]);
        if (body.status === 'done') totals.done++;
        else totals.failed++;
        const c = body.counts;
        totals.received += c.received;
        totals.accepted += c.accepted;
        totals.rejected += c.rejected;
        totals.stored += c.stored;
        totals.linked += c.linked;
        totals.inReview += c.inReview;
        totals.failedRecords += c.failed;
        const f = body.finishedAt ? Date.parse(body.finishedAt) : Number.NaN;
        if (!(f <= totals.lastFinishedMs)) totals.lastFinishedMs = Number.isNaN(totals.lastFinishedMs) ? f : Math.max(f, totals.lastFinishedMs);
      });
    }
    todo = next;
    if (todo.length > 0) await sleep(1000);
  }
  return totals;
}

interface CpuSnapshot {
  api: number | null;
  workers: number | null;
  postgres: number | null;
  bench: number;
  wall: number;
}

async function cpuSnapshot(stack: Stack | null, databaseUrl: string | null): Promise<CpuSnapshot> {
  const u = process.cpuUsage();
  const workers = stack ? await Promise.all(stack.pids.workers.map(processCpuSeconds)) : [];
  const database = databaseUrl ? decodeURIComponent(new URL(databaseUrl).pathname.slice(1)) : null;
  return {
    api: stack ? await processCpuSeconds(stack.pids.api) : null,
    workers: workers.length > 0 && workers.every((w) => w !== null) ? workers.reduce<number>((a, b) => a + (b ?? 0), 0) : null,
    postgres: database ? await postgresCpuSeconds(database) : await commandCpuSeconds('postgres'),
    bench: (u.user + u.system) / 1e6,
    wall: performance.now() / 1000,
  };
}

function cpuShare(a: CpuSnapshot, b: CpuSnapshot): Record<string, number | null> {
  const wall = b.wall - a.wall;
  const share = (x: number | null, y: number | null) => (x === null || y === null ? null : Math.round(((y - x) / wall) * 100) / 100);
  return { api: share(a.api, b.api), workers: share(a.workers, b.workers), postgres: share(a.postgres, b.postgres), bench: share(a.bench, b.bench) };
}

const fmtCores = (c: Record<string, number | null>) =>
  Object.entries(c)
    .map(([k, v]) => `${k} ${v === null ? '–' : v.toFixed(2)}`)
    .join(', ');

async function throughputPhase(args: { api: ApiClient; stack: Stack | null; databaseUrl: string | null; institutions: SimInstitution[]; records: number; batch: number; mix: string; errorRate: number; seed: string; timeoutS: number }) {
  log(`generating ${int(args.records)} records (${args.mix} mix, batches of ${args.batch})…`);
  const perClient = generate({ institutions: args.institutions, records: args.records, batch: args.batch, mix: args.mix, errorRate: args.errorRate, seed: args.seed, singles: false });
  const bytes = perClient.flat().reduce((n, p) => n + p.body.length, 0);
  log(`  ${perClient.flat().length} requests, ${(bytes / 1e6).toFixed(0)} MB of JSON; sending from ${perClient.length} clients…`);

  const cpu0 = await cpuSnapshot(args.stack, args.databaseUrl);
  const wallStart = Date.now();
  const t0 = performance.now();
  const batches: { id: string; key: string }[] = [];
  const lastPerClient: { id: string; key: string }[] = [];
  const statuses = new Map<string, number>();
  const requestMs: number[] = [];
  let accepted = 0;
  let rejected = 0;
  await Promise.all(
    perClient.map(async (pushes) => {
      let last: { id: string; key: string } | null = null;
      for (const p of pushes) {
        for (let attempt = 0; attempt < 5; attempt++) {
          const res = await args.api.ingestRaw(p.key, p.dataset, p.body);
          statuses.set(String(res.status), (statuses.get(String(res.status)) ?? 0) + 1);
          requestMs.push(res.ms);
          if (res.status === 202 && res.body) {
            accepted += res.body.accepted;
            rejected += res.body.rejected;
            last = { id: res.body.batchId, key: p.key };
            batches.push(last);
            break;
          }
          if (res.status !== 429 && res.status !== 503 && res.status !== 0) break;
          await sleep((res.retryAfter ?? 1) * 1000);
        }
      }
      if (last) lastPerClient.push(last);
    }),
  );
  const acceptSeconds = (performance.now() - t0) / 1000;
  log(`  all answered in ${acceptSeconds.toFixed(1)} s (${int(accepted / acceptSeconds)} records/s accepted); waiting for the pipeline…`);
  const totals = args.databaseUrl ? await waitBatchesSql(args.databaseUrl, batches.map((b) => b.id), args.timeoutS) : await waitBatchesHttp(args.api, batches, lastPerClient, args.timeoutS);
  const cpu1 = await cpuSnapshot(args.stack, args.databaseUrl);
  const e2eSeconds = (totals.lastFinishedMs - wallStart) / 1000;
  const complete = totals.done + totals.failed === batches.length;
  const cores = cpuShare(cpu0, cpu1);
  const pipelineCores = [cores.api, cores.workers, cores.postgres].every((c) => c !== null) ? (cores.api ?? 0) + (cores.workers ?? 0) + (cores.postgres ?? 0) : null;
  const cpuWall = cpu1.wall - cpu0.wall;
  // CPU time the platform spent per record, and the rate that cost allows on all cores of an idle machine.
  const cpuMsPerRecord = pipelineCores === null ? null : (pipelineCores * cpuWall * 1000) / Math.max(1, totals.accepted);
  const cpuBoundCeiling = cpuMsPerRecord ? (os.cpus().length * 1000) / cpuMsPerRecord : null;
  return {
    records: args.records,
    batchSize: args.batch,
    clients: perClient.length,
    mix: args.mix,
    requests: perClient.flat().length,
    megabytes: Math.round(bytes / 1e6),
    httpStatus: Object.fromEntries(statuses),
    accepted,
    rejected,
    acceptSeconds,
    acceptRecordsPerS: accepted / acceptSeconds,
    requestLatency: summarize(requestMs),
    pipelineComplete: complete,
    endToEndSeconds: e2eSeconds,
    endToEndRecordsPerS: complete ? totals.accepted / e2eSeconds : Number.NaN,
    batches: totals,
    cpuCores: cores,
    cpuMsPerRecord,
    cpuBoundCeiling,
  };
}

async function latencyPhase(args: { api: ApiClient; token: string; stack: Stack | null; databaseUrl: string | null; institutions: SimInstitution[]; rate: number; durationS: number; seed: string; mix: string }) {
  // The API limits each key to 600 requests/min: spread the load over enough keys.
  const keysNeeded = Math.ceil((args.rate / 10) * 1.5);
  const keys: string[] = args.institutions.map((i) => i.key);
  for (let i = 0; keys.length < keysNeeded; i++) {
    const inst = args.institutions[i % args.institutions.length] as SimInstitution;
    keys.push((await args.api.issueCredential(args.token, inst.id, 'bench-latency')).key);
  }
  const total = Math.round(args.rate * args.durationS);
  const perClient = generate({ institutions: args.institutions, records: total, batch: 1, mix: args.mix, errorRate: 0, seed: `${args.seed}/single`, singles: true });
  const bodies = perClient.flat();
  log(`latency: ${int(total)} single-record pushes at ${args.rate}/s over ${keys.length} keys (open loop)…`);

  const cpu0 = await cpuSnapshot(args.stack, args.databaseUrl);
  const latencies: number[] = [];
  const fromSchedule: number[] = [];
  const statuses = new Map<string, number>();
  const errors = new Map<string, number>();
  const inflight: Promise<void>[] = [];
  const t0 = performance.now() + 100;
  let maxLagMs = 0;
  for (let i = 0; i < bodies.length; i++) {
    const due = t0 + (i / args.rate) * 1000;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    maxLagMs = Math.max(maxLagMs, performance.now() - due);
    const b = bodies[i] as Prepared;
    const key = keys[i % keys.length] as string;
    inflight.push(
      args.api.ingestRaw(key, b.dataset, b.body).then((res) => {
        statuses.set(String(res.status), (statuses.get(String(res.status)) ?? 0) + 1);
        if (res.status === 202) {
          latencies.push(res.ms);
          fromSchedule.push(performance.now() - due);
        } else {
          const why = res.error ?? (typeof res.body === 'object' && res.body ? String((res.body as { code?: string }).code ?? res.status) : String(res.status));
          errors.set(why.slice(0, 80), (errors.get(why.slice(0, 80)) ?? 0) + 1);
        }
      }),
    );
  }
  const sendSeconds = (performance.now() - t0) / 1000;
  await Promise.all(inflight);
  const seconds = (performance.now() - t0) / 1000;
  const cpu1 = await cpuSnapshot(args.stack, args.databaseUrl);
  return {
    rate: args.rate,
    durationS: args.durationS,
    requests: total,
    achievedPerS: total / sendSeconds,
    lastAnswerS: seconds,
    keys: keys.length,
    httpStatus: Object.fromEntries(statuses),
    errors: Object.fromEntries(errors),
    latency: summarize(latencies),
    latencyFromSchedule: summarize(fromSchedule),
    senderMaxLagMs: Math.round(maxLagMs),
    cpuCores: cpuShare(cpu0, cpu1),
  };
}

export async function runIngestBench(argv: string[]): Promise<void> {
  const o = parseOptions(argv, SPEC);
  if (o.bool('help')) return void console.log(usage('ingest', 'End-to-end ingest throughput and single-record latency.', SPEC));
  const url = o.str('url');
  if (url && !/^https?:\/\/(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?\/?$/.test(url)) throw new Error('--url must be a loopback address');
  const clients = o.num('clients', 1, 64);
  const stack = url ? null : await startStack({ name: 'ingest', workers: o.num('workers', 1, 8), workerConcurrency: o.str('worker-concurrency') ? o.num('worker-concurrency', 1, 64) : undefined, keepDatabase: o.bool('keep-db') });
  const stop = async () => {
    await stack?.stop();
  };
  process.once('SIGINT', () => void stop().then(() => process.exit(130)));
  try {
    const api = createApiClient(url ?? (stack as Stack).url);
    const token = await api.login(process.env.ADMIN_USERNAME ?? 'admin', process.env.ADMIN_PASSWORD ?? 'Admin@12345');
    const keysFile = path.join(os.tmpdir(), `rhip-bench-keys-${process.pid}.json`);
    const institutions = await prepareInstitutions({ api, token, count: clients, keysFile });
    const databaseUrl = o.str('database-url') ?? stack?.databaseUrl ?? null;
    const seed = o.str('seed') ?? 'bench';
    const mix = o.str('mix') ?? 'realistic';

    const throughput = o.bool('skip-throughput')
      ? null
      : await throughputPhase({ api, stack, databaseUrl, institutions, records: o.num('records', 1), batch: o.num('batch', 1, 5000), mix, errorRate: o.num('error-rate', 0, 1), seed, timeoutS: o.num('timeout', 1) });
    const latency = o.bool('skip-latency')
      ? null
      : await latencyPhase({ api, token, stack, databaseUrl, institutions, rate: o.num('latency-rate', 1, 5000), durationS: o.num('latency-duration', 1, 3600), seed, mix });

    const machine = machineInfo();
    const rows: Row[] = [
      ['machine', `${machine.cpus} × ${machine.cpuModel}`, `load ${machine.loadAverage.join(' ')}`],
      ['stack', url ? `running stack at ${url}` : `own api + ${stack?.pids.workers.length} worker(s), scratch database`],
    ];
    if (throughput) {
      const t = throughput;
      const ratio = t.endToEndRecordsPerS / ((REFERENCE_RECORDS_PER_S.low + REFERENCE_RECORDS_PER_S.high) / 2);
      rows.push(
        ['records pushed', int(t.records), `${t.requests} requests of ${t.batchSize}, ${t.clients} clients, ${t.mix} mix, ${t.megabytes} MB`],
        ['HTTP status', Object.entries(t.httpStatus).map(([k, v]) => `${k}×${v}`).join(' ')],
        ['accepted (202)', int(t.accepted), `${int(t.rejected)} rejected in the answers`],
        ['time to last 202', secs(t.acceptSeconds), `${int(t.acceptRecordsPerS)} records/s accepted into the inbox`],
        ['request latency (batch)', `${ms(t.requestLatency.p50)} p50`, `p99 ${ms(t.requestLatency.p99)}`],
        ['time to last stored+linked', t.pipelineComplete ? secs(t.endToEndSeconds) : 'incomplete', t.pipelineComplete ? '' : `${t.batches.done + t.batches.failed}/${t.batches.batches} batches finished before the timeout`],
        ['END-TO-END records/s', int(t.endToEndRecordsPerS), `accepted records ÷ (last batch finished − first request); target ≥ ${int(TARGETS.recordsPerS)}`],
        ['vs reference pipeline', pct(ratio, 0), `of the 19–22k records/s minimal pipeline (ENVIRONMENT.md)`],
        ['batch outcomes', `${t.batches.done} done`, `${t.batches.failed} failed; stored ${int(t.batches.stored)}, linked ${int(t.batches.linked)}, rejected ${int(t.batches.rejected)}, review ${int(t.batches.inReview)}, failed records ${int(t.batches.failedRecords)}${t.batches.parkedNow !== undefined ? `, parked now ${int(t.batches.parkedNow)}` : ''}`],
        ['CPU cores used (avg)', fmtCores(t.cpuCores), `of ${machine.cpus}, first request → last batch; postgres = this database's backends + shared writers`],
        ['CPU per record', t.cpuMsPerRecord === null ? '–' : ms(t.cpuMsPerRecord), t.cpuBoundCeiling === null ? '' : `api + workers + postgres; ⇒ at most ~${int(t.cpuBoundCeiling)} records/s if they had all ${machine.cpus} cores to themselves`],
      );
    }
    if (latency) {
      const l = latency;
      rows.push(
        ['single pushes', int(l.requests), `at ${l.rate}/s for ${l.durationS} s (sent at ${l.achievedPerS.toFixed(0)}/s, last answer after ${l.lastAnswerS.toFixed(1)} s), ${l.keys} keys`],
        ['HTTP status', Object.entries(l.httpStatus).map(([k, v]) => `${k}×${v}`).join(' '), Object.entries(l.errors).map(([k, v]) => `${k} ×${v}`).join('; ')],
        ['single push p50', ms(l.latency.p50), `p90 ${ms(l.latency.p90)}`],
        ['SINGLE PUSH p99', ms(l.latency.p99), `max ${ms(l.latency.max)}; target ≤ ${TARGETS.singleP99Ms} ms`],
        ['p99 from schedule', ms(l.latencyFromSchedule.p99), `includes client-side delay (sender max lag ${l.senderMaxLagMs} ms)`],
        ['CPU cores used (avg)', fmtCores(l.cpuCores)],
      );
    }
    console.log(formatTable('npm run bench -- ingest', rows));
    const file = writeResult('ingest', { options: { url: url ?? null, clients, seed, mix }, reference: REFERENCE_RECORDS_PER_S, targets: TARGETS, throughput, latency });
    console.log(`\nresults: ${path.relative(process.cwd(), file)}`);
  } finally {
    await stop();
  }
}
