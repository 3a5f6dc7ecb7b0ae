import type { Job } from 'bullmq';
import type { Config } from '@rhip/config';
import { MONITORING_TASKS, type MonitoringJobData, type MonitoringTask } from '@rhip/contracts';
import type { PgPool, PgPoolClient } from '@rhip/db';
import type { Logger } from '@rhip/logger';
import { detectAnomalies } from '../interconnection/anomalies';
import { refreshMonitoringRollups } from '../interconnection/monitoring-rollups';
import { refreshStatuses } from '../interconnection/status';
import { scanFinishedBatches } from '../quality/scan-batches';
import type { WorkerRegistry } from '../registry';
import { deliverWebhooks } from './deliver-webhooks';
import { evaluateAlerts } from './evaluate-alerts';

/** Advisory lock ids: one task of a kind at a time across worker replicas. */
const TASK_LOCKS: Record<MonitoringTask, number> = {
  'refresh-status': 727_101,
  'refresh-rollups': 727_106,
  'detect-anomalies': 727_102,
  'scan-quality': 727_103,
  'evaluate-alerts': 727_104,
  'deliver-webhooks': 727_105,
};

/** How often schedulers lost to a Redis flush are put back while the worker runs. */
const ENSURE_SCHEDULERS_MS = 60_000;

type Deps = { pg: PgPool; log: Logger; registry: WorkerRegistry; config: Config };

/** Runs `fn` on a client of its own while holding the task's session advisory lock; null when another replica holds it. */
async function withTaskLock<T>(pg: PgPool, task: MonitoringTask, fn: (client: PgPoolClient) => Promise<T>): Promise<T | null> {
  const client = await pg.connect();
  let locked = false;
  try {
    const got = await client.query<{ ok: boolean }>('select pg_try_advisory_lock($1) as ok', [TASK_LOCKS[task]]);
    locked = got.rows[0]?.ok === true;
    if (!locked) return null;
    return await fn(client);
  } finally {
    if (locked) await client.query('select pg_advisory_unlock($1)', [TASK_LOCKS[task]]).catch(() => undefined);
    client.release();
  }
}

/**
 * Interconnection and data-quality monitoring on the `monitoring` queue: one
 * BullMQ job scheduler per task (status, anomalies, duplicate/rule scan,
 * alerts, webhooks) at its configured interval, consumed by one worker.
 * Schedulers are upserted at start and re-checked every minute, since a Redis
 * flush removes them. Every task reads its state from PostgreSQL, so a lost
 * or doubled run only costs time.
 */
export function startMonitoring(deps: Deps) {
  const { pg, log, registry, config } = deps;
  let statusRuns = 0;
  let rollupRuns = 0;

  const tasks: Record<MonitoringTask, { every: number; run: (c: PgPoolClient) => Promise<unknown> }> = {
    'refresh-status': {
      every: config.STATUS_INTERVAL_MS,
      // The first run of a process re-reads every day of rollups, then every 60th.
      run: (c) => refreshStatuses(c, { full: statusRuns++ % 60 === 0 }),
    },
    'refresh-rollups': {
      every: config.ROLLUP_INTERVAL_MS,
      // Recent days every run; every day on the first run of a process and every 60th (late data older than the window).
      run: (c) => refreshMonitoringRollups(c, { full: rollupRuns++ % 60 === 0 }),
    },
    'detect-anomalies': {
      every: config.ANOMALY_INTERVAL_MS,
      run: (c) =>
        detectAnomalies(c, {
          zThreshold: config.ANOMALY_Z_THRESHOLD,
          baselineDays: config.ANOMALY_BASELINE_DAYS,
          minBaselineDays: config.ANOMALY_MIN_BASELINE_DAYS,
          lookbackDays: config.ANOMALY_LOOKBACK_DAYS,
          minDeviation: config.ANOMALY_MIN_DEVIATION,
        }),
    },
    'scan-quality': { every: config.DUPLICATE_INTERVAL_MS, run: (c) => scanFinishedBatches(c, log, { windowMinutes: config.DUPLICATE_WINDOW_MINUTES }) },
    'evaluate-alerts': { every: config.ALERT_INTERVAL_MS, run: (c) => evaluateAlerts(c, log) },
    'deliver-webhooks': {
      every: config.WEBHOOK_POLL_MS,
      run: (c) =>
        deliverWebhooks(c, log, {
          timeoutMs: config.WEBHOOK_TIMEOUT_MS,
          maxAttempts: config.WEBHOOK_MAX_ATTEMPTS,
          retryBaseMs: config.WEBHOOK_RETRY_BASE_MS,
          signingSecret: config.WEBHOOK_SIGNING_SECRET,
        }),
    },
  };

  async function processor(job: Job<MonitoringJobData>) {
    const task = tasks[job.data.task];
    if (!task) throw new Error(`unknown monitoring task ${String(job.data.task)}`);
    const started = Date.now();
    const result = await withTaskLock(pg, job.data.task, task.run);
    log.debug({ task: job.data.task, ms: Date.now() - started, result }, result === null ? 'monitoring task skipped (running elsewhere)' : 'monitoring task done');
    return result;
  }

  registry.start({ queue: 'monitoring', processor, options: { concurrency: 2 } });
  const queue = registry.queue('monitoring');

  let stopped = false;
  async function ensureSchedulers() {
    for (const name of MONITORING_TASKS) {
      if (stopped) return;
      const every = tasks[name].every;
      const existing = await queue.getJobScheduler(name);
      if (existing && Number(existing.every) === every) continue;
      await queue.upsertJobScheduler(name, { every }, {
        name,
        data: { task: name },
        // Failures are kept (bounded): their reasons are data.
        opts: { removeOnComplete: { count: 50 }, removeOnFail: { count: 500 } },
      });
    }
  }
  const ensure = () => ensureSchedulers().catch((err: unknown) => log.warn({ err: err instanceof Error ? err.message : String(err) }, 'monitoring schedulers not ensured'));
  void ensure();
  const timer = setInterval(() => void ensure(), ENSURE_SCHEDULERS_MS);
  timer.unref();
  return {
    stop() {
      stopped = true;
      clearInterval(timer);
    },
  };
}
