import { Queue, Worker, type Job, type WorkerOptions } from 'bullmq';
import type { Logger } from '@rhip/logger';
import type { QueueJobMap, QueueName } from '@rhip/contracts';

export type Processor<Q extends QueueName> = (job: Job<QueueJobMap[Q]>) => Promise<unknown>;

export interface JobDefinition<Q extends QueueName> {
  queue: Q;
  processor: Processor<Q>;
  options?: Partial<WorkerOptions>;
}

/**
 * Starts one BullMQ worker per job definition and closes workers before queues
 * on shutdown, so in-flight jobs finish (or return to the queue) first.
 * Failed jobs are kept (no removeOnFail): their reasons are data.
 */
export function createWorkerRegistry(deps: { redisUrl: string; prefix: string; log: Logger; concurrency: number }) {
  const connection = { url: deps.redisUrl, maxRetriesPerRequest: null };
  const workers: Worker[] = [];
  const queues = new Map<QueueName, Queue>();

  function queue<Q extends QueueName>(name: Q): Queue<QueueJobMap[Q]> {
    let q = queues.get(name);
    if (!q) {
      q = new Queue(name, { connection, prefix: deps.prefix });
      queues.set(name, q);
    }
    return q as Queue<QueueJobMap[Q]>;
  }

  function start<Q extends QueueName>(def: JobDefinition<Q>) {
    const worker = new Worker<QueueJobMap[Q]>(def.queue, def.processor, {
      connection,
      prefix: deps.prefix,
      concurrency: deps.concurrency,
      ...def.options,
    });
    worker.on('failed', (job, err) => deps.log.error({ queue: def.queue, jobId: job?.id, attempts: job?.attemptsMade, err: err.message }, 'job failed'));
    worker.on('error', (err) => deps.log.warn({ queue: def.queue, err: err.message }, 'worker error'));
    workers.push(worker);
    return worker;
  }

  async function close() {
    await Promise.allSettled(workers.map((w) => w.close()));
    await Promise.allSettled([...queues.values()].map((q) => q.close()));
  }

  return { start, queue, close, workers: () => [...workers] };
}

export type WorkerRegistry = ReturnType<typeof createWorkerRegistry>;
