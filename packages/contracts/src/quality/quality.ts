import { z } from 'zod';
import { PageQuerySchema, pageOf } from '../common/paging';
import { DatasetSchema, InstitutionLevelSchema, InstitutionTypeSchema, OwnershipSchema } from '../institutions/institutions';
import { DayRangeQuerySchema, DaySchema, FormatSchema, PercentSchema, SortOrderSchema } from '../interconnection/report-query';

/**
 * 数据质量: the rule catalogue as data, scores per institution × data set ×
 * day and their rollups (always Σnumerator ÷ Σdenominator), the drill-down
 * score → failing rules → records, and findings.
 */
export const QualityDimensionSchema = z.enum(['completeness', 'consistency', 'integration', 'timeliness', 'uniqueness']);
export type QualityDimension = z.infer<typeof QualityDimensionSchema>;
export const SeveritySchema = z.enum(['error', 'warning', 'info']);

const LocalizedSchema = z.object({ zh: z.string(), en: z.string() });

export const QualityRuleSchema = z.object({
  code: z.string(),
  dimension: QualityDimensionSchema,
  dimensionName: LocalizedSchema,
  severity: SeveritySchema,
  /** record: checked per ingested record; institution: on institution registration. */
  scope: z.enum(['record', 'institution']),
  title: LocalizedSchema,
  description: LocalizedSchema,
  datasets: z.array(z.string()),
  reference: z.string().nullable(),
});
export type QualityRule = z.infer<typeof QualityRuleSchema>;

export const QualityRuleListQuerySchema = z.object({
  dimension: QualityDimensionSchema.optional(),
  severity: SeveritySchema.optional(),
  dataset: DatasetSchema.optional(),
  format: FormatSchema,
});
export const QualityRuleCatalogueSchema = z.object({
  dimensions: z.array(z.object({ code: QualityDimensionSchema, name: LocalizedSchema })),
  rules: z.array(QualityRuleSchema),
});

export const DimensionScoreSchema = z.object({
  numerator: z.number().int(),
  denominator: z.number().int(),
  /** numerator ÷ denominator, % (one decimal), null when nothing was scored. */
  score: PercentSchema,
});
export type DimensionScore = z.infer<typeof DimensionScoreSchema>;

export const QualityScoresSchema = z.object({
  records: z.number().int(),
  passed: z.number().int(),
  /** 合格率: records with no error-severity finding ÷ records, % */
  passRate: PercentSchema,
  completeness: DimensionScoreSchema,
  consistency: DimensionScoreSchema,
  integration: DimensionScoreSchema,
  timeliness: DimensionScoreSchema,
  uniqueness: DimensionScoreSchema,
});
export type QualityScores = z.infer<typeof QualityScoresSchema>;

export const QualityGroupBySchema = z.enum(['institution-dataset-day', 'institution-dataset', 'institution', 'dataset', 'day', 'county', 'city']);
export type QualityGroupBy = z.infer<typeof QualityGroupBySchema>;
export const QualityScoreSortSchema = z.enum(['day', 'institution', 'dataset', 'region', 'records', 'passRate', ...QualityDimensionSchema.options]);

export const QualityScoreQuerySchema = PageQuerySchema.extend(DayRangeQuerySchema.shape).extend({
  groupBy: QualityGroupBySchema.default('institution-dataset-day').describe('Grain of the rows; coarser grains sum the daily counts'),
  regionCode: z.string().regex(/^\d{6}$/).optional(),
  institutionId: z.uuid().optional(),
  dataset: DatasetSchema.optional(),
  level: InstitutionLevelSchema.optional(),
  type: InstitutionTypeSchema.optional(),
  ownership: OwnershipSchema.optional(),
  sort: QualityScoreSortSchema.optional().describe('Default: day desc for daily grains, else passRate asc'),
  order: SortOrderSchema.optional(),
  format: FormatSchema,
});
export type QualityScoreQuery = z.infer<typeof QualityScoreQuerySchema>;

export const QualityScoreRowSchema = z
  .object({
    /** Null when the grain does not include it. */
    institutionId: z.string().nullable(),
    institutionName: z.string().nullable(),
    institutionCode: z.string().nullable(),
    regionCode: z.string().nullable(),
    regionName: z.string().nullable(),
    dataset: z.string().nullable(),
    day: DaySchema.nullable(),
  })
  .extend(QualityScoresSchema.shape);
export type QualityScoreRow = z.infer<typeof QualityScoreRowSchema>;
export const QualityScorePageSchema = pageOf(QualityScoreRowSchema).extend({
  from: DaySchema,
  to: DaySchema,
  groupBy: QualityGroupBySchema,
  /** True when the finest grain matched more rows than are counted exactly (QUALITY_SCORE_COUNT_CAP): total is that cap. */
  totalCapped: z.boolean(),
});
/** Rows the institution × data set × day grain counts exactly; beyond, a page reports the cap (narrow the filters). */
export const QUALITY_SCORE_COUNT_CAP = 10_000;

export const QualitySummaryQuerySchema = DayRangeQuerySchema.extend({ dataset: DatasetSchema.optional(), format: FormatSchema });
export const RegionQualitySchema = z
  .object({ code: z.string(), name: z.string().nullable(), level: z.enum(['city', 'county']), institutions: z.number().int() })
  .extend(QualityScoresSchema.shape)
  .extend({ meetsTarget: z.boolean().nullable() });
export const QualitySummarySchema = z.object({
  from: DaySchema,
  to: DaySchema,
  /** Plan target for the pass rate (健康医疗数据质量合格率), %. */
  targetPassRate: z.number(),
  city: RegionQualitySchema,
  counties: z.array(RegionQualitySchema),
});
export type QualitySummary = z.infer<typeof QualitySummarySchema>;

export const FailingRulesQuerySchema = DayRangeQuerySchema.extend({
  regionCode: z.string().regex(/^\d{6}$/).optional(),
  institutionId: z.uuid().optional(),
  dataset: DatasetSchema.optional(),
  dimension: QualityDimensionSchema.optional(),
  severity: SeveritySchema.optional(),
  format: FormatSchema,
});
export const FailingRuleSchema = z.object({
  ruleCode: z.string(),
  dimension: QualityDimensionSchema,
  severity: SeveritySchema,
  /** From the catalogue; null for shape codes outside it (e.g. SHAPE_INVALID_CHAR). */
  title: LocalizedSchema.nullable(),
  findings: z.number().int(),
  /** Records with at least one finding of the rule. */
  records: z.number().int(),
  /** records ÷ records received in the same scope, % */
  recordShare: PercentSchema,
});
export const FailingRulesSchema = z.object({
  from: DaySchema,
  to: DaySchema,
  /** Records received in the scope (the denominator of recordShare). */
  records: z.number().int(),
  items: z.array(FailingRuleSchema),
});
export type FailingRules = z.infer<typeof FailingRulesSchema>;

export const FindingListQuerySchema = PageQuerySchema.extend(DayRangeQuerySchema.shape).extend({
  institutionId: z.uuid().optional().describe('Staff only; an institution key always sees its own'),
  regionCode: z.string().regex(/^\d{6}$/).optional(),
  dataset: DatasetSchema.optional(),
  rule: z.string().trim().max(400).optional().describe('Rule code, or several separated by commas'),
  dimension: QualityDimensionSchema.optional(),
  severity: SeveritySchema.optional(),
  batchId: z.uuid().optional(),
  sourceId: z.string().max(128).optional(),
  order: SortOrderSchema.default('desc').describe('By day, then id'),
  format: FormatSchema,
});
export type FindingListQuery = z.infer<typeof FindingListQuerySchema>;

export const FindingSchema = z.object({
  id: z.string(),
  institutionId: z.string(),
  institutionName: z.string().nullable(),
  dataset: z.string(),
  sourceId: z.string().nullable(),
  batchId: z.string().nullable(),
  recordIndex: z.number().int().nullable(),
  ruleCode: z.string(),
  dimension: QualityDimensionSchema,
  severity: SeveritySchema,
  /** Element at fault; findings never carry the value. */
  path: z.string().nullable(),
  day: DaySchema,
  createdAt: z.string(),
  title: LocalizedSchema.nullable(),
});
export type Finding = z.infer<typeof FindingSchema>;
export const FindingPageSchema = pageOf(FindingSchema).extend({ from: DaySchema, to: DaySchema });

export const FailingRecordsQuerySchema = PageQuerySchema.extend(DayRangeQuerySchema.shape).extend({
  institutionId: z.uuid(),
  dataset: DatasetSchema,
  rule: z.string().trim().max(40).optional(),
  dimension: QualityDimensionSchema.optional(),
  severity: SeveritySchema.optional(),
});
export type FailingRecordsQuery = z.infer<typeof FailingRecordsQuerySchema>;

export const FailingRecordSchema = z.object({
  batchId: z.string(),
  recordIndex: z.number().int(),
  sourceId: z.string().nullable(),
  day: DaySchema,
  /** Outcome of the record in its batch: rejected, linked, stored, review, parked, noop… */
  outcome: z.string(),
  masterPersonId: z.string().nullable(),
  eventTime: z.string().nullable(),
  /** Personal fields masked (张*, 110105********002X, 138****5678, birth year only). */
  patient: z
    .object({ name: z.string().nullable(), idNumber: z.string().nullable(), phone: z.string().nullable(), sex: z.string().nullable(), birthDate: z.string().nullable() })
    .nullable(),
  findings: z.array(
    z.object({
      ruleCode: z.string(),
      dimension: QualityDimensionSchema,
      severity: SeveritySchema,
      path: z.string().nullable(),
      title: LocalizedSchema.nullable(),
      /** The value at the path as sent; personal values masked. */
      value: z.string().nullable(),
    }),
  ),
  duplicateOf: z.object({ institutionId: z.string(), sourceId: z.string(), kind: z.string() }).nullable(),
});
export type FailingRecord = z.infer<typeof FailingRecordSchema>;
export const FailingRecordPageSchema = pageOf(FailingRecordSchema).extend({ from: DaySchema, to: DaySchema });

export const DuplicateListQuerySchema = PageQuerySchema.extend(DayRangeQuerySchema.shape).extend({
  institutionId: z.uuid().optional(),
  regionCode: z.string().regex(/^\d{6}$/).optional(),
  dataset: DatasetSchema.optional(),
  crossInstitution: z.enum(['true', 'false']).transform((v) => v === 'true').optional().describe('Only duplicates of another institution\'s record (true) or of the same institution\'s (false)'),
  format: FormatSchema,
});
export const DuplicateSchema = z.object({
  institutionId: z.string(),
  institutionName: z.string().nullable(),
  dataset: z.string(),
  sourceId: z.string(),
  kind: z.string().describe('Which duplicate rule matched: event, report_no, rx_no, dose, card_no, person, period'),
  originalInstitutionId: z.string(),
  originalInstitutionName: z.string().nullable(),
  originalSourceId: z.string(),
  day: DaySchema,
  detectedAt: z.string(),
});
export const DuplicatePageSchema = pageOf(DuplicateSchema).extend({ from: DaySchema, to: DaySchema });
