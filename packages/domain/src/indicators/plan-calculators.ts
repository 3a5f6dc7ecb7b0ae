/**
 * Computes the plan indicators the platform can derive from institution
 * attributes and quality counts. Each calculator is data: the population it
 * ranges over and the condition an institution must meet. Filter the
 * institutions first to cut by county; pass period-specific `connected` flags
 * and quality counts to cut by period.
 */
import type { QualityCounts } from '../quality/scores';
import type { IndicatorValue } from './indicator';
import { gradeTier, interopAtLeastLevel4, isHospital, isMedicalInstitution, type InstitutionProfile } from './institution-profile';
import { percent } from './ratios';

type Predicate = (i: InstitutionProfile) => boolean;

export interface InstitutionCalculator {
  readonly kind: 'share' | 'count';
  readonly population: Predicate;
  readonly qualifies: Predicate;
}

const active: Predicate = (i) => i.active !== false;
const medicalL2: Predicate = (i) => active(i) && isMedicalInstitution(i) && gradeTier(i.level) >= 2;
const tertiaryHospital: Predicate = (i) => active(i) && isHospital(i) && gradeTier(i.level) === 3;
const secondaryHospital: Predicate = (i) => active(i) && isHospital(i) && gradeTier(i.level) === 2;

export const PLAN_CALCULATORS: Readonly<Record<string, InstitutionCalculator>> = {
  'PLAN.01': { kind: 'share', population: medicalL2, qualifies: (i) => i.onHealthPrivateNetwork === true },
  'PLAN.02': { kind: 'share', population: (i) => active(i) && i.ownership === 'public', qualifies: (i) => i.connected === true },
  'PLAN.04': { kind: 'share', population: tertiaryHospital, qualifies: (i) => (i.emrLevel ?? 0) >= 4 },
  'PLAN.05': { kind: 'share', population: secondaryHospital, qualifies: (i) => (i.emrLevel ?? 0) >= 3 },
  'PLAN.06': { kind: 'count', population: tertiaryHospital, qualifies: (i) => interopAtLeastLevel4(i.interopLevel) },
  'PLAN.07': { kind: 'count', population: active, qualifies: (i) => i.isInternetHospital === true },
  'PLAN.08': { kind: 'count', population: active, qualifies: (i) => i.isSmartHospital === true },
  'PLAN.11': { kind: 'share', population: medicalL2, qualifies: (i) => i.hasRemoteCare === true },
  'PLAN.12': { kind: 'share', population: medicalL2, qualifies: (i) => i.hasConvenienceServices === true },
  'PLAN.13': { kind: 'share', population: (i) => active(i) && isHospital(i) && gradeTier(i.level) >= 2, qualifies: (i) => i.securityAssessed === true },
  'PLAN.14': { kind: 'share', population: medicalL2, qualifies: (i) => i.hasDigitalImaging === true },
};

export function computeInstitutionIndicator(code: string, institutions: readonly InstitutionProfile[]): IndicatorValue {
  const calc = PLAN_CALCULATORS[code];
  if (!calc) throw new Error(`${code} is not computed from institution attributes`);
  const population = institutions.filter(calc.population);
  const numerator = population.filter(calc.qualifies).length;
  return calc.kind === 'count'
    ? { code, numerator, denominator: null, value: numerator }
    : { code, numerator, denominator: population.length, value: percent(numerator, population.length) };
}

/** PLAN.03: records without an error-severity finding ÷ records received, in percent. */
export function computeQualityPassRateIndicator(counts: Pick<QualityCounts, 'records' | 'recordsWithError'>): IndicatorValue {
  const numerator = counts.records - counts.recordsWithError;
  return { code: 'PLAN.03', numerator, denominator: counts.records, value: percent(numerator, counts.records) };
}

/** Every computed plan indicator, in table order (PLAN.03 only when quality counts are given). */
export function computePlanIndicators(
  institutions: readonly InstitutionProfile[],
  extras: { readonly quality?: Pick<QualityCounts, 'records' | 'recordsWithError'> } = {},
): IndicatorValue[] {
  const out: IndicatorValue[] = [];
  for (let n = 1; n <= 14; n++) {
    const code = `PLAN.${String(n).padStart(2, '0')}`;
    if (code === 'PLAN.03') {
      if (extras.quality) out.push(computeQualityPassRateIndicator(extras.quality));
    } else if (PLAN_CALCULATORS[code]) {
      out.push(computeInstitutionIndicator(code, institutions));
    }
  }
  return out;
}
