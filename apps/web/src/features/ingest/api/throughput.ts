import type { BatchSummary } from '@rhip/contracts';

export interface ThroughputMinute {
  /** Start of the minute (epoch ms). */
  start: number;
  received: number;
  rejected: number;
  batches: number;
}

export interface Throughput {
  minutes: ThroughputMinute[];
  /** Records received per minute, averaged over the last `recentMinutes` minutes. */
  perMinute: number;
  receivedInWindow: number;
  batchesInWindow: number;
  /** The page of recent batches did not reach back to the window's start: older minutes are not counted. */
  partial: boolean;
}

const MINUTE = 60_000;

/**
 * Records received per minute (采集吞吐) from the most recent batches, newest
 * first as the API lists them. `hasMore`: the API holds older batches than the
 * ones given, so minutes before the oldest one given are unknown, not zero.
 */
export function computeThroughput(
  batches: readonly Pick<BatchSummary, 'createdAt' | 'counts'>[],
  now: number,
  options: { windowMinutes?: number; recentMinutes?: number; hasMore?: boolean } = {},
): Throughput {
  const windowMinutes = options.windowMinutes ?? 30;
  const recentMinutes = options.recentMinutes ?? 5;
  const lastStart = Math.floor(now / MINUTE) * MINUTE;
  const firstStart = lastStart - (windowMinutes - 1) * MINUTE;
  const minutes: ThroughputMinute[] = Array.from({ length: windowMinutes }, (_, i) => ({ start: firstStart + i * MINUTE, received: 0, rejected: 0, batches: 0 }));

  let oldest = Infinity;
  for (const b of batches) {
    const at = new Date(b.createdAt).getTime();
    if (!Number.isFinite(at)) continue;
    oldest = Math.min(oldest, at);
    const i = Math.floor((at - firstStart) / MINUTE);
    const m = minutes[i];
    if (i < 0 || !m) continue;
    m.received += b.counts.received;
    m.rejected += b.counts.rejected;
    m.batches += 1;
  }

  const recentFrom = now - recentMinutes * MINUTE;
  let recent = 0;
  for (const b of batches) {
    const at = new Date(b.createdAt).getTime();
    if (at > recentFrom && at <= now) recent += b.counts.received;
  }
  return {
    minutes,
    perMinute: recent / recentMinutes,
    receivedInWindow: minutes.reduce((s, m) => s + m.received, 0),
    batchesInWindow: minutes.reduce((s, m) => s + m.batches, 0),
    partial: Boolean(options.hasMore) && oldest > firstStart,
  };
}
