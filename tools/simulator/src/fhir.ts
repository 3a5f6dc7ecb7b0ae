/**
 * The same visits as FHIR R4 resources, for POST /fhir/R4 (a `batch` Bundle).
 * Built from the REST-shaped records so both channels carry the same data.
 * Resident ID: identifier system urn:oid:2.16.156.10011.1.3 (WS/T 500, 身份证号).
 */
import type { EncounterRecord, ImmunizationRecord, LabReportRecord, PatientRef, PrescriptionRecord } from '@rhip/contracts';
import type { Rng } from './random';

export const RESIDENT_ID_SYSTEM = 'urn:oid:2.16.156.10011.1.3';
export const ICD10_SYSTEM = 'http://hl7.org/fhir/sid/icd-10';
const V2_0203 = 'http://terminology.hl7.org/CodeSystem/v2-0203';
const ACT_CODE = 'http://terminology.hl7.org/CodeSystem/v3-ActCode';
const ENCOUNTER_CLASS = { outpatient: 'AMB', emergency: 'EMER', inpatient: 'IMP' } as const;

type Resource = Record<string, unknown> & { resourceType: string };
export interface BundleEntry {
  fullUrl: string;
  resource: Resource;
  request: { method: 'POST' | 'PUT'; url: string };
}
export interface FhirBundle {
  resourceType: 'Bundle';
  type: 'batch' | 'transaction';
  entry: BundleEntry[];
}

/** A random (deterministic) RFC 4122 v4 UUID. */
export function uuid(rng: Rng): string {
  const hex = Array.from({ length: 32 }, () => rng.int(0, 15).toString(16));
  hex[12] = '4';
  hex[16] = ((rng.int(0, 15) & 0x3) | 0x8).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** The institution's own identifier system for records of one kind. */
export function sourceSystem(institutionCode: string, kind: string): string {
  return `urn:rhip:${institutionCode}:${kind}`;
}

function patientResource(p: PatientRef, institutionCode: string): Resource {
  const identifier: Record<string, unknown>[] = [];
  const type = (code: string) => ({ coding: [{ system: V2_0203, code }] });
  // Documents by HL7 v2-0203 type: passport PPN, another national document NI; the HIS number MR.
  if (p.idType === '01' || p.idType === undefined) identifier.push({ system: RESIDENT_ID_SYSTEM, value: p.idNumber });
  else identifier.push({ type: type(p.idType === '03' ? 'PPN' : 'NI'), system: `urn:rhip:id-type:${p.idType}`, value: p.idNumber });
  if (p.patientId) identifier.push({ type: type('MR'), system: sourceSystem(institutionCode, 'patient'), value: p.patientId });
  return {
    resourceType: 'Patient',
    identifier,
    name: [{ text: p.name, family: p.name.slice(0, 1), given: [p.name.slice(1)] }],
    gender: p.sex === '1' ? 'male' : p.sex === '2' ? 'female' : 'unknown',
    birthDate: p.birthDate,
    ...(p.phone ? { telecom: [{ system: 'phone', value: p.phone }] } : {}),
  };
}

function post(fullUrl: string, resource: Resource): BundleEntry {
  return { fullUrl, resource, request: { method: 'POST', url: resource.resourceType } };
}

export interface FhirVisit {
  encounter: EncounterRecord;
  labs: LabReportRecord[];
  prescriptions: PrescriptionRecord[];
  immunizations: ImmunizationRecord[];
}

/**
 * One bundle of visits: per visit a Patient, the Encounter, a Condition per
 * diagnosis, DiagnosticReport + Observations per lab report, a
 * MedicationRequest per prescription item, and Immunizations.
 */
export function buildFhirBundle(rng: Rng, institutionCode: string, visits: readonly FhirVisit[]): FhirBundle {
  const entry: BundleEntry[] = [];
  for (const v of visits) {
    const patientUrl = `urn:uuid:${uuid(rng)}`;
    const encounterUrl = `urn:uuid:${uuid(rng)}`;
    const subject = { reference: patientUrl };
    const e = v.encounter;
    entry.push(post(patientUrl, patientResource(e.patient, institutionCode)));
    entry.push(
      post(encounterUrl, {
        resourceType: 'Encounter',
        identifier: [{ system: sourceSystem(institutionCode, 'encounter'), value: e.sourceId }],
        status: 'finished',
        class: { system: ACT_CODE, code: ENCOUNTER_CLASS[e.type] },
        subject,
        period: { start: e.startAt, ...(e.endAt ? { end: e.endAt } : {}) },
        ...(e.department ? { serviceType: { text: e.department } } : {}),
        ...(e.attendingDoctor ? { participant: [{ individual: { display: e.attendingDoctor } }] } : {}),
      }),
    );
    for (const [i, d] of (e.diagnoses ?? []).entries()) {
      entry.push(
        post(`urn:uuid:${uuid(rng)}`, {
          resourceType: 'Condition',
          identifier: [{ system: sourceSystem(institutionCode, 'condition'), value: `${e.sourceId}-${i}` }],
          clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] },
          category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-category', code: 'encounter-diagnosis' }] }],
          code: { coding: [{ system: ICD10_SYSTEM, code: d.code, display: d.name }], text: d.name },
          subject,
          encounter: { reference: encounterUrl },
          recordedDate: e.startAt,
          ...(d.primary ? { extension: [{ url: 'urn:rhip:primary-diagnosis', valueBoolean: true }] } : {}),
        }),
      );
    }
    for (const lab of v.labs) {
      const obsUrls: string[] = [];
      for (const r of lab.results) {
        const url = `urn:uuid:${uuid(rng)}`;
        obsUrls.push(url);
        entry.push(
          post(url, {
            resourceType: 'Observation',
            status: 'final',
            category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'laboratory' }] }],
            code: { coding: [{ system: sourceSystem(institutionCode, 'lab-item'), code: r.itemCode, display: r.itemName }], text: r.itemName },
            subject,
            encounter: { reference: encounterUrl },
            effectiveDateTime: lab.collectedAt ?? lab.reportedAt,
            ...(typeof r.value === 'number' ? { valueQuantity: { value: r.value, unit: r.unit ?? undefined } } : { valueString: r.value }),
            ...(r.referenceRange ? { referenceRange: [{ text: r.referenceRange }] } : {}),
            ...(r.abnormalFlag ? { interpretation: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation', code: r.abnormalFlag }] }] } : {}),
          }),
        );
      }
      entry.push(
        post(`urn:uuid:${uuid(rng)}`, {
          resourceType: 'DiagnosticReport',
          identifier: [{ system: sourceSystem(institutionCode, 'lab-report'), value: lab.sourceId }],
          status: 'final',
          category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0074', code: 'LAB' }] }],
          code: { text: lab.specimen ?? '检验' },
          subject,
          encounter: { reference: encounterUrl },
          issued: lab.reportedAt,
          result: obsUrls.map((reference) => ({ reference })),
        }),
      );
    }
    for (const rx of v.prescriptions) {
      for (const [i, item] of rx.items.entries()) {
        entry.push(
          post(`urn:uuid:${uuid(rng)}`, {
            resourceType: 'MedicationRequest',
            identifier: [{ system: sourceSystem(institutionCode, 'prescription-item'), value: `${rx.sourceId}-${i}` }],
            groupIdentifier: { system: sourceSystem(institutionCode, 'prescription'), value: rx.sourceId },
            status: 'active',
            intent: 'order',
            medicationCodeableConcept: { coding: [{ system: sourceSystem(institutionCode, 'drug'), code: item.drugCode ?? undefined, display: item.drugName }], text: item.drugName },
            subject,
            encounter: { reference: encounterUrl },
            authoredOn: rx.prescribedAt,
            ...(rx.doctorName ? { requester: { display: rx.doctorName } } : {}),
            dosageInstruction: [{ text: [item.dose, item.route, item.frequency].filter(Boolean).join(' ') }],
          }),
        );
      }
    }
    for (const imm of v.immunizations) {
      entry.push(
        post(`urn:uuid:${uuid(rng)}`, {
          resourceType: 'Immunization',
          identifier: [{ system: sourceSystem(institutionCode, 'immunization'), value: imm.sourceId }],
          status: 'completed',
          vaccineCode: { coding: [{ system: 'urn:rhip:vaccine', code: imm.vaccineCode, display: imm.vaccineName ?? undefined }], text: imm.vaccineName ?? imm.vaccineCode },
          patient: subject,
          occurrenceDateTime: imm.administeredAt,
          ...(imm.lotNumber ? { lotNumber: imm.lotNumber } : {}),
          ...(imm.doseNumber ? { protocolApplied: [{ doseNumberPositiveInt: imm.doseNumber }] } : {}),
        }),
      );
    }
  }
  return { resourceType: 'Bundle', type: 'batch', entry };
}
