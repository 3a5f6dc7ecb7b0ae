import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { Gauge } from 'prom-client';
import type { Config } from '@rhip/config';
import { QUEUES, type QueueJobMap, type QueueName } from '@rhip/contracts';
import { createPgPool, createPrismaClient, type PgPool, type PrismaClient } from '@rhip/db';
import { createPiiCipher, type PiiCipher } from '@rhip/pii';

type Queues = { [K in QueueName]: Queue<QueueJobMap[K]> };

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
    db: PrismaClient;
    /** For set-based SQL on hot paths (COPY, UNNEST, ON CONFLICT). */
    pg: PgPool;
    redis: Redis;
    queues: Queues;
    /** Encryption and blind index of personal identifiers (keys from the environment). */
    pii: PiiCipher;
  }
}

/**
 * PostgreSQL (Prisma through the pg adapter, plus a raw pool), Redis and the
 * BullMQ queues the api produces to. Closed in reverse order on shutdown.
 */
export default fp(
  async function infraPlugin(app: FastifyInstance, opts: { config: Config }) {
    const { config } = opts;
    app.decorate('config', config);
    const db = createPrismaClient(config.DATABASE_URL);
    const pg = createPgPool(config.DATABASE_URL);
    // Commands fail fast instead of queueing while Redis is away, so /readyz
    // answers promptly; BullMQ's own connection retries forever by design.
    const redis = new Redis(config.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false });
    redis.on('error', (err) => app.log.warn({ err: err.message }, 'redis connection error'));
    await redis.connect().catch((err: Error) => app.log.warn({ err: err.message }, 'redis not reachable at startup'));
    const queueConnection = { url: config.REDIS_URL, maxRetriesPerRequest: null };
    const queues = Object.fromEntries(
      Object.values(QUEUES).map((name) => [name, new Queue(name, { connection: queueConnection, prefix: config.QUEUE_PREFIX })]),
    ) as unknown as Queues;

    for (const q of Object.values(queues) as Queue[]) q.on('error', (err) => app.log.warn({ queue: q.name, err: err.message }, 'queue connection error'));
    app.decorate('pii', createPiiCipher({ encryptionKey: config.PII_ENCRYPTION_KEY, keyId: config.PII_KEY_ID, blindIndexKey: config.BLIND_INDEX_KEY }));
    app.decorate('db', db);
    app.decorate('pg', pg);
    app.decorate('redis', redis);
    app.decorate('queues', queues);

    new Gauge({
      name: 'rhip_queue_jobs',
      help: 'Jobs per queue and state',
      labelNames: ['queue', 'state'] as const,
      registers: [app.metrics.registry],
      async collect() {
        for (const [name, q] of Object.entries(queues) as [string, Queue][]) {
          const counts = await q.getJobCounts('waiting', 'active', 'delayed', 'failed').catch(() => null);
          if (!counts) continue;
          for (const [state, n] of Object.entries(counts)) this.set({ queue: name, state }, n);
        }
      },
    });

    app.addHook('onClose', async () => {
      await Promise.allSettled(Object.values(queues).map((q: Queue) => q.close()));
      redis.disconnect();
      await Promise.allSettled([db.$disconnect(), pg.end()]);
    });
  },
  { name: 'infra', dependencies: ['metrics'] },
);
