import type { BatchState } from '@rhip/contracts';
import type { BatchFilters } from '../../../api/query-keys';
import { isDataset } from '../../institutions/api/institution-form';

const STATE_SET = { queued: 1, processing: 1, done: 1, failed: 1 } satisfies Record<BatchState, 1>;
export const BATCH_STATES = Object.keys(STATE_SET) as BatchState[];

export const PAGE_SIZES = [20, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 20;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function positiveInt(value: string | null): number | undefined {
  if (!value || !/^\d{1,6}$/.test(value)) return undefined;
  const n = Number(value);
  return n >= 1 ? n : undefined;
}

/** The batch list's filters from the URL (`?institutionId=…&dataset=encounters&status=failed&page=2`); bad values are ignored. */
export function batchFiltersFromSearchParams(params: URLSearchParams): BatchFilters {
  const filters: BatchFilters = {};
  const institutionId = params.get('institutionId');
  if (institutionId && UUID.test(institutionId)) filters.institutionId = institutionId.toLowerCase();
  const dataset = params.get('dataset');
  if (isDataset(dataset)) filters.dataset = dataset;
  const status = params.get('status');
  if (status !== null && Object.hasOwn(STATE_SET, status)) filters.status = status as BatchState;
  filters.page = positiveInt(params.get('page')) ?? 1;
  const pageSize = positiveInt(params.get('pageSize'));
  filters.pageSize = pageSize && (PAGE_SIZES as readonly number[]).includes(pageSize) ? pageSize : DEFAULT_PAGE_SIZE;
  return filters;
}

/** The inverse; defaults are left out to keep links short. */
export function searchParamsFromBatchFilters(filters: BatchFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.institutionId) params.set('institutionId', filters.institutionId);
  if (filters.dataset) params.set('dataset', filters.dataset);
  if (filters.status) params.set('status', filters.status);
  if (filters.page && filters.page > 1) params.set('page', String(filters.page));
  if (filters.pageSize && filters.pageSize !== DEFAULT_PAGE_SIZE) params.set('pageSize', String(filters.pageSize));
  return params;
}

export function hasActiveBatchFilters(filters: BatchFilters): boolean {
  return Boolean(filters.institutionId || filters.dataset || filters.status);
}

/** Page number from the URL for pages with only paging (dead letters, outcomes). */
export function pageFromSearchParams(params: URLSearchParams, sizes: readonly number[], defaultSize: number): { page: number; pageSize: number } {
  const page = positiveInt(params.get('page')) ?? 1;
  const size = positiveInt(params.get('pageSize'));
  return { page, pageSize: size && sizes.includes(size) ? size : defaultSize };
}
