import type {} from '../../../packages/db/src/testing/provided-context';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { inject } from 'vitest';
import { parseConfig, type Config } from '@rhip/config';
import { buildApp } from '../src/app';
import { createAuthService } from '../src/modules/auth/auth-service';

export const ADMIN = { username: 'test-admin', password: 'Test-Admin@2026' };

/** The whole API on this run's database and queue prefix, for `app.inject()`. */
export async function buildTestApp(overrides: Record<string, string> = {}): Promise<{ app: FastifyInstance; config: Config }> {
  const config = parseConfig({
    NODE_ENV: 'test',
    DATABASE_URL: inject('databaseUrl'),
    QUEUE_PREFIX: inject('queuePrefix'),
    ADMIN_USERNAME: ADMIN.username,
    ADMIN_PASSWORD: ADMIN.password,
    SERVE_CONSOLE: 'false',
    LOG_LEVEL: 'silent',
    // Suites log in many times from one address; the login limit itself is tested in auth.int.test.ts.
    LOGIN_RATE_LIMIT_PER_MINUTE: '10000',
    ...overrides,
  });
  const app = await buildApp({ config, logger: false });
  await createAuthService({ db: app.db, config }).ensureAdmin();
  await app.ready();
  return { app, config };
}

export async function login(app: FastifyInstance, creds = ADMIN): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: creds });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  return (res.json() as { accessToken: string }).accessToken;
}

export function bearer(token: string) {
  return { authorization: `Bearer ${token}` };
}

export function json<T = Record<string, unknown>>(res: LightMyRequestResponse): T {
  return res.json() as T;
}
