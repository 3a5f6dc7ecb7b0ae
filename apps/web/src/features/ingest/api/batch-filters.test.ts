import { describe, expect, it } from 'vitest';
import { batchFiltersFromSearchParams, hasActiveBatchFilters, pageFromSearchParams, searchParamsFromBatchFilters } from './batch-filters';

const ID = '0b9c1e52-6a3f-4c1d-9a55-1f4e2f7d8c90';

describe('batch list filters in the URL', () => {
  it('reads institution, data set, status and paging', () => {
    expect(batchFiltersFromSearchParams(new URLSearchParams(`institutionId=${ID}&dataset=encounters&status=failed&page=2&pageSize=50`))).toEqual({
      institutionId: ID, dataset: 'encounters', status: 'failed', page: 2, pageSize: 50,
    });
  });

  it('ignores a malformed institution id, unknown data sets and states, and odd page sizes', () => {
    expect(batchFiltersFromSearchParams(new URLSearchParams('institutionId=abc&dataset=spam&status=toString&page=0&pageSize=7'))).toEqual({ page: 1, pageSize: 20 });
  });

  it('writes only what differs from the defaults and round-trips', () => {
    expect(searchParamsFromBatchFilters({ page: 1, pageSize: 20 }).toString()).toBe('');
    const f = { institutionId: ID, status: 'done' as const, page: 3, pageSize: 100 };
    expect(batchFiltersFromSearchParams(searchParamsFromBatchFilters(f))).toEqual(f);
    expect(hasActiveBatchFilters({ page: 3 })).toBe(false);
    expect(hasActiveBatchFilters({ dataset: 'persons' })).toBe(true);
  });

  it('reads plain paging for the other lists', () => {
    expect(pageFromSearchParams(new URLSearchParams('page=4&pageSize=200'), [50, 200], 50)).toEqual({ page: 4, pageSize: 200 });
    expect(pageFromSearchParams(new URLSearchParams('page=x&pageSize=3'), [50, 200], 50)).toEqual({ page: 1, pageSize: 50 });
  });
});
