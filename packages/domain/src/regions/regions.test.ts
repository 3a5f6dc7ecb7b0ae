import { describe, expect, it } from 'vitest';
import { isValidRegionCode } from '../identifiers/region-code';
import { CITY_CODE, NEIJIANG_COUNTY_CODES, NEIJIANG_REGIONS } from './neijiang';
import { childrenOf, countyOf, findRegion, isInCity, regionPath } from './region-tree';

describe('内江市 region hierarchy', () => {
  it('has the city and its five counties with their GB/T 2260 codes', () => {
    expect(findRegion(CITY_CODE)?.name).toBe('内江市');
    expect(NEIJIANG_COUNTY_CODES).toEqual(['511002', '511011', '511024', '511025', '511083']);
    expect(childrenOf(CITY_CODE).map((c) => c.name)).toEqual(['市中区', '东兴区', '威远县', '资中县', '隆昌市']);
  });

  it('gives every county a dozen or more townships with 9-digit codes under it', () => {
    for (const county of NEIJIANG_COUNTY_CODES) {
      const towns = childrenOf(county);
      expect(towns.length).toBeGreaterThanOrEqual(12);
      for (const t of towns) {
        expect(t.code).toMatch(/^\d{9}$/);
        expect(t.code.startsWith(county)).toBe(true);
        expect(isValidRegionCode(t.code, { allowStatistical: true })).toBe(true);
      }
    }
  });

  it('has unique codes and a kind that matches the statistical series', () => {
    const codes = NEIJIANG_REGIONS.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(findRegion('511024100')).toMatchObject({ name: '严陵镇', townshipKind: 'town' });
    expect(findRegion('511083001')).toMatchObject({ name: '金鹅街道', townshipKind: 'subdistrict' });
  });

  it('resolves counties and paths', () => {
    expect(countyOf('511025104')?.name).toBe('资中县');
    expect(countyOf('511025104033')?.name).toBe('资中县');
    expect(countyOf('510100')).toBeUndefined();
    expect(regionPath('511024100').map((r) => r.name)).toEqual(['内江市', '威远县', '严陵镇']);
    expect(isInCity('511083')).toBe(true);
    expect(isInCity('510104')).toBe(false);
  });
});
