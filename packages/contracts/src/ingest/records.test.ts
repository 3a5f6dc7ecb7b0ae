import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DATASETS } from '../institutions/institutions';
import { INGEST_EXAMPLES } from './examples';
import { PatientRefSchema } from './fields';
import { IngestRecordSchemas, PersonRecordSchema } from './records';
import { validateIngestRecord } from './validate';

const clone = <T>(value: T): T => structuredClone(value);

/** GB 11643 check character (ISO 7064 MOD 11-2), computed here so the test does not lean on the domain package. */
function residentIdCheckChar(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((acc, digit, i) => acc + Number(digit) * (weights[i] ?? 0), 0);
  return '10X98765432'[sum % 11] ?? '';
}

describe('ingest record schemas', () => {
  it('has a schema and an example for every data set', () => {
    expect(Object.keys(IngestRecordSchemas).sort()).toEqual([...DATASETS].sort());
    expect(Object.keys(INGEST_EXAMPLES).sort()).toEqual([...DATASETS].sort());
  });

  it.each(DATASETS)('accepts the %s example', (dataset) => {
    const result = validateIngestRecord(dataset, INGEST_EXAMPLES[dataset]);
    expect(result).toMatchObject({ ok: true });
  });

  it('uses resident ID numbers that pass GB 11643 and agree with the sex and birth date sent', () => {
    const people = DATASETS.map((d) => {
      const example = INGEST_EXAMPLES[d] as Record<string, unknown>;
      return (d === 'persons' ? example : example.patient) as { idNumber: string; sex: string; birthDate: string } | undefined;
    }).filter((p) => p !== undefined);
    expect(people.length).toBe(DATASETS.length - 1);
    for (const p of people) {
      expect(p.idNumber).toMatch(/^\d{17}[\dX]$/);
      expect(residentIdCheckChar(p.idNumber.slice(0, 17))).toBe(p.idNumber[17]);
      expect(`${p.idNumber.slice(6, 10)}-${p.idNumber.slice(10, 12)}-${p.idNumber.slice(12, 14)}`).toBe(p.birthDate);
      expect(Number(p.idNumber[16]) % 2 === 1 ? '1' : '2').toBe(p.sex);
    }
  });

  it('accepts the standard examples 11010519491231002X and 440524188001010014', () => {
    for (const idNumber of ['11010519491231002X', '440524188001010014']) {
      expect(residentIdCheckChar(idNumber.slice(0, 17))).toBe(idNumber[17]);
      const record = { ...clone(INGEST_EXAMPLES.persons), idNumber };
      expect(PersonRecordSchema.safeParse(record).success).toBe(true);
    }
  });

  it('keeps extension fields at the top level and inside nested objects and lists', () => {
    const record = clone(INGEST_EXAMPLES.encounters) as Record<string, unknown> & { patient: object; diagnoses: object[] };
    record.hisExtension = { ward: '5病区', bed: '12' };
    record.patient = { ...record.patient, bloodType: 'A' };
    record.diagnoses = [{ ...record.diagnoses[0], tcmSyndrome: '风热犯肺证' }];
    const parsed = IngestRecordSchemas.encounters.parse(record);
    expect(parsed).toMatchObject({
      hisExtension: { ward: '5病区', bed: '12' },
      medicalPaymentType: '01',
      patient: { bloodType: 'A' },
      diagnoses: [{ tcmSyndrome: '风热犯肺证' }],
    });
  });

  it.each(DATASETS)('keeps an unknown field on a %s record', (dataset) => {
    const parsed = (IngestRecordSchemas[dataset] as z.ZodType).parse({ ...clone(INGEST_EXAMPLES[dataset]), x_local_code: 'K-17' });
    expect(parsed).toMatchObject({ x_local_code: 'K-17' });
  });

  it('defaults the identity document type to 01 (居民身份证)', () => {
    const { idType: _omitted, ...person } = clone(INGEST_EXAMPLES.persons);
    expect(PersonRecordSchema.parse(person).idType).toBe('01');
    const { idType: _alsoOmitted, ...patient } = clone(INGEST_EXAMPLES.encounters.patient);
    expect(PatientRefSchema.parse(patient).idType).toBe('01');
  });

  it('keeps coded elements as strings so cleansing can map free text (男 → 1) before the value-set rules', () => {
    const record = { ...clone(INGEST_EXAMPLES.persons), sex: '男', ethnicity: '汉族', maritalStatus: '已婚' };
    expect(validateIngestRecord('persons', record).ok).toBe(true);
    expect(validateIngestRecord('persons', { ...record, sex: 1 })).toMatchObject({ ok: false, errors: [{ path: 'sex', code: 'SHAPE_TYPE' }] });
  });

  it('treats null as absent for optional elements', () => {
    const record = { ...clone(INGEST_EXAMPLES.encounters), endAt: null, department: null, diagnoses: null, totalCost: null, version: null };
    expect(validateIngestRecord('encounters', record).ok).toBe(true);
  });

  it.each([
    '1958-03-17', '19580317', '1958/3/17', '1958.03.17', '2025-05-06 09:15:00', '2025-05-06 09:15', '20250506091500',
    '20250506T091500', '2025-05-06T09:15:00', '2025-05-06T09:15:00.123Z', '2025-05-06T09:15:00+08:00', '2025-05-06T09:15:00+0800',
    ' 2025-05-06 ',
  ])('accepts the loose date/time form %j', (value) => {
    const record = { ...clone(INGEST_EXAMPLES.encounters), startAt: value };
    expect(validateIngestRecord('encounters', record).ok).toBe(true);
  });

  it.each(['yesterday', '06/05/2025', '2025-05', '2025-05-06T', '2025年5月6日'])('rejects %j as a date/time with SHAPE_FORMAT', (value) => {
    const record = { ...clone(INGEST_EXAMPLES.encounters), startAt: value };
    expect(validateIngestRecord('encounters', record)).toMatchObject({ ok: false, errors: [{ path: 'startAt', code: 'SHAPE_FORMAT' }] });
  });

  it('accepts the reporting month as YYYY-MM or YYYYMM and nothing looser', () => {
    for (const period of ['2025-04', '202504', '2025/4']) {
      expect(validateIngestRecord('facility-resources', { ...clone(INGEST_EXAMPLES['facility-resources']), period }).ok).toBe(true);
    }
    expect(validateIngestRecord('facility-resources', { ...clone(INGEST_EXAMPLES['facility-resources']), period: 'April 2025' }))
      .toMatchObject({ ok: false, errors: [{ path: 'period', code: 'SHAPE_FORMAT' }] });
  });

  it('limits an encounter type to outpatient, emergency and inpatient', () => {
    const record = { ...clone(INGEST_EXAMPLES.encounters), type: 'home_visit' };
    expect(validateIngestRecord('encounters', record)).toMatchObject({ ok: false, errors: [{ path: 'type', code: 'SHAPE_INVALID_VALUE' }] });
  });

  it('accepts a lab result value as a number or as text', () => {
    const record = clone(INGEST_EXAMPLES['lab-reports']);
    record.results = [{ itemCode: 'HBsAg', value: '阴性' }, { itemCode: 'GLU', value: 5.6 }];
    expect(validateIngestRecord('lab-reports', record).ok).toBe(true);
    expect(validateIngestRecord('lab-reports', { ...record, results: [{ itemCode: 'GLU', value: { v: 5.6 } }] })).toMatchObject({ ok: false, errors: [{ path: 'results[0].value', code: 'SHAPE_TYPE' }] });
  });

  it('accepts a disease report naming the disease by Chinese name only or by ICD-10 only', () => {
    const { icd10: _icd10, ...byName } = clone(INGEST_EXAMPLES['disease-reports']);
    const { disease: _disease, ...byCode } = clone(INGEST_EXAMPLES['disease-reports']);
    expect(validateIngestRecord('disease-reports', byName).ok).toBe(true);
    expect(validateIngestRecord('disease-reports', byCode).ok).toBe(true);
    expect(validateIngestRecord('disease-reports', { ...byName, outcome: 'death', deathDate: '2025-05-20' }).ok).toBe(true);
  });

  it('rejects a disease report with neither disease nor icd10 at path disease', () => {
    const { disease: _d, icd10: _i, ...card } = clone(INGEST_EXAMPLES['disease-reports']);
    expect(validateIngestRecord('disease-reports', { ...card, icd10: '  ' })).toMatchObject({
      ok: false,
      errors: [{ path: 'disease', code: 'SHAPE_REQUIRED' }],
    });
  });

  it('reports the missing disease together with other shape errors', () => {
    const { disease: _d, icd10: _i, ...card } = clone(INGEST_EXAMPLES['disease-reports']);
    const result = validateIngestRecord('disease-reports', { ...card, patient: undefined });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.path).sort()).toEqual(['disease', 'patient']);
  });

  it('rejects a sourceId longer than 64 characters', () => {
    const record = { ...clone(INGEST_EXAMPLES.immunizations), sourceId: 'x'.repeat(65) };
    expect(validateIngestRecord('immunizations', record)).toMatchObject({ ok: false, errors: [{ path: 'sourceId', code: 'SHAPE_TOO_LONG' }] });
  });

  it('rejects a version that is negative or not an integer', () => {
    for (const version of [-1, 1.5]) {
      const record = { ...clone(INGEST_EXAMPLES.contracts), version };
      expect(validateIngestRecord('contracts', record)).toMatchObject({ ok: false, errors: [{ path: 'version', code: 'SHAPE_OUT_OF_RANGE' }] });
    }
  });

  it('describes every element of every record schema for the OpenAPI docs', () => {
    const undocumented: string[] = [];
    const walk = (node: Record<string, unknown>, path: string) => {
      const properties = node.properties as Record<string, Record<string, unknown>> | undefined;
      for (const [key, child] of Object.entries(properties ?? {})) {
        const childPath = path ? `${path}.${key}` : key;
        if (typeof child.description !== 'string' || child.description === '') undocumented.push(childPath);
        walk(child, childPath);
        if (child.items) walk(child.items as Record<string, unknown>, `${childPath}[]`);
      }
    };
    for (const dataset of DATASETS) {
      const json = z.toJSONSchema(IngestRecordSchemas[dataset], { target: 'openapi-3.0', io: 'input' }) as Record<string, unknown>;
      expect(json.description).toMatch(new RegExp(`^${dataset} — `));
      walk(json, dataset);
    }
    expect(undocumented).toEqual([]);
  });
});
