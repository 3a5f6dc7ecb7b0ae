/**
 * Seed sizes. The institution network is the real city's at every size (so
 * the mix, the quiet institutions and the plan indicators look the same); the
 * population and the clinical volume scale.
 */
export type SeedSize = 'small' | 'demo' | 'large';

export interface SizeProfile {
  readonly size: SeedSize;
  /** Residents (master persons) generated. */
  readonly residents: number;
  /**
   * Multiplier on real-world visit rates (~1.7 outpatient visits and ~0.05
   * admissions per resident per 90 days). `large` runs hotter to reach its
   * 10,000,000 EMR records (encounters, lab and exam reports, prescriptions,
   * disease report cards) from 1,000,000 residents.
   */
  readonly visitIntensity: number;
  /** Notifiable-disease card rate multiplier (a 500-person town still shows a monthly report). */
  readonly infectionIntensity: number;
  /** Practitioners generated per institution at most. */
  readonly practitionersPerInstitution: number;
  /** Per-record outcomes are kept for batches received in this many days before `now`. */
  readonly outcomeRetentionDays: number;
  /** Households generated between writer flushes. */
  readonly householdsPerChunk: number;
  /** Load in one transaction (all or nothing). The large size commits chunk by chunk. */
  readonly atomic: boolean;
}

export const SIZE_PROFILES: Record<SeedSize, SizeProfile> = {
  small: { size: 'small', residents: 500, visitIntensity: 1, infectionIntensity: 15, practitionersPerInstitution: 6, outcomeRetentionDays: 120, householdsPerChunk: 1_000, atomic: true },
  demo: { size: 'demo', residents: 20_000, visitIntensity: 1, infectionIntensity: 3, practitionersPerInstitution: 40, outcomeRetentionDays: 120, householdsPerChunk: 2_000, atomic: true },
  large: { size: 'large', residents: 1_000_000, visitIntensity: 2.2, infectionIntensity: 1, practitionersPerInstitution: 400, outcomeRetentionDays: 7, householdsPerChunk: 1_500, atomic: false },
};

export function isSeedSize(value: string): value is SeedSize {
  return value === 'small' || value === 'demo' || value === 'large';
}

/** Days of clinical (EMR) history before `now`. */
export const HISTORY_DAYS = 90;
