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
  /** Requests per minute per API key, session token or IP on ordinary routes. */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(1200),
  /** Login attempts per minute per client address (on top of the per-account lockout). */
  LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  /** Requests per minute per institution key on the ingest routes (REST and FHIR). */
  INGEST_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(30_000),
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
  // ── Interconnection and data-quality monitoring (worker jobs on the `monitoring` queue) ──
  /** How often institution × data set statuses (online / delayed / silent / never) are recomputed. */
  STATUS_INTERVAL_MS: z.coerce.number().int().min(100).default(60_000),
  /** How often the wide dashboard rollups (monitoring_daily_rollups) are rebuilt for recent days. */
  ROLLUP_INTERVAL_MS: z.coerce.number().int().min(100).default(60_000),
  /** How often daily volumes are compared with each institution's own baseline. */
  ANOMALY_INTERVAL_MS: z.coerce.number().int().min(100).default(15 * 60_000),
  /** |modified z-score| at or above which a day is flagged (Iglewicz & Hoaglin: 3.5). */
  ANOMALY_Z_THRESHOLD: z.coerce.number().positive().default(3.5),
  /** Days before a day that form its baseline. */
  ANOMALY_BASELINE_DAYS: z.coerce.number().int().min(3).max(366).default(28),
  /** Fewest baseline days (since the institution first sent the data set) before a day is judged. */
  ANOMALY_MIN_BASELINE_DAYS: z.coerce.number().int().min(2).max(366).default(7),
  /** Completed days re-judged on every run (late arrivals change a day's count). */
  ANOMALY_LOOKBACK_DAYS: z.coerce.number().int().min(1).max(366).default(7),
  /** Smallest |count − median| worth flagging, so 3 records instead of 1 is not an anomaly. */
  ANOMALY_MIN_DEVIATION: z.coerce.number().min(0).default(5),
  /** How often finished batches are scanned for duplicates (唯一性) and rule rollups. */
  DUPLICATE_INTERVAL_MS: z.coerce.number().int().min(100).default(30_000),
  /** Same person, same event: event times within ± this many minutes. */
  DUPLICATE_WINDOW_MINUTES: z.coerce.number().int().min(0).max(24 * 60).default(5),
  /** How often alert rules are evaluated. */
  ALERT_INTERVAL_MS: z.coerce.number().int().min(100).default(60_000),
  /** How often due webhook deliveries are sent. */
  WEBHOOK_POLL_MS: z.coerce.number().int().min(100).default(10_000),
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).default(5_000),
  /** Attempts before a delivery is marked failed. */
  WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(6),
  /** First retry after this long, doubling each attempt. */
  WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().min(10).default(30_000),
  /** When set, each webhook POST carries x-rhip-signature: sha256=HMAC(body). */
  WEBHOOK_SIGNING_SECRET: z.string().min(16).optional(),
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
    if (cfg.ADMIN_PASSWORD === ConfigSchema.shape.ADMIN_PASSWORD.parse(undefined)) {
      throw new Error('Invalid configuration:\n  ADMIN_PASSWORD: the demo password cannot be used in production');
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
