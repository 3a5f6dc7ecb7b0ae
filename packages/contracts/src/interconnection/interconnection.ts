import { z } from 'zod';
import { PageQuerySchema, pageOf } from '../common/paging';
import { DatasetSchema, InstitutionLevelSchema, InstitutionTypeSchema, OwnershipSchema } from '../institutions/institutions';
import { DayRangeQuerySchema, DaySchema, FormatSchema, PercentSchema, QueryBooleanSchema, SortOrderSchema } from './report-query';

/**
 * 互联互通: status per institution × expected data set, computed by the
 * worker (online: data within one cadence; delayed: within three; silent:
 * longer; never: nothing yet), volumes and timeliness from the daily
 * rollups, region rollups and volume anomalies.
 */
export const InterconnectionStatusSchema = z.enum(['online', 'delayed', 'silent', 'never']);
export type InterconnectionStatus = z.infer<typeof InterconnectionStatusSchema>;

export const DatasetStatusSchema = z.object({
  dataset: z.string(),
  /** False: sent without being an expected data set (counts for "connected" only). */
  expected: z.boolean(),
  status: InterconnectionStatusSchema,
  lastReceivedAt: z.string().nullable(),
  statusSince: z.string().nullable(),
  cadenceHours: z.number().int(),
  timelinessHours: z.number().int().nullable(),
});
export type DatasetStatus = z.infer<typeof DatasetStatusSchema>;

/** Volume, rejections and timeliness summed over a day range. */
export const VolumeTotalsSchema = z.object({
  received: z.number().int(),
  accepted: z.number().int(),
  rejected: z.number().int(),
  /** rejected ÷ received, % */
  rejectionRate: PercentSchema,
  withinTimeliness: z.number().int(),
  /** 及时性: within the agreed delay ÷ received, % */
  timeliness: PercentSchema,
});
export type VolumeTotals = z.infer<typeof VolumeTotalsSchema>;

export const InstitutionStatusSortSchema = z.enum(['name', 'code', 'region', 'status', 'lastReceivedAt', 'received', 'rejectionRate', 'timeliness']);

export const InstitutionStatusListQuerySchema = PageQuerySchema.extend(DayRangeQuerySchema.shape).extend({
  q: z.string().trim().max(100).optional().describe('Name or code contains'),
  regionCode: z.string().regex(/^\d{6}$/).optional().describe('County code'),
  level: InstitutionLevelSchema.optional(),
  type: InstitutionTypeSchema.optional(),
  ownership: OwnershipSchema.optional(),
  dataset: DatasetSchema.optional().describe('Only institutions expected to send (or sending) this data set; `status` then filters on it'),
  status: InterconnectionStatusSchema.optional().describe('Overall status, or the status of `dataset` when given'),
  connected: QueryBooleanSchema.optional().describe('Has sent any data'),
  sort: InstitutionStatusSortSchema.default('name'),
  order: SortOrderSchema.default('asc'),
  format: FormatSchema,
});
export type InstitutionStatusListQuery = z.infer<typeof InstitutionStatusListQuerySchema>;

export const InstitutionStatusItemSchema = z
  .object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    level: z.string(),
    type: z.string(),
    ownership: OwnershipSchema,
    regionCode: z.string(),
    regionName: z.string().nullable(),
    /** Worst status over the expected data sets (never only when none has sent), or the status of the `dataset` filter. */
    status: InterconnectionStatusSchema,
    /** Has sent any data (公立医疗卫生机构接入平台: connected). */
    connected: z.boolean(),
    lastReceivedAt: z.string().nullable(),
    expectedDatasets: z.number().int(),
    onlineDatasets: z.number().int(),
    datasets: z.array(DatasetStatusSchema),
  })
  .extend(VolumeTotalsSchema.shape);
export type InstitutionStatusItem = z.infer<typeof InstitutionStatusItemSchema>;

export const InstitutionStatusPageSchema = pageOf(InstitutionStatusItemSchema).extend({ from: DaySchema, to: DaySchema });
export type InstitutionStatusPage = z.infer<typeof InstitutionStatusPageSchema>;

export const DailyVolumeSchema = z
  .object({
    day: DaySchema,
    /** Delay from clinical event to arrival, seconds (histogram bucket bound). */
    delayP50Seconds: z.number().int().nullable(),
    delayP90Seconds: z.number().int().nullable(),
    lastReceivedAt: z.string().nullable(),
  })
  .extend(VolumeTotalsSchema.shape);
export type DailyVolume = z.infer<typeof DailyVolumeSchema>;

export const VolumeAnomalySchema = z.object({
  institutionId: z.string(),
  institutionName: z.string(),
  institutionCode: z.string(),
  regionCode: z.string(),
  dataset: z.string(),
  day: DaySchema,
  count: z.number().int(),
  baselineMedian: z.number(),
  baselineMad: z.number(),
  /** Modified z-score 0.6745 × (count − median) ÷ MAD. */
  zScore: z.number(),
  direction: z.enum(['drop', 'spike']),
  detectedAt: z.string(),
});
export type VolumeAnomaly = z.infer<typeof VolumeAnomalySchema>;

export const InstitutionStatusDetailQuerySchema = DayRangeQuerySchema.extend({
  dataset: DatasetSchema.optional().describe('Only this data set\'s series'),
});

export const InstitutionStatusDetailSchema = InstitutionStatusItemSchema.extend({
  from: DaySchema,
  to: DaySchema,
  /** One dense daily series per data set (days without data are zeros). */
  series: z.array(z.object({ dataset: z.string(), days: z.array(DailyVolumeSchema) })),
  /** All data sets together per day (no delay percentiles: they do not add up). */
  totals: z.array(z.object({ day: DaySchema }).extend(VolumeTotalsSchema.shape)),
  anomalies: z.array(VolumeAnomalySchema),
});
export type InstitutionStatusDetail = z.infer<typeof InstitutionStatusDetailSchema>;

export const RegionInterconnectionSchema = z
  .object({
    code: z.string(),
    name: z.string().nullable(),
    level: z.enum(['city', 'county']),
    institutions: z.number().int(),
    connectedInstitutions: z.number().int(),
    publicInstitutions: z.number().int(),
    connectedPublicInstitutions: z.number().int(),
    /** 公立医疗卫生机构接入平台比例: public institutions that have sent any data ÷ public institutions, % */
    connectedPublicShare: PercentSchema,
    /** Expected institution × data set pairs and their statuses. */
    expectedDatasets: z.number().int(),
    online: z.number().int(),
    delayed: z.number().int(),
    silent: z.number().int(),
    never: z.number().int(),
    /** online ÷ expected data sets, % */
    onlineShare: PercentSchema,
    anomalies: z.number().int(),
  })
  .extend(VolumeTotalsSchema.shape);
export type RegionInterconnection = z.infer<typeof RegionInterconnectionSchema>;

export const InterconnectionSummarySchema = z.object({
  from: DaySchema,
  to: DaySchema,
  /** When the worker last computed statuses (null: never yet). */
  computedAt: z.string().nullable(),
  city: RegionInterconnectionSchema,
  counties: z.array(RegionInterconnectionSchema),
});
export type InterconnectionSummary = z.infer<typeof InterconnectionSummarySchema>;

export const InterconnectionSummaryQuerySchema = DayRangeQuerySchema.extend({ format: FormatSchema });

export const AnomalySortSchema = z.enum(['day', 'zScore', 'institution', 'dataset']);
export const AnomalyListQuerySchema = PageQuerySchema.extend(DayRangeQuerySchema.shape).extend({
  regionCode: z.string().regex(/^\d{6}$/).optional(),
  institutionId: z.uuid().optional(),
  dataset: DatasetSchema.optional(),
  direction: z.enum(['drop', 'spike']).optional(),
  minAbsZ: z.coerce.number().min(0).optional().describe('Only |z| at or above this (the worker flags from ANOMALY_Z_THRESHOLD, default 3.5)'),
  sort: AnomalySortSchema.default('day'),
  order: SortOrderSchema.default('desc'),
  format: FormatSchema,
});
export type AnomalyListQuery = z.infer<typeof AnomalyListQuerySchema>;
export const AnomalyPageSchema = pageOf(VolumeAnomalySchema).extend({ from: DaySchema, to: DaySchema });
