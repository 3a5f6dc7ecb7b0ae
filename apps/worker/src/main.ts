import { loadConfig } from '@rhip/config';
import { createPgPool, createPrismaClient } from '@rhip/db';
import { createLogger } from '@rhip/logger';
import { createPiiCipher } from '@rhip/pii';
import { Registry, collectDefaultMetrics } from 'prom-client';
import { startHealthServer } from './health-server';
import { createWorkerRegistry } from './registry';
import { createIngestJob } from './jobs/ingest-batch';
import { startInboxSweeper } from './jobs/sweep-inbox';
import { createKpiJob } from './kpi/kpi-job';
import { startMonitoring } from './jobs/monitoring';
import { createPipelineMetrics } from './pipeline/metrics';

/**
 * The worker: consumes the ingest queue (validate → cleanse → link → upsert →
 * findings → rollups) and sweeps the durable inbox so nothing accepted is left
 * behind after a crash or a Redis flush. Stops gracefully on SIGTERM.
 */
async function main() {
  const config = loadConfig();
  const log = createLogger({ name: 'worker', level: config.LOG_LEVEL });
  const pg = createPgPool(config.DATABASE_URL, { max: config.WORKER_CONCURRENCY + 4, applicationName: 'rhip-worker' });
  const db = createPrismaClient(pg);
  const pii = createPiiCipher({ encryptionKey: config.PII_ENCRYPTION_KEY, keyId: config.PII_KEY_ID, blindIndexKey: config.BLIND_INDEX_KEY });
  const metrics = new Registry();
  collectDefaultMetrics({ register: metrics, prefix: 'rhip_worker_' });
  const pipelineMetrics = createPipelineMetrics(metrics);

  const registry = createWorkerRegistry({ redisUrl: config.REDIS_URL, prefix: config.QUEUE_PREFIX, log, concurrency: config.WORKER_CONCURRENCY });
  registry.start(createIngestJob({ pg, db, pii, log, metrics: pipelineMetrics, queue: registry.queue('ingest'), lockMs: config.INGEST_JOB_LOCK_MS, kpiQueue: registry.queue('kpi') }));
  registry.start(createKpiJob({ pg, log, queue: registry.queue('kpi'), redisUrl: config.REDIS_URL, prefix: config.QUEUE_PREFIX }));
  const sweeper = startInboxSweeper({ pg, log, queue: registry.queue('ingest'), intervalMs: config.SWEEP_INTERVAL_MS, staleMs: config.SWEEP_STALE_MS });
  startMonitoring({ pg, log, registry, config });

  const health = startHealthServer(config.WORKER_HEALTH_PORT, metrics, () => registry.workers().every((w) => w.isRunning()));
  log.info({ concurrency: config.WORKER_CONCURRENCY, prefix: config.QUEUE_PREFIX }, 'worker started');

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    log.info({ signal }, 'worker shutting down');
    const force = setTimeout(() => process.exit(1), 50_000);
    force.unref();
    sweeper.stop();
    // Workers first (the active job finishes), then queues, then the pool.
    await registry.close();
    health.close();
    await db.$disconnect().catch(() => undefined);
    await pg.end().catch(() => undefined);
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
