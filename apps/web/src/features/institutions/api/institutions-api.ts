import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { Institution, Page } from '@rhip/contracts';
import { apiFetch } from '../../../api/client';
import { institutionKeys, type InstitutionFilters } from '../../../api/query-keys';

export function fetchInstitutions(filters: InstitutionFilters, signal?: AbortSignal): Promise<Page<Institution>> {
  return apiFetch<Page<Institution>>('/institutions', { query: { ...filters }, ...(signal ? { signal } : {}) });
}

export const institutionListQueryOptions = (filters: InstitutionFilters) =>
  queryOptions({
    queryKey: institutionKeys.list(filters),
    queryFn: ({ signal }) => fetchInstitutions(filters, signal),
    // Keep the current page on screen while the next one loads.
    placeholderData: keepPreviousData,
  });
