/**
 * Data-quality scores from counts (per institution × data set × period). These
 * are the platform's working definitions (STANDARDS.md): the national schemes'
 * exact formulas were not available, so they live here, in one place.
 *
 * Each score is a fraction 0–1, or null when its denominator is 0 (no data is
 * not the same as perfect data). Aggregate by summing counts, never by
 * averaging scores.
 */
import type { QualityDimension } from './dimensions';

export interface QualityCounts {
  /** Records received (accepted + rejected). */
  readonly records: number;
  /** Records with at least one required element missing (REQ.MISSING / REQ.CONDITIONAL_MISSING / REQ.EMPTY_LIST). */
  readonly recordsMissingRequired: number;
  /** Coded / formatted / cross-checked elements evaluated by consistency rules. */
  readonly elementsChecked: number;
  /** Of those, elements that failed (one per failing element, whatever the rule). */
  readonly elementsFailed: number;
  /** Records linked to a master person (and, for child records, to their parent encounter). */
  readonly recordsLinked: number;
  /** Records received within the agreed delay after the clinical event (default 24 h). */
  readonly recordsOnTime: number;
  /** Records that duplicate another record. */
  readonly recordsDuplicate: number;
  /** Records with at least one error-severity finding. */
  readonly recordsWithError: number;
}

export const EMPTY_QUALITY_COUNTS: QualityCounts = {
  records: 0,
  recordsMissingRequired: 0,
  elementsChecked: 0,
  elementsFailed: 0,
  recordsLinked: 0,
  recordsOnTime: 0,
  recordsDuplicate: 0,
  recordsWithError: 0,
};

function share(numerator: number, denominator: number): number | null {
  if (denominator <= 0) return null;
  return Math.min(1, Math.max(0, numerator / denominator));
}

/** 完整性 = records with every required element present ÷ records received. */
export function completenessScore(c: Pick<QualityCounts, 'records' | 'recordsMissingRequired'>): number | null {
  return share(c.records - c.recordsMissingRequired, c.records);
}

/** 一致性 = elements in their value set, well-formed, passing checksums and cross-field checks ÷ elements checked. */
export function consistencyScore(c: Pick<QualityCounts, 'elementsChecked' | 'elementsFailed'>): number | null {
  return share(c.elementsChecked - c.elementsFailed, c.elementsChecked);
}

/** 整合性 = records linked to a master person (and parent) ÷ records. */
export function integrationScore(c: Pick<QualityCounts, 'records' | 'recordsLinked'>): number | null {
  return share(c.recordsLinked, c.records);
}

/** 及时性 = records received within the agreed delay ÷ records. */
export function timelinessScore(c: Pick<QualityCounts, 'records' | 'recordsOnTime'>): number | null {
  return share(c.recordsOnTime, c.records);
}

/** 唯一性 = records that are not duplicates ÷ records. */
export function uniquenessScore(c: Pick<QualityCounts, 'records' | 'recordsDuplicate'>): number | null {
  return share(c.records - c.recordsDuplicate, c.records);
}

/** 合格率 = records with no error-severity finding ÷ records received (plan indicator #3). */
export function passRate(c: Pick<QualityCounts, 'records' | 'recordsWithError'>): number | null {
  return share(c.records - c.recordsWithError, c.records);
}

export type QualityScores = Record<QualityDimension, number | null> & { readonly passRate: number | null };

export function qualityScores(c: QualityCounts): QualityScores {
  return {
    completeness: completenessScore(c),
    consistency: consistencyScore(c),
    integration: integrationScore(c),
    timeliness: timelinessScore(c),
    uniqueness: uniquenessScore(c),
    passRate: passRate(c),
  };
}

/** Sum of counts, for rolling institution × day scores up to county, city or month. */
export function addQualityCounts(...all: readonly QualityCounts[]): QualityCounts {
  const out = { ...EMPTY_QUALITY_COUNTS };
  for (const c of all) {
    for (const k of Object.keys(out) as (keyof QualityCounts)[]) out[k] += c[k];
  }
  return out;
}

/** A score as a percentage with fixed decimals (0.93 → 93.0), null stays null. */
export function toPercent(score: number | null, decimals = 1): number | null {
  if (score === null) return null;
  const f = 10 ** decimals;
  return Math.round(score * 100 * f) / f;
}
