import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { BatchStatus, BatchSummary, DeadLetter, Page, ReplayResult } from '@rhip/contracts';
import { apiFetch } from '../../../api/client';
import { ingestKeys, type BatchFilters } from '../../../api/query-keys';

/** How often the live views poll while the page is visible (TanStack pauses intervals in hidden tabs). */
export const LIVE_REFRESH_MS = 5_000;
/** The recent batches behind the throughput figure: the API's largest page. */
export const THROUGHPUT_PAGE_SIZE = 500;

export function fetchBatches(filters: BatchFilters, signal?: AbortSignal): Promise<Page<BatchSummary>> {
  return apiFetch<Page<BatchSummary>>('/ingest/batches', { query: { ...filters }, ...(signal ? { signal } : {}) });
}

export const batchListQueryOptions = (filters: BatchFilters, live: boolean) =>
  queryOptions({
    queryKey: ingestKeys.batchList(filters),
    queryFn: ({ signal }) => fetchBatches(filters, signal),
    placeholderData: keepPreviousData,
    staleTime: 0,
    refetchInterval: live ? LIVE_REFRESH_MS : false,
  });

export const throughputQueryOptions = (live: boolean) =>
  queryOptions({
    queryKey: ingestKeys.throughput(),
    queryFn: ({ signal }) => fetchBatches({ page: 1, pageSize: THROUGHPUT_PAGE_SIZE }, signal),
    staleTime: 0,
    refetchInterval: live ? LIVE_REFRESH_MS : false,
  });

export function fetchBatch(batchId: string, signal?: AbortSignal): Promise<BatchStatus> {
  return apiFetch<BatchStatus>(`/ingest/batches/${encodeURIComponent(batchId)}`, signal ? { signal } : {});
}

/** A batch still queued or processing is polled until it settles. */
export const batchDetailQueryOptions = (batchId: string) =>
  queryOptions({
    queryKey: ingestKeys.batch(batchId),
    queryFn: ({ signal }) => fetchBatch(batchId, signal),
    staleTime: 0,
    refetchInterval: (query) => {
      const status = query.state.data?.status;
      return status === 'queued' || status === 'processing' ? 2_000 : false;
    },
  });

export function fetchDeadLetters(page: number, pageSize: number, signal?: AbortSignal): Promise<Page<DeadLetter>> {
  return apiFetch<Page<DeadLetter>>('/ingest/dead-letters', { query: { page, pageSize }, ...(signal ? { signal } : {}) });
}

export const deadLettersQueryOptions = (page: number, pageSize: number) =>
  queryOptions({
    queryKey: ingestKeys.deadLetters(page, pageSize),
    queryFn: ({ signal }) => fetchDeadLetters(page, pageSize, signal),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });

export function replayBatch(batchId: string): Promise<ReplayResult> {
  return apiFetch<ReplayResult>(`/ingest/batches/${encodeURIComponent(batchId)}/replay`, { method: 'POST' });
}
