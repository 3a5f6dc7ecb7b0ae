import { describe, expect, it } from 'vitest';
import { checkRegionCode, isValidRegionCode, regionCodeLevel } from './region-code';

describe('GB/T 2260 region codes', () => {
  it('accepts county, prefecture and province codes with a real province prefix', () => {
    expect(checkRegionCode('511025')).toEqual({ valid: true, issues: [], level: 'county' });
    expect(regionCodeLevel('511000')).toBe('prefecture');
    expect(regionCodeLevel('510000')).toBe('province');
    expect(isValidRegionCode('820000')).toBe(true);
  });

  it('rejects codes whose province prefix does not exist', () => {
    expect(checkRegionCode('161000').issues).toEqual(['province']);
    expect(checkRegionCode('721000').issues).toEqual(['province']);
    expect(checkRegionCode('001000').issues).toEqual(['province']);
  });

  it('rejects malformed codes', () => {
    expect(checkRegionCode('51102').issues).toEqual(['format']);
    expect(checkRegionCode('51102A').issues).toEqual(['format']);
  });

  it('accepts township codes only when asked', () => {
    expect(isValidRegionCode('511024100')).toBe(false);
    expect(checkRegionCode('511024100', { allowStatistical: true }).level).toBe('township');
    expect(checkRegionCode('511024100033', { allowStatistical: true }).level).toBe('village');
  });
});
