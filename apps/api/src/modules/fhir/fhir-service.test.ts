import { describe, expect, it } from 'vitest';
import type { Dataset, IngestResponse } from '@rhip/contracts';
import { checkIngestRecord } from '@rhip/domain';
import { bundleOf, chinesePatient, icd10Condition, labObservation, SYNTHEA, synthea, syntheaEncountersWithConditions, syntheaOf } from './fhir-fixtures';
import { FhirRequestError } from './fhir-outcome';
import { createFhirService } from './fhir-service';
import type { FhirJson, ResponseBundle } from './fhir-types';

/** An ingest service double that checks records as the real one does and remembers what was submitted. */
function fakeIngest() {
  const calls: { dataset: Dataset; records: unknown[]; channel: string; receivedAt?: Date }[] = [];
  return {
    calls,
    async submit(input: { institutionId: string; dataset: Dataset; records: unknown[]; channel: 'rest' | 'fhir'; requestId: string; receivedAt?: Date }): Promise<IngestResponse> {
      calls.push({ dataset: input.dataset, records: input.records, channel: input.channel, receivedAt: input.receivedAt });
      const errors = input.records.flatMap((raw, index) => {
        const c = checkIngestRecord(input.dataset, raw, { receivedAt: input.receivedAt ?? new Date() });
        return c.issues.filter((i) => i.severity === 'error').map((i) => ({ index, sourceId: c.sourceId, path: i.path, code: i.code, message: i.message, messageZh: i.messageZh, severity: i.severity }));
      });
      const rejected = new Set(errors.map((e) => e.index)).size;
      return { batchId: `batch-${input.dataset}`, received: input.records.length, accepted: input.records.length - rejected, rejected, errors };
    },
  };
}

const encounter = (id: string, patientRef: string): FhirJson => ({
  resourceType: 'Encounter',
  id,
  status: 'finished',
  class: { code: 'AMB' },
  subject: { reference: patientRef },
  period: { start: '2025-05-01T09:00:00+08:00' },
});

const input = (body: unknown) => ({ institutionId: 'inst-1', body, requestId: 'req-1', receivedAt: new Date('2025-05-01T12:00:00+08:00') });

describe('fhir service', () => {
  it('submits persons first, then encounters, then the rest, one batch per data set, through the fhir channel', async () => {
    const ingest = fakeIngest();
    const fhir = createFhirService({ ingest });
    const at = '2025-05-01T10:00:00+08:00';
    await fhir.submitBundle(
      input(bundleOf([labObservation('o1', 'Patient/p1', 'Encounter/e1', at), encounter('e1', 'Patient/p1'), chinesePatient('p1'), icd10Condition('c1', 'Patient/p1', 'Encounter/e1')])),
    );
    expect(ingest.calls.map((c) => [c.dataset, c.records.length, c.channel])).toEqual([
      ['persons', 1, 'fhir'],
      ['encounters', 1, 'fhir'],
      ['lab-reports', 1, 'fhir'],
    ]);
    expect(ingest.calls[0]!.receivedAt?.toISOString()).toBe('2025-05-01T04:00:00.000Z');
  });

  it('answers one entry per request entry, in order: 202 with the batch, or 4xx with an OperationOutcome', async () => {
    const ingest = fakeIngest();
    const fhir = createFhirService({ ingest });
    const bad = chinesePatient('p2', { idNumber: '511011197211053624', family: '李', given: '秀英', gender: 'female', birthDate: '1972-11-05' });
    const answer = await fhir.submitBundle(
      input(
        bundleOf([
          chinesePatient('p1'),
          encounter('e1', 'Patient/p1'),
          icd10Condition('c1', 'Patient/p1', 'Encounter/e1'),
          bad,
          encounter('e2', 'Patient/nobody'),
          ...synthea('Organization'),
        ]),
      ),
    );
    expect(answer).toMatchObject({ resourceType: 'Bundle', type: 'batch-response', id: 'req-1' });
    expect(answer.entry.map((e) => [e.response.status, e.response.location ?? null])).toEqual([
      ['202 Accepted', '/api/v1/ingest/batches/batch-persons'],
      ['202 Accepted', '/api/v1/ingest/batches/batch-encounters'],
      ['202 Accepted', '/api/v1/ingest/batches/batch-encounters'],
      ['422 Unprocessable Entity', null],
      ['422 Unprocessable Entity', null],
      ['422 Unprocessable Entity', null],
    ]);
    for (const e of answer.entry) expect(e.response.outcome.resourceType).toBe('OperationOutcome');
    const checksum = answer.entry[3]!.response.outcome.issue[0]!;
    expect(checksum).toMatchObject({
      severity: 'error',
      code: 'value',
      details: { coding: [{ system: 'urn:rhip:rule', code: 'ID.CHECKSUM' }], text: expect.any(String) },
      expression: ['Bundle.entry[3].resource.identifier[1].value'],
    });
    expect(checksum.diagnostics).toMatch(/^ID\.CHECKSUM: idNumber: /);
    expect(answer.entry[4]!.response.outcome.issue[0]).toMatchObject({ code: 'not-found', diagnostics: expect.stringMatching(/^FHIR\.UNRESOLVED_REFERENCE: subject/) });
    expect(answer.entry[5]!.response.outcome.issue[0]).toMatchObject({ code: 'not-supported' });
    expect(answer.entry[2]!.response.outcome.issue.map((i) => i.details?.coding[0]?.code)).toContain('FHIR.MAPPED_AS_PART');
  });

  it('carries the mapping and domain warnings of accepted Synthea entries (SNOMED CT kept, US phone, late)', async () => {
    const fhir = createFhirService({ ingest: fakeIngest() });
    const [first] = syntheaEncountersWithConditions(SYNTHEA.withPassport);
    const answer: ResponseBundle = await fhir.submitBundle(input(bundleOf([...syntheaOf(SYNTHEA.withPassport, 'Patient'), first!.encounter, ...first!.conditions])));
    const enc = answer.entry[1]!.response;
    expect(enc.status).toBe('202 Accepted');
    const codes = enc.outcome.issue.map((i) => `${i.severity} ${i.details?.coding[0]?.code}`);
    expect(codes).toEqual(expect.arrayContaining(['warning FHIR.CODE_NOT_ICD10', 'warning FMT.PHONE', 'warning TIMELINESS.LATE', 'information FHIR.ACCEPTED']));
    expect(enc.outcome.issue.find((i) => i.details?.coding[0]?.code === 'FMT.PHONE')?.expression?.[0]).toMatch(/^Bundle\.entry\[0\]\.resource\.telecom\[\d+\]$/);
    // Issues sorted: warnings before information.
    expect(enc.outcome.issue.at(-1)?.severity).toBe('information');
    expect(answer.entry[2]!.response).toMatchObject({ status: '202 Accepted', location: '/api/v1/ingest/batches/batch-encounters' });
  });

  it('applies a transaction all or nothing: one problem and nothing is submitted', async () => {
    const ingest = fakeIngest();
    const fhir = createFhirService({ ingest });
    const err = await fhir.submitBundle(input(bundleOf([chinesePatient('p1'), encounter('e1', 'Patient/nobody')], 'transaction'))).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FhirRequestError);
    expect((err as FhirRequestError).statusCode).toBe(422);
    expect((err as FhirRequestError).issues[0]).toMatchObject({ rule: 'FHIR.UNRESOLVED_REFERENCE' });
    expect(ingest.calls).toEqual([]);

    const ok = await fhir.submitBundle(input(bundleOf([chinesePatient('p1'), encounter('e1', 'Patient/p1')], 'transaction')));
    expect(ok.type).toBe('transaction-response');
    expect(ok.entry.map((e) => e.response.status)).toEqual(['202 Accepted', '202 Accepted']);
  });

  it('answers a body that is not a batch or transaction Bundle with a 400 FhirRequestError', async () => {
    const fhir = createFhirService({ ingest: fakeIngest() });
    await expect(fhir.submitBundle(input({ resourceType: 'Bundle', type: 'searchset', entry: [] }))).rejects.toMatchObject({ statusCode: 400, code: 'FHIR.INVALID_BUNDLE' });
  });
});
