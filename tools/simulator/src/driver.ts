/**
 * The HTTP side of the simulator: paces pushes to the target records/s,
 * keeps a bounded number of requests in flight, retries 429/503 and network
 * errors after the server's Retry-After, and follows each batch to its final
 * status to count outcomes and check that injected defects were caught.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { IngestResponse } from '@rhip/contracts';
import type { ApiClient, HttpResult } from './api-client';
import type { DefectKind } from './defects';
import type { SimInstitution } from './institutions';
import type { Rng } from './random';
import { SimulationStats } from './stats';
import { pushSize, type InstitutionWorkload, type Push } from './workload';

export interface DriverOptions {
  /** Target records per second (REST records + FHIR entries). */
  readonly rate: number;
  readonly durationS: number;
  /** Requests in flight at most. */
  readonly concurrency: number;
  readonly summaryEveryS: number;
  /** Follow batches to their final status (GET /api/v1/ingest/batches/{id}). */
  readonly trackOutcomes: boolean;
  /** After the last push, wait this long at most for tracked batches to finish. */
  readonly drainS: number;
  readonly maxRetries: number;
}

export interface Agent {
  readonly institution: SimInstitution;
  readonly workload: InstitutionWorkload;
  /** Relative share of the traffic (hospitals send more than clinics). */
  readonly weight: number;
}

interface Tracked {
  batchId: string;
  key: string;
  defects: (DefectKind | null)[];
  shapeErrors: Map<number, string[]>;
  dueAt: number;
  polls: number;
}

/** Weight of an institution in the traffic by type. */
export function trafficWeight(type: string): number {
  if (type === 'general_hospital') return 5;
  if (type === 'tcm_hospital' || type === 'maternal_child' || type === 'specialized_hospital') return 3;
  if (type === 'township_health_center' || type === 'community_health_center') return 1.5;
  return 1;
}

class Semaphore {
  private free: number;
  private readonly waiters: (() => void)[] = [];
  constructor(n: number) {
    this.free = n;
  }
  async acquire(): Promise<void> {
    if (this.free > 0) {
      this.free--;
      return;
    }
    await new Promise<void>((resolve) => this.waiters.push(resolve));
  }
  release(): void {
    const next = this.waiters.shift();
    if (next) next();
    else this.free++;
  }
}

export async function runSimulation(args: {
  api: ApiClient;
  agents: readonly Agent[];
  rng: Rng;
  options: DriverOptions;
  print: (line: string) => void;
  /** Set `stopped` to end the run early (Ctrl-C). */
  stopSignal?: { stopped: boolean };
  /** Reference time of the records (epoch ms); default the wall clock. */
  clock?: () => number;
}): Promise<SimulationStats> {
  const clock = args.clock ?? Date.now;
  const { api, agents, rng, options, print } = args;
  const stats = new SimulationStats();
  const sem = new Semaphore(options.concurrency);
  let inFlight = 0;
  const pending = new Set<Promise<void>>();
  const tracked: Tracked[] = [];
  let fhirMissing = 0;
  let fhirDisabled = false;

  const weights = agents.map((a) => a.weight);
  const started = performance.now();
  const endAt = started + options.durationS * 1000;
  let scheduled = 0;

  const send = async (agent: Agent, push: Push): Promise<void> => {
    for (let attempt = 0; ; attempt++) {
      let res: HttpResult<unknown>;
      if (push.kind === 'rest') res = await api.ingest(agent.institution.key, push.dataset, push.records);
      else res = await api.fhir(agent.institution.key, push.bundle);
      stats.countHttp(res.status, res.ms);
      const retryable = res.status === 429 || res.status === 503 || res.status === 0;
      if (retryable && attempt < options.maxRetries && !args.stopSignal?.stopped) {
        stats.retries++;
        await sleep(Math.min(10_000, (res.retryAfter ?? 1) * 1000 + rng.int(0, 250)));
        continue;
      }
      if (push.kind === 'rest' && res.status === 202 && res.body) {
        const body = res.body as IngestResponse;
        stats.countIngestAnswer(body);
        if (options.trackOutcomes && body.batchId) {
          const shapeErrors = new Map<number, string[]>();
          for (const e of body.errors) shapeErrors.set(e.index, [...(shapeErrors.get(e.index) ?? []), e.code]);
          tracked.push({ batchId: body.batchId, key: agent.institution.key, defects: push.defects, shapeErrors, dueAt: performance.now() + 1500, polls: 0 });
        }
      } else if (push.kind === 'fhir') {
        if (res.status === 404 || res.status === 405) {
          if (++fhirMissing >= 3 && !fhirDisabled) {
            fhirDisabled = true;
            print('        POST /fhir/R4 answers 404: FHIR pushes disabled for the rest of the run');
          }
        } else stats.countFhirAnswer(res.body as Record<string, unknown> | null);
      }
      return;
    }
  };

  // Follows tracked batches until done; a few polls at a time.
  let polling = true;
  const poller = (async () => {
    while (polling || tracked.length > 0) {
      const now = performance.now();
      const due = tracked.filter((t) => t.dueAt <= now).slice(0, 4);
      if (due.length === 0) {
        if (!polling && tracked.every((t) => t.dueAt > now + 60_000)) break;
        await sleep(200);
        continue;
      }
      await Promise.all(
        due.map(async (t) => {
          const res = await api.batchStatus(t.key, t.batchId);
          t.polls++;
          const body = res.body;
          if (res.status === 200 && body && (body.status === 'done' || body.status === 'failed')) {
            stats.countBatch(body, t.defects, t.shapeErrors);
            tracked.splice(tracked.indexOf(t), 1);
          } else {
            t.dueAt = performance.now() + Math.min(5000, 1000 * (1 + t.polls * 0.5));
          }
        }),
      );
    }
  })();

  const timer = setInterval(() => print(stats.formatProgress(inFlight, tracked.length)), options.summaryEveryS * 1000);
  try {
    while (performance.now() < endAt && !args.stopSignal?.stopped) {
      const agent = rng.weighted(agents, weights);
      let push = agent.workload.next(clock());
      if (push.kind === 'fhir' && fhirDisabled) push = agent.workload.nextRest(clock());
      const size = pushSize(push);
      // Pace: this push's slot starts when the records before it were due.
      const due = started + (scheduled / options.rate) * 1000;
      const now = performance.now();
      if (due > now) await sleep(due - now);
      else if (now - due > 2000) {
        // More than 2 s behind (server or client saturated): do not burst to catch up.
        stats.behindSchedule++;
        scheduled = ((now - started) / 1000) * options.rate;
      }
      scheduled += size;
      await sem.acquire();
      if (push.kind === 'rest') stats.countPush(push.dataset, size, push.defects, push.sends);
      else {
        stats.fhirPushes++;
        stats.fhirEntries += size;
        stats.countPush('fhir', size, [], []);
      }
      inFlight++;
      const p = send(agent, push).finally(() => {
        inFlight--;
        sem.release();
        pending.delete(p);
      });
      pending.add(p);
    }
    await Promise.all(pending);
    stats.sendSeconds = stats.elapsedS();
    // Send the visits whose lab/exam/prescription records went first, so no child waits for ever.
    if (!args.stopSignal?.stopped) {
      const flush = agents.flatMap((agent) => {
        const push = agent.workload.flushPending(clock());
        return push ? [{ agent, push }] : [];
      });
      for (const { agent, push } of flush) {
        stats.countPush(push.dataset, push.records.length, push.defects, push.sends);
        await send(agent, push);
      }
      if (flush.length > 0) print(`        sent the ${flush.reduce((n, f) => n + f.push.records.length, 0)} pending encounters whose children went first`);
    }
    if (options.trackOutcomes && tracked.length > 0) {
      print(`        waiting up to ${options.drainS} s for ${tracked.length} batches to finish…`);
      const drainEnd = performance.now() + options.drainS * 1000;
      while (tracked.length > 0 && performance.now() < drainEnd && !args.stopSignal?.stopped) await sleep(250);
    }
  } finally {
    clearInterval(timer);
    polling = false;
    tracked.length = 0;
    await poller;
  }
  print(stats.formatProgress(inFlight, 0));
  return stats;
}
