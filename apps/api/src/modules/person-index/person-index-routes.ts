import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ErrorBodySchema, MatchReviewDecisionResultSchema, MatchReviewDecisionSchema, MatchReviewListQuerySchema, MatchReviewSchema, MergePersonsSchema, MergeResultSchema,
} from '@rhip/contracts';
import { requireStaff } from '../../plugins/access';
import { createAuditService } from '../audit/audit-service';
import { createMergeService } from './merge-service';
import { createReviewService } from './review-service';

// The review service types comparisons as unknown; the contract's MatchReviewPageSchema
// (comparisons as MatchComparison[]) can replace this once it returns the narrower type.
const ReviewPageSchema = z.object({
  items: z.array(MatchReviewSchema.extend({ comparisons: z.unknown().describe('Per-field comparison levels and weights (MatchComparison[])') })),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
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
        querystring: MatchReviewListQuerySchema,
        response: { 200: ReviewPageSchema },
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
          body: MatchReviewDecisionSchema.optional(),
          response: { 200: MatchReviewDecisionResultSchema, 404: ErrorBodySchema, 409: ErrorBodySchema },
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
        body: MergePersonsSchema,
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
