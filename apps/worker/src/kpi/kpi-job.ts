/**
 * The KPI worker (queue `kpi`, concurrency 1 per replica). Three tasks:
 *
 * - batch: a batch finished (jobs/ingest-batch.ts). Reads its records'
 *   event times from the durable inbox and marks the rollup scopes they touch
 *   dirty (scopes.ts). Cheap: no recomputation here.
 * - recompute: every scope of a period is marked due now (API, console).
 * - flush: every second (a plain timer enqueues it with a fixed job id, so
 *   at most one waits; a Redis flush cannot stop the timer) claims the due
 *   scopes and recomputes them from the core tables (recompute.ts). It also
 *   refreshes the plan scope of the month every minute (institution
 *   attributes change outside batches) and reconciles the current and
 *   previous month every ten minutes and at start (late records, person
 *   merges, marks lost with Redis).
 *
 * Reads at request time never scan EMR tables: the API reads kpi_rollups.
 */
import type { Job, Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { chinaMonthOf, kpiBatchJobOptions, type KpiJobData } from '@rhip/contracts';
import type { PgPool } from '@rhip/db';
import type { Logger } from '@rhip/logger';
import type { JobDefinition } from '../registry';
import { createDirtySet } from './dirty-set';
import { groupScopes, institutionIds, runGroup } from './recompute';
import { DEBOUNCE_MS, parseScopeKey, reconcileScopes, scopesForBatch, scopesForPeriod, type KpiScope, type ScopeKind } from './scopes';
import type { Dataset } from '@rhip/contracts';

export const FLUSH_INTERVAL_MS = 1_000;
export const PLAN_REFRESH_MS = 60_000;
export const RECONCILE_MS = 10 * 60_000;
/** A flush yields after this long so batch notifications queued behind it are not held up. */
const FLUSH_BUDGET_MS = 20_000;
const RETRY_DELAY_MS = 30_000;
const FLUSH_JOB_ID = 'kpi-flush';
/** A scope kind that takes t to recompute waits at least DUTY_FACTOR × t after its first mark. */
const DUTY_FACTOR = 4;

/** Notifies the KPI worker that a batch is done (never fails the batch: the reconcile catches up). */
export async function enqueueKpiBatch(queue: Queue<KpiJobData>, batchId: string): Promise<void> {
  await queue.add('batch', { task: 'batch', batchId }, kpiBatchJobOptions(batchId));
}

export function createKpiJob(deps: { pg: PgPool; log: Logger; queue: Queue<KpiJobData>; redisUrl: string; prefix: string; flushIntervalMs?: number }): JobDefinition<'kpi'> {
  const { pg, log, queue } = deps;
  const redis = new Redis(deps.redisUrl, { maxRetriesPerRequest: null, lazyConnect: true });
  redis.on('error', (err) => log.warn({ err: err.message }, 'kpi redis connection error'));
  // Last recompute time per kind: a scope waits at least a few times as long as it takes (kept light under a stream of batches).
  const lastMs = new Map<ScopeKind, number>();
  const dirty = createDirtySet(redis, deps.prefix, (kind) => Math.max(DEBOUNCE_MS[kind], DUTY_FACTOR * (lastMs.get(kind) ?? 0)));
  let recovered = false;

  const timer = setInterval(() => {
    // removeOnFail: the flush carries no data and catches its own errors; a kept failure would block its fixed id.
    void queue.add('flush', { task: 'flush' }, { jobId: FLUSH_JOB_ID, removeOnComplete: true, removeOnFail: true }).catch(() => undefined);
  }, deps.flushIntervalMs ?? FLUSH_INTERVAL_MS);
  timer.unref();

  async function batch(batchId: string) {
    const b = await pg.query<{ institution_id: string; dataset: Dataset; created_at: Date; payload: unknown[] | null }>(
      `select b.institution_id::text, b.dataset, b.created_at, i.payload
         from ingest_batches b left join ingest_inbox i on i.batch_id = b.id where b.id = $1`,
      [batchId],
    );
    const row = b.rows[0];
    if (!row) return { scopes: 0 };
    const scopes = scopesForBatch({ institutionId: row.institution_id, dataset: row.dataset, receivedAt: row.created_at }, row.payload ?? []);
    await dirty.mark(scopes);
    return { scopes: scopes.length };
  }

  async function recompute(period: string) {
    const scopes = scopesForPeriod(period, await institutionIds(pg));
    await dirty.mark(scopes, { immediate: true });
    log.info({ period, scopes: scopes.length }, 'kpi recompute requested');
    return { scopes: scopes.length };
  }

  async function flush() {
    const ds = dirty;
    if (!recovered) {
      const orphans = await ds.recoverOrphans();
      if (orphans) log.warn({ orphans }, 'kpi scopes left by a stopped worker marked again');
      recovered = true;
    }
    if (await ds.tick('reconcile', RECONCILE_MS)) await ds.mark(reconcileScopes(await institutionIds(pg)), { immediate: true });
    if (await ds.tick('plan', PLAN_REFRESH_MS)) await ds.mark([{ kind: 'plan', month: chinaMonthOf() }], { immediate: true });

    const started = Date.now();
    let groups = 0;
    let failed = 0;
    while (Date.now() - started < FLUSH_BUDGET_MS) {
      const keys = await ds.claimDue(500);
      if (!keys.length) break;
      const scopes: KpiScope[] = [];
      for (const key of keys) {
        const s = parseScopeKey(key);
        if (s) scopes.push(s);
        else await ds.done(key);
      }
      for (const group of groupScopes(scopes)) {
        const t = Date.now();
        try {
          const rows = await runGroup(pg, group);
          lastMs.set(group.kind, Date.now() - t);
          for (const key of group.keys) await ds.done(key);
          log.debug({ scope: group.label, rows, ms: Date.now() - t }, 'kpi scope recomputed');
          groups += 1;
        } catch (err) {
          failed += 1;
          log.error({ scope: group.label, err: err instanceof Error ? err.message : String(err) }, 'kpi scope failed; retried later');
          for (const key of group.keys) await ds.retry(key, RETRY_DELAY_MS);
        }
      }
    }
    if (groups || failed) log.info({ groups, failed, ms: Date.now() - started }, 'kpi rollups flushed');
    return { groups, failed };
  }

  async function processor(job: Job<KpiJobData>) {
    const data = job.data;
    switch (data.task) {
      case 'batch':
        return batch(data.batchId);
      case 'recompute':
        return recompute(data.period);
      case 'flush':
        try {
          return await flush();
        } catch (err) {
          log.error({ err: err instanceof Error ? err.message : String(err) }, 'kpi flush failed');
          return { groups: 0, failed: 1 };
        }
    }
  }

  return { queue: 'kpi', processor, options: { concurrency: 1 } };
}
