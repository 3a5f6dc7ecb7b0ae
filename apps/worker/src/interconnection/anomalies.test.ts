import { describe, expect, it } from 'vitest';
import { judgeSeries, median, modifiedZScore } from './anomalies';
import { addDays } from './days';

const opts = { zThreshold: 3.5, baselineDays: 28, minBaselineDays: 7, lookbackDays: 7, minDeviation: 5 };

function series(start: string, values: number[]) {
  return new Map(values.map((v, i) => [addDays(start, i), v]));
}

describe('volume anomalies (modified z-score)', () => {
  it('computes the median of odd and even samples', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('scores with 0.6745 × (x − median) / MAD', () => {
    const s = modifiedZScore(10, [98, 100, 102, 100, 99, 101, 100]);
    expect(s.median).toBe(100);
    expect(s.mad).toBe(1);
    expect(s.z).toBeCloseTo(0.6745 * -90, 6);
  });

  it('falls back to the mean absolute deviation, then to √median, when MAD is 0', () => {
    expect(modifiedZScore(50, [100, 100, 100, 100, 120]).z).toBeCloseTo((50 - 100) / (1.253314 * 4), 6);
    expect(modifiedZScore(64, [100, 100, 100]).z).toBeCloseTo(-3.6, 6);
  });

  it('flags an engineered drop and nothing else', () => {
    const values = Array.from({ length: 35 }, (_, i) => 100 + ((i * 7) % 5) - 2);
    values[34] = 12;
    const s = series('2026-04-01', values);
    const out = judgeSeries(s, '2026-04-01', addDays('2026-04-01', 28), addDays('2026-04-01', 34), opts);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ day: addDays('2026-04-01', 34), count: 12, baselineMedian: 100, direction: 'drop' });
    expect(out[0]!.zScore).toBeLessThan(-3.5);
  });

  it('does not judge a day before enough baseline, nor small absolute changes', () => {
    const s = series('2026-04-01', [1, 1, 1, 1, 1, 1, 1, 1, 1, 4]);
    expect(judgeSeries(s, '2026-04-01', '2026-04-05', '2026-04-10', opts)).toEqual([]);
    const early = series('2026-04-01', [100, 100, 100, 5]);
    expect(judgeSeries(early, '2026-04-01', '2026-04-04', '2026-04-04', opts)).toEqual([]);
  });

  it('counts missing days as zero from the first day seen', () => {
    const s = series('2026-04-01', Array.from({ length: 20 }, () => 50));
    const out = judgeSeries(s, '2026-04-01', '2026-04-21', '2026-04-21', opts);
    expect(out).toMatchObject([{ day: '2026-04-21', count: 0, direction: 'drop' }]);
  });
});
