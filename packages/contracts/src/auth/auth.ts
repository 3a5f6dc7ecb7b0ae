import { z } from 'zod';

export const StaffRoleSchema = z.enum(['admin', 'analyst', 'quality_officer', 'clinician', 'auditor', 'institution_operator']);
export type StaffRole = z.infer<typeof StaffRoleSchema>;

export const LoginRequestSchema = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});
export type LoginRequest = z.infer<typeof LoginRequestSchema>;

export const StaffUserSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: StaffRoleSchema,
  /** County code the user is limited to; null = the whole city. */
  regionScope: z.string().nullable(),
  institutionId: z.string().nullable(),
});
export type StaffUser = z.infer<typeof StaffUserSchema>;

export const LoginResponseSchema = z.object({
  accessToken: z.string(),
  /** Seconds until the token and the session cookie expire. */
  expiresIn: z.number().int(),
  user: StaffUserSchema,
});
export type LoginResponse = z.infer<typeof LoginResponseSchema>;

/** Name of the httpOnly session cookie set on login. */
export const SESSION_COOKIE = 'rhip_session';
/** Header the console sends on every state-changing request (CSRF defence for cookie sessions). */
export const CSRF_HEADER = 'x-requested-with';
export const CSRF_HEADER_VALUE = 'rhip-console';
