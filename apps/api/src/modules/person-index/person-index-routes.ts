import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBodySchema, PageQuerySchema } from '@rhip/contracts';
import { requireStaff } from '../../plugins/access';
import { createAuditService } from '../audit/audit-service';
import { createMergeService } from './merge-service';
import { createReviewService } from './review-service';

const ReviewItemSchema = z.object({
  id: z.string(),
  institutionId: z.string(),
  institutionName: z.string().nullable(),
  dataset: z.string(),
  sourceId: z.string(),
  score: z.number().describe('Match weight in bits (log2 likelihood ratio)'),
  comparisons: z.unknown().describe('Per-field comparison levels and weights'),
  status: z.enum(['pending', 'accepted', 'rejected']),
  incoming: z.object({ name: z.string().nullable(), sex: z.string().nullable(), birthDate: z.string().nullable(), idType: z.string().nullable() }).nullable(),
  candidate: z.object({ masterPersonId: z.string(), name: z.string().nullable(), sex: z.string(), birthDate: z.string().nullable() }),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
});

const MergeResultSchema = z.object({ mergeId: z.string(), survivorId: z.string(), mergedId: z.string(), movedRows: z.number().int().optional() });
const reviewers = ['admin', 'quality_officer'] as const;

/** 居民主索引: the match review queue and merge/unmerge of master persons. */
export default async function personIndexRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const audit = createAuditService({ pg: app.pg });
  const reviews = createReviewService({ pg: app.pg, audit });
  const merges = createMergeService({ pg: app.pg, audit });
  const tags = ['person index'];

  r.get(
    '/api/v1/match-reviews',
    {
      config: { access: { roles: reviewers } },
      schema: {
        tags, summary: 'Records waiting for a reviewer to confirm their master person (masked)',
        querystring: PageQuerySchema.extend({ status: z.enum(['pending', 'accepted', 'rejected']).default('pending') }),
        response: { 200: z.object({ items: z.array(ReviewItemSchema), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() }) },
      },
    },
    async (req) => reviews.list(req.query),
  );

  for (const decision of ['accept', 'reject'] as const) {
    r.post(
      `/api/v1/match-reviews/:id/${decision}`,
      {
        config: { access: { roles: reviewers } },
        schema: {
          tags,
          summary: decision === 'accept' ? 'Link the record to the candidate' : 'Not the candidate: give the record a new master person',
          params: z.object({ id: z.string().regex(/^\d+$/) }),
          body: z.object({ note: z.string().max(500).optional() }).optional(),
          response: { 200: z.object({ id: z.string(), status: z.string(), masterPersonId: z.string() }), 404: ErrorBodySchema, 409: ErrorBodySchema },
        },
      },
      async (req) => reviews.decide(req.params.id, decision, { userId: requireStaff(req).user.id, ip: req.ip }, req.body?.note),
    );
  }

  r.post(
    '/api/v1/persons/merge',
    {
      config: { access: { roles: ['admin'] } },
      schema: {
        tags, summary: 'Merge one master person into another (every record moves; undoable)',
        body: z.object({ survivorId: z.string().regex(/^\d+$/), mergedId: z.string().regex(/^\d+$/), reason: z.string().max(500).optional() }),
        response: { 200: MergeResultSchema, 404: ErrorBodySchema, 409: ErrorBodySchema },
      },
    },
    async (req) => merges.merge(req.body.survivorId, req.body.mergedId, req.body.reason, { userId: requireStaff(req).user.id, ip: req.ip }),
  );

  r.post(
    '/api/v1/persons/merges/:id/undo',
    {
      config: { access: { roles: ['admin'] } },
      schema: { tags, summary: 'Unmerge: move exactly the merged rows back', params: z.object({ id: z.string().regex(/^\d+$/) }), response: { 200: MergeResultSchema, 404: ErrorBodySchema, 409: ErrorBodySchema } },
    },
    async (req) => merges.undo(req.params.id, { userId: requireStaff(req).user.id, ip: req.ip }),
  );
}
