import type { MatchComparison, MatchComparisonField, MatchReview } from '@rhip/contracts';

const FIELD_SET = { name: 1, birthDate: 1, sex: 1, phone: 1, region: 1, idKey: 1 } satisfies Record<MatchComparisonField, 1>;
/** Display order of the compared fields (the matcher's order). */
export const COMPARISON_FIELDS = Object.keys(FIELD_SET) as MatchComparisonField[];

/** Agreement levels the matcher writes (packages/domain matching/comparators.ts), for their labels. */
const LEVEL_SET = {
  exact: 1, pinyin_same: 1, pinyin_similar: 1, one_char_diff: 1, different: 1, missing: 1,
  near: 1, year_month: 1, agree: 1, disagree: 1, township: 1, county: 1, city: 1,
} as const;
export type ComparisonLevel = keyof typeof LEVEL_SET;

export function isKnownLevel(level: string): level is ComparisonLevel {
  return Object.hasOwn(LEVEL_SET, level);
}

export interface ComparisonRow {
  field: MatchComparisonField;
  level: string;
  weight: number;
}

/**
 * The review's comparisons as one row per known field, in display order. The
 * API stores them as JSON: anything malformed or unknown is skipped, and a
 * field the matcher did not report shows as missing with weight 0.
 */
export function comparisonRows(comparisons: MatchReview['comparisons'] | unknown): ComparisonRow[] {
  const list: unknown[] = Array.isArray(comparisons) ? comparisons : [];
  const byField = new Map<string, MatchComparison>();
  for (const c of list) {
    if (typeof c !== 'object' || c === null) continue;
    const { field, level, weight } = c as Record<string, unknown>;
    if (typeof field === 'string' && typeof level === 'string' && typeof weight === 'number' && Number.isFinite(weight)) byField.set(field, { field, level, weight });
  }
  return COMPARISON_FIELDS.map((field) => {
    const c = byField.get(field);
    return { field, level: c?.level ?? 'missing', weight: c?.weight ?? 0 };
  });
}

/** A weight in bits with its sign: +8.2, −3.1, 0. */
export function formatWeight(weight: number): string {
  if (Math.abs(weight) < 0.05) return '0';
  return `${weight > 0 ? '+' : '−'}${Math.abs(weight).toFixed(1)}`;
}
