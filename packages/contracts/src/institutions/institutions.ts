import { z } from 'zod';
import { PageQuerySchema, pageOf } from '../common/paging';

export const InstitutionLevelSchema = z.enum(['3A', '3B', '3', '2A', '2B', '2', '1', 'unrated']);
export const InstitutionTypeSchema = z.enum([
  'general_hospital', 'tcm_hospital', 'specialized_hospital', 'maternal_child', 'cdc', 'blood_center',
  'township_health_center', 'community_health_center', 'clinic', 'other',
]);
export const OwnershipSchema = z.enum(['public', 'private']);

export const InstitutionSchema = z.object({
  id: z.string(),
  code: z.string(),
  codeType: z.enum(['uscc', 'licence']),
  name: z.string(),
  level: InstitutionLevelSchema,
  type: InstitutionTypeSchema,
  ownership: OwnershipSchema,
  regionCode: z.string(),
  regionName: z.string().nullable(),
  townshipCode: z.string().nullable(),
  active: z.boolean(),
  createdAt: z.string(),
});
export type Institution = z.infer<typeof InstitutionSchema>;

export const InstitutionListQuerySchema = PageQuerySchema.extend({
  q: z.string().trim().max(100).optional(),
  regionCode: z.string().regex(/^\d{6}$/).optional(),
  level: InstitutionLevelSchema.optional(),
  type: InstitutionTypeSchema.optional(),
  ownership: OwnershipSchema.optional(),
});
export type InstitutionListQuery = z.infer<typeof InstitutionListQuerySchema>;
export const InstitutionPageSchema = pageOf(InstitutionSchema);

/** Data sets an institution can push (POST /api/v1/ingest/{dataset}). */
export const DATASETS = [
  'persons', 'health-records', 'followups', 'immunizations', 'contracts', 'encounters',
  'lab-reports', 'exam-reports', 'prescriptions', 'disease-reports', 'facility-resources',
] as const;
export const DatasetSchema = z.enum(DATASETS);
export type Dataset = z.infer<typeof DatasetSchema>;

export const ExpectedDatasetSchema = z.object({
  dataset: DatasetSchema,
  /** How often data is expected (24 = daily). Status turns delayed past one cadence, silent past three. */
  cadenceHours: z.number().int().min(1).max(24 * 92).default(24),
  /** Agreed delay from clinical event to arrival (及时性). */
  timelinessHours: z.number().int().min(1).max(24 * 92).default(24),
});
export type ExpectedDataset = z.infer<typeof ExpectedDatasetSchema>;

export const InstitutionAttributesSchema = z.object({
  emrLevel: z.number().int().min(0).max(8).nullable().optional().describe('电子病历系统应用水平分级 0–8'),
  interopLevel: z.string().max(32).nullable().optional().describe('互联互通标准化成熟度测评等级, e.g. 四级甲等'),
  isInternetHospital: z.boolean().optional(),
  isSmartHospital: z.boolean().optional(),
  onHealthPrivateNetwork: z.boolean().optional().describe('接入卫生健康专网'),
  hasRemoteCare: z.boolean().optional(),
  hasConvenienceServices: z.boolean().optional(),
  hasDigitalImaging: z.boolean().optional(),
  securityAssessed: z.boolean().optional().describe('等保测评'),
});

export const CreateInstitutionSchema = z
  .object({
    code: z.string().trim().toUpperCase().min(18).max(22).describe('Unified social credit code (18) or practising-licence registration number (22)'),
    name: z.string().trim().min(2).max(200),
    regionCode: z.string().regex(/^\d{6}$/).describe('County code (GB/T 2260)'),
    townshipCode: z.string().regex(/^\d{9}(\d{3})?$/).nullable().optional(),
    level: InstitutionLevelSchema.default('unrated'),
    type: InstitutionTypeSchema.default('other'),
    ownership: OwnershipSchema.default('public'),
    address: z.string().trim().max(200).nullable().optional(),
    expectedDatasets: z.array(ExpectedDatasetSchema).max(DATASETS.length).optional(),
  })
  .extend(InstitutionAttributesSchema.shape);
export type CreateInstitution = z.infer<typeof CreateInstitutionSchema>;

export const UpdateInstitutionSchema = CreateInstitutionSchema.omit({ code: true }).partial().extend({ active: z.boolean().optional() });
export type UpdateInstitution = z.infer<typeof UpdateInstitutionSchema>;

export const InstitutionDetailSchema = InstitutionSchema.extend(InstitutionAttributesSchema.shape).extend({
  address: z.string().nullable(),
  expectedDatasets: z.array(ExpectedDatasetSchema),
  credentials: z.array(
    z.object({
      id: z.string(),
      label: z.string().nullable(),
      keyPrefix: z.string(),
      createdAt: z.string(),
      revokedAt: z.string().nullable(),
      lastUsedAt: z.string().nullable(),
    }),
  ),
  /** Findings on the institution's own code (e.g. a USCC checksum warning). */
  warnings: z.array(z.object({ code: z.string(), message: z.string() })),
});
export type InstitutionDetail = z.infer<typeof InstitutionDetailSchema>;

export const IssueCredentialSchema = z.object({ label: z.string().trim().max(100).optional() });
export const IssuedCredentialSchema = z.object({
  id: z.string(),
  /** The API key, shown once: only its hash is stored. */
  key: z.string(),
  keyPrefix: z.string(),
  createdAt: z.string(),
});
export type IssuedCredential = z.infer<typeof IssuedCredentialSchema>;
