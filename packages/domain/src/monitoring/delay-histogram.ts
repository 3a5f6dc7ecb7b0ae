/**
 * Arrival delay (clinical event → receipt) kept as a histogram per rollup row,
 * so daily p50/p90 can be maintained incrementally without storing every
 * delay. Bucket upper bounds in seconds; the last bucket is open-ended.
 */
export const DELAY_BUCKETS = [60, 300, 900, 3600, 3 * 3600, 6 * 3600, 12 * 3600, 24 * 3600, 48 * 3600, 72 * 3600, 7 * 86400, 30 * 86400, Infinity];

export type DelayHistogram = number[];

export function emptyHistogram(): DelayHistogram {
  return DELAY_BUCKETS.map(() => 0);
}

export function addDelay(h: DelayHistogram, seconds: number): void {
  const i = DELAY_BUCKETS.findIndex((b) => seconds <= b);
  h[i === -1 ? h.length - 1 : i] = (h[i === -1 ? h.length - 1 : i] ?? 0) + 1;
}

export function mergeHistograms(a: readonly number[] | null | undefined, b: readonly number[]): DelayHistogram {
  return DELAY_BUCKETS.map((_, i) => (a?.[i] ?? 0) + (b[i] ?? 0));
}

/** The bucket upper bound at quantile q (0–1); the open last bucket reports the previous bound. Null when empty. */
export function histogramQuantile(h: readonly number[], q: number): number | null {
  const total = h.reduce((s, n) => s + n, 0);
  if (total === 0) return null;
  const target = q * total;
  let cum = 0;
  for (let i = 0; i < h.length; i++) {
    cum += h[i] ?? 0;
    if (cum >= target) {
      const bound = DELAY_BUCKETS[i] ?? Infinity;
      return Number.isFinite(bound) ? bound : (DELAY_BUCKETS[i - 1] ?? 0);
    }
  }
  return null;
}
