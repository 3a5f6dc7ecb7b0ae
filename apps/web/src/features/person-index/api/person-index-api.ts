import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { MatchReview, MatchReviewDecisionResult, MergePersons, MergeResult, Page } from '@rhip/contracts';
import { apiFetch } from '../../../api/client';
import { personIndexKeys, type MatchReviewFilters } from '../../../api/query-keys';

export function fetchReviews(filters: MatchReviewFilters, signal?: AbortSignal): Promise<Page<MatchReview>> {
  return apiFetch<Page<MatchReview>>('/match-reviews', { query: { ...filters }, ...(signal ? { signal } : {}) });
}

export const reviewListQueryOptions = (filters: MatchReviewFilters) =>
  queryOptions({
    queryKey: personIndexKeys.reviewList(filters),
    queryFn: ({ signal }) => fetchReviews(filters, signal),
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });

export type ReviewDecision = 'accept' | 'reject';

export function decideReview(id: string, decision: ReviewDecision, note?: string): Promise<MatchReviewDecisionResult> {
  return apiFetch<MatchReviewDecisionResult>(`/match-reviews/${encodeURIComponent(id)}/${decision}`, {
    method: 'POST',
    body: note ? { note } : {},
  });
}

export function mergePersons(body: MergePersons): Promise<MergeResult> {
  return apiFetch<MergeResult>('/persons/merge', { method: 'POST', body });
}

export function undoMerge(mergeId: string): Promise<MergeResult> {
  return apiFetch<MergeResult>(`/persons/merges/${encodeURIComponent(mergeId)}/undo`, { method: 'POST' });
}
