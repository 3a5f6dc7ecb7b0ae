import { z } from 'zod';

/**
 * Query pieces shared by the monitoring read endpoints (interconnection,
 * quality, alerts): day ranges in China time, sorting, CSV export.
 */
export const DaySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');

export const DayRangeQuerySchema = z.object({
  from: DaySchema.optional().describe('First day (Asia/Shanghai), inclusive. Default: 29 days before `to`'),
  to: DaySchema.optional().describe('Last day (Asia/Shanghai), inclusive. Default: today'),
});
export type DayRangeQuery = z.infer<typeof DayRangeQuerySchema>;

export const SortOrderSchema = z.enum(['asc', 'desc']);

/** `?format=csv` answers text/csv (UTF-8 with BOM, every matching row, no paging). */
export const FormatSchema = z.enum(['json', 'csv']).default('json');
export const FormatQuerySchema = z.object({ format: FormatSchema });

/** 'true' | 'false' in a query string. */
export const QueryBooleanSchema = z.enum(['true', 'false']).transform((v) => v === 'true');

/** A share in percent with one decimal (93.0), null when its denominator is 0. */
export const PercentSchema = z.number().nullable();

/** Longest range a daily series or rollup query may span. */
export const MAX_RANGE_DAYS = 366;
