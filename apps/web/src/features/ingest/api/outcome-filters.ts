import type { RecordOutcome, RecordOutcomeStatus } from '@rhip/contracts';
import { pageFromSearchParams } from './batch-filters';

const OUTCOME_SET = { accepted: 1, rejected: 1, stored: 1, linked: 1, review: 1, parked: 1, failed: 1, noop: 1 } satisfies Record<RecordOutcomeStatus, 1>;
export const OUTCOME_STATUSES = Object.keys(OUTCOME_SET) as RecordOutcomeStatus[];
export const OUTCOME_PAGE_SIZES = [20, 50, 100, 200] as const;
export const OUTCOME_DEFAULT_PAGE_SIZE = 50;

/** `all`, one outcome status, or `issues` (any record with an error or warning). */
export type OutcomeFilter = RecordOutcomeStatus | 'all' | 'issues';

export interface OutcomeView {
  filter: OutcomeFilter;
  page: number;
  pageSize: number;
}

/** The outcome table's view from the URL (`?outcome=rejected&page=2`); a big batch is paged in the browser. */
export function outcomeViewFromSearchParams(params: URLSearchParams): OutcomeView {
  const raw = params.get('outcome');
  const filter: OutcomeFilter = raw === 'issues' ? 'issues' : raw !== null && Object.hasOwn(OUTCOME_SET, raw) ? (raw as RecordOutcomeStatus) : 'all';
  return { filter, ...pageFromSearchParams(params, OUTCOME_PAGE_SIZES, OUTCOME_DEFAULT_PAGE_SIZE) };
}

export function searchParamsFromOutcomeView(view: OutcomeView): URLSearchParams {
  const params = new URLSearchParams();
  if (view.filter !== 'all') params.set('outcome', view.filter);
  if (view.page > 1) params.set('page', String(view.page));
  if (view.pageSize !== OUTCOME_DEFAULT_PAGE_SIZE) params.set('pageSize', String(view.pageSize));
  return params;
}

export function filterOutcomes(outcomes: readonly RecordOutcome[], filter: OutcomeFilter): RecordOutcome[] {
  if (filter === 'all') return [...outcomes];
  if (filter === 'issues') return outcomes.filter((o) => o.errors.some((e) => e.code !== 'REPLAYED'));
  return outcomes.filter((o) => o.status === filter);
}

/** How many records have each outcome (for the filter's counts). */
export function countOutcomes(outcomes: readonly RecordOutcome[]): Partial<Record<RecordOutcomeStatus, number>> {
  const counts: Partial<Record<RecordOutcomeStatus, number>> = {};
  for (const o of outcomes) counts[o.status] = (counts[o.status] ?? 0) + 1;
  return counts;
}
