import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/**
 * The one place the environment is read. Everything else receives a parsed,
 * frozen `Config` (no module reads `process.env` on its own).
 */
export const ConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().url().default('postgresql://postgres@127.0.0.1:5432/rhip'),
  REDIS_URL: z.string().url().default('redis://127.0.0.1:6379'),
  /** BullMQ key prefix. Hash-tagged so every queue key lands in one Redis Cluster slot. */
  QUEUE_PREFIX: z.string().default('{rhip}'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Signs staff access tokens and session cookies. */
  SESSION_SECRET: z.string().min(32).default('dev-only-session-secret-change-me-0000000000'),
  SESSION_TTL_SECONDS: z.coerce.number().int().positive().default(8 * 3600),
  /** AES-256-GCM key for personal identifiers, 32 bytes as base64 or hex. */
  PII_ENCRYPTION_KEY: z.string().min(32).default('ZGV2LW9ubHktcGlpLWtleS1jaGFuZ2UtbWUtMDAwMDA='),
  PII_KEY_ID: z.string().min(1).max(32).default('k1'),
  /** HMAC key for blind indexes (lookup by ID number without decrypting). */
  BLIND_INDEX_KEY: z.string().min(32).default('dev-only-blind-index-key-change-me-000000000'),
  ADMIN_USERNAME: z.string().min(1).default('admin'),
  ADMIN_PASSWORD: z.string().min(8).default('Admin@12345'),
  /** Serve the built console (apps/web/dist) from the API. */
  SERVE_CONSOLE: bool.default(true),
  WEB_DIST_DIR: z.string().optional(),
  BODY_LIMIT_BYTES: z.coerce.number().int().positive().default(16 * 1024 * 1024),
  COOKIE_SECURE: bool.optional(),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
  /** The worker's own /healthz and /metrics. */
  WORKER_HEALTH_PORT: z.coerce.number().int().min(0).max(65535).default(3001),
  /** A job's lock; a crashed worker's batch is picked up again after at most about this long. */
  INGEST_JOB_LOCK_MS: z.coerce.number().int().min(1000).default(30_000),
  /** How often the worker sweeps the inbox for batches left behind (crash, Redis flush). */
  SWEEP_INTERVAL_MS: z.coerce.number().int().min(100).default(15_000),
  /** A queued or processing batch untouched for this long is re-enqueued by the sweeper. */
  SWEEP_STALE_MS: z.coerce.number().int().min(100).default(30_000),
});

export type Config = Readonly<z.infer<typeof ConfigSchema>>;

export function parseConfig(env: Record<string, string | undefined>): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const cfg = parsed.data;
  if (cfg.NODE_ENV === 'production') {
    for (const key of ['SESSION_SECRET', 'PII_ENCRYPTION_KEY', 'BLIND_INDEX_KEY'] as const) {
      if (cfg[key].includes('dev-only') || cfg[key] === ConfigSchema.shape[key].parse(undefined)) {
        throw new Error(`Invalid configuration:\n  ${key}: set a real secret in production`);
      }
    }
  }
  return Object.freeze(cfg);
}

/** Parses `process.env`; prints the problems and exits on failure. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  try {
    return parseConfig(env);
  } catch (err) {
    console.error((err as Error).message);
    process.exit(1);
  }
}
