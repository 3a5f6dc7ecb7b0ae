import { describe, expect, it } from 'vitest';
import { comparisonRows, formatWeight } from './comparisons';

describe('match review comparisons', () => {
  it('gives one row per field in display order, missing fields as missing with no weight', () => {
    const rows = comparisonRows([
      { field: 'sex', level: 'agree', weight: 1.2 },
      { field: 'name', level: 'exact', weight: 9.87 },
      { field: 'bogus', level: 'x', weight: 1 },
      { field: 'phone', level: 'missing' }, // no weight: malformed, skipped
      null,
    ]);
    expect(rows.map((r) => r.field)).toEqual(['name', 'birthDate', 'sex', 'phone', 'region', 'idKey']);
    expect(rows[0]).toEqual({ field: 'name', level: 'exact', weight: 9.87 });
    expect(rows[3]).toEqual({ field: 'phone', level: 'missing', weight: 0 });
  });

  it('survives comparisons that are not a list at all', () => {
    expect(comparisonRows(null).every((r) => r.level === 'missing')).toBe(true);
    expect(comparisonRows({ name: 'exact' })).toHaveLength(6);
  });

  it('writes weights with a sign and one decimal', () => {
    expect(formatWeight(8.24)).toBe('+8.2');
    expect(formatWeight(-3.06)).toBe('−3.1');
    expect(formatWeight(0.01)).toBe('0');
  });
});
