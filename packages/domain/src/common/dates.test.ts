import { describe, expect, it } from 'vitest';
import { chinaDate, chinaDateOf, compactToIsoDate, daysBetween, isIsoDate, isRealDate, lastDayOfMonth } from './dates';

describe('calendar helpers', () => {
  it('knows leap years', () => {
    expect(isRealDate(2024, 2, 29)).toBe(true);
    expect(isRealDate(2023, 2, 29)).toBe(false);
    expect(isRealDate(1900, 2, 29)).toBe(false);
    expect(isRealDate(2000, 2, 29)).toBe(true);
    expect(isRealDate(2023, 13, 1)).toBe(false);
  });

  it('converts compact dates only when real', () => {
    expect(compactToIsoDate('19491231')).toBe('1949-12-31');
    expect(compactToIsoDate('19490231')).toBeNull();
    expect(isIsoDate('2024-02-30')).toBe(false);
  });

  it('takes "today" in Beijing time', () => {
    // 2024-03-01 17:00 UTC is already 2 March in China.
    expect(chinaDate(new Date('2024-03-01T17:00:00Z'))).toBe('2024-03-02');
    expect(chinaDateOf('2024-03-01T17:00:00Z')).toBe('2024-03-02');
    expect(chinaDateOf('2024-03-01T17:00:00')).toBe('2024-03-01');
    expect(chinaDateOf('not a date')).toBeNull();
  });

  it('counts days and month ends', () => {
    expect(daysBetween('2024-02-27', '2024-03-01')).toBe(3);
    expect(lastDayOfMonth('2024-02')).toBe('2024-02-29');
    expect(lastDayOfMonth('2023-09')).toBe('2023-09-30');
  });
});
