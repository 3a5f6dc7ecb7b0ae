import { describe, expect, it } from 'vitest';
import { computeThroughput } from './throughput';

const now = Date.parse('2026-05-06T10:30:30Z');
const batch = (isoOffsetSeconds: number, received: number, rejected = 0) => ({
  createdAt: new Date(now - isoOffsetSeconds * 1000).toISOString(),
  counts: { received, rejected, accepted: received - rejected, stored: 0, linked: 0, inReview: 0, failed: 0 },
});

describe('records received per minute', () => {
  it('buckets batches by minute over the window, oldest minute first', () => {
    const t = computeThroughput([batch(10, 100, 2), batch(20, 50), batch(90, 30), batch(3600, 999)], now, { windowMinutes: 10 });
    expect(t.minutes).toHaveLength(10);
    expect(t.minutes.at(-1)).toMatchObject({ start: Date.parse('2026-05-06T10:30:00Z'), received: 150, rejected: 2, batches: 2 });
    expect(t.minutes.at(-2)?.received).toBe(30);
    // The batch an hour ago is outside the window.
    expect(t.receivedInWindow).toBe(180);
    expect(t.batchesInWindow).toBe(3);
  });

  it('averages the last few minutes for the headline figure', () => {
    const t = computeThroughput([batch(30, 500), batch(200, 500), batch(400, 1000)], now, { recentMinutes: 5 });
    expect(t.perMinute).toBe(200); // 1,000 records in the last 5 minutes; the one 6'40" ago is older
  });

  it('marks the window partial when older batches exist beyond the page', () => {
    expect(computeThroughput([batch(30, 1)], now, { hasMore: true }).partial).toBe(true);
    expect(computeThroughput([batch(30, 1)], now, { hasMore: false }).partial).toBe(false);
    expect(computeThroughput([], now).perMinute).toBe(0);
  });
});
