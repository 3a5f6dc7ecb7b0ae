import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  BatchListQuerySchema, DeadLetterPageSchema, PageQuerySchema, ReplayResultSchema, pageOf,
  BatchParamsSchema, BatchStatusSchema, DATASETS, DatasetSchema, ErrorBodySchema, IngestRequestSchema, IngestResponseSchema, INGEST_MAX_RECORDS,
} from '@rhip/contracts';
import { Counter } from 'prom-client';
import { AppError, ForbiddenError } from '../../lib/errors';
import { createIngestService } from './ingest-service';

// The service types channel and status as strings; the contract's BatchPageSchema
// (enums) can replace this once listBatches returns the narrower types.
const BatchListSchema = pageOf(
  z.object({
    batchId: z.string(), institutionId: z.string(), institutionName: z.string().nullable(), dataset: z.string(), channel: z.string(), status: z.string(),
    counts: z.object({ received: z.number(), accepted: z.number(), rejected: z.number(), stored: z.number(), linked: z.number(), inReview: z.number(), failed: z.number() }),
    createdAt: z.string(), finishedAt: z.string().nullable(),
  }),
);

export default async function ingestRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ingest = createIngestService({ pg: app.pg, queue: app.queues.ingest, log: app.log, pii: app.pii });
  const received = new Counter({
    name: 'rhip_ingest_records_total',
    help: 'Records received by the ingest API, by data set, channel and verdict (accepted into the inbox or rejected)',
    labelNames: ['dataset', 'channel', 'verdict'] as const,
    registers: [app.metrics.registry],
  });
  const tags = ['ingest'];

  r.post(
    '/api/v1/ingest/:dataset',
    {
      // Hospitals push continuously; their own (higher) budget per key.
      config: { access: { institution: true }, rateLimit: { max: app.config.INGEST_RATE_LIMIT_PER_MINUTE, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: `Push 1–${INGEST_MAX_RECORDS} records of one data set`,
        description:
          'Each record is checked on its own. The answer (202) comes once the accepted records are durably stored; per-record rejections name the field (path), the rule (code) and the reason (message, messageZh). Linking and storage continue in the background: poll the batch.',
        params: z.object({ dataset: z.string().describe(`数据集 One of: ${DATASETS.join(', ')}`) }),
        body: IngestRequestSchema,
        response: { 202: IngestResponseSchema, 400: ErrorBodySchema, 401: ErrorBodySchema, 404: ErrorBodySchema, 413: ErrorBodySchema },
      },
    },
    async (req, reply) => {
      const dataset = DatasetSchema.safeParse(req.params.dataset);
      if (!dataset.success) throw new AppError(404, 'UNKNOWN_DATASET', `Unknown data set "${req.params.dataset}"`, { datasets: DATASETS });
      if (req.principal?.kind !== 'institution') throw new ForbiddenError('Only an institution key can push records');
      const answer = await ingest.submit({ institutionId: req.principal.institutionId, dataset: dataset.data, records: req.body.records, channel: 'rest', requestId: req.id });
      received.inc({ dataset: dataset.data, channel: 'rest', verdict: 'accepted' }, answer.accepted);
      received.inc({ dataset: dataset.data, channel: 'rest', verdict: 'rejected' }, answer.rejected);
      return reply.status(202).send(answer);
    },
  );

  r.get(
    '/api/v1/ingest/batches',
    {
      config: { access: { institution: true, roles: ['admin', 'quality_officer', 'analyst', 'institution_operator'] } },
      schema: {
        tags,
        summary: 'Batches, newest first (an institution sees its own)',
        querystring: BatchListQuerySchema,
        response: { 200: BatchListSchema },
      },
    },
    async (req) => {
      const p = req.principal!;
      const own = p.kind === 'institution' ? p.institutionId : p.user.role === 'institution_operator' ? (p.user.institutionId ?? '00000000-0000-0000-0000-000000000000') : req.query.institutionId;
      return ingest.listBatches({ ...req.query, institutionId: own });
    },
  );

  r.get(
    '/api/v1/ingest/dead-letters',
    {
      config: { access: { roles: ['admin', 'quality_officer'] } },
      schema: { tags, summary: 'Failed batches and failed records, replayable', querystring: PageQuerySchema, response: { 200: DeadLetterPageSchema } },
    },
    async (req) => ingest.deadLetters(req.query),
  );

  r.post(
    '/api/v1/ingest/batches/:batchId/replay',
    {
      config: { access: { roles: ['admin'] } },
      schema: { tags, summary: 'Replay a dead letter (a failed batch, or the failed records of a batch)', params: BatchParamsSchema, response: { 202: ReplayResultSchema, 404: ErrorBodySchema, 409: ErrorBodySchema } },
    },
    async (req, reply) => reply.status(202).send(await ingest.replay(req.params.batchId)),
  );

  r.get(
    '/api/v1/ingest/batches/:batchId',
    {
      config: { access: { institution: true, roles: ['admin', 'quality_officer', 'institution_operator'] } },
      schema: { tags, summary: 'Status and per-record outcomes of a batch', params: BatchParamsSchema, response: { 200: BatchStatusSchema, 404: ErrorBodySchema } },
    },
    async (req) => ingest.status(req.params.batchId, req.principal!),
  );
}
