import { describe, expect, it } from 'vitest';
import { generateResidentId } from '../identifiers/resident-id-generate';
import { checkRecord } from './check-record';
import { checkIdentity } from './checks/identity';
import { isOnTime } from './checks/timeliness';

const receivedAt = '2024-05-02T10:00:00+08:00';
const ID = generateResidentId({ regionCode: '511002', birthDate: '1980-06-15', sequence: 12, sex: '1' });
const patient = { idType: '01', idNumber: ID, name: '王小明', sex: '1', birthDate: '1980-06-15' };

const rules = (r: ReturnType<typeof checkRecord>) => r.findings.map((f) => `${f.rule}@${f.path}`);

describe('checkIdentity', () => {
  it('passes an ID number that agrees with sex and birth date', () => {
    expect(checkIdentity(patient, '', '2024-05-02')).toEqual([]);
  });

  it('reports a wrong check character as ID.CHECKSUM', () => {
    const bad = ID.slice(0, 17) + (ID[17] === '0' ? '1' : '0');
    expect(checkIdentity({ ...patient, idNumber: bad }, 'patient.').map((f) => f.rule)).toEqual(['ID.CHECKSUM']);
  });

  it('reports birth date and sex that disagree with the number', () => {
    const f = checkIdentity({ ...patient, birthDate: '1980-06-16', sex: '2' }, 'patient.', '2024-05-02');
    expect(f.map((x) => `${x.rule}@${x.path}`)).toEqual(['ID.BIRTHDATE_MISMATCH@patient.birthDate', 'ID.SEX_MISMATCH@patient.sex']);
  });

  it('does not compare sex codes 0 and 9', () => {
    expect(checkIdentity({ ...patient, sex: '9' }, '', '2024-05-02')).toEqual([]);
  });

  it('warns about a 15-digit number and still checks it', () => {
    expect(checkIdentity({ idNumber: '110105491231002', sex: '2', birthDate: '1949-12-31' }).map((f) => f.rule)).toEqual(['ID.LEGACY_15']);
  });

  it('skips GB 11643 rules for other documents and flags unknown document types', () => {
    expect(checkIdentity({ idType: '03', idNumber: 'E12345678' })).toEqual([]);
    expect(checkIdentity({ idType: '42', idNumber: ID }).map((f) => f.rule)).toEqual(['VS.ID_TYPE']);
  });
});

describe('checkRecord', () => {
  const encounter = {
    sourceId: 'E1',
    patient,
    type: 'inpatient',
    startAt: '2024-05-02T08:00:00+08:00',
    endAt: '2024-05-02T09:30:00+08:00',
    department: '心内科',
    diagnoses: [{ code: 'I10.X00', name: '高血压' }],
  };

  it('accepts a clean encounter received on time', () => {
    const r = checkRecord('encounters', encounter, { receivedAt });
    expect(r.findings).toEqual([]);
    expect(r).toMatchObject({ rejected: false, missingRequired: false, elementsFailed: 0, onTime: true });
    expect(r.elementsChecked).toBeGreaterThanOrEqual(8);
  });

  it('rejects a missing required element and counts it for completeness', () => {
    const r = checkRecord('encounters', { ...encounter, patient: { ...patient, name: ' ' } }, { receivedAt });
    expect(rules(r)).toEqual(['REQ.MISSING@patient.name']);
    expect(r).toMatchObject({ rejected: true, missingRequired: true });
  });

  it('keeps a record that only lacks recommended elements', () => {
    const r = checkRecord('encounters', { ...encounter, department: undefined, diagnoses: [] }, { receivedAt });
    expect(rules(r)).toEqual(['REQ.RECOMMENDED_MISSING@department', 'REQ.RECOMMENDED_MISSING@diagnoses']);
    expect(r.rejected).toBe(false);
  });

  it('requires the identity document number, as the ingest contract does', () => {
    const { idNumber: _omit, ...noId } = patient;
    const r = checkRecord('encounters', { ...encounter, patient: noId }, { receivedAt });
    expect(rules(r)).toEqual(['REQ.MISSING@patient.idNumber']);
    expect(r.rejected).toBe(true);
  });

  it('checks value sets, ICD-10 shape and empty diagnosis lists', () => {
    const r = checkRecord('encounters', { ...encounter, type: 'day-care', patient: { ...patient, sex: 'M' }, diagnoses: [{ code: '38341003', name: '高血压' }] }, { receivedAt });
    expect(rules(r)).toEqual(['VS.SEX@patient.sex', 'VS.ENCOUNTER_TYPE@type', 'ICD10.FORMAT@diagnoses[0].code']);
    expect(r.elementsFailed).toBe(3);
    const lab = { patient, reportedAt: '2024-05-02T09:00:00+08:00', encounterSourceId: 'E1', results: [] };
    expect(rules(checkRecord('lab-reports', lab, { receivedAt }))).toEqual(['REQ.EMPTY_LIST@results']);
    const labOk = { ...lab, results: [{ itemCode: 'GLU', itemName: '葡萄糖', value: 5.6 }] };
    expect(rules(checkRecord('lab-reports', labOk, { receivedAt }))).toEqual([]);
  });

  it('applies time logic: discharge before admission, future events, events before birth', () => {
    expect(rules(checkRecord('encounters', { ...encounter, endAt: '2024-05-02T07:00:00+08:00' }, { receivedAt }))).toEqual(['TIME.END_BEFORE_START@endAt']);
    const future = checkRecord('encounters', { ...encounter, startAt: '2024-05-03T09:00:00+08:00', endAt: undefined }, { receivedAt });
    expect(rules(future)).toEqual(['TIME.FUTURE@startAt']);
    const beforeBirth = checkRecord('encounters', { ...encounter, startAt: '1979-01-01T09:00:00+08:00', endAt: undefined }, { receivedAt });
    expect(rules(beforeBirth)).toEqual(['TIME.BEFORE_BIRTH@startAt', 'TIMELINESS.LATE@startAt']);
  });

  it('tolerates a few minutes of clock skew', () => {
    const r = checkRecord('encounters', { ...encounter, startAt: '2024-05-02T10:05:00+08:00', endAt: undefined }, { receivedAt });
    expect(r.findings).toEqual([]);
  });

  it('flags late arrival against the agreed delay', () => {
    const late = checkRecord('encounters', encounter, { receivedAt: '2024-05-03T16:00:00+08:00' });
    expect(late.findings.map((f) => f.severity)).toEqual(['warning']);
    expect(rules(late)).toEqual(['TIMELINESS.LATE@startAt']);
    expect(late).toMatchObject({ rejected: false, onTime: false });
    expect(checkRecord('encounters', encounter, { receivedAt: '2024-05-03T16:00:00+08:00', timelinessHours: 72 }).onTime).toBe(true);
  });

  it('validates person records: phone, ethnicity, region and identity together', () => {
    const r = checkRecord('persons', { ...patient, phone: '12345', ethnicity: '57', maritalStatus: '20', regionCode: '991000' }, { receivedAt });
    expect(rules(r)).toEqual(['FMT.PHONE@phone', 'VS.ETHNICITY@ethnicity', 'FMT.REGION_CODE@regionCode']);
    expect(r.rejected).toBe(false);
  });

  it('rejects names longer than A..50', () => {
    expect(rules(checkRecord('persons', { ...patient, phone: '13812345678', name: '张'.repeat(51) }, { receivedAt }))).toEqual(['FMT.TOO_LONG@name']);
  });

  describe('disease report cards', () => {
    const card = {
      patient,
      disease: '乙型肝炎',
      icd10: 'B18.101',
      diagnosisDate: '2024-05-01',
      reportedAt: '2024-05-01T16:00:00+08:00',
      finalReviewAt: '2024-05-02T09:00:00+08:00',
    };

    it('classify the disease and accept a consistent card', () => {
      const r = checkRecord('disease-reports', card, { receivedAt });
      expect(r.findings).toEqual([]);
      expect(r.disease).toMatchObject({ code: 'hepatitis_b', diseaseClass: 'B', parent: 'hepatitis' });
    });

    it('need a disease name or an ICD-10 code, and a death date for a death', () => {
      const r = checkRecord('disease-reports', { ...card, disease: '', icd10: undefined, outcome: 'death' }, { receivedAt });
      expect(rules(r)).toEqual(['REQ.CONDITIONAL_MISSING@disease', 'REQ.CONDITIONAL_MISSING@deathDate']);
    });

    it('reject a card for a disease that is not notifiable', () => {
      expect(rules(checkRecord('disease-reports', { ...card, disease: undefined, icd10: 'I10' }, { receivedAt }))).toEqual(['DISEASE.UNKNOWN@icd10']);
    });

    it('warn when name and code disagree and when the report is late', () => {
      const r = checkRecord('disease-reports', { ...card, icd10: 'A15.0', reportedAt: '2024-05-03T09:00:00+08:00', finalReviewAt: undefined }, { receivedAt: '2024-05-04T10:00:00+08:00' });
      expect(rules(r)).toEqual(['DISEASE.NAME_CODE_CONFLICT@icd10', 'TIMELINESS.DISEASE_REPORT_LATE@reportedAt', 'TIMELINESS.LATE@reportedAt']);
    });

    it('reject dates out of order', () => {
      const r = checkRecord('disease-reports', { ...card, onsetDate: '2024-05-02', reportedAt: '2024-04-30T16:00:00+08:00', finalReviewAt: '2024-04-30T10:00:00+08:00' }, { receivedAt });
      expect(rules(r)).toEqual(['TIME.SEQUENCE@diagnosisDate', 'TIME.SEQUENCE@reportedAt', 'TIME.SEQUENCE@finalReviewAt', 'TIMELINESS.LATE@reportedAt']);
    });
  });

  it('flags implausible follow-up values', () => {
    const r = checkRecord('followups', { patient, disease: 'hypertension', followupAt: '2024-05-02T08:00:00+08:00', sbp: 400, dbp: 90 }, { receivedAt });
    expect(rules(r)).toEqual(['RANGE.IMPLAUSIBLE@sbp']);
  });

  it('requires the registration date only when a registration is sent, and allows a future next follow-up', () => {
    const f = { patient, disease: 'hypertension', followupAt: '2024-05-02T08:00:00+08:00', nextFollowupAt: '2024-08-01' };
    expect(checkRecord('followups', f, { receivedAt }).findings).toEqual([]);
    expect(rules(checkRecord('followups', { ...f, registration: { icd10: 'I10' } }, { receivedAt }))).toEqual(['REQ.MISSING@registration.registeredAt']);
  });

  it('checks resource reports without a person', () => {
    const r = checkRecord('facility-resources', { period: '2024-04', bedsOpen: 500, openBedDays: 15000, occupiedBedDays: 40000, largeEquipment: [{ name: 'CT' }] }, { receivedAt });
    expect(rules(r)).toEqual(['REQ.MISSING@largeEquipment[0].count', 'RANGE.IMPLAUSIBLE@occupiedBedDays']);
    expect(r.onTime).toBe(true);
  });
});

describe('timeliness', () => {
  it('counts date-only events from the end of the day', () => {
    expect(isOnTime('2024-05-01', '2024-05-02T23:00:00+08:00')).toBe(true);
    expect(isOnTime('2024-05-01', '2024-05-03T01:00:00+08:00')).toBe(false);
    expect(isOnTime('2024-05-01T09:00:00+08:00', '2024-05-02T09:00:00+08:00')).toBe(true);
    expect(isOnTime('2024-05-01T09:00:00+08:00', '2024-05-02T09:00:01+08:00')).toBe(false);
    expect(isOnTime('garbage', '2024-05-02T09:00:00+08:00')).toBeNull();
  });
});
