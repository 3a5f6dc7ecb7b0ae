/**
 * 法定传染病疫情概况: the monthly notifiable infectious-disease report in the
 * national bulletin's layout, counted by final-review date (终审日期).
 */
import { z } from 'zod';
import { ExportFormatSchema, KpiMonthSchema, KpiRegionCodeSchema } from '../kpi/kpi';

export const NotifiableDiseaseReportQuerySchema = z.object({
  month: KpiMonthSchema,
  regionCode: KpiRegionCodeSchema.optional(),
  includeExcluded: z
    .enum(['true', 'false'])
    .optional()
    .describe('true: add 新型冠状病毒感染 as a 乙类 row and in the totals (the national table leaves it out)'),
  format: ExportFormatSchema,
});
export type NotifiableDiseaseReportQuery = z.infer<typeof NotifiableDiseaseReportQuerySchema>;

export const NotifiableDiseaseRowSchema = z.object({
  kind: z.enum(['grand_total', 'class_total', 'disease', 'subtype']),
  category: z.enum(['total', 'A+B', 'A', 'B', 'C']).describe('total 甲乙丙类, A+B 甲乙类, A 甲类, B 乙类, C 丙类'),
  categoryName: z.string().describe('甲乙丙类 | 甲乙类 | 甲类 | 乙类 | 丙类'),
  code: z.string().describe('Disease code of the versioned list, or total_all / total_ab / total_c'),
  disease: z.string().describe('Row label as printed in the bulletin'),
  diseaseEn: z.string(),
  parent: z.string().nullable().describe('For subtypes (甲型肝炎 …): the disease they sum into (病毒性肝炎)'),
  cases: z.number().int().describe('发病数: cards whose final review falls in the month'),
  deaths: z.number().int().describe('死亡数: of those, cards with outcome death'),
});
export type NotifiableDiseaseRow = z.infer<typeof NotifiableDiseaseRowSchema>;

export const NotifiableDiseaseReportSchema = z.object({
  month: z.string(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  countedBy: z.literal('final_review_at').describe('Cases and deaths are counted in the month of their final review (终审日期)'),
  listVersion: z.object({ id: z.string(), effectiveFrom: z.string() }).describe('The notifiable-disease list in force at the end of the month'),
  unplaced: z.number().int().describe('Cards reviewed in the month whose disease could not be classified (not in the rows)'),
  computedAt: z.string().nullable(),
  rows: z.array(NotifiableDiseaseRowSchema),
});
export type NotifiableDiseaseReport = z.infer<typeof NotifiableDiseaseReportSchema>;

/**
 * kpi_rollups rows of the monthly tallies, kept by the KPI worker:
 * indicator_code 'NID:<disease code>', numerator = cases, denominator = deaths,
 * period = the final-review month; 'NID:_unplaced' counts unclassified cards.
 */
export const NID_ROLLUP_PREFIX = 'NID:';
export const NID_ROLLUP_UNPLACED = 'NID:_unplaced';
