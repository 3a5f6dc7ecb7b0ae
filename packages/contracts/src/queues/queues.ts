/**
 * The one map from queue name to job payload, shared by the api (producer) and
 * the worker (consumer). Payloads are thin: ids, never records — the records
 * live in the durable inbox in PostgreSQL.
 */
export const QUEUES = {
  ingest: 'ingest',
  maintenance: 'maintenance',
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

export interface QueueJobMap {
  ingest: IngestBatchJobData;
  maintenance: MaintenanceJobData;
}
