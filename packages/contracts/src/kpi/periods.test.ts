import { describe, expect, it } from 'vitest';
import { chinaMonthOf, monthsOfYear, nextMonth, periodBounds, periodDays, periodIsCurrent, previousMonth } from './periods';

describe('KPI periods', () => {
  it('takes the month in China time (UTC+8)', () => {
    expect(chinaMonthOf(new Date('2026-09-30T16:30:00Z'))).toBe('2026-10');
    expect(chinaMonthOf(new Date('2026-09-30T15:59:59Z'))).toBe('2026-09');
  });

  it('bounds a month and a year in China time, end exclusive', () => {
    expect(periodBounds('2026-12')).toEqual({ start: '2026-12-01T00:00:00+08:00', end: '2027-01-01T00:00:00+08:00' });
    expect(periodDays('2026')).toEqual({ from: '2026-01-01', to: '2027-01-01' });
    expect(nextMonth('2026-12')).toBe('2027-01');
    expect(previousMonth('2026-01')).toBe('2025-12');
  });

  it('lists the months of a year up to a month', () => {
    expect(monthsOfYear(2026, '2026-03')).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(monthsOfYear(2025)).toHaveLength(12);
  });

  it('knows whether a period is current', () => {
    const at = new Date('2026-10-15T00:00:00+08:00');
    expect(periodIsCurrent('2026', at)).toBe(true);
    expect(periodIsCurrent('2026-10', at)).toBe(true);
    expect(periodIsCurrent('2026-09', at)).toBe(false);
  });
});
