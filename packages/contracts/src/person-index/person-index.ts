/**
 * 居民主索引 Master person index: the match review queue and merge/unmerge.
 *   GET  /api/v1/match-reviews?status&page&pageSize → MatchReviewPage (personal fields masked)
 *   POST /api/v1/match-reviews/{id}/accept|reject   MatchReviewDecision → MatchReviewDecisionResult
 *   POST /api/v1/persons/merge                      MergePersons → MergeResult
 *   POST /api/v1/persons/merges/{id}/undo           → MergeResult
 */
import { z } from 'zod';
import { PageQuerySchema, pageOf } from '../common/paging';

/** Master person ids are bigint, carried as decimal strings. */
export const MasterPersonIdSchema = z.string().regex(/^\d+$/);

export const MatchReviewStatusSchema = z.enum(['pending', 'accepted', 'rejected']);
export type MatchReviewStatus = z.infer<typeof MatchReviewStatusSchema>;

export const MatchReviewListQuerySchema = PageQuerySchema.extend({ status: MatchReviewStatusSchema.default('pending') });
export type MatchReviewListQuery = z.infer<typeof MatchReviewListQuerySchema>;

/** Fields compared by the probabilistic matcher (Fellegi–Sunter). */
export const MATCH_FIELDS = ['name', 'birthDate', 'sex', 'phone', 'region', 'idKey'] as const;
export type MatchComparisonField = (typeof MATCH_FIELDS)[number];

/**
 * One field's comparison behind a score. Levels per field:
 * name exact | pinyin_same | pinyin_similar | one_char_diff | different | missing;
 * birthDate exact | near | year_month | different | missing;
 * sex, phone, idKey agree | disagree | missing; region township | county | city | different | missing.
 */
export const MatchComparisonSchema = z.looseObject({
  field: z.string().describe('One of MATCH_FIELDS'),
  level: z.string().describe('Agreement level'),
  weight: z.number().describe('Weight in bits (log2 m/u); 0 when missing'),
});
export type MatchComparison = z.infer<typeof MatchComparisonSchema>;

export const MatchReviewSchema = z.object({
  id: z.string(),
  institutionId: z.string(),
  institutionName: z.string().nullable(),
  dataset: z.string(),
  sourceId: z.string(),
  score: z.number().describe('Match weight in bits (log2 likelihood ratio)'),
  comparisons: z.array(MatchComparisonSchema).describe('Per-field comparison levels and weights'),
  status: MatchReviewStatusSchema,
  incoming: z.object({ name: z.string().nullable(), sex: z.string().nullable(), birthDate: z.string().nullable(), idType: z.string().nullable() }).nullable(),
  candidate: z.object({ masterPersonId: z.string(), name: z.string().nullable(), sex: z.string(), birthDate: z.string().nullable() }),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
});
export type MatchReview = z.infer<typeof MatchReviewSchema>;
export const MatchReviewPageSchema = pageOf(MatchReviewSchema);

export const MatchReviewDecisionSchema = z.object({ note: z.string().max(500).optional() });
export type MatchReviewDecision = z.infer<typeof MatchReviewDecisionSchema>;
export const MatchReviewDecisionResultSchema = z.object({ id: z.string(), status: z.string(), masterPersonId: z.string() });
export type MatchReviewDecisionResult = z.infer<typeof MatchReviewDecisionResultSchema>;

export const MergePersonsSchema = z.object({ survivorId: MasterPersonIdSchema, mergedId: MasterPersonIdSchema, reason: z.string().max(500).optional() });
export type MergePersons = z.infer<typeof MergePersonsSchema>;
export const MergeResultSchema = z.object({ mergeId: z.string(), survivorId: z.string(), mergedId: z.string(), movedRows: z.number().int().optional() });
export type MergeResult = z.infer<typeof MergeResultSchema>;
