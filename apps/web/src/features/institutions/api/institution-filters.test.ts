import { describe, expect, it } from 'vitest';
import { filtersFromSearchParams, hasActiveFilters, searchParamsFromFilters } from './institution-filters';

describe('institution list filters in the URL', () => {
  it('reads every filter from the query string', () => {
    const f = filtersFromSearchParams(new URLSearchParams('regionCode=511024&level=3A&type=tcm_hospital&ownership=public&q=%E4%B8%AD%E5%8C%BB&page=3&pageSize=50'));
    expect(f).toEqual({ regionCode: '511024', level: '3A', type: 'tcm_hospital', ownership: 'public', q: '中医', page: 3, pageSize: 50 });
  });

  it('ignores unknown enum values, malformed region codes and odd page sizes', () => {
    const f = filtersFromSearchParams(new URLSearchParams('regionCode=51102&level=4A&type=spa&ownership=mixed&page=-1&pageSize=33'));
    expect(f).toEqual({ page: 1, pageSize: 20 });
  });

  it('ignores inherited object keys as enum values', () => {
    expect(filtersFromSearchParams(new URLSearchParams('level=toString&type=__proto__')).level).toBeUndefined();
  });

  it('writes only non-default values, so a shared link stays short', () => {
    expect(searchParamsFromFilters({ page: 1, pageSize: 20 }).toString()).toBe('');
    expect(searchParamsFromFilters({ regionCode: '511024', ownership: 'private', page: 2, pageSize: 20 }).toString()).toBe(
      'regionCode=511024&ownership=private&page=2',
    );
  });

  it('round-trips', () => {
    const filters = { regionCode: '511083', level: '2A', q: '卫生院', page: 4, pageSize: 100 } as const;
    expect(filtersFromSearchParams(searchParamsFromFilters(filters))).toEqual(filters);
  });

  it('knows when any filter is active', () => {
    expect(hasActiveFilters({ page: 2, pageSize: 50 })).toBe(false);
    expect(hasActiveFilters({ ownership: 'public' })).toBe(true);
  });
});
