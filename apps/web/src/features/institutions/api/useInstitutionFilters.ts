import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { InstitutionFilters } from '../../../api/query-keys';
import { filtersFromSearchParams, searchParamsFromFilters } from './institution-filters';

type FilterChange = Partial<Omit<InstitutionFilters, 'page' | 'pageSize'>>;

/** The institution list's filters, read from and written to the URL query string. */
export function useInstitutionFilters() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromSearchParams(params), [params]);

  /** Change filters; any change returns to the first page. */
  const setFilters = useCallback(
    (change: FilterChange) => {
      setParams(searchParamsFromFilters({ ...filters, ...change, page: 1 }));
    },
    [filters, setParams],
  );

  const setPage = useCallback(
    (page: number, pageSize: number) => {
      setParams(searchParamsFromFilters({ ...filters, page: pageSize === filters.pageSize ? page : 1, pageSize }));
    },
    [filters, setParams],
  );

  const resetFilters = useCallback(() => {
    setParams(searchParamsFromFilters({ pageSize: filters.pageSize }));
  }, [filters.pageSize, setParams]);

  return { filters, setFilters, setPage, resetFilters };
}
