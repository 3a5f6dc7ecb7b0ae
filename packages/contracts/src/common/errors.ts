import { z } from 'zod';

/** The one error body every 4xx/5xx answer uses. */
export const ErrorBodySchema = z.object({
  statusCode: z.number().int(),
  code: z.string().describe('Stable machine-readable code, e.g. VALIDATION_FAILED, UNAUTHENTICATED'),
  message: z.string(),
  details: z.unknown().optional(),
  requestId: z.string().optional(),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;
