import { describe, expect, it } from 'vitest';
import {
  EMPTY_QUALITY_COUNTS,
  addQualityCounts,
  completenessScore,
  consistencyScore,
  integrationScore,
  passRate,
  qualityScores,
  timelinessScore,
  toPercent,
  uniquenessScore,
  type QualityCounts,
} from './scores';

const counts = (c: Partial<QualityCounts>): QualityCounts => ({ ...EMPTY_QUALITY_COUNTS, ...c });

describe('quality scores', () => {
  it('gives 0.93 completeness for 100 records of which 7 lack a required element', () => {
    expect(completenessScore({ records: 100, recordsMissingRequired: 7 })).toBe(0.93);
    expect(toPercent(0.93)).toBe(93);
  });

  it('computes each dimension exactly from its counts', () => {
    expect(consistencyScore({ elementsChecked: 800, elementsFailed: 12 })).toBe(0.985);
    expect(integrationScore({ records: 200, recordsLinked: 190 })).toBe(0.95);
    expect(timelinessScore({ records: 40, recordsOnTime: 30 })).toBe(0.75);
    expect(uniquenessScore({ records: 50, recordsDuplicate: 1 })).toBe(0.98);
    expect(passRate({ records: 1000, recordsWithError: 50 })).toBe(0.95);
  });

  it('gives null, not 100%, when there is nothing to score', () => {
    expect(qualityScores(EMPTY_QUALITY_COUNTS)).toEqual({
      completeness: null, consistency: null, integration: null, timeliness: null, uniqueness: null, passRate: null,
    });
    expect(toPercent(null)).toBeNull();
  });

  it('aggregates by summing counts, not averaging scores', () => {
    const small = counts({ records: 10, recordsWithError: 5 });
    const large = counts({ records: 990, recordsWithError: 0 });
    const total = addQualityCounts(small, large);
    expect(total.records).toBe(1000);
    expect(passRate(total)).toBe(0.995);
  });

  it('scores all dimensions at once', () => {
    const s = qualityScores(counts({
      records: 100, recordsMissingRequired: 7, elementsChecked: 500, elementsFailed: 5, recordsLinked: 98,
      recordsOnTime: 90, recordsDuplicate: 2, recordsWithError: 9,
    }));
    expect(s).toEqual({ completeness: 0.93, consistency: 0.99, integration: 0.98, timeliness: 0.9, uniqueness: 0.98, passRate: 0.91 });
  });
});
