/**
 * Unified social credit code (统一社会信用代码), GB 32100-2015: the identity of an
 * institution. 18 characters from a 31-character set (no I O S V Z):
 *   1    registration authority (登记管理部门码: 1 机构编制, 5 民政, 9 工商, Y 其他 …)
 *   2    organisation category (机构类别码, e.g. 1 事业单位 under 机构编制)
 *   3–8  GB/T 2260 region code of the registration authority
 *   9–17 organisation code (组织机构代码, GB 11714, with its own check character)
 *   18   check character (MOD 31)
 * Some early pilot codes fail the checksum legally, so a checksum failure is a
 * warning, never a rejection.
 */
import { hasValidProvincePrefix } from './region-code';

export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** Errors make the code unusable; warnings keep it with a finding. */
export type UsccIssue =
  | 'format' //   not 18 characters of the GB 32100 charset
  | 'region' //   positions 3–8 do not start with a real province prefix (central bodies use 100000)
  | 'checksum'; // the 18th character is not the MOD 31 check character

export interface UsccValidation {
  /** False only when the code is malformed; checksum and region problems are warnings. */
  readonly valid: boolean;
  readonly code: string;
  readonly errors: readonly UsccIssue[];
  readonly warnings: readonly UsccIssue[];
  readonly regionCode?: string;
  readonly organisationCode?: string;
}

/** MOD 31 check character for the first 17 characters. Throws on characters outside the charset. */
export function usccCheckChar(first17: string): string {
  if (first17.length !== 17) throw new RangeError('usccCheckChar needs exactly 17 characters');
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_CHARSET.indexOf(first17[i] ?? '');
    if (v < 0) throw new RangeError(`character outside the GB 32100 charset at position ${i + 1}`);
    sum += v * (WEIGHTS[i] ?? 0);
  }
  const c = 31 - (sum % 31);
  return USCC_CHARSET[c === 31 ? 0 : c] ?? '';
}

export function validateUscc(value: string): UsccValidation {
  const code = value.trim().toUpperCase();
  const charset = new RegExp(`^[${USCC_CHARSET}]{18}$`);
  if (!charset.test(code) || !/^\d{6}$/.test(code.slice(2, 8))) {
    return { valid: false, code, errors: ['format'], warnings: [] };
  }
  const warnings: UsccIssue[] = [];
  const regionCode = code.slice(2, 8);
  if (regionCode !== '100000' && !hasValidProvincePrefix(regionCode)) warnings.push('region');
  if (usccCheckChar(code.slice(0, 17)) !== code[17]) warnings.push('checksum');
  return { valid: true, code, errors: [], warnings, regionCode, organisationCode: code.slice(8, 17) };
}

/** True when well-formed and the checksum holds. */
export function isValidUscc(value: string): boolean {
  const r = validateUscc(value);
  return r.valid && r.warnings.length === 0;
}

const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;
const ORG_VALUES = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/**
 * GB 11714 organisation code check character for its first 8 characters
 * (digits and upper-case letters, A = 10 … Z = 35): C = 11 − (Σ vᵢwᵢ mod 11),
 * 10 → X, 11 → 0. Used to generate realistic codes.
 */
export function organisationCodeCheckChar(first8: string): string {
  if (!/^[0-9A-Z]{8}$/.test(first8)) throw new RangeError('organisation code body must be 8 digits or upper-case letters');
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += ORG_VALUES.indexOf(first8[i] ?? '') * (ORG_WEIGHTS[i] ?? 0);
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

export interface GenerateUsccInput {
  /** 6-digit GB/T 2260 code. */
  readonly regionCode: string;
  /** Serial number 0–99,999,999 that becomes the organisation code body. */
  readonly sequence: number;
  /** Registration authority + category; default '12' (机构编制 · 事业单位, as most public hospitals). */
  readonly prefix?: string;
}

/**
 * A checksum-valid USCC for seeds and simulators. The organisation code body is
 * the zero-padded sequence with its GB 11714 check character; a body whose
 * check character would be X (not in the USCC charset) is moved to the next
 * sequence so every generated code is well-formed.
 */
export function generateUscc(input: GenerateUsccInput): string {
  const prefix = input.prefix ?? '12';
  if (!new RegExp(`^[${USCC_CHARSET}]{2}$`).test(prefix)) throw new RangeError(`bad USCC prefix: ${prefix}`);
  if (!/^\d{6}$/.test(input.regionCode)) throw new RangeError(`region code must be 6 digits: ${input.regionCode}`);
  if (!Number.isInteger(input.sequence) || input.sequence < 0 || input.sequence > 99_999_999) {
    throw new RangeError('sequence must be an integer 0–99,999,999');
  }
  let seq = input.sequence;
  let body = String(seq).padStart(8, '0');
  while (organisationCodeCheckChar(body) === 'X') {
    seq = (seq + 1) % 100_000_000;
    body = String(seq).padStart(8, '0');
  }
  const first17 = `${prefix}${input.regionCode}${body}${organisationCodeCheckChar(body)}`;
  return first17 + usccCheckChar(first17);
}
