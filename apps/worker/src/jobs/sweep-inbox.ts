import type { Queue } from 'bullmq';
import { ingestJobOptions, type IngestBatchJobData } from '@rhip/contracts';
import type { PgPool } from '@rhip/db';
import type { Logger } from '@rhip/logger';
import { releaseParkedWithParents } from '../pipeline/parked';

/**
 * The inbox in PostgreSQL is the source of truth; Redis only carries wake-up
 * calls. Every `intervalMs` this re-enqueues batches still queued or
 * processing after `staleMs` (worker crash, Redis restart or flush). The job id
 * is the batch id, so a job still in Redis is not duplicated, and the batch row
 * lock makes a second delivery harmless. A plain timer, not a repeatable job:
 * a Redis flush must not take the sweeper with it.
 */
export function startInboxSweeper(deps: { pg: PgPool; log: Logger; queue: Queue<IngestBatchJobData>; intervalMs?: number; staleMs?: number }) {
  const { pg, log, queue } = deps;
  const intervalMs = deps.intervalMs ?? 15_000;
  const staleMs = deps.staleMs ?? 30_000;
  let running = false;

  async function sweep(): Promise<number> {
    if (running) return 0;
    running = true;
    try {
      const stale = await pg.query<{ id: string }>(
        `select id from ingest_batches where status in ('queued', 'processing') and updated_at < now() - ($1::int * interval '1 millisecond')
          order by created_at limit 500`,
        [staleMs],
      );
      let requeued = 0;
      for (const { id } of stale.rows) {
        const existing = await queue.getJob(id);
        const state = existing ? await existing.getState() : 'missing';
        if (state === 'waiting' || state === 'active' || state === 'delayed' || state === 'prioritized' || state === 'waiting-children') continue;
        // A completed or failed job left over for a batch that is not done: remove it so the id can be reused.
        if (existing) await existing.remove().catch(() => undefined);
        await queue.add('batch', { batchId: id }, ingestJobOptions(id));
        requeued += 1;
      }
      if (requeued) log.warn({ requeued }, 'inbox sweeper re-enqueued unfinished batches');
      // Children parked while their parent was being stored by a concurrent batch.
      const released = await releaseParkedWithParents(pg, queue);
      if (released.length) log.info({ released }, 'parked children released by the sweeper');
      return requeued;
    } catch (err) {
      log.warn({ err: err instanceof Error ? err.message : String(err) }, 'inbox sweep failed');
      return 0;
    } finally {
      running = false;
    }
  }

  void sweep();
  const timer = setInterval(() => void sweep(), intervalMs);
  timer.unref();
  return { sweep, stop: () => clearInterval(timer) };
}
