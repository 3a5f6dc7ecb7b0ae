/** Health-service indicator maths over already-selected records (the worker does the selecting). */
import { chinaDateOf, daysBetween } from '../common/dates';
import type { IndicatorValue } from './indicator';
import { percent, ratio } from './ratios';

/** Follow-ups in a year needed for 规范管理 (national basic public health service: at least quarterly). */
export const MIN_FOLLOWUPS_PER_YEAR = 4;

export function isStandardisedManaged(followupsInYear: number, minimum = MIN_FOLLOWUPS_PER_YEAR): boolean {
  return followupsInYear >= minimum;
}

/**
 * 规范管理率 for hypertension or T2DM: registered patients with ≥ 4 follow-ups in the
 * year ÷ registered patients. One entry per registered patient.
 */
export function standardisedManagementRate(
  code: 'HS.HTN_STANDARDISED_MANAGEMENT' | 'HS.T2DM_STANDARDISED_MANAGEMENT',
  patients: readonly { readonly followupsInYear: number }[],
): IndicatorValue {
  const numerator = patients.filter((p) => isStandardisedManaged(p.followupsInYear)).length;
  return { code, numerator, denominator: patients.length, value: percent(numerator, patients.length) };
}

/** Coverage (建档率, 签约率): covered residents ÷ resident population, in percent. */
export function coverageRate(code: 'HS.EHR_COVERAGE' | 'HS.FAMILY_DOCTOR_CONTRACT_RATE', covered: number, population: number): IndicatorValue {
  return { code, numerator: covered, denominator: population, value: percent(covered, population) };
}

/**
 * 住院天数 = discharge date − admission date in China calendar days; a same-day
 * admission and discharge counts 1 day. Null when either time is unreadable or
 * discharge precedes admission.
 */
export function lengthOfStayDays(admittedAt: string, dischargedAt: string): number | null {
  const a = chinaDateOf(admittedAt);
  const d = chinaDateOf(dischargedAt);
  if (!a || !d) return null;
  const days = daysBetween(a, d);
  return days < 0 ? null : Math.max(1, days);
}

/** 出院者平均住院日 = Σ length of stay ÷ discharges (stays with unreadable times are skipped). */
export function averageLengthOfStay(stays: readonly { readonly admittedAt: string; readonly dischargedAt: string }[]): IndicatorValue {
  let bedDays = 0;
  let discharges = 0;
  for (const s of stays) {
    const los = lengthOfStayDays(s.admittedAt, s.dischargedAt);
    if (los === null) continue;
    bedDays += los;
    discharges += 1;
  }
  return { code: 'HS.AVERAGE_LENGTH_OF_STAY', numerator: bedDays, denominator: discharges, value: ratio(bedDays, discharges) };
}

/** 病床使用率 = 实际占用总床日数 ÷ 实际开放总床日数 × 100 (summed over the resource reports selected). */
export function bedOccupancyRate(reports: readonly { readonly occupiedBedDays: number; readonly openBedDays: number }[]): IndicatorValue {
  const occupied = reports.reduce((s, r) => s + r.occupiedBedDays, 0);
  const open = reports.reduce((s, r) => s + r.openBedDays, 0);
  return { code: 'HS.BED_OCCUPANCY', numerator: occupied, denominator: open, value: percent(occupied, open) };
}

/** Count indicators (visits, discharges, doses). */
export function countIndicator(code: 'HS.OUTPATIENT_EMERGENCY_VISITS' | 'HS.DISCHARGES' | 'HS.IMMUNIZATION_DOSES', count: number): IndicatorValue {
  return { code, numerator: count, denominator: null, value: count };
}
