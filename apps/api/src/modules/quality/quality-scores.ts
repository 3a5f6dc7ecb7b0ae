import type { QualityDimension, QualityScores } from '@rhip/contracts';
import { completenessScore, consistencyScore, integrationScore, passRate, timelinessScore, toPercent, uniquenessScore } from '@rhip/domain';

export const DIMENSIONS: readonly QualityDimension[] = ['completeness', 'consistency', 'integration', 'timeliness', 'uniqueness'];

/** Sums of one scope (an institution × data set × day, a county, the city…) as read from the rollups. */
export interface QualitySums {
  records: number;
  passed: number;
  num: Record<QualityDimension, number>;
  den: Record<QualityDimension, number>;
}

/**
 * SQL select list of the sums over monitoring_daily_rollups m; pair with `sumsFromRow`. `grouped`
 * false reads single rows (the institution × data set × day grain is the table's own key).
 */
export function sumsSql(grouped = true): string {
  const agg = (col: string) => (grouped ? `sum(m.${col})` : `m.${col}`);
  return [`${agg('records')} as records`, `${agg('passed')} as passed`, ...DIMENSIONS.flatMap((d) => [`${agg(`${d}_num`)} as ${d}_num`, `${agg(`${d}_den`)} as ${d}_den`])].join(', ');
}
export const SUMS_SQL = sumsSql();

export function sumsFromRow(r: Record<string, unknown>): QualitySums {
  const n = (k: string) => Number(r[k] ?? 0);
  return {
    records: n('records'),
    passed: n('passed'),
    num: Object.fromEntries(DIMENSIONS.map((d) => [d, n(`${d}_num`)])) as Record<QualityDimension, number>,
    den: Object.fromEntries(DIMENSIONS.map((d) => [d, n(`${d}_den`)])) as Record<QualityDimension, number>,
  };
}

export function addSums(a: QualitySums, b: QualitySums): QualitySums {
  return {
    records: a.records + b.records,
    passed: a.passed + b.passed,
    num: Object.fromEntries(DIMENSIONS.map((d) => [d, a.num[d] + b.num[d]])) as Record<QualityDimension, number>,
    den: Object.fromEntries(DIMENSIONS.map((d) => [d, a.den[d] + b.den[d]])) as Record<QualityDimension, number>,
  };
}

export const EMPTY_SUMS: QualitySums = sumsFromRow({});

/**
 * Scores as Σnumerator ÷ Σdenominator of the summed rollups, through the
 * domain's formulas (STANDARDS.md) so they stay defined in one place.
 */
export function scoresOf(s: QualitySums): QualityScores {
  const dim = (d: QualityDimension, score: number | null) => ({ numerator: s.num[d], denominator: s.den[d], score: toPercent(score) });
  return {
    records: s.records,
    passed: s.passed,
    passRate: toPercent(passRate({ records: s.records, recordsWithError: s.records - s.passed })),
    completeness: dim('completeness', completenessScore({ records: s.den.completeness, recordsMissingRequired: s.den.completeness - s.num.completeness })),
    consistency: dim('consistency', consistencyScore({ elementsChecked: s.den.consistency, elementsFailed: s.den.consistency - s.num.consistency })),
    integration: dim('integration', integrationScore({ records: s.den.integration, recordsLinked: s.num.integration })),
    timeliness: dim('timeliness', timelinessScore({ records: s.den.timeliness, recordsOnTime: s.num.timeliness })),
    uniqueness: dim('uniqueness', uniquenessScore({ records: s.den.uniqueness, recordsDuplicate: s.den.uniqueness - s.num.uniqueness })),
  };
}
