import type { FastifyInstance } from 'fastify';

/** Liveness and readiness for orchestrators; readiness checks PostgreSQL and Redis. */
export default async function healthRoutes(app: FastifyInstance) {
  const open = { access: { public: true as const } };

  app.get('/healthz', { config: open, schema: { hide: true } }, async () => ({ status: 'ok' }));

  app.get('/readyz', { config: open, schema: { hide: true } }, async (_req, reply) => {
    const withTimeout = <T>(p: Promise<T>) =>
      Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000).unref())]);
    const [postgres, redis] = await Promise.allSettled([withTimeout(app.pg.query('select 1')), withTimeout(app.redis.ping())]);
    const checks = {
      postgres: postgres.status === 'fulfilled' ? 'ok' : 'unreachable',
      redis: redis.status === 'fulfilled' ? 'ok' : 'unreachable',
    };
    const ready = checks.postgres === 'ok' && checks.redis === 'ok';
    void reply.status(ready ? 200 : 503);
    return { status: ready ? 'ready' : 'not ready', checks };
  });
}
