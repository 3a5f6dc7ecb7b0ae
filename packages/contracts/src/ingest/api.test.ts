import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { BatchStatusSchema, IngestRequestSchema, IngestResponseSchema, RecordErrorSchema } from './api';
import { INGEST_EXAMPLES } from './examples';
import { INGEST_MAX_RECORDS } from './fields';
import { formatIssuePath, sourceIdOf, toRecordErrors, validateIngestRecords } from './validate';

describe('ingest request envelope', () => {
  it('accepts 1 to 5,000 records of any shape (each record is checked on its own)', () => {
    expect(IngestRequestSchema.safeParse({ records: [{}] }).success).toBe(true);
    expect(IngestRequestSchema.safeParse({ records: Array.from({ length: INGEST_MAX_RECORDS }, () => 'not even an object') }).success).toBe(true);
  });

  it('rejects 5,001 records', () => {
    const result = IngestRequestSchema.safeParse({ records: Array.from({ length: 5001 }, () => ({})) });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toMatchObject([{ code: 'too_big', path: ['records'], maximum: 5000 }]);
  });

  it('rejects an empty list, a missing list and a list that is not an array', () => {
    for (const body of [{ records: [] }, {}, { records: { 0: {} } }, null]) {
      expect(IngestRequestSchema.safeParse(body).success).toBe(false);
    }
  });
});

describe('per-record validation', () => {
  it('rejects only the bad records of a batch and locates each error by index, sourceId and path', () => {
    const good = INGEST_EXAMPLES.encounters;
    const { idNumber: _missing, ...patientWithoutId } = good.patient;
    const records = [good, { ...good, sourceId: 'ZY-2', patient: patientWithoutId }, { ...good, sourceId: 'ZY-3' }, 42];
    const result = validateIngestRecords('encounters', records);
    expect(result.accepted.map((a) => a.index)).toEqual([0, 2]);
    expect(result.rejected).toEqual([1, 3]);
    expect(result.errors).toEqual([
      expect.objectContaining({ index: 1, sourceId: 'ZY-2', path: 'patient.idNumber', code: 'SHAPE_REQUIRED' }),
      expect.objectContaining({ index: 3, sourceId: null, path: '', code: 'SHAPE_TYPE' }),
    ]);
    for (const error of result.errors) expect(RecordErrorSchema.safeParse(error).success).toBe(true);
  });

  it('answers in English and Chinese', () => {
    const { errors } = validateIngestRecords('persons', [{ ...INGEST_EXAMPLES.persons, birthDate: '17/03/1958' }]);
    expect(errors).toEqual([
      expect.objectContaining({
        path: 'birthDate',
        code: 'SHAPE_FORMAT',
        message: expect.stringContaining('2025-05-06'),
        messageZh: expect.stringContaining('格式错误'),
      }),
    ]);
  });

  it('reports an empty results list as a missing required element', () => {
    const { errors } = validateIngestRecords('lab-reports', [{ ...INGEST_EXAMPLES['lab-reports'], results: [] }]);
    expect(errors).toMatchObject([{ path: 'results', code: 'SHAPE_REQUIRED' }]);
  });

  it('reports list elements by their index', () => {
    const items = [INGEST_EXAMPLES.prescriptions.items[0], { drugCode: 'YP1', days: 'seven' }];
    const { errors } = validateIngestRecords('prescriptions', [{ ...INGEST_EXAMPLES.prescriptions, items }]);
    expect(errors.map((e) => [e.path, e.code])).toEqual([
      ['items[1].drugName', 'SHAPE_REQUIRED'],
      ['items[1].days', 'SHAPE_TYPE'],
    ]);
  });

  it('caps the errors of one record', () => {
    const garbage = Object.fromEntries(['sourceId', 'idNumber', 'name', 'sex', 'birthDate', 'phone', 'address'].map((k) => [k, 1]));
    const { errors } = validateIngestRecords('persons', [garbage], { maxPerRecord: 3 });
    expect(errors).toHaveLength(3);
  });

  it('keeps the sourceId as sent for the error report', () => {
    expect(sourceIdOf({ sourceId: 'A-1' })).toBe('A-1');
    expect(sourceIdOf({ sourceId: 1017 })).toBe('1017');
    expect(sourceIdOf({ sourceId: { id: 1 } })).toBeNull();
    expect(sourceIdOf([])).toBeNull();
  });

  it('formats paths with dots and list indexes', () => {
    expect(formatIssuePath(['patient', 'idNumber'])).toBe('patient.idNumber');
    expect(formatIssuePath(['diagnoses', 0, 'code'])).toBe('diagnoses[0].code');
    expect(formatIssuePath([])).toBe('');
  });

  it('maps an issue without a recognisable path value by its zod code', () => {
    const issues = z.object({ n: z.number().max(5) }).safeParse({ n: 9 }).error?.issues ?? [];
    expect(toRecordErrors(4, { sourceId: 's', n: 9 }, issues)).toEqual([
      expect.objectContaining({ index: 4, sourceId: 's', path: 'n', code: 'SHAPE_OUT_OF_RANGE' }),
    ]);
  });
});

describe('ingest answers', () => {
  it('describes the 202 answer', () => {
    const answer = {
      batchId: '5f0c6d1e-8a53-4a3e-9d5c-2b7f7f0f9a11',
      received: 2,
      accepted: 1,
      rejected: 1,
      errors: [{ index: 1, sourceId: 'ZY-2', path: 'patient.idNumber', code: 'SHAPE_REQUIRED', message: 'Required element "patient.idNumber" is missing' }],
    };
    expect(IngestResponseSchema.parse(answer)).toEqual(answer);
  });

  it('describes the batch status with counts and per-record outcomes', () => {
    const status = {
      batchId: '5f0c6d1e-8a53-4a3e-9d5c-2b7f7f0f9a11',
      dataset: 'lab-reports',
      channel: 'rest',
      status: 'done',
      counts: { received: 3, accepted: 3, stored: 2, linked: 2, rejected: 0, inReview: 0, failed: 0, parked: 1, noop: 0 },
      outcomes: [
        { index: 0, sourceId: 'LIS-1', status: 'linked', errors: [], masterPersonId: '1024' },
        { index: 1, sourceId: 'LIS-2', status: 'linked', errors: [{ path: 'results[0].unit', code: 'LAB_UNIT_UNKNOWN', message: 'Unknown unit', messageZh: '单位未知', severity: 'warning' }] },
        { index: 2, sourceId: 'LIS-3', status: 'parked', errors: [] },
      ],
      createdAt: '2025-05-06T01:02:03.000Z',
      startedAt: '2025-05-06T01:02:03.100Z',
      finishedAt: '2025-05-06T01:02:03.900Z',
    };
    expect(BatchStatusSchema.parse(status)).toEqual(status);
    expect(BatchStatusSchema.safeParse({ ...status, status: 'stuck' }).success).toBe(false);
  });

  it('generates OpenAPI schemas for the request and the answers', () => {
    for (const schema of [IngestRequestSchema, IngestResponseSchema, BatchStatusSchema]) {
      expect(() => z.toJSONSchema(schema, { target: 'openapi-3.0' })).not.toThrow();
    }
  });
});
