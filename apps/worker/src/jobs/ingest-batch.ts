import type { Job, Queue } from 'bullmq';
import type { IngestBatchJobData, KpiJobData } from '@rhip/contracts';
import type { PgPool, PrismaClient } from '@rhip/db';
import type { Logger } from '@rhip/logger';
import type { PiiCipher } from '@rhip/pii';
import { createMatcher } from '../pipeline/matcher';
import type { PipelineMetrics } from '../pipeline/metrics';
import { processBatch } from '../pipeline/process-batch';
import { enqueueKpiBatch } from '../kpi/kpi-job';
import { releaseParkedChildren } from '../pipeline/parked';
import type { JobDefinition } from '../registry';

/** Attempts before a batch is given up as a dead letter (failed, replayable). */
export const INGEST_ATTEMPTS = 5;

export function createIngestJob(deps: {
  pg: PgPool;
  db: PrismaClient;
  pii: PiiCipher;
  log: Logger;
  metrics: PipelineMetrics;
  queue: Queue<IngestBatchJobData>;
  lockMs: number;
  /** KPI rollups follow each finished batch (apps/worker/src/kpi). */
  kpiQueue?: Queue<KpiJobData>;
}): JobDefinition<'ingest'> {
  const { pg, pii, log, metrics, queue } = deps;
  const matcher = createMatcher();

  async function processor(job: Job<IngestBatchJobData>) {
    const { batchId, requestId } = job.data;
    const started = process.hrtime.bigint();
    try {
      const result = await processBatch({ pg, pii, matcher, log }, batchId);
      if (result.status === 'skipped') return result;
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      metrics.batchSeconds.observe({ dataset: result.dataset ?? 'unknown' }, seconds);
      for (const [outcome, n] of Object.entries(result.counts ?? {})) if (n) metrics.records.inc({ dataset: result.dataset ?? 'unknown', outcome }, n);
      log.info({ batchId, requestId, dataset: result.dataset, ...result.counts, ms: Math.round(seconds * 1000), steps: result.steps }, 'batch processed');
      if (deps.kpiQueue) await enqueueKpiBatch(deps.kpiQueue, batchId).catch((err: Error) => log.warn({ batchId, err: err.message }, 'kpi notification failed'));
      if (result.storedEncounterSourceIds?.length && result.institutionId) {
        const released = await releaseParkedChildren(pg, queue, result.institutionId, result.storedEncounterSourceIds);
        if (released.length) log.info({ batchId, released }, 'parked children released');
      }
      return result;
    } catch (err) {
      const final = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      const message = err instanceof Error ? err.message : String(err);
      // Keep the reason with the batch; on the last attempt the batch becomes a dead letter.
      await pg
        .query(
          `update ingest_batches set last_error = $2, updated_at = now(), status = case when $3 then 'failed'::batch_status else status end,
                  failed = case when $3 then accepted else failed end where id = $1 and status <> 'done'`,
          [batchId, message.slice(0, 2000), final],
        )
        .catch(() => undefined);
      throw err;
    }
  }

  return {
    queue: 'ingest',
    processor,
    // A crashed worker's job is found stalled after its lock lapses; the lock is renewed while a batch runs.
    options: { lockDuration: deps.lockMs, stalledInterval: deps.lockMs },
  };
}
