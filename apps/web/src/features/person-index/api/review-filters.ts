import type { MatchReviewStatus } from '@rhip/contracts';
import type { MatchReviewFilters } from '../../../api/query-keys';
import { pageFromSearchParams } from '../../ingest/api/batch-filters';

const STATUS_SET = { pending: 1, accepted: 1, rejected: 1 } satisfies Record<MatchReviewStatus, 1>;
export const REVIEW_STATUSES = Object.keys(STATUS_SET) as MatchReviewStatus[];
export const REVIEW_PAGE_SIZES = [10, 20, 50] as const;
export const REVIEW_DEFAULT_PAGE_SIZE = 10;

/** The review queue's view from the URL (`?status=accepted&page=2`); pending by default. */
export function reviewFiltersFromSearchParams(params: URLSearchParams): Required<Pick<MatchReviewFilters, 'status' | 'page' | 'pageSize'>> {
  const raw = params.get('status');
  const status = raw !== null && Object.hasOwn(STATUS_SET, raw) ? (raw as MatchReviewStatus) : 'pending';
  return { status, ...pageFromSearchParams(params, REVIEW_PAGE_SIZES, REVIEW_DEFAULT_PAGE_SIZE) };
}

export function searchParamsFromReviewFilters(f: Required<Pick<MatchReviewFilters, 'status' | 'page' | 'pageSize'>>): URLSearchParams {
  const params = new URLSearchParams();
  if (f.status !== 'pending') params.set('status', f.status);
  if (f.page > 1) params.set('page', String(f.page));
  if (f.pageSize !== REVIEW_DEFAULT_PAGE_SIZE) params.set('pageSize', String(f.pageSize));
  return params;
}
