import { z } from 'zod';

export const RegionLevelSchema = z.enum(['city', 'county', 'township']);
export const RegionSchema = z.object({
  code: z.string(),
  name: z.string(),
  level: RegionLevelSchema,
  parentCode: z.string().nullable(),
});
export type Region = z.infer<typeof RegionSchema>;

export const RegionSummarySchema = z.object({
  city: RegionSchema,
  counties: z.array(
    RegionSchema.extend({
      institutions: z.number().int(),
      publicInstitutions: z.number().int(),
      masterPersons: z.number().int(),
    }),
  ),
  totals: z.object({
    institutions: z.number().int(),
    publicInstitutions: z.number().int(),
    masterPersons: z.number().int(),
    healthRecords: z.number().int(),
    encounters: z.number().int(),
  }),
});
export type RegionSummary = z.infer<typeof RegionSummarySchema>;
