import { queryOptions } from '@tanstack/react-query';
import type { Region, RegionSummary } from '@rhip/contracts';
import { apiFetch } from '../../../api/client';
import { regionKeys } from '../../../api/query-keys';

export function fetchRegions(signal?: AbortSignal): Promise<Region[]> {
  return apiFetch<Region[]>('/regions', signal ? { signal } : {});
}

export function fetchRegionSummary(signal?: AbortSignal): Promise<RegionSummary> {
  return apiFetch<RegionSummary>('/regions/summary', signal ? { signal } : {});
}

/** The region tree changes rarely (GB/T 2260 codes): cache it for the session. */
export const regionsQueryOptions = () =>
  queryOptions({
    queryKey: regionKeys.list(),
    queryFn: ({ signal }) => fetchRegions(signal),
    staleTime: 60 * 60_000,
  });

export const regionSummaryQueryOptions = () =>
  queryOptions({
    queryKey: regionKeys.summary(),
    queryFn: ({ signal }) => fetchRegionSummary(signal),
    staleTime: 60_000,
  });
