/** Test data for the FHIR endpoint: the Synthea sample (testdata/synthea) and synthetic Chinese patients. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RESIDENT_ID_SYSTEM } from './patient-mapper';
import type { FhirJson } from './fhir-types';

const SYNTHEA_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'testdata', 'synthea');

export const SYNTHEA = {
  /** Female, born 1981-11-03, with a passport. */
  withPassport: 'a4a401d1-a46a-eb4a-8a38-760d5d79d6ec',
  /** Male, born 2011-03-23, only a US SSN. */
  child: '63ee2253-bdd5-da55-2ad2-b4984d0ad700',
} as const;

const cache = new Map<string, FhirJson[]>();

/** The sample's resources of one type (Patient, Encounter, Condition, Immunization, MedicationRequest, Organization). */
export function synthea(type: string): FhirJson[] {
  let list = cache.get(type);
  if (!list) {
    list = readFileSync(path.join(SYNTHEA_DIR, `${type}.ndjson`), 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as FhirJson);
    cache.set(type, list);
  }
  return structuredClone(list);
}

function refersTo(r: FhirJson, patientId: string): boolean {
  const ref = ((r.subject ?? r.patient) as { reference?: string } | undefined)?.reference;
  return ref === `Patient/${patientId}`;
}

/** One patient's resources of a type. */
export function syntheaOf(patientId: string, type: string): FhirJson[] {
  return type === 'Patient' ? synthea('Patient').filter((p) => p.id === patientId) : synthea(type).filter((r) => refersTo(r, patientId));
}

/** Encounters of a patient that have at least one Condition, with those Conditions. */
export function syntheaEncountersWithConditions(patientId: string): { encounter: FhirJson; conditions: FhirJson[] }[] {
  const conditions = syntheaOf(patientId, 'Condition');
  return syntheaOf(patientId, 'Encounter').flatMap((encounter) => {
    const mine = conditions.filter((c) => (c.encounter as { reference?: string } | undefined)?.reference === `Encounter/${String(encounter.id)}`);
    return mine.length > 0 ? [{ encounter, conditions: mine }] : [];
  });
}

/** A batch (or transaction) Bundle of resources, with `<base>/Type/id` fullUrls as bulk exports are usually wrapped. */
export function bundleOf(resources: FhirJson[], type: 'batch' | 'transaction' = 'batch'): FhirJson {
  return {
    resourceType: 'Bundle',
    type,
    entry: resources.map((resource) => ({
      fullUrl: `https://ehr.example.org/fhir/${String(resource.resourceType)}/${String(resource.id)}`,
      resource,
      request: { method: 'PUT', url: `${String(resource.resourceType)}/${String(resource.id)}` },
    })),
  };
}

/** A Chinese patient with a resident ID (the INGEST_EXAMPLES people: check characters valid, sex and birth date agree). */
export function chinesePatient(
  id: string,
  who: { idNumber: string; family: string; given: string; gender: 'male' | 'female'; birthDate: string; phone?: string } = {
    idNumber: '511011197211053623',
    family: '李',
    given: '秀英',
    gender: 'female',
    birthDate: '1972-11-05',
    phone: '13890561234',
  },
): FhirJson {
  return {
    resourceType: 'Patient',
    id,
    meta: { versionId: '2', lastUpdated: '2025-05-06T10:00:00+08:00' },
    identifier: [
      { type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'MR' }] }, system: 'urn:oid:1.2.156.112604.1.2.1', value: `MR-${id}` },
      { use: 'official', system: RESIDENT_ID_SYSTEM, value: who.idNumber },
    ],
    name: [
      { use: 'usual', text: 'Li Xiuying' },
      { use: 'official', family: who.family, given: [who.given] },
    ],
    gender: who.gender,
    birthDate: who.birthDate,
    telecom: who.phone ? [{ system: 'phone', use: 'mobile', value: who.phone }] : [],
    address: [{ use: 'home', state: '四川省', city: '内江市', district: '东兴区', line: ['汉安大道东二段88号'] }],
    maritalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-MaritalStatus', code: 'M' }] },
  };
}

/** 张建国 (INGEST_EXAMPLES): male, born 1958-03-17. */
export const ZHANG_JIANGUO = { idNumber: '51100219580317241X', family: '张', given: '建国', gender: 'male', birthDate: '1958-03-17', phone: '13568321177' } as const;

/** An ICD-10 coded Condition of an encounter. */
export function icd10Condition(id: string, patientRef: string, encounterRef: string, code = 'I10', display = '原发性高血压'): FhirJson {
  return {
    resourceType: 'Condition',
    id,
    verificationStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code: 'confirmed' }] },
    category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-category', code: 'encounter-diagnosis' }] }],
    code: { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10', code, display }], text: display },
    subject: { reference: patientRef },
    encounter: { reference: encounterRef },
  };
}

/** A laboratory Observation with a numeric result. */
export function labObservation(id: string, patientRef: string, encounterRef: string | undefined, at: string, loinc = '2345-7', name = '葡萄糖', value = 7.8, unit = 'mmol/L'): FhirJson {
  return {
    resourceType: 'Observation',
    id,
    status: 'final',
    category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'laboratory' }] }],
    code: { coding: [{ system: 'http://loinc.org', code: loinc, display: 'Glucose [Mass/volume] in Serum or Plasma' }], text: name },
    subject: { reference: patientRef },
    ...(encounterRef ? { encounter: { reference: encounterRef } } : {}),
    effectiveDateTime: at,
    issued: at,
    valueQuantity: { value, unit, system: 'http://unitsofmeasure.org', code: unit },
    interpretation: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation', code: 'H' }] }],
    referenceRange: [{ low: { value: 3.9, unit }, high: { value: 6.1, unit } }],
  };
}
