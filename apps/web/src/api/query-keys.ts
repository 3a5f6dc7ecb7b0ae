import type { BatchListQuery, InstitutionListQuery, MatchReviewListQuery } from '@rhip/contracts';

/**
 * Query-key factories, one per resource: `all` is the prefix to invalidate,
 * the others narrow it. Keep every key here so invalidation stays precise.
 */
export const authKeys = {
  all: ['auth'] as const,
  me: () => [...authKeys.all, 'me'] as const,
  /** Client-side marker: why the last session ended (see app/session.ts). */
  sessionEnd: () => [...authKeys.all, 'session-end'] as const,
};

export const regionKeys = {
  all: ['regions'] as const,
  list: () => [...regionKeys.all, 'list'] as const,
  summary: () => [...regionKeys.all, 'summary'] as const,
};

export type InstitutionFilters = Partial<InstitutionListQuery>;

export const institutionKeys = {
  all: ['institutions'] as const,
  lists: () => [...institutionKeys.all, 'list'] as const,
  list: (filters: InstitutionFilters) => [...institutionKeys.lists(), filters] as const,
  detail: (id: string) => [...institutionKeys.all, 'detail', id] as const,
};

export type BatchFilters = Partial<BatchListQuery>;

export const ingestKeys = {
  all: ['ingest'] as const,
  batches: () => [...ingestKeys.all, 'batches'] as const,
  batchList: (filters: BatchFilters) => [...ingestKeys.batches(), 'list', filters] as const,
  /** The recent batches behind the throughput figure. */
  throughput: () => [...ingestKeys.batches(), 'throughput'] as const,
  batch: (batchId: string) => [...ingestKeys.batches(), 'detail', batchId] as const,
  deadLetterLists: () => [...ingestKeys.all, 'dead-letters'] as const,
  deadLetters: (page: number, pageSize: number) => [...ingestKeys.deadLetterLists(), { page, pageSize }] as const,
};

export type MatchReviewFilters = Partial<MatchReviewListQuery>;

export const personIndexKeys = {
  all: ['person-index'] as const,
  reviews: () => [...personIndexKeys.all, 'reviews'] as const,
  reviewList: (filters: MatchReviewFilters) => [...personIndexKeys.reviews(), filters] as const,
};
