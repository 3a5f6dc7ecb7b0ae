import type { Institution } from '@rhip/contracts';
import type { InstitutionFilters } from '../../../api/query-keys';

type Level = Institution['level'];
type Type = Institution['type'];
type Ownership = Institution['ownership'];

// The contract's enums as runtime lists. `satisfies Record<…>` makes a value
// added to the contract a compile error here until it is listed (and labelled
// in the i18n files, whose keys are checked the same way).
const LEVEL_SET = { '3A': 1, '3B': 1, '3': 1, '2A': 1, '2B': 1, '2': 1, '1': 1, unrated: 1 } satisfies Record<Level, 1>;
const TYPE_SET = {
  general_hospital: 1,
  tcm_hospital: 1,
  specialized_hospital: 1,
  maternal_child: 1,
  cdc: 1,
  blood_center: 1,
  township_health_center: 1,
  community_health_center: 1,
  clinic: 1,
  other: 1,
} satisfies Record<Type, 1>;
const OWNERSHIP_SET = { public: 1, private: 1 } satisfies Record<Ownership, 1>;

export const LEVELS = Object.keys(LEVEL_SET) as Level[];
export const TYPES = Object.keys(TYPE_SET) as Type[];
export const OWNERSHIPS = Object.keys(OWNERSHIP_SET) as Ownership[];

export const PAGE_SIZES = [20, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 20;

function oneOf<T extends string>(allowed: Record<T, 1>, value: string | null): T | undefined {
  return value !== null && Object.hasOwn(allowed, value) ? (value as T) : undefined;
}

function positiveInt(value: string | null): number | undefined {
  if (!value || !/^\d{1,6}$/.test(value)) return undefined;
  const n = Number(value);
  return n >= 1 ? n : undefined;
}

/**
 * The list's state lives in the URL (`?regionCode=511024&level=3A&page=2`), so
 * a view can be bookmarked or shared. Unknown or malformed values are ignored.
 */
export function filtersFromSearchParams(params: URLSearchParams): InstitutionFilters {
  const filters: InstitutionFilters = {};
  const q = params.get('q')?.trim();
  if (q) filters.q = q.slice(0, 100);
  const regionCode = params.get('regionCode');
  if (regionCode && /^\d{6}$/.test(regionCode)) filters.regionCode = regionCode;
  const level = oneOf(LEVEL_SET, params.get('level'));
  if (level) filters.level = level;
  const type = oneOf(TYPE_SET, params.get('type'));
  if (type) filters.type = type;
  const ownership = oneOf(OWNERSHIP_SET, params.get('ownership'));
  if (ownership) filters.ownership = ownership;
  filters.page = positiveInt(params.get('page')) ?? 1;
  const pageSize = positiveInt(params.get('pageSize'));
  filters.pageSize = pageSize && (PAGE_SIZES as readonly number[]).includes(pageSize) ? pageSize : DEFAULT_PAGE_SIZE;
  return filters;
}

/** The inverse of `filtersFromSearchParams`; defaults are left out to keep URLs short. */
export function searchParamsFromFilters(filters: InstitutionFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.regionCode) params.set('regionCode', filters.regionCode);
  if (filters.level) params.set('level', filters.level);
  if (filters.type) params.set('type', filters.type);
  if (filters.ownership) params.set('ownership', filters.ownership);
  if (filters.q) params.set('q', filters.q);
  if (filters.page && filters.page > 1) params.set('page', String(filters.page));
  if (filters.pageSize && filters.pageSize !== DEFAULT_PAGE_SIZE) params.set('pageSize', String(filters.pageSize));
  return params;
}

export function hasActiveFilters(filters: InstitutionFilters): boolean {
  return Boolean(filters.regionCode || filters.level || filters.type || filters.ownership || filters.q);
}
