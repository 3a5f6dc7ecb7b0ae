import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { BatchFilters } from '../../../api/query-keys';
import { batchFiltersFromSearchParams, searchParamsFromBatchFilters } from './batch-filters';

/** The batch list's filters, read from and written to the URL. */
export function useBatchFilters() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => batchFiltersFromSearchParams(params), [params]);

  const setFilters = useCallback(
    (change: Partial<Omit<BatchFilters, 'page' | 'pageSize'>>) => setParams(searchParamsFromBatchFilters({ ...filters, ...change, page: 1 })),
    [filters, setParams],
  );
  const setPage = useCallback(
    (page: number, pageSize: number) =>
      setParams(searchParamsFromBatchFilters({ ...filters, page: pageSize === filters.pageSize ? page : 1, pageSize })),
    [filters, setParams],
  );
  const resetFilters = useCallback(() => setParams(searchParamsFromBatchFilters({ pageSize: filters.pageSize })), [filters.pageSize, setParams]);

  return { filters, setFilters, setPage, resetFilters };
}
