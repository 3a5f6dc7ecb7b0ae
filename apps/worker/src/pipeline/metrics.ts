import { Counter, Histogram, type Registry } from 'prom-client';

export function createPipelineMetrics(registry: Registry) {
  return {
    records: new Counter({
      name: 'rhip_records_ingested_total',
      help: 'Records processed by the ingest pipeline, by data set and outcome',
      labelNames: ['dataset', 'outcome'] as const,
      registers: [registry],
    }),
    batchSeconds: new Histogram({
      name: 'rhip_ingest_batch_duration_seconds',
      help: 'Time to process one ingest batch in the worker',
      labelNames: ['dataset'] as const,
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30],
      registers: [registry],
    }),
  };
}

export type PipelineMetrics = ReturnType<typeof createPipelineMetrics>;
