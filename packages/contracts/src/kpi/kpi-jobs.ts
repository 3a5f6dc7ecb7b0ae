/**
 * Jobs of the `kpi` queue (apps/worker/src/kpi). Thin payloads: a finished
 * batch, a period to recompute, or the periodic flush of dirty rollup scopes.
 */
export type KpiJobData =
  | { task: 'batch'; batchId: string }
  | { task: 'recompute'; period: string; requestId?: string }
  | { task: 'flush' };

/**
 * Redis keys of the KPI worker's dirty set (rollup scopes waiting to be
 * recomputed, scored by when they are due) and of the scopes being processed.
 * Under the queue prefix, so they hash to the same Redis Cluster slot.
 */
export function kpiRedisKeys(prefix: string) {
  return { dirty: `${prefix}:kpi:dirty`, processing: `${prefix}:kpi:processing`, tick: (name: string) => `${prefix}:kpi:tick:${name}` };
}

/** Job options of a batch notification: one job per batch, removed once done, failures kept. */
export function kpiBatchJobOptions(batchId: string) {
  return { jobId: `kpi-batch-${batchId}`, attempts: 3, backoff: { type: 'exponential' as const, delay: 1_000 }, removeOnComplete: true, removeOnFail: { count: 1000 } };
}
