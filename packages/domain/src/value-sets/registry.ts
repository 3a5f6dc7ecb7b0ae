import { ABO_BLOOD_GROUP, ABO_BLOOD_GROUP_FRONT_SHEET, RH_BLOOD_GROUP } from './blood-group';
import { ENCOUNTER_TYPE } from './encounter-type';
import { ETHNICITY } from './ethnicity';
import { ID_DOCUMENT_TYPE } from './id-document-type';
import { MARITAL_STATUS } from './marital-status';
import { SEX } from './sex';
import type { ValueSet } from './value-set';

/** Every value set the platform validates against, by id. */
export const VALUE_SETS: readonly ValueSet[] = [
  ID_DOCUMENT_TYPE,
  SEX,
  MARITAL_STATUS,
  ETHNICITY,
  ABO_BLOOD_GROUP,
  ABO_BLOOD_GROUP_FRONT_SHEET,
  RH_BLOOD_GROUP,
  ENCOUNTER_TYPE,
];

const BY_ID = new Map(VALUE_SETS.map((vs) => [vs.id, vs]));

export function valueSetById(id: string): ValueSet | undefined {
  return BY_ID.get(id);
}
