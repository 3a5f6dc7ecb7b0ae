import { describe, expect, it } from 'vitest';
import { createRandom, weighted } from './random';

describe('seeded random streams', () => {
  it('repeat for the same seed and key path, and differ for another', () => {
    const a = createRandom(42, 'resident', 7);
    const b = createRandom(42, 'resident', 7);
    const c = createRandom(42, 'resident', 8);
    const xs = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(xs);
  });

  it('stay in range and roughly uniform', () => {
    const r = createRandom('u');
    const buckets = new Array(10).fill(0);
    let min = 1;
    let max = 0;
    for (let i = 0; i < 100_000; i++) {
      const x = r.next();
      min = Math.min(min, x);
      max = Math.max(max, x);
      buckets[Math.floor(x * 10)]++;
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    for (const n of buckets) expect(Math.abs(n - 10_000)).toBeLessThan(500);
    const ints = new Set(Array.from({ length: 1000 }, () => r.int(3, 5)));
    expect(ints).toEqual(new Set([3, 4, 5]));
  });

  it('draw from weighted tables in proportion to the weights', () => {
    const t = weighted<string>([['a', 1], ['b', 3], ['c', 0]]);
    const r = createRandom(1);
    const n = { a: 0, b: 0, c: 0 } as Record<string, number>;
    for (let i = 0; i < 40_000; i++) {
      const k = r.weighted(t);
      n[k] = (n[k] ?? 0) + 1;
    }
    expect(n.c).toBe(0);
    expect((n.b ?? 0) / (n.a ?? 1)).toBeGreaterThan(2.7);
    expect((n.b ?? 0) / (n.a ?? 1)).toBeLessThan(3.3);
  });

  it('makes deterministic version-4-shaped UUIDs and Poisson counts with the right mean', () => {
    const r = createRandom(3);
    expect(r.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    let sum = 0;
    for (let i = 0; i < 20_000; i++) sum += r.poisson(2.5);
    expect(sum / 20_000).toBeGreaterThan(2.4);
    expect(sum / 20_000).toBeLessThan(2.6);
  });
});
