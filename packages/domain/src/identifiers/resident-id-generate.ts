/**
 * Generates valid resident ID numbers for seeds, simulators and tests. The
 * numbers are synthetic: they pass every GB 11643 check but belong to no one
 * only by luck, so never send them outside test environments.
 */
import { isIsoDate } from '../common/dates';
import { residentIdCheckChar, type ResidentIdSex } from './resident-id';

export interface GenerateResidentIdInput {
  /** 6-digit GB/T 2260 code. */
  readonly regionCode: string;
  /** 'YYYY-MM-DD' */
  readonly birthDate: string;
  /**
   * Without `sex`: the 3-digit sequence itself, 0–999. With `sex`: the n-th
   * person of that sex born that day in that region, 0–499, mapped to the
   * n-th odd (male) or even (female) sequence number.
   */
  readonly sequence: number;
  readonly sex?: ResidentIdSex;
}

export function generateResidentId(input: GenerateResidentIdInput): string {
  if (!/^\d{6}$/.test(input.regionCode)) throw new RangeError(`region code must be 6 digits: ${input.regionCode}`);
  if (!isIsoDate(input.birthDate)) throw new RangeError(`birth date must be a real YYYY-MM-DD: ${input.birthDate}`);
  const max = input.sex ? 499 : 999;
  if (!Number.isInteger(input.sequence) || input.sequence < 0 || input.sequence > max) {
    throw new RangeError(`sequence must be an integer 0–${max}`);
  }
  const seq = input.sex ? input.sequence * 2 + (input.sex === '1' ? 1 : 0) : input.sequence;
  const first17 = `${input.regionCode}${input.birthDate.replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
}
