/**
 * Monitoring answers of the ingest API (采集监控), read by the console:
 *   GET  /api/v1/ingest/batches                  → BatchPage (newest first)
 *   GET  /api/v1/ingest/dead-letters             → DeadLetterPage
 *   POST /api/v1/ingest/batches/{batchId}/replay → ReplayResult
 */
import { z } from 'zod';
import { PageQuerySchema, pageOf } from '../common/paging';
import { DatasetSchema } from '../institutions/institutions';
import { BatchStateSchema } from './api';

export const IngestChannelSchema = z.enum(['rest', 'fhir']).describe('渠道 rest | fhir');
export type IngestChannel = z.infer<typeof IngestChannelSchema>;

export const BatchListQuerySchema = PageQuerySchema.extend({
  institutionId: z.uuid().optional(),
  dataset: DatasetSchema.optional(),
  status: BatchStateSchema.optional(),
});
export type BatchListQuery = z.infer<typeof BatchListQuerySchema>;

/** One batch in the list: its counts, without the per-record outcomes. */
export const BatchSummarySchema = z.object({
  batchId: z.string(),
  institutionId: z.string(),
  institutionName: z.string().nullable(),
  dataset: z.string().describe('数据集 Data set'),
  channel: IngestChannelSchema,
  status: BatchStateSchema,
  counts: z.object({
    received: z.number(),
    accepted: z.number(),
    rejected: z.number(),
    stored: z.number(),
    linked: z.number(),
    inReview: z.number(),
    failed: z.number(),
  }),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type BatchSummary = z.infer<typeof BatchSummarySchema>;
export const BatchPageSchema = pageOf(BatchSummarySchema);

/** A dead letter: a whole failed batch (index null) or one failed record of a batch. */
export const DeadLetterSchema = z.object({
  batchId: z.string(),
  institutionId: z.string(),
  institutionName: z.string().nullable(),
  dataset: z.string(),
  index: z.number().int().nullable().describe('null: the whole batch failed'),
  sourceId: z.string().nullable(),
  reason: z.string().nullable(),
  at: z.string(),
});
export type DeadLetter = z.infer<typeof DeadLetterSchema>;
export const DeadLetterPageSchema = pageOf(DeadLetterSchema);

/** The batch that carries the replayed records (the same batch when a whole batch failed). */
export const ReplayResultSchema = z.object({ batchId: z.string(), records: z.number().int() });
export type ReplayResult = z.infer<typeof ReplayResultSchema>;
