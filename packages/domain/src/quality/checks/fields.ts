/** Per-element consistency checks by field kind (value set, format, length, number). */
import { isIsoDate } from '../../common/dates';
import { isValidPhone } from '../../cleansing/phone';
import { isIsoDateTime } from '../../cleansing/datetime';
import type { FieldSpec } from '../../datasets/dataset';
import { isIcd10Format } from '../../diseases/icd10';
import { checkRegionCode } from '../../identifiers/region-code';
import { valueSetById } from '../../value-sets/registry';
import { isInValueSet } from '../../value-sets/value-set';
import { finding, type Finding } from '../finding';
import type { RuleCode } from '../rule-catalogue';

const VALUE_SET_RULES: Record<string, RuleCode> = {
  'CV02.01.101': 'VS.ID_TYPE',
  'GB/T 2261.1': 'VS.SEX',
  'GB 3304': 'VS.ETHNICITY',
  'GB/T 2261.2': 'VS.MARITAL_STATUS',
  'RHIP.ENCOUNTER_TYPE': 'VS.ENCOUNTER_TYPE',
};

function isNumeric(value: unknown, integer: boolean): boolean {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
  return Number.isFinite(n) && (!integer || Number.isInteger(n));
}

/**
 * Checks one non-blank element. The identity elements (idType, idNumber) are
 * left to checkIdentity, which also cross-checks sex and birth date.
 */
export function checkField(field: FieldSpec, path: string, value: unknown): Finding[] {
  const out: Finding[] = [];
  const s = typeof value === 'string' ? value : typeof value === 'number' ? String(value) : null;
  switch (field.kind) {
    case 'code':
    case 'sex': {
      if (field.path.endsWith('idType')) break;
      const vs = field.valueSet ? valueSetById(field.valueSet) : undefined;
      if (vs && (s === null || !isInValueSet(vs, s))) out.push(finding(VALUE_SET_RULES[vs.id] ?? 'VS.CODE', path));
      break;
    }
    case 'date':
      if (s === null || !isIsoDate(s)) out.push(finding('FMT.DATE', path));
      break;
    case 'datetime':
      if (s === null || !isIsoDateTime(s)) out.push(finding('FMT.DATE', path));
      break;
    case 'month':
      if (s === null || !/^\d{4}-(0[1-9]|1[0-2])$/.test(s)) out.push(finding('FMT.DATE', path));
      break;
    case 'phone':
      if (s === null || !isValidPhone(s)) out.push(finding('FMT.PHONE', path));
      break;
    case 'regionCode':
      if (s === null || !checkRegionCode(s, { allowStatistical: true }).valid) out.push(finding('FMT.REGION_CODE', path));
      break;
    case 'icd10':
      if (s === null || !isIcd10Format(s)) out.push(finding('ICD10.FORMAT', path));
      break;
    case 'integer':
    case 'number':
      if (!isNumeric(value, field.kind === 'integer')) out.push(finding('FMT.NUMBER', path));
      break;
    default:
      break;
  }
  if (field.maxLength !== undefined && s !== null && [...s].length > field.maxLength && field.kind !== 'idNumber') {
    out.push(finding('FMT.TOO_LONG', path, { zh: `最大长度${field.maxLength}`, en: `at most ${field.maxLength} characters` }));
  }
  return out;
}

/** Kinds whose elements count towards the consistency denominator. */
export function isCheckedKind(field: FieldSpec): boolean {
  return field.kind !== 'text' && field.kind !== 'name' && field.kind !== 'boolean' ? true : field.maxLength !== undefined;
}
