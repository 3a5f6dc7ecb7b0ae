/**
 * Identity checks (GB 11643 and cross-field agreement) on a person's document
 * type, number, sex and birth date, at the root of a record or under `patient`.
 */
import { isIsoDate } from '../../common/dates';
import { upgradeResidentId15, validateResidentId, type ResidentIdIssue } from '../../identifiers/resident-id';
import { ID_DOCUMENT_TYPE, RESIDENT_ID_DOCUMENT_TYPE } from '../../value-sets/id-document-type';
import { isInValueSet } from '../../value-sets/value-set';
import { finding, type Finding } from '../finding';
import type { RuleCode } from '../rule-catalogue';

export interface IdentityInput {
  readonly idType?: unknown;
  readonly idNumber?: unknown;
  readonly sex?: unknown;
  readonly birthDate?: unknown;
}

const ISSUE_RULES: Record<ResidentIdIssue, RuleCode> = {
  format: 'ID.FORMAT',
  region: 'ID.REGION',
  birth_date: 'ID.BIRTHDATE_INVALID',
  birth_future: 'ID.BIRTHDATE_FUTURE',
  checksum: 'ID.CHECKSUM',
};

/**
 * @param prefix '' or 'patient.' — prepended to element names in findings
 * @param today  'YYYY-MM-DD' for the future-birth check (default: China date now)
 */
export function checkIdentity(input: IdentityInput, prefix = '', today?: string): Finding[] {
  const out: Finding[] = [];
  const idType = input.idType === undefined || input.idType === null || input.idType === '' ? RESIDENT_ID_DOCUMENT_TYPE : String(input.idType);
  if (!isInValueSet(ID_DOCUMENT_TYPE, idType)) out.push(finding('VS.ID_TYPE', `${prefix}idType`));
  if (idType !== RESIDENT_ID_DOCUMENT_TYPE || typeof input.idNumber !== 'string' || input.idNumber.trim() === '') return out;

  const path = `${prefix}idNumber`;
  let idNumber = input.idNumber.trim();
  const upgraded = upgradeResidentId15(idNumber);
  if (upgraded) {
    out.push(finding('ID.LEGACY_15', path));
    idNumber = upgraded;
  }
  const v = validateResidentId(idNumber, today ? { today } : {});
  if (!v.valid) {
    for (const issue of v.issues) out.push(finding(ISSUE_RULES[issue], path));
    return out;
  }
  if (typeof input.birthDate === 'string' && isIsoDate(input.birthDate) && input.birthDate !== v.birthDate) {
    out.push(finding('ID.BIRTHDATE_MISMATCH', `${prefix}birthDate`));
  }
  if ((input.sex === '1' || input.sex === '2') && input.sex !== v.sex) {
    out.push(finding('ID.SEX_MISMATCH', `${prefix}sex`));
  }
  return out;
}
