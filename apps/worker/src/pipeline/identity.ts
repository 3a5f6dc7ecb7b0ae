import type { PiiCipher } from '@rhip/pii';

/** The patient identity a record carries (after cleansing). */
export interface PatientIdentity {
  idType: string;
  idNumber: string | null;
  name: string;
  sex: string;
  birthDate: string | null;
  phone?: string | null;
  regionCode?: string | null;
  /** The institution's own patient id, when sent. */
  patientId?: string | null;
}

/** GB CV02.01.101 document type → the identifier kind stored in person_identifiers. */
export function identifierType(idType: string): 'household_register' | 'passport' | 'other' {
  if (idType === '02') return 'household_register';
  if (idType === '03') return 'passport';
  return 'other';
}

/**
 * A stable key for "the same identity" within an institution: the blind index
 * of the resident ID, else of the document, else of the institution patient
 * id, else the demographic tuple (matched probabilistically each time).
 */
export function identityKey(p: PatientIdentity, pii: PiiCipher): string {
  if (p.idType === '01' && p.idNumber) return `id:${pii.blindIndex(p.idNumber, 'id')}`;
  if (p.idNumber) return `doc${p.idType}:${pii.blindIndex(p.idNumber, `doc${p.idType}`)}`;
  if (p.patientId) return `pid:${pii.blindIndex(p.patientId, 'pid')}`;
  return `demo:${pii.blindIndex(`${p.name}|${p.sex}|${p.birthDate ?? ''}|${p.phone ?? ''}`, 'demo')}`;
}
