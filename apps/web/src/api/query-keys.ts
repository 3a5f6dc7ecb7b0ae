import type { InstitutionListQuery } from '@rhip/contracts';

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
