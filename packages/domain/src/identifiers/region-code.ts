/**
 * GB/T 2260 administrative region codes (行政区划代码): 6 digits =
 * province (2) + prefecture (2) + county (2). The statistical division codes
 * (统计用区划代码) extend them with 3 digits for the township (乡镇/街道) and
 * 3 for the village, giving 9- and 12-digit codes.
 */

/** Province-level prefixes in use (11–15 North, 21–23 North-east, 31–37 East, 41–46 Central-South, 50–54 South-west, 61–65 North-west, 71 Taiwan, 81/82 Hong Kong/Macao). */
export const PROVINCE_PREFIXES: readonly string[] = [
  '11', '12', '13', '14', '15',
  '21', '22', '23',
  '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46',
  '50', '51', '52', '53', '54',
  '61', '62', '63', '64', '65',
  '71', '81', '82',
];

const PROVINCES = new Set(PROVINCE_PREFIXES);

export type RegionCodeLevel = 'province' | 'prefecture' | 'county' | 'township' | 'village';

export type RegionCodeIssue = 'format' | 'province';

export interface RegionCodeCheck {
  readonly valid: boolean;
  readonly issues: readonly RegionCodeIssue[];
  /** Set when the code is well-formed. */
  readonly level?: RegionCodeLevel;
}

export function hasValidProvincePrefix(code: string): boolean {
  return PROVINCES.has(code.slice(0, 2));
}

/** Level implied by the code's length and trailing zeros (110000 → province, 511000 → prefecture). */
export function regionCodeLevel(code: string): RegionCodeLevel | null {
  if (/^\d{12}$/.test(code)) return code.endsWith('000') ? 'township' : 'village';
  if (/^\d{9}$/.test(code)) return 'township';
  if (!/^\d{6}$/.test(code)) return null;
  if (code.endsWith('0000')) return 'province';
  if (code.endsWith('00')) return 'prefecture';
  return 'county';
}

/**
 * Checks a region code's shape (6 digits, or 9/12 when `allowStatistical`) and its
 * province prefix. It does not prove the code exists: the region table does that.
 */
export function checkRegionCode(code: string, options: { allowStatistical?: boolean } = {}): RegionCodeCheck {
  const pattern = options.allowStatistical ? /^(\d{6}|\d{9}|\d{12})$/ : /^\d{6}$/;
  if (!pattern.test(code)) return { valid: false, issues: ['format'] };
  if (!hasValidProvincePrefix(code)) return { valid: false, issues: ['province'] };
  const level = regionCodeLevel(code);
  return level ? { valid: true, issues: [], level } : { valid: false, issues: ['format'] };
}

export function isValidRegionCode(code: string, options: { allowStatistical?: boolean } = {}): boolean {
  return checkRegionCode(code, options).valid;
}

/** The 6-digit county-level prefix of a 6/9/12-digit code. */
export function countyPart(code: string): string {
  return code.slice(0, 6);
}
