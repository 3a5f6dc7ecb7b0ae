import { describe, expect, it } from 'vitest';
import { validateIngestRecord } from '@rhip/contracts';
import { generateResidentId } from '@rhip/domain';
import { checkBundle, mapBundle, type BundleMapping, type EntryMapping } from './fhir-mapper';
import {
  SYNTHEA, ZHANG_JIANGUO, bundleOf, chinesePatient, icd10Condition, labObservation, synthea, syntheaEncountersWithConditions, syntheaOf,
} from './fhir-fixtures';
import type { FhirJson } from './fhir-types';
import { locate } from './mapped-record';
import { chooseDocument, patientIdentity, RESIDENT_ID_SYSTEM } from './patient-mapper';

function map(resources: FhirJson[], type: 'batch' | 'transaction' = 'batch'): BundleMapping {
  return mapBundle(bundleOf(resources, type), type);
}

function recordOf(m: BundleMapping, entry: number): FhirJson {
  const e = m.entries[entry];
  if (e?.kind !== 'record') throw new Error(`entry ${entry} is ${e?.kind}: ${JSON.stringify(e)}`);
  return m.records[e.record]!.record;
}

function failed(e: EntryMapping | undefined): Extract<EntryMapping, { kind: 'failed' }> {
  if (e?.kind !== 'failed') throw new Error(`expected a failed entry, got ${JSON.stringify(e)}`);
  return e;
}

const encounter = (id: string, patientRef: string, cls = 'AMB', extra: FhirJson = {}): FhirJson => ({
  resourceType: 'Encounter',
  id,
  status: 'finished',
  class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: cls },
  subject: { reference: patientRef },
  period: { start: '2025-05-01T09:00:00+08:00', end: '2025-05-01T09:30:00+08:00' },
  ...extra,
});

describe('checkBundle', () => {
  it('rejects a body that is not a batch or transaction Bundle with entries', () => {
    expect(checkBundle([])).toMatchObject({ ok: false, rule: 'FHIR.INVALID_BUNDLE' });
    expect(checkBundle({ resourceType: 'Patient' })).toMatchObject({ ok: false, expression: 'Bundle.resourceType' });
    expect(checkBundle({ resourceType: 'Bundle', type: 'collection', entry: [{}] })).toMatchObject({ ok: false, expression: 'Bundle.type' });
    expect(checkBundle({ resourceType: 'Bundle', type: 'batch', entry: [] })).toMatchObject({ ok: false, expression: 'Bundle.entry' });
    expect(checkBundle({ resourceType: 'Bundle', type: 'transaction' })).toMatchObject({ ok: false, expression: 'Bundle.entry' });
    expect(checkBundle({ resourceType: 'Bundle', type: 'batch', entry: Array.from({ length: 5001 }, () => ({})) })).toMatchObject({ ok: false, rule: 'FHIR.TOO_MANY_ENTRIES' });
    expect(checkBundle(bundleOf([chinesePatient('p1')]))).toMatchObject({ ok: true, type: 'batch' });
  });
});

describe('Patient → persons (Synthea sample)', () => {
  it('identifies a patient without a resident ID by passport (idType 03) and keeps US details as sent', () => {
    const patient = syntheaOf(SYNTHEA.withPassport, 'Patient');
    const m = map(patient);
    const p = recordOf(m, 0);
    const passport = (patient[0]!.identifier as FhirJson[]).find((i) => /passport/i.test(String(i.system)));
    expect(p).toMatchObject({
      sourceId: SYNTHEA.withPassport,
      idType: '03',
      idNumber: passport?.value,
      name: 'Gladys682 Schumm995',
      sex: '2',
      birthDate: '1981-11-03',
      phone: '555-199-5195',
      maritalStatus: '40',
      patientId: SYNTHEA.withPassport,
    });
    expect(p.address).toContain('Shawnee');
    expect(validateIngestRecord('persons', p).ok).toBe(true);
  });

  it('falls back to another person-level document (the SSN) as idType 99, never to the medical record number', () => {
    const [child] = syntheaOf(SYNTHEA.child, 'Patient');
    const doc = chooseDocument(child!);
    expect(doc?.idType).toBe('99');
    expect(doc?.idNumber).toMatch(/^999-\d{2}-\d{4}$/);
    // Only local numbers: no document at all (linking by them across institutions would merge strangers).
    expect(chooseDocument({ identifier: [{ type: { coding: [{ code: 'MR' }] }, value: '00012' }, { system: 'https://his.example', value: 'X1' }] })).toBeUndefined();
  });

  it('maps every Synthea patient without throwing, each with a sex, birth date and a document', () => {
    for (const patient of synthea('Patient')) {
      const { block } = patientIdentity(patient);
      expect(block).toMatchObject({ sex: expect.stringMatching(/^[12]$/), birthDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
      expect(['03', '99']).toContain(block.idType);
    }
  });
});

describe('Patient → persons (Chinese patients)', () => {
  it('takes the resident ID (OID 2.16.156.10011.1.3) as idType 01 and the Chinese official name over a pinyin one', () => {
    const p = recordOf(map([chinesePatient('p1')]), 0);
    expect(p).toMatchObject({
      sourceId: 'p1',
      version: 2,
      updatedAt: '2025-05-06T10:00:00+08:00',
      idType: '01',
      idNumber: '511011197211053623',
      name: '李秀英',
      sex: '2',
      birthDate: '1972-11-05',
      phone: '13890561234',
      patientId: 'MR-p1',
      address: '四川省内江市东兴区汉安大道东二段88号',
      maritalStatus: '20',
    });
  });

  it('agrees with generated resident IDs: odd 17th digit male, even female', () => {
    const male = generateResidentId({ regionCode: '511002', birthDate: '1990-02-14', sequence: 121 });
    const female = generateResidentId({ regionCode: '511002', birthDate: '1990-02-14', sequence: 122 });
    const m = map([
      chinesePatient('m', { idNumber: male, family: '陈', given: '志强', gender: 'male', birthDate: '1990-02-14' }),
      chinesePatient('f', { idNumber: female, family: '陈', given: '志红', gender: 'female', birthDate: '1990-02-14' }),
    ]);
    expect(recordOf(m, 0)).toMatchObject({ idType: '01', idNumber: male, sex: '1', name: '陈志强' });
    expect(recordOf(m, 1)).toMatchObject({ idType: '01', idNumber: female, sex: '2', name: '陈志红' });
  });

  it('maps gender male/female/unknown/other to GB/T 2261.1 1/2/0/9', () => {
    const sexes = ['male', 'female', 'unknown', 'other'].map((gender) => patientIdentity({ ...chinesePatient('x'), gender }).block.sex);
    expect(sexes).toEqual(['1', '2', '0', '9']);
  });

  it('accepts the resident ID by identifier type NNCHN too, and prefers it over a passport', () => {
    const doc = chooseDocument({
      identifier: [
        { type: { coding: [{ code: 'PPN' }] }, value: 'E12345678' },
        { type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'NNCHN' }] }, value: ZHANG_JIANGUO.idNumber },
      ],
    });
    expect(doc).toEqual({ idType: '01', idNumber: ZHANG_JIANGUO.idNumber, index: 1 });
  });
});

describe('Encounter and Condition → encounters', () => {
  it('keeps Synthea SNOMED CT conditions as coded, with a FHIR.CODE_NOT_ICD10 warning on the Condition and the Encounter', () => {
    const [first] = syntheaEncountersWithConditions(SYNTHEA.withPassport);
    const m = map([...syntheaOf(SYNTHEA.withPassport, 'Patient'), first!.encounter, ...first!.conditions]);
    const enc = recordOf(m, 1);
    expect(enc.type).toBe('outpatient');
    expect(enc.startAt).toBe((first!.encounter.period as FhirJson).start);
    expect(enc.diagnoses).toBeUndefined();
    const kept = enc.nonIcd10Diagnoses as FhirJson[];
    expect(kept).toHaveLength(first!.conditions.length);
    const coding = ((first!.conditions[0]!.code as FhirJson).coding as FhirJson[])[0]!;
    expect(kept[0]).toMatchObject({ system: 'http://snomed.info/sct', code: coding.code, name: expect.any(String), conditionId: first!.conditions[0]!.id });
    expect(m.entries[1]).toMatchObject({ kind: 'record', notes: expect.arrayContaining([expect.objectContaining({ rule: 'FHIR.CODE_NOT_ICD10', severity: 'warning' })]) });
    expect(m.entries[2]).toMatchObject({
      kind: 'part',
      records: [1],
      notes: expect.arrayContaining([expect.objectContaining({ rule: 'FHIR.CODE_NOT_ICD10', expression: ['Bundle.entry[2].resource.code'] })]),
    });
    expect(validateIngestRecord('encounters', enc).ok).toBe(true);
  });

  it('maps class AMB/EMER/IMP to outpatient/emergency/inpatient and ICD-10 conditions to diagnoses, rank 1 primary', () => {
    const p = chinesePatient('p1');
    const e1 = encounter('e1', 'Patient/p1', 'AMB');
    const e2 = encounter('e2', 'Patient/p1', 'EMER');
    const e3 = encounter('e3', 'Patient/p1', 'IMP', {
      diagnosis: [
        { condition: { reference: 'Condition/c2' }, rank: 2 },
        { condition: { reference: 'Condition/c3' }, rank: 1, use: { coding: [{ code: 'DD' }] } },
      ],
      hospitalization: { admitSource: { coding: [{ code: 'emd' }] }, dischargeDisposition: { coding: [{ code: 'home' }] } },
    });
    const c1 = icd10Condition('c1', 'Patient/p1', 'Encounter/e1');
    const c2 = icd10Condition('c2', 'Patient/p1', 'Encounter/e3', 'E11.9', '2型糖尿病');
    const c3 = icd10Condition('c3', 'Patient/p1', 'Encounter/e3', 'J18.900', '肺炎');
    const m = map([p, e1, e2, e3, c1, c2, c3]);
    expect(recordOf(m, 1)).toMatchObject({ type: 'outpatient', diagnoses: [{ code: 'I10', name: '原发性高血压' }] });
    expect(recordOf(m, 2)).toMatchObject({ type: 'emergency' });
    expect(recordOf(m, 2).diagnoses).toBeUndefined();
    expect(recordOf(m, 3)).toMatchObject({
      type: 'inpatient',
      admissionWay: '1',
      dischargeWay: '1',
      diagnoses: [
        { code: 'J18.900', name: '肺炎', primary: true, kind: 'discharge' },
        { code: 'E11.9', name: '2型糖尿病' },
      ],
    });
    expect(m.entries.slice(4).map((e) => e.kind)).toEqual(['part', 'part', 'part']);
    expect(recordOf(m, 1).patient).toMatchObject({ idType: '01', idNumber: '511011197211053623', name: '李秀英', sex: '2', birthDate: '1972-11-05' });
  });

  it('answers a Condition without an Encounter in the bundle with a clear "not stored" outcome', () => {
    const m = map([chinesePatient('p1'), icd10Condition('c9', 'Patient/p1', 'Encounter/elsewhere')]);
    const e = failed(m.entries[1]);
    expect(e.status).toBe(422);
    expect(e.issues[0]).toMatchObject({ rule: 'FHIR.NOT_MAPPED', severity: 'error' });
  });

  it('does not store a refuted Condition as a diagnosis', () => {
    const c = { ...icd10Condition('c1', 'Patient/p1', 'Encounter/e1'), verificationStatus: { coding: [{ code: 'refuted' }] } };
    const m = map([chinesePatient('p1'), encounter('e1', 'Patient/p1'), c]);
    expect(recordOf(m, 1).diagnoses).toBeUndefined();
    expect(failed(m.entries[2]).issues[0]).toMatchObject({ rule: 'FHIR.NOT_MAPPED', expression: ['Bundle.entry[2].resource.verificationStatus'] });
  });
});

describe('references', () => {
  it('resolves the patient by Patient/<id>, by urn:uuid fullUrl and by conditional identifier', () => {
    const uuid = 'urn:uuid:4d5b6f1e-0d1c-4c8e-9b1a-2f1f5b1c0a01';
    const bundle = {
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [
        { fullUrl: uuid, resource: { ...chinesePatient('ignored'), id: undefined }, request: { method: 'POST', url: 'Patient' } },
        { fullUrl: 'urn:uuid:e-1', resource: { ...encounter('e1', uuid), id: undefined }, request: { method: 'POST', url: 'Encounter' } },
        { resource: encounter('e2', `Patient?identifier=${RESIDENT_ID_SYSTEM}|511011197211053623`) },
      ],
    };
    const m = mapBundle(bundle, 'transaction');
    expect(recordOf(m, 0).sourceId).toBe(uuid);
    expect(recordOf(m, 1)).toMatchObject({ sourceId: 'urn:uuid:e-1', patient: { idNumber: '511011197211053623' } });
    expect(recordOf(m, 2)).toMatchObject({ patient: { name: '李秀英' } });
  });

  it('answers an unresolved patient reference with FHIR.UNRESOLVED_REFERENCE at the element', () => {
    const m = map([chinesePatient('p1'), encounter('e1', 'Patient/nobody'), { ...labObservation('o1', 'urn:uuid:missing', undefined, '2025-05-01T10:00:00+08:00') }]);
    for (const i of [1, 2]) {
      const e = failed(m.entries[i]);
      expect(e.status).toBe(422);
      expect(e.issues[0]).toMatchObject({ rule: 'FHIR.UNRESOLVED_REFERENCE', type: 'not-found', expression: [`Bundle.entry[${i}].resource.subject`] });
    }
    expect(failed(map([chinesePatient('p1'), encounter('e1', 'Encounter/e1')]).entries[1]).issues[0]!.message).toContain('names a Encounter');
  });

  it('locates record errors in the FHIR resources they came from', () => {
    const m = map([chinesePatient('p1'), encounter('e1', 'Patient/p1'), icd10Condition('c1', 'Patient/p1', 'Encounter/e1')]);
    const rec = m.records[1]!;
    expect(locate(rec, 'patient.idNumber')).toBe('Bundle.entry[0].resource.identifier[1].value');
    expect(locate(rec, 'patient.sex')).toBe('Bundle.entry[0].resource.gender');
    expect(locate(rec, 'diagnoses[0].code')).toBe('Bundle.entry[2].resource.code');
    expect(locate(rec, 'startAt')).toBe('Bundle.entry[1].resource.period.start');
    expect(locate(rec, 'somethingElse')).toBe('Bundle.entry[1].resource');
  });
});

describe('Observation and DiagnosticReport → lab-reports', () => {
  it('maps an Observation on its own to one report with one result', () => {
    const m = map([chinesePatient('p1'), labObservation('o1', 'Patient/p1', 'Encounter/e-prev', '2025-05-01T10:00:00+08:00')]);
    const r = recordOf(m, 1);
    expect(r).toMatchObject({
      sourceId: 'o1',
      encounterSourceId: 'e-prev',
      reportedAt: '2025-05-01T10:00:00+08:00',
      results: [{ itemCode: '2345-7', itemName: '葡萄糖', value: 7.8, unit: 'mmol/L', referenceRange: '3.9-6.1', abnormalFlag: 'H' }],
    });
    expect(validateIngestRecord('lab-reports', r).ok).toBe(true);
  });

  it('maps a blood-pressure panel to one result per component', () => {
    const bp: FhirJson = {
      resourceType: 'Observation',
      id: 'bp1',
      status: 'final',
      code: { coding: [{ system: 'http://loinc.org', code: '85354-9', display: 'Blood pressure panel' }] },
      subject: { reference: 'Patient/p1' },
      effectiveDateTime: '2025-05-01T10:00:00+08:00',
      component: [
        { code: { coding: [{ system: 'http://loinc.org', code: '8480-6', display: 'Systolic blood pressure' }] }, valueQuantity: { value: 142, unit: 'mm[Hg]' } },
        { code: { coding: [{ system: 'http://loinc.org', code: '8462-4', display: 'Diastolic blood pressure' }] }, valueQuantity: { value: 88, unit: 'mm[Hg]' } },
      ],
    };
    const r = recordOf(map([chinesePatient('p1'), bp]), 1);
    expect(r.results).toEqual([
      { itemCode: '8480-6', itemName: 'Systolic blood pressure', value: 142, unit: 'mm[Hg]' },
      { itemCode: '8462-4', itemName: 'Diastolic blood pressure', value: 88, unit: 'mm[Hg]' },
    ]);
  });

  it('maps a DiagnosticReport with its result Observations to one report; the Observations answer as parts', () => {
    const at = '2025-05-01T10:00:00+08:00';
    const report: FhirJson = {
      resourceType: 'DiagnosticReport',
      id: 'dr1',
      status: 'final',
      identifier: [{ value: '20250501B0001' }],
      code: { coding: [{ system: 'http://loinc.org', code: '24323-8' }], text: '生化全项' },
      subject: { reference: 'Patient/p1' },
      encounter: { reference: 'Encounter/e1' },
      effectiveDateTime: at,
      issued: '2025-05-01T11:00:00+08:00',
      result: [{ reference: 'Observation/o1' }, { reference: 'Observation/o2' }],
    };
    const m = map([chinesePatient('p1'), encounter('e1', 'Patient/p1'), report, labObservation('o1', 'Patient/p1', 'Encounter/e1', at), labObservation('o2', 'Patient/p1', 'Encounter/e1', at, '2160-0', '肌酐', 80, 'umol/L')]);
    const r = recordOf(m, 2);
    expect(r).toMatchObject({ sourceId: 'dr1', reportNo: '20250501B0001', encounterSourceId: 'e1', collectedAt: at, reportedAt: '2025-05-01T11:00:00+08:00' });
    expect((r.results as FhirJson[]).map((x) => x.itemCode)).toEqual(['2345-7', '2160-0']);
    expect(m.entries[3]).toMatchObject({ kind: 'part', records: [m.entries[2]!.kind === 'record' ? (m.entries[2] as { record: number }).record : -1] });
    expect(m.entries[4]?.kind).toBe('part');
    expect(locate(m.records[2]!, 'results[1].value')).toBe('Bundle.entry[4].resource.value');
  });

  it('answers a DiagnosticReport whose result is not in the bundle with FHIR.UNRESOLVED_REFERENCE', () => {
    const report: FhirJson = { resourceType: 'DiagnosticReport', id: 'dr1', status: 'final', code: { text: 'x' }, subject: { reference: 'Patient/p1' }, issued: '2025-05-01T11:00:00+08:00', result: [{ reference: 'Observation/gone' }] };
    const e = failed(map([chinesePatient('p1'), report]).entries[1]);
    expect(e.issues[0]).toMatchObject({ rule: 'FHIR.UNRESOLVED_REFERENCE', expression: ['Bundle.entry[1].resource.result[0]'] });
  });
});

describe('MedicationRequest and Immunization (Synthea sample)', () => {
  it('maps a MedicationRequest to a prescription with one item, RxNorm code kept, encounter by id', () => {
    // Lisinopril once a day, prescribed to another sample patient: re-pointed at ours.
    const req = synthea('MedicationRequest').find((r) => (r.dosageInstruction as FhirJson[] | undefined)?.some((d) => d.timing && Object.keys(d.timing as object).length > 0));
    expect(req).toBeDefined();
    req!.subject = { reference: `Patient/${SYNTHEA.withPassport}` };
    const r = recordOf(map([...syntheaOf(SYNTHEA.withPassport, 'Patient'), req!]), 1);
    const med = req!.medicationCodeableConcept as FhirJson;
    expect(r).toMatchObject({
      sourceId: req!.id,
      prescribedAt: req!.authoredOn,
      encounterSourceId: String((req!.encounter as FhirJson).reference).split('/')[1],
      patient: { idType: '03' },
      items: [{ drugCode: (med.coding as FhirJson[])[0]!.code, drugCodeSystem: 'http://www.nlm.nih.gov/research/umls/rxnorm', drugName: med.text, frequency: 'qd' }],
    });
    expect(validateIngestRecord('prescriptions', r).ok).toBe(true);
  });

  it('maps an Immunization with its CVX vaccine code and occurrence time', () => {
    const [imm] = syntheaOf(SYNTHEA.child, 'Immunization');
    const r = recordOf(map([...syntheaOf(SYNTHEA.child, 'Patient'), imm!]), 1);
    const vaccine = imm!.vaccineCode as FhirJson;
    expect(r).toMatchObject({
      sourceId: imm!.id,
      vaccineCode: (vaccine.coding as FhirJson[])[0]!.code,
      vaccineCodeSystem: 'http://hl7.org/fhir/sid/cvx',
      vaccineName: vaccine.text,
      administeredAt: imm!.occurrenceDateTime,
      patient: { idType: '99', sex: '1', birthDate: '2011-03-23' },
    });
    expect(validateIngestRecord('immunizations', r).ok).toBe(true);
  });

  it('does not store an Immunization that was not done', () => {
    const [imm] = syntheaOf(SYNTHEA.child, 'Immunization');
    const e = failed(map([...syntheaOf(SYNTHEA.child, 'Patient'), { ...imm!, status: 'not-done' }]).entries[1]);
    expect(e.issues[0]).toMatchObject({ rule: 'FHIR.NOT_MAPPED', expression: ['Bundle.entry[1].resource.status'] });
  });
});

describe('a whole Synthea patient', () => {
  it('gives every entry an outcome: records, parts, or a reason; unsupported types are "not supported"', () => {
    const id = SYNTHEA.withPassport;
    const resources = [
      ...syntheaOf(id, 'Patient'),
      ...syntheaOf(id, 'Encounter'),
      ...syntheaOf(id, 'Condition'),
      ...syntheaOf(id, 'Immunization'),
      ...syntheaOf(id, 'MedicationRequest'),
      ...synthea('Organization'),
    ];
    const m = map(resources);
    expect(m.entries).toHaveLength(resources.length);
    const byType = (t: string) => m.entries.filter((_, i) => resources[i]!.resourceType === t);
    expect(byType('Patient').every((e) => e.kind === 'record')).toBe(true);
    expect(byType('Encounter').every((e) => e.kind === 'record')).toBe(true);
    // Every Synthea Condition names an encounter of the same patient: all are diagnoses.
    expect(byType('Condition').every((e) => e.kind === 'part')).toBe(true);
    expect(byType('Immunization').every((e) => e.kind === 'record')).toBe(true);
    expect(byType('MedicationRequest').every((e) => e.kind === 'record')).toBe(true);
    expect(failed(byType('Organization')[0]).issues[0]).toMatchObject({ rule: 'FHIR.UNSUPPORTED_RESOURCE', type: 'not-supported' });
    expect(m.records.filter((r) => r.dataset === 'encounters').flatMap((r) => (r.record.diagnoses as unknown[] | undefined) ?? [])).toEqual([]);
    for (const r of m.records) expect({ sourceId: r.record.sourceId, shape: validateIngestRecord(r.dataset, r.record).ok }).toEqual({ sourceId: r.record.sourceId, shape: true });
  });

  it('answers entries that are not resources with 400, and interactions other than POST/PUT as not supported', () => {
    const m = mapBundle(
      {
        resourceType: 'Bundle',
        type: 'batch',
        entry: [null, { fullUrl: 'x' }, { resource: { id: 'a' } }, { resource: chinesePatient('p1'), request: { method: 'DELETE', url: 'Patient/p1' } }, { resource: { ...chinesePatient('p2'), id: undefined } }],
      },
      'batch',
    );
    expect(m.entries.map((e) => (e.kind === 'failed' ? [e.status, e.issues[0]!.rule] : e.kind))).toEqual([
      [400, 'FHIR.INVALID_RESOURCE'],
      [400, 'FHIR.INVALID_RESOURCE'],
      [400, 'FHIR.INVALID_RESOURCE'],
      [422, 'FHIR.UNSUPPORTED_INTERACTION'],
      [400, 'FHIR.INVALID_RESOURCE'],
    ]);
  });
});
