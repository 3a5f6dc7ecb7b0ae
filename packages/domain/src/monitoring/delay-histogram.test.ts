import { describe, expect, it } from 'vitest';
import { addDelay, emptyHistogram, histogramQuantile, mergeHistograms } from './delay-histogram';

describe('delay histogram', () => {
  it('reports the bucket bound at the median and the 90th percentile', () => {
    const h = emptyHistogram();
    for (let i = 0; i < 6; i++) addDelay(h, 30); // ≤ 1 min
    for (let i = 0; i < 3; i++) addDelay(h, 2 * 3600); // ≤ 3 h
    addDelay(h, 5 * 86400); // ≤ 7 d
    expect(histogramQuantile(h, 0.5)).toBe(60);
    expect(histogramQuantile(h, 0.9)).toBe(3 * 3600);
    expect(histogramQuantile(h, 1)).toBe(7 * 86400);
  });

  it('merges day rows incrementally and is empty-safe', () => {
    const a = emptyHistogram();
    addDelay(a, 10);
    const b = emptyHistogram();
    addDelay(b, 10);
    addDelay(b, 100 * 86400);
    const m = mergeHistograms(a, b);
    expect(m.reduce((s, n) => s + n, 0)).toBe(3);
    expect(histogramQuantile(emptyHistogram(), 0.5)).toBeNull();
    expect(mergeHistograms(null, b)).toEqual(b);
  });
});
