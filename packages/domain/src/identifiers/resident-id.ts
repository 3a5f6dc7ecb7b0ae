/**
 * Resident identity card number (公民身份号码), GB 11643-1999.
 *
 * 18 characters: 1–6 region code (GB/T 2260, of first registration, so it may
 * name a region that no longer exists), 7–14 birth date YYYYMMDD, 15–17 sequence
 * (17th digit odd = male, even = female), 18 check character (ISO 7064 MOD 11-2).
 * Old 15-digit numbers (issued before 1999) have a 2-digit year and no check
 * character.
 */
import { chinaDate, isRealDate } from '../common/dates';
import { hasValidProvincePrefix } from './region-code';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/** Why a number is not a valid resident ID. Ordered as checked. */
export type ResidentIdIssue =
  | 'format' //       not 17 digits + digit/X
  | 'region' //       positions 1–6 do not start with a real province prefix
  | 'birth_date' //   positions 7–14 are not a real calendar date
  | 'birth_future' // the birth date is after today (China time)
  | 'checksum'; //    the 18th character is not the MOD 11-2 check character

/** GB/T 2261.1 sex code carried by the 17th digit. */
export type ResidentIdSex = '1' | '2';

export interface ResidentIdParts {
  /** Upper-case 18-character number. */
  readonly idNumber: string;
  readonly regionCode: string;
  /** 'YYYY-MM-DD' */
  readonly birthDate: string;
  readonly sex: ResidentIdSex;
  readonly sequence: string;
  readonly checkChar: string;
}

export type ResidentIdValidation =
  | ({ readonly valid: true; readonly issues: readonly [] } & ResidentIdParts)
  | { readonly valid: false; readonly issues: readonly ResidentIdIssue[]; readonly parts?: ResidentIdParts };

export interface ResidentIdOptions {
  /** 'YYYY-MM-DD' taken as today for the future-birth check; defaults to the China date now. */
  readonly today?: string;
}

/** The check character for the first 17 digits. Throws when they are not 17 digits. */
export function residentIdCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('residentIdCheckChar needs exactly 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS[sum % 11] ?? '';
}

/**
 * Validates an 18-character number and reports every issue it can see (format
 * problems stop the rest). Lower-case x is accepted and returned upper-case.
 */
export function validateResidentId(value: string, options: ResidentIdOptions = {}): ResidentIdValidation {
  const idNumber = value.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(idNumber)) return { valid: false, issues: ['format'] };

  const issues: ResidentIdIssue[] = [];
  const regionCode = idNumber.slice(0, 6);
  if (!hasValidProvincePrefix(regionCode)) issues.push('region');

  const y = Number(idNumber.slice(6, 10));
  const m = Number(idNumber.slice(10, 12));
  const d = Number(idNumber.slice(12, 14));
  const birthDate = `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
  if (!isRealDate(y, m, d)) issues.push('birth_date');
  else if (birthDate > (options.today ?? chinaDate())) issues.push('birth_future');

  const checkChar = idNumber.slice(17);
  if (residentIdCheckChar(idNumber.slice(0, 17)) !== checkChar) issues.push('checksum');

  const parts: ResidentIdParts = {
    idNumber,
    regionCode,
    birthDate,
    sex: Number(idNumber[16]) % 2 === 1 ? '1' : '2',
    sequence: idNumber.slice(14, 17),
    checkChar,
  };
  return issues.length === 0 ? { valid: true, issues: [], ...parts } : { valid: false, issues, parts };
}

export function isValidResidentId(value: string, options: ResidentIdOptions = {}): boolean {
  return validateResidentId(value, options).valid;
}

/**
 * Upgrades an old 15-digit number: insert "19" before the 2-digit year, append
 * the check character. Returns null when the input is not 15 digits with a real
 * birth date (all 15-digit numbers were issued to people born in the 1900s).
 */
export function upgradeResidentId15(value: string): string | null {
  const v = value.trim();
  if (!/^\d{15}$/.test(v)) return null;
  const first17 = `${v.slice(0, 6)}19${v.slice(6)}`;
  if (!isRealDate(Number(first17.slice(6, 10)), Number(first17.slice(10, 12)), Number(first17.slice(12, 14)))) return null;
  return first17 + residentIdCheckChar(first17);
}

/** Birth date 'YYYY-MM-DD' of a well-formed 18- or 15-digit number, else null. */
export function birthDateFromResidentId(value: string): string | null {
  const v = value.trim().length === 15 ? upgradeResidentId15(value) : value.trim().toUpperCase();
  if (v === null || !/^\d{17}[\dX]$/.test(v)) return null;
  const y = Number(v.slice(6, 10));
  const m = Number(v.slice(10, 12));
  const d = Number(v.slice(12, 14));
  return isRealDate(y, m, d) ? `${v.slice(6, 10)}-${v.slice(10, 12)}-${v.slice(12, 14)}` : null;
}

/** GB/T 2261.1 sex code ('1' male, '2' female) from the sequence digit, else null. */
export function sexFromResidentId(value: string): ResidentIdSex | null {
  const v = value.trim();
  const digit = v.length === 18 ? v[16] : v.length === 15 ? v[14] : undefined;
  if (digit === undefined || !/^\d$/.test(digit)) return null;
  return Number(digit) % 2 === 1 ? '1' : '2';
}

/** 6-digit region code of first registration, else null. */
export function regionFromResidentId(value: string): string | null {
  const v = value.trim();
  return /^\d{6}/.test(v) && (v.length === 18 || v.length === 15) ? v.slice(0, 6) : null;
}
