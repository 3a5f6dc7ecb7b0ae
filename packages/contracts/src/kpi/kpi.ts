/**
 * KPI API (区域卫生健康指标): the indicator registry, computed and entered
 * values by region, institution and period, the plan table (规划指标) and the
 * provenance of entered values. Every table also exports as CSV and XLSX
 * (`format=csv|xlsx`).
 */
import { z } from 'zod';
import { KPI_MONTH_PATTERN, KPI_YEAR_PATTERN } from './periods';

export const KpiPeriodSchema = z
  .string()
  .refine((p) => KPI_YEAR_PATTERN.test(p) || KPI_MONTH_PATTERN.test(p), 'period must be YYYY or YYYY-MM')
  .describe('Period: YYYY (a year) or YYYY-MM (a month), China time');
export const KpiMonthSchema = z.string().regex(KPI_MONTH_PATTERN, 'month must be YYYY-MM').describe('Month YYYY-MM, China time');
export const KpiRegionCodeSchema = z
  .string()
  .regex(/^\d{6}$/, 'regionCode must be a 6-digit GB/T 2260 code')
  .describe('GB/T 2260 code of the city (xxxx00) or a county. Default: the city, or the county a county-scoped user is limited to');
export const ExportFormatSchema = z
  .enum(['json', 'csv', 'xlsx'])
  .default('json')
  .describe('json (default), or csv (UTF-8 with BOM) / xlsx to download the same table');
export type ExportFormat = z.infer<typeof ExportFormatSchema>;

export const LocalizedTextSchema = z.object({ zh: z.string(), en: z.string() });
export const IndicatorGroupSchema = z.enum(['plan', 'service']).describe('plan: the 14 indicators of the city plan (规划指标); service: health-service indicators from the core databases');
export const IndicatorCutSchema = z.enum(['region', 'institution', 'period']);
export const IndicatorSourceSchema = z.enum(['computed', 'entered']);

export const IndicatorSchema = z.object({
  code: z.string().describe('PLAN.01–PLAN.14 (plan table order), HS.* (health service)'),
  group: IndicatorGroupSchema,
  seq: z.number().int().nullable().describe('序号 in the plan table'),
  nameZh: z.string(),
  nameEn: z.string(),
  definition: LocalizedTextSchema,
  numerator: LocalizedTextSchema.nullable().describe('Null for counts'),
  denominator: LocalizedTextSchema.nullable(),
  unit: z.string().describe('% | 家 | 个 | 人次 | 人 | 天 | 剂次'),
  baseline: z.object({ year: z.number().int(), value: z.number().nullable().describe('Null where the plan prints "—"') }).nullable(),
  target: z.object({ year: z.number().int(), value: z.number(), operator: z.enum(['=', '>=']) }).nullable(),
  baselineText: z.string().nullable().describe('Baseline as the plan prints it: "70%", "—"'),
  targetText: z.string().nullable().describe('Target as the plan prints it: "95%", "≥5个"'),
  attribute: z.enum(['binding', 'expected']).nullable().describe('约束性 binding / 预期性 expected (plan indicators)'),
  direction: z.enum(['increase', 'decrease', 'target']),
  source: IndicatorSourceSchema.describe('computed from platform data, or entered through the API with evidence (any indicator may also be overridden by an entry)'),
  cuts: z.array(IndicatorCutSchema),
  method: LocalizedTextSchema.describe('How the platform derives it, or who enters it'),
});
export type IndicatorDto = z.infer<typeof IndicatorSchema>;

export const IndicatorListQuerySchema = z.object({ group: IndicatorGroupSchema.optional(), format: ExportFormatSchema });
export const IndicatorListSchema = z.object({ items: z.array(IndicatorSchema) });
export type IndicatorList = z.infer<typeof IndicatorListSchema>;

export const IndicatorCodeParamsSchema = z.object({ code: z.string().min(1).max(40) });

// ───────────────────────────── entered values ─────────────────────────────

export const StaffRefSchema = z.object({ id: z.string(), username: z.string().nullable(), displayName: z.string().nullable() });

export const IndicatorEntrySchema = z.object({
  id: z.string(),
  indicatorCode: z.string(),
  regionCode: z.string(),
  institutionId: z.string().nullable(),
  period: z.string(),
  value: z.number(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  evidence: z.string().describe('Source document, URL or note backing the value'),
  note: z.string().nullable(),
  enteredBy: StaffRefSchema,
  enteredAt: z.string(),
  current: z.boolean().describe('The latest entry for its indicator, region, institution and period: the value in force'),
});
export type IndicatorEntryDto = z.infer<typeof IndicatorEntrySchema>;

export const CreateIndicatorEntrySchema = z
  .object({
    period: KpiPeriodSchema,
    regionCode: KpiRegionCodeSchema.optional(),
    institutionId: z.uuid().optional().describe('For indicators cut by institution only'),
    value: z.number().finite().min(0).optional().describe('Percent (0–100) for % indicators, the count otherwise; computed from numerator ÷ denominator when omitted'),
    numerator: z.number().finite().min(0).optional(),
    denominator: z.number().finite().positive().optional(),
    evidence: z.string().trim().min(2).max(2000).describe('Required: the document, URL or file reference the value comes from'),
    note: z.string().trim().max(1000).optional(),
  })
  .refine((b) => b.value !== undefined || (b.numerator !== undefined && b.denominator !== undefined), {
    message: 'value, or numerator and denominator, is required',
    path: ['value'],
  });
export type CreateIndicatorEntry = z.infer<typeof CreateIndicatorEntrySchema>;

export const IndicatorEntryListQuerySchema = z.object({
  regionCode: KpiRegionCodeSchema.optional(),
  period: KpiPeriodSchema.optional(),
  institutionId: z.uuid().optional(),
});
export const IndicatorEntryListSchema = z.object({ items: z.array(IndicatorEntrySchema).describe('Newest first; history is never overwritten') });

// ───────────────────────────── values ─────────────────────────────

export const KpiEntryRefSchema = z.object({
  id: z.string(),
  enteredBy: StaffRefSchema,
  enteredAt: z.string(),
  evidence: z.string(),
  note: z.string().nullable(),
});

export const KpiPartsSchema = z.object({ numerator: z.number().nullable(), denominator: z.number().nullable(), value: z.number().nullable() });

export const KpiValueSchema = z.object({
  indicatorCode: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  unit: z.string(),
  period: z.string(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  institutionId: z.string().nullable(),
  institutionName: z.string().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable().describe('Null for counts'),
  value: z.number().nullable().describe('Percent (0–100) for % indicators, days for length of stay, the count otherwise; null when the denominator is 0 or nothing is known'),
  source: IndicatorSourceSchema.nullable().describe('computed (worker rollup), entered (latest entry, overriding any computed value), or null when there is no value'),
  computed: KpiPartsSchema.nullable().describe('The computed value when an entry overrides it'),
  entry: KpiEntryRefSchema.nullable(),
  computedAt: z.string().nullable(),
});
export type KpiValue = z.infer<typeof KpiValueSchema>;

export const KpiBreakdownSchema = z
  .enum(['region', 'county', 'institution', 'month'])
  .default('region')
  .describe('region: the region itself; county: each county of the region; institution: each institution of the region; month: each month of the year `period` (a trend)');

export const KpiValuesQuerySchema = z.object({
  period: KpiPeriodSchema.optional().describe('Default: the current month (the current year with by=month)'),
  regionCode: KpiRegionCodeSchema.optional(),
  institutionId: z.uuid().optional().describe('One institution (by=region or by=month)'),
  by: KpiBreakdownSchema,
  group: IndicatorGroupSchema.optional().describe('Default: service'),
  indicators: z.string().max(2000).optional().describe('Comma-separated indicator codes (overrides group)'),
  format: ExportFormatSchema,
});
export type KpiValuesQuery = z.infer<typeof KpiValuesQuerySchema>;

export const KpiValuesSchema = z.object({
  period: z.string(),
  by: z.enum(['region', 'county', 'institution', 'month']),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  institutionId: z.string().nullable(),
  rows: z.array(KpiValueSchema),
});
export type KpiValues = z.infer<typeof KpiValuesSchema>;

// ───────────────────────────── the plan table ─────────────────────────────

export const KpiProgressSchema = z.object({
  achieved: z.boolean(),
  progress: z.number().describe('0–1 from the baseline (0 where the plan prints "—") to the target'),
  gap: z.number().describe('Distance to the target in the indicator unit (0 when met)'),
});

export const PlanRowSchema = z.object({
  seq: z.number().int(),
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  unit: z.string(),
  attribute: z.enum(['binding', 'expected']).nullable(),
  direction: z.enum(['increase', 'decrease', 'target']),
  indicatorSource: IndicatorSourceSchema,
  baseline: z.object({ year: z.number().int(), value: z.number().nullable() }).nullable(),
  baselineText: z.string().nullable(),
  target: z.object({ year: z.number().int(), value: z.number(), operator: z.enum(['=', '>=']) }).nullable(),
  targetText: z.string().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  value: z.number().nullable(),
  source: IndicatorSourceSchema.nullable(),
  computed: KpiPartsSchema.nullable(),
  entry: KpiEntryRefSchema.nullable(),
  computedAt: z.string().nullable(),
  progress: KpiProgressSchema.nullable(),
});
export type PlanRow = z.infer<typeof PlanRowSchema>;

export const PlanTableQuerySchema = z.object({
  period: KpiPeriodSchema.optional().describe('Default: the current year'),
  regionCode: KpiRegionCodeSchema.optional(),
  format: ExportFormatSchema,
});
export const PlanTableSchema = z.object({
  period: z.string(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  rows: z.array(PlanRowSchema).describe('The 14 plan indicators in table order'),
});
export type PlanTable = z.infer<typeof PlanTableSchema>;

// ───────────────────────────── worker state ─────────────────────────────

export const KpiStatusSchema = z.object({
  lastComputedAt: z.string().nullable().describe('Latest rollup write: "data as of"'),
  pendingScopes: z.number().int().describe('Rollup scopes (institution × month, year, …) waiting to be recomputed'),
  pendingJobs: z.number().int().describe('KPI jobs (batch notifications, recompute requests) not yet processed'),
});
export type KpiStatus = z.infer<typeof KpiStatusSchema>;

export const RecomputeKpiSchema = z.object({ period: KpiPeriodSchema });
export const RecomputeKpiResultSchema = z.object({ period: z.string(), jobId: z.string() });
