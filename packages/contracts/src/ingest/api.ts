/**
 * Requests and answers of the ingest API:
 *   POST /api/v1/ingest/{dataset}        { records: [...] } → 202 IngestResponse
 *   GET  /api/v1/ingest/batches/{batchId}                    → BatchStatus
 */
import { z } from 'zod';
import { DatasetSchema } from '../institutions/institutions';
import { INGEST_MAX_RECORDS } from './fields';

export const IngestDatasetParamsSchema = z.object({
  dataset: DatasetSchema.describe('数据集 Data set'),
});
export type IngestDatasetParams = z.infer<typeof IngestDatasetParamsSchema>;

export const BatchParamsSchema = z.object({
  batchId: z.uuid().describe('批次ID Batch id returned by POST /api/v1/ingest/{dataset}'),
});
export type BatchParams = z.infer<typeof BatchParamsSchema>;

/**
 * The request body. Records are `unknown` here on purpose: each one is checked
 * on its own against its data set's schema (IngestRecordSchemas), so one bad
 * record is reported and never rejects the batch. Only the envelope (1–5,000
 * records) can fail the whole request.
 */
export const IngestRequestSchema = z
  .object({
    records: z
      .array(z.unknown())
      .min(1)
      .max(INGEST_MAX_RECORDS)
      .describe(`记录 Records of the data set named in the path, 1 to ${INGEST_MAX_RECORDS} per request; see the data set's record schema`),
  })
  .describe('上传请求 Ingest request');
export type IngestRequest = z.infer<typeof IngestRequestSchema>;

export const IssueSeveritySchema = z.enum(['error', 'warning', 'info']).describe('严重程度 error rejects the record; warning keeps it with a finding');
export type IssueSeverity = z.infer<typeof IssueSeveritySchema>;

/** One problem found in a record. */
export const RecordIssueSchema = z.object({
  path: z.string().describe("数据元路径 Path of the offending element, e.g. patient.idNumber or diagnoses[0].code; '' for the record as a whole"),
  code: z.string().describe('规则代码 Stable rule code, e.g. SHAPE_REQUIRED, SHAPE_FORMAT, or a domain rule code'),
  message: z.string().describe('Message in English'),
  messageZh: z.string().optional().describe('中文说明 Message in Chinese'),
  severity: IssueSeveritySchema.optional(),
});
export type RecordIssue = z.infer<typeof RecordIssueSchema>;

/** A problem in one record of a request, located by its index in `records` and its sourceId. */
export const RecordErrorSchema = RecordIssueSchema.extend({
  index: z.number().int().min(0).describe('序号 Index of the record in the request’s records array'),
  sourceId: z.string().nullable().describe('记录标识 The record’s sourceId as sent, null when it has none'),
});
export type RecordError = z.infer<typeof RecordErrorSchema>;

/** 202 Accepted: the accepted records are durably stored; processing continues in the background. */
export const IngestResponseSchema = z
  .object({
    batchId: z.string().describe('批次ID Poll GET /api/v1/ingest/batches/{batchId} for per-record outcomes'),
    received: z.number().int().min(0).describe('收到 Records in the request'),
    accepted: z.number().int().min(0).describe('接收 Records that passed shape validation and were stored'),
    rejected: z.number().int().min(0).describe('拒收 Records rejected for their shape (see errors)'),
    errors: z.array(RecordErrorSchema).describe('拒收原因 Shape errors of the rejected records; later findings appear in the batch status'),
  })
  .describe('上传应答 Ingest answer');
export type IngestResponse = z.infer<typeof IngestResponseSchema>;

export const BatchStateSchema = z
  .enum(['queued', 'processing', 'done', 'failed'])
  .describe('批次状态 queued | processing | done | failed (failed: the batch could not be processed; records are in dead letters)');
export type BatchState = z.infer<typeof BatchStateSchema>;

export const RecordOutcomeStatusSchema = z
  .enum(['accepted', 'rejected', 'stored', 'linked', 'review', 'parked', 'failed', 'noop'])
  .describe(
    '记录结果 accepted (waiting) | rejected (an error rule) | stored | linked (to a master person) | review (match awaits a reviewer) | parked (waits for its parent encounter) | failed (dead letter) | noop (re-send of the same or an older version)',
  );
export type RecordOutcomeStatus = z.infer<typeof RecordOutcomeStatusSchema>;

/** One change cleansing made to a record before it was checked and stored. */
export const CleansingChangeSchema = z.object({
  path: z.string().describe('数据元路径 Element changed'),
  rule: z.string().describe('清洗规则 e.g. half_width, sex_synonym, id_upgrade_15, datetime_iso'),
  from: z.unknown().optional().describe('原值 Value as sent (left out for personal elements)'),
  to: z.unknown().optional().describe('清洗后 Value stored (left out for personal elements)'),
});
export type CleansingChange = z.infer<typeof CleansingChangeSchema>;

export const RecordOutcomeSchema = z.object({
  index: z.number().int().min(0).describe('序号 Index of the record in the request'),
  sourceId: z.string().nullable(),
  status: RecordOutcomeStatusSchema,
  errors: z.array(RecordIssueSchema).describe('问题 Errors and warnings found in the record'),
  masterPersonId: z.string().nullish().describe('主索引ID Master person the record is linked to'),
  changes: z.array(CleansingChangeSchema).optional().describe('清洗记录 What cleansing normalised in this record'),
});
export type RecordOutcome = z.infer<typeof RecordOutcomeSchema>;

const count = (description: string) => z.number().int().min(0).describe(description);

export const BatchCountsSchema = z.object({
  received: count('收到 Records in the request'),
  accepted: count('接收 Passed shape validation and stored in the inbox'),
  stored: count('入库 Written to the core tables (new or updated)'),
  linked: count('已关联 Linked to a master person'),
  rejected: count('拒收 Rejected (shape or an error-severity rule)'),
  inReview: count('待审核 Match waiting for a reviewer'),
  failed: count('失败 Failed unexpectedly (dead letters, replayable)'),
  parked: count('挂起 Waiting for their parent record'),
  noop: count('无变化 Re-sends of the same or an older version'),
});
export type BatchCounts = z.infer<typeof BatchCountsSchema>;

export const BatchStatusSchema = z
  .object({
    batchId: z.string(),
    dataset: z.string().describe('数据集 Data set'),
    channel: z.enum(['rest', 'fhir']).optional().describe('渠道 rest | fhir'),
    status: BatchStateSchema,
    counts: BatchCountsSchema,
    outcomes: z.array(RecordOutcomeSchema).describe('每条记录的结果 Per-record outcomes in request order'),
    createdAt: z.string().describe('Received at (ISO 8601)'),
    startedAt: z.string().nullable().describe('Processing started at'),
    finishedAt: z.string().nullable().describe('Processing finished at'),
    updatedAt: z.string().optional(),
  })
  .describe('批次状态 Batch status');
export type BatchStatus = z.infer<typeof BatchStatusSchema>;
