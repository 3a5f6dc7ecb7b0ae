/**
 * The one map from queue name to job payload, shared by the api (producer) and
 * the worker (consumer). Payloads are thin: ids, never records — the records
 * live in the durable inbox in PostgreSQL.
 */
import type { KpiJobData } from '../kpi/kpi-jobs';

export const QUEUES = {
  ingest: 'ingest',
  maintenance: 'maintenance',
  kpi: 'kpi',
  monitoring: 'monitoring',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export interface IngestBatchJobData {
  batchId: string;
  /** Carried from the HTTP request into the worker's logs. */
  requestId?: string;
}

export interface MaintenanceJobData {
  task: 'sweep-inbox' | 'refresh-status' | 'refresh-kpis';
}

/** Periodic interconnection and data-quality work (job schedulers, one per task). */
export const MONITORING_TASKS = ['refresh-status', 'refresh-rollups', 'detect-anomalies', 'scan-quality', 'evaluate-alerts', 'deliver-webhooks'] as const;
export type MonitoringTask = (typeof MONITORING_TASKS)[number];

export interface MonitoringJobData {
  task: MonitoringTask;
}

export interface QueueJobMap {
  ingest: IngestBatchJobData;
  maintenance: MaintenanceJobData;
  kpi: KpiJobData;
  monitoring: MonitoringJobData;
}

/**
 * Options of every ingest job: the batch id is the job id (one job per batch,
 * duplicates ignored), retries back off exponentially, failures are kept
 * (never removeOnFail). Shared by the API (first enqueue), the sweeper and
 * replays. Structurally a BullMQ `JobsOptions`.
 */
export function ingestJobOptions(batchId: string) {
  return {
    jobId: batchId,
    attempts: 5,
    backoff: { type: 'exponential' as const, delay: 2_000 },
    removeOnComplete: { age: 3600, count: 10_000 },
    removeOnFail: false,
  };
}
