import { describe, expect, it } from 'vitest';
import { interopAtLeastLevel4, interopRank, gradeTier, type InstitutionProfile } from './institution-profile';
import { computeInstitutionIndicator, computePlanIndicators, computeQualityPassRateIndicator } from './plan-calculators';
import { PLAN_INDICATORS } from './plan-indicators';
import { formatTarget, progressTowardTarget } from './progress';
import { percent, ratio, roundTo } from './ratios';
import { INDICATORS, indicatorByCode } from './registry';
import {
  averageLengthOfStay, bedOccupancyRate, countIndicator, coverageRate, lengthOfStayDays, standardisedManagementRate,
} from './service-calculators';

describe('indicator registry', () => {
  it('holds the 14 plan indicators in table order with baselines and targets', () => {
    expect(PLAN_INDICATORS.map((i) => i.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    expect(PLAN_INDICATORS.map((i) => [i.target?.value, i.unit])).toEqual([
      [100, '%'], [100, '%'], [95, '%'], [100, '%'], [100, '%'], [3, '家'], [10, '家'], [20, '家'], [20, '%'], [5, '个'],
      [50, '%'], [90, '%'], [100, '%'], [90, '%'],
    ]);
    expect(PLAN_INDICATORS.map((i) => i.baseline?.value ?? null)).toEqual([null, null, 70, null, null, null, null, null, null, null, null, null, null, null]);
    expect(PLAN_INDICATORS.filter((i) => i.attribute === 'binding').map((i) => i.seq)).toEqual([1, 2, 3, 9]);
    expect(indicatorByCode('PLAN.10')?.target).toEqual({ year: 2025, value: 5, operator: '>=' });
  });

  it('marks only #9 and #10 as entered', () => {
    expect(PLAN_INDICATORS.filter((i) => i.source === 'entered').map((i) => i.code)).toEqual(['PLAN.09', 'PLAN.10']);
  });

  it('keeps codes unique and gives every indicator both languages', () => {
    expect(new Set(INDICATORS.map((i) => i.code)).size).toBe(INDICATORS.length);
    for (const i of INDICATORS) expect(i.nameZh && i.nameEn && i.definition.zh && i.definition.en).toBeTruthy();
    expect(indicatorByCode('HS.HTN_STANDARDISED_MANAGEMENT')?.cuts).toEqual(['region', 'institution', 'period']);
  });
});

const inst = (p: Partial<InstitutionProfile>): InstitutionProfile => ({
  regionCode: '511002', level: '2A', type: 'general_hospital', ownership: 'public', ...p,
});

describe('plan indicators from institution attributes', () => {
  const institutions: InstitutionProfile[] = [
    inst({ level: '3A', emrLevel: 5, interopLevel: '四级甲等', onHealthPrivateNetwork: true, securityAssessed: true, connected: true, isInternetHospital: true, isSmartHospital: true, hasRemoteCare: true, hasConvenienceServices: true, hasDigitalImaging: true }),
    inst({ level: '3B', type: 'tcm_hospital', emrLevel: 3, interopLevel: '4B', onHealthPrivateNetwork: true, connected: true, hasRemoteCare: true }),
    inst({ level: '3A', type: 'maternal_child', emrLevel: 4, interopLevel: '三级', connected: false }),
    inst({ level: '2A', emrLevel: 3, onHealthPrivateNetwork: true, securityAssessed: true, connected: true }),
    inst({ level: '2B', emrLevel: 2, connected: true, ownership: 'private' }),
    inst({ level: '1', type: 'township_health_center', connected: true }),
    inst({ level: 'unrated', type: 'cdc', connected: false }),
    inst({ level: '2A', type: 'general_hospital', active: false, onHealthPrivateNetwork: false }),
  ];

  it('computes shares over the right population', () => {
    // Grade II+ medical institutions (active): 3A, 3B, 3A mch, 2A, 2B = 5; on network: 3.
    expect(computeInstitutionIndicator('PLAN.01', institutions)).toEqual({ code: 'PLAN.01', numerator: 3, denominator: 5, value: 60 });
    // Public active: 3A, 3B, mch, 2A, township, cdc = 6; connected: 4.
    expect(computeInstitutionIndicator('PLAN.02', institutions).numerator).toBe(4);
    expect(computeInstitutionIndicator('PLAN.02', institutions).denominator).toBe(6);
    // Tertiary hospitals 3; EMR ≥ 4: 3A (5) and mch (4).
    expect(computeInstitutionIndicator('PLAN.04', institutions)).toMatchObject({ numerator: 2, denominator: 3 });
    // Secondary hospitals 2; EMR ≥ 3: one.
    expect(computeInstitutionIndicator('PLAN.05', institutions)).toEqual({ code: 'PLAN.05', numerator: 1, denominator: 2, value: 50 });
    expect(computeInstitutionIndicator('PLAN.13', institutions)).toEqual({ code: 'PLAN.13', numerator: 2, denominator: 5, value: 40 });
  });

  it('counts tertiary hospitals at interoperability level 4 (乙等 included)', () => {
    expect(computeInstitutionIndicator('PLAN.06', institutions)).toEqual({ code: 'PLAN.06', numerator: 2, denominator: null, value: 2 });
    expect(computeInstitutionIndicator('PLAN.07', institutions).value).toBe(1);
  });

  it('computes the quality pass rate from counts', () => {
    expect(computeQualityPassRateIndicator({ records: 1000, recordsWithError: 50 })).toEqual({ code: 'PLAN.03', numerator: 950, denominator: 1000, value: 95 });
  });

  it('returns every computed plan indicator in order', () => {
    expect(computePlanIndicators(institutions, { quality: { records: 10, recordsWithError: 1 } }).map((v) => v.code)).toEqual([
      'PLAN.01', 'PLAN.02', 'PLAN.03', 'PLAN.04', 'PLAN.05', 'PLAN.06', 'PLAN.07', 'PLAN.08', 'PLAN.11', 'PLAN.12', 'PLAN.13', 'PLAN.14',
    ]);
    expect(computePlanIndicators([]).find((v) => v.code === 'PLAN.01')?.value).toBeNull();
    expect(() => computeInstitutionIndicator('PLAN.09', institutions)).toThrow();
  });

  it('reads grades and interoperability ratings', () => {
    expect([gradeTier('3A'), gradeTier('2'), gradeTier('1'), gradeTier('unrated')]).toEqual([3, 2, 1, 0]);
    expect(interopRank('四级乙等')).toBeLessThan(interopRank('四级甲等') ?? 0);
    expect(interopRank('4A')).toBe(interopRank('四级甲等'));
    expect(interopRank('五级乙等')).toBeGreaterThan(interopRank('四级甲等') ?? 0);
    expect(interopAtLeastLevel4('三级')).toBe(false);
    expect(interopAtLeastLevel4('四级')).toBe(true);
    expect(interopAtLeastLevel4(null)).toBe(false);
    expect(interopRank('甲等')).toBeNull();
  });
});

describe('progress toward target', () => {
  const pass = indicatorByCode('PLAN.03');
  const scenes = indicatorByCode('PLAN.10');
  const hospitals = indicatorByCode('PLAN.06');

  it('measures from the baseline when there is one (70% → 95%)', () => {
    expect(pass && progressTowardTarget(pass, 82.5)).toEqual({ achieved: false, progress: 0.5, gap: 12.5 });
    expect(pass && progressTowardTarget(pass, 95)).toEqual({ achieved: true, progress: 1, gap: 0 });
    expect(pass && progressTowardTarget(pass, 60)?.progress).toBe(0);
  });

  it('measures from zero when the baseline is "—"', () => {
    expect(hospitals && progressTowardTarget(hospitals, 2)).toMatchObject({ achieved: false, gap: 1 });
    expect(hospitals && progressTowardTarget(hospitals, 2)?.progress).toBeCloseTo(2 / 3, 10);
  });

  it('treats ≥5 as met by 5 and by more', () => {
    expect(scenes && progressTowardTarget(scenes, 5)?.achieved).toBe(true);
    expect(scenes && progressTowardTarget(scenes, 7)).toEqual({ achieved: true, progress: 1, gap: 0 });
    expect(scenes && progressTowardTarget(scenes, 4)?.achieved).toBe(false);
    expect(scenes?.target && formatTarget(scenes.target, scenes.unit)).toBe('≥5个');
  });

  it('respects decreasing and target directions', () => {
    const los = { baseline: { year: 2020, value: 10 }, target: { year: 2025, value: 8, operator: '=' as const }, direction: 'decrease' as const };
    expect(progressTowardTarget(los, 9)).toEqual({ achieved: false, progress: 0.5, gap: 1 });
    expect(progressTowardTarget(los, 7.5)?.achieved).toBe(true);
    const occ = { baseline: null, target: { year: 2025, value: 90, operator: '=' as const }, direction: 'target' as const };
    expect(progressTowardTarget(occ, 99)).toEqual({ achieved: false, progress: 0.9, gap: 9 });
    expect(progressTowardTarget(occ, 92, { tolerance: 3 })?.achieved).toBe(true);
    expect(progressTowardTarget({ baseline: null, target: null, direction: 'increase' }, 1)).toBeNull();
  });
});

describe('health-service indicators', () => {
  it('counts a patient as standardised-managed from the 4th follow-up of the year', () => {
    const r = standardisedManagementRate('HS.HTN_STANDARDISED_MANAGEMENT', [
      { followupsInYear: 4 }, { followupsInYear: 6 }, { followupsInYear: 3 }, { followupsInYear: 0 },
    ]);
    expect(r).toEqual({ code: 'HS.HTN_STANDARDISED_MANAGEMENT', numerator: 2, denominator: 4, value: 50 });
  });

  it('computes coverage rates', () => {
    expect(coverageRate('HS.EHR_COVERAGE', 2_400_000, 3_000_000).value).toBe(80);
    expect(coverageRate('HS.FAMILY_DOCTOR_CONTRACT_RATE', 0, 0).value).toBeNull();
  });

  it('counts length of stay in China calendar days, same-day stays as 1', () => {
    expect(lengthOfStayDays('2024-05-01T09:00:00+08:00', '2024-05-05T10:00:00+08:00')).toBe(4);
    expect(lengthOfStayDays('2024-05-01T09:00:00+08:00', '2024-05-01T18:00:00+08:00')).toBe(1);
    // 23:30 Beijing on 1 May is 15:30 UTC; discharge 2 May 01:00 Beijing: 1 day.
    expect(lengthOfStayDays('2024-05-01T15:30:00Z', '2024-05-01T17:00:00Z')).toBe(1);
    expect(lengthOfStayDays('2024-05-05T09:00:00+08:00', '2024-05-01T09:00:00+08:00')).toBeNull();
    expect(averageLengthOfStay([
      { admittedAt: '2024-05-01T09:00:00+08:00', dischargedAt: '2024-05-05T10:00:00+08:00' },
      { admittedAt: '2024-05-02T09:00:00+08:00', dischargedAt: '2024-05-02T15:00:00+08:00' },
      { admittedAt: '2024-05-02T09:00:00+08:00', dischargedAt: '2024-05-09T15:00:00+08:00' },
    ])).toEqual({ code: 'HS.AVERAGE_LENGTH_OF_STAY', numerator: 12, denominator: 3, value: 4 });
  });

  it('computes bed occupancy from summed bed-days', () => {
    expect(bedOccupancyRate([{ occupiedBedDays: 2700, openBedDays: 3000 }, { occupiedBedDays: 3300, openBedDays: 3000 }]).value).toBe(100);
    expect(countIndicator('HS.DISCHARGES', 12)).toEqual({ code: 'HS.DISCHARGES', numerator: 12, denominator: null, value: 12 });
  });

  it('has ratio helpers that never divide by zero', () => {
    expect(ratio(1, 0)).toBeNull();
    expect(percent(7, 8)).toBe(87.5);
    expect(roundTo(93.00000000000001)).toBe(93);
    expect(roundTo(2 / 3 * 100, 2)).toBe(66.67);
  });
});
