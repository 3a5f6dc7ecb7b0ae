/**
 * The KPI worker's to-do list in Redis: rollup scopes waiting to be
 * recomputed, in a sorted set scored by when each is due (first mark +
 * debounce; a later mark never postpones it). A scope is claimed by removing
 * it (ZREM answers 1 to one replica only) and parked in a processing set
 * until done, so a crash leaves it there to be re-marked at the next start.
 * Marks lost with Redis are made good by the periodic reconcile (scopes.ts).
 */
import { kpiRedisKeys } from '@rhip/contracts';
import type { Redis } from 'ioredis';
import { DEBOUNCE_MS, scopeKey, type KpiScope, type ScopeKind } from './scopes';

/** The subset of the ioredis client the dirty set uses (BullMQ's queue client). */
export type DirtySetRedis = Pick<Redis, 'zadd' | 'zrangebyscore' | 'zrem' | 'sadd' | 'srem' | 'smembers' | 'del' | 'zcard' | 'scard' | 'set'>;

/**
 * @param debounce how long a newly marked scope of a kind waits (default DEBOUNCE_MS); the worker
 *   stretches it for kinds whose recompute is slow, so a stream of batches cannot keep it busy.
 */
export function createDirtySet(redis: DirtySetRedis, prefix: string, debounce: (kind: ScopeKind) => number = (k) => DEBOUNCE_MS[k]) {
  const keys = kpiRedisKeys(prefix);

  /** Marks scopes dirty; `immediate` makes them due now (recompute requests, reconcile). */
  async function mark(scopes: readonly KpiScope[], opts: { immediate?: boolean } = {}): Promise<void> {
    if (!scopes.length) return;
    const now = Date.now();
    const args: (string | number)[] = [];
    for (const s of scopes) args.push(now + (opts.immediate ? 0 : debounce(s.kind)), scopeKey(s));
    // LT: add new members, move existing ones only earlier.
    await redis.zadd(keys.dirty, 'LT', ...args);
  }

  /** Claims up to `limit` due scopes. */
  async function claimDue(limit: number): Promise<string[]> {
    const due = await redis.zrangebyscore(keys.dirty, '-inf', Date.now(), 'LIMIT', 0, limit);
    const claimed: string[] = [];
    for (const key of due) {
      if ((await redis.zrem(keys.dirty, key)) === 1) {
        await redis.sadd(keys.processing, key);
        claimed.push(key);
      }
    }
    return claimed;
  }

  async function done(key: string): Promise<void> {
    await redis.srem(keys.processing, key);
  }

  /** Puts a failed scope back, due after `delayMs`. */
  async function retry(key: string, delayMs: number): Promise<void> {
    await redis.zadd(keys.dirty, 'LT', Date.now() + delayMs, key);
    await redis.srem(keys.processing, key);
  }

  /** Scopes left in processing by a crashed worker: due again now. */
  async function recoverOrphans(): Promise<number> {
    const orphans = await redis.smembers(keys.processing);
    if (!orphans.length) return 0;
    const args: (string | number)[] = [];
    for (const key of orphans) args.push(Date.now(), key);
    await redis.zadd(keys.dirty, 'LT', ...args);
    await redis.del(keys.processing);
    return orphans.length;
  }

  /** True once per `everyMs` across replicas (a Redis key that expires). */
  async function tick(name: string, everyMs: number): Promise<boolean> {
    return (await redis.set(keys.tick(name), '1', 'PX', everyMs, 'NX')) === 'OK';
  }

  async function pending(): Promise<number> {
    const [dirty, processing] = await Promise.all([redis.zcard(keys.dirty), redis.scard(keys.processing)]);
    return dirty + processing;
  }

  return { mark, claimDue, done, retry, recoverOrphans, tick, pending };
}

export type DirtySet = ReturnType<typeof createDirtySet>;
