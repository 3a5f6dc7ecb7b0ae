import type { FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateResidentId } from '@rhip/domain';
import { buildTestApp, json } from '../../../test/helper';
import { startWorker, waitFor, type WorkerProcess } from '../../../test/processes';
import { createInstitutionWithKey, push } from './ingest-fixtures';

/**
 * Nothing accepted is lost, nothing is applied twice: the worker is killed
 * (SIGKILL) while batches are being processed, and Redis is flushed while
 * batches wait — the durable inbox and the sweeper bring every batch home,
 * and the one-transaction-per-batch rule keeps counts exact.
 */

// A Redis database of its own, so FLUSHDB touches nothing but this suite.
const REDIS_URL = 'redis://127.0.0.1:6379/13';
const FAST = { INGEST_JOB_LOCK_MS: '2000', SWEEP_INTERVAL_MS: '500', SWEEP_STALE_MS: '1500', REDIS_URL, WORKER_CONCURRENCY: '2' };

let app: FastifyInstance;
let redis: Redis;

function encounters(prefix: string, n: number, offset = 0) {
  return Array.from({ length: n }, (_, j) => {
    const i = offset + j;
    const birthDate = `19${String(40 + (i % 60)).padStart(2, '0')}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    const sex = i % 2 ? '1' : '2';
    const idNumber = generateResidentId({ regionCode: '511011', birthDate, sequence: ((i * 2) % 998) + (sex === '1' ? 1 : 0) });
    return {
      sourceId: `${prefix}-${i}`,
      patient: { idType: '01', idNumber, name: '测试人', sex, birthDate },
      type: 'outpatient',
      startAt: new Date(Date.now() - 7200_000).toISOString(),
      diagnoses: [{ code: 'J06.9', name: '急性上呼吸道感染', primary: true }],
    };
  });
}

async function counts(institutionId: string) {
  const r = await app.pg.query<{ rows: string; distinct_ids: string; batches_open: string; rollup: string | null }>(
    `select (select count(*) from encounters where institution_id = $1) as rows,
            (select count(distinct source_id) from encounters where institution_id = $1) as distinct_ids,
            (select count(*) from ingest_batches where institution_id = $1 and status <> 'done') as batches_open,
            (select sum(received) from ingest_daily_rollups where institution_id = $1) as rollup`,
    [institutionId],
  );
  const row = r.rows[0]!;
  return { rows: Number(row.rows), distinctIds: Number(row.distinct_ids), batchesOpen: Number(row.batches_open), rollup: Number(row.rollup ?? 0) };
}

beforeAll(async () => {
  ({ app } = await buildTestApp({ REDIS_URL }));
  redis = new Redis(REDIS_URL);
  await redis.flushdb();
});

afterAll(async () => {
  await redis.flushdb();
  redis.disconnect();
  await app.close();
});

describe('durability', () => {
  it('loses and duplicates nothing when the worker is killed mid-run and restarted', async () => {
    const inst = await createInstitutionWithKey(app, '崩溃测试医院');
    const batches = 24;
    const size = 400;
    for (let b = 0; b < batches; b++) {
      const res = await push(app, inst.key, 'encounters', encounters('K', size, b * size));
      expect(res.statusCode).toBe(202);
    }
    const env = { DATABASE_URL: process.env.DATABASE_URL!, QUEUE_PREFIX: process.env.QUEUE_PREFIX!, ...FAST };
    let worker: WorkerProcess = startWorker(env);
    // Kill it once it has finished some batches but not all (a batch is usually mid-transaction then).
    await waitFor(async () => (await counts(inst.id)).batchesOpen < batches - 2, { what: 'first batches done' });
    await worker.kill();
    const atKill = await counts(inst.id);
    expect(atKill.batchesOpen).toBeGreaterThan(0);
    worker = startWorker(env);
    try {
      const end = await waitFor(async () => {
        const c = await counts(inst.id);
        return c.batchesOpen === 0 ? c : null;
      }, { timeoutMs: 120_000, what: 'all batches done after restart' });
      expect(end).toEqual({ rows: batches * size, distinctIds: batches * size, batchesOpen: 0, rollup: batches * size });
    } finally {
      await worker.stop();
    }
  });

  it('loses nothing when Redis is flushed while batches wait and while they run', async () => {
    const inst = await createInstitutionWithKey(app, 'Redis测试医院');
    for (let b = 0; b < 10; b++) expect((await push(app, inst.key, 'encounters', encounters('F', 300, b * 300))).statusCode).toBe(202);
    // Every queued job disappears; only the PostgreSQL inbox knows about the batches now.
    await redis.flushdb();
    const env = { DATABASE_URL: process.env.DATABASE_URL!, QUEUE_PREFIX: process.env.QUEUE_PREFIX!, ...FAST };
    const worker = startWorker(env);
    try {
      for (let b = 10; b < 20; b++) {
        expect((await push(app, inst.key, 'encounters', encounters('F', 300, b * 300))).statusCode).toBe(202);
        if (b === 14) await redis.flushdb();
      }
      const end = await waitFor(async () => {
        const c = await counts(inst.id);
        return c.batchesOpen === 0 ? c : null;
      }, { timeoutMs: 120_000, what: 'all batches done after flushes' });
      expect(end).toEqual({ rows: 6000, distinctIds: 6000, batchesOpen: 0, rollup: 6000 });
    } finally {
      await worker.stop();
    }
  });

  it('still answers 202 with Redis gone, and the batch is processed once Redis is back', async () => {
    const { app: noRedis } = await buildTestApp({ REDIS_URL: 'redis://127.0.0.1:1' });
    try {
      const inst = await createInstitutionWithKey(noRedis, '离线测试医院');
      const res = await push(noRedis, inst.key, 'encounters', encounters('R', 5));
      expect(res.statusCode).toBe(202);
      const batchId = json<{ batchId: string }>(res).batchId;
      const worker = startWorker({ DATABASE_URL: process.env.DATABASE_URL!, QUEUE_PREFIX: process.env.QUEUE_PREFIX!, ...FAST });
      try {
        await waitFor(async () => {
          const r = await app.pg.query(`select status from ingest_batches where id = $1`, [batchId]);
          return r.rows[0]?.status === 'done';
        }, { what: 'batch swept and processed' });
      } finally {
        await worker.stop();
      }
    } finally {
      await noRedis.close();
    }
  });
});
