import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, buildTestApp, json } from '../../../test/helper';
import { startWorker, waitFor, type WorkerProcess } from '../../../test/processes';
import { createInstitutionWithKey } from '../ingest/ingest-fixtures';
import { SYNTHEA, ZHANG_JIANGUO, bundleOf, chinesePatient, icd10Condition, labObservation, synthea, syntheaEncountersWithConditions, syntheaOf } from './fhir-fixtures';
import type { FhirJson, OperationOutcome, ResponseBundle } from './fhir-types';

let app: FastifyInstance;
let worker: WorkerProcess;
let inst: { id: string; key: string };

function postFhir(body: unknown, opts: { key?: string | null; contentType?: string } = {}): Promise<LightMyRequestResponse> {
  const key = opts.key === undefined ? inst.key : opts.key;
  return app.inject({
    method: 'POST',
    url: '/fhir/R4',
    headers: { ...(key ? bearer(key) : {}), 'content-type': opts.contentType ?? 'application/fhir+json' },
    payload: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

async function batchDone(batchId: string): Promise<{ status: string; channel: string; counts: Record<string, number>; outcomes: { status: string; sourceId: string | null }[] }> {
  return waitFor(
    async () => {
      const res = await app.inject({ method: 'GET', url: `/api/v1/ingest/batches/${batchId}`, headers: bearer(inst.key) });
      const body = json<{ status: string; channel: string; counts: Record<string, number>; outcomes: { status: string; sourceId: string | null }[] }>(res);
      return body.status === 'done' || body.status === 'failed' ? body : null;
    },
    { what: `batch ${batchId} done` },
  );
}

const codesOf = (o: OperationOutcome) => o.issue.map((i) => i.details?.coding[0]?.code);

beforeAll(async () => {
  ({ app } = await buildTestApp());
  inst = await createInstitutionWithKey(app, 'FHIR测试医院');
  // One batch at a time, in the order the endpoint submitted them (persons first). With concurrent batches the
  // worker can create two master persons for one passport/SSN patient (see README.md, "Known limits").
  worker = startWorker({ DATABASE_URL: process.env.DATABASE_URL!, QUEUE_PREFIX: process.env.QUEUE_PREFIX!, WORKER_CONCURRENCY: '1' });
});

afterAll(async () => {
  await worker?.stop();
  await app.close();
});

/** One Synthea patient's Patient, two encounters with their SNOMED conditions, two immunizations, a prescription and a lab Observation. */
function patientResources(patientId: string): FhirJson[] {
  const encounters = syntheaEncountersWithConditions(patientId).slice(0, 2);
  const first = encounters[0]!.encounter;
  const [prescription] = synthea('MedicationRequest').filter((r) => (r.subject as { reference: string }).reference === `Patient/${patientId}`);
  // Prescribed during the first encounter of the bundle, so it is stored with it rather than parked.
  prescription!.encounter = { reference: `Encounter/${String(first.id)}` };
  const start = String((first.period as FhirJson).start);
  return [
    ...syntheaOf(patientId, 'Patient'),
    ...encounters.flatMap((e) => [e.encounter, ...e.conditions]),
    ...syntheaOf(patientId, 'Immunization').slice(0, 2),
    prescription!,
    labObservation(`obs-${patientId.slice(0, 8)}`, `Patient/${patientId}`, `Encounter/${String(first.id)}`, start),
  ];
}

describe('POST /fhir/R4', () => {
  it('round-trips Synthea patients: an outcome per entry, batches done, records linked to one master person per patient', async () => {
    const a = patientResources(SYNTHEA.withPassport);
    const b = patientResources(SYNTHEA.child);
    const organization = synthea('Organization')[0]!;
    const orphan: FhirJson = { ...syntheaOf(SYNTHEA.child, 'Encounter')[0]!, id: 'orphan-encounter', subject: { reference: 'Patient/not-in-this-bundle' } };
    const resources = [...a, ...b, organization, orphan];
    const res = await postFhir(bundleOf(resources));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/fhir+json');
    const answer = json<ResponseBundle>(res);
    expect(answer).toMatchObject({ resourceType: 'Bundle', type: 'batch-response' });
    expect(answer.entry).toHaveLength(resources.length);
    for (const e of answer.entry) expect(e.response.outcome).toMatchObject({ resourceType: 'OperationOutcome', issue: expect.any(Array) });

    const statuses = answer.entry.map((e, i) => `${String(resources[i]!.resourceType)} ${e.response.status}`);
    expect(statuses.slice(0, -2).every((s) => s.endsWith('202 Accepted'))).toBe(true);
    expect(statuses.slice(-2)).toEqual(['Organization 422 Unprocessable Entity', 'Encounter 422 Unprocessable Entity']);
    expect(answer.entry.at(-2)!.response.outcome.issue[0]).toMatchObject({ code: 'not-supported' });
    expect(answer.entry.at(-1)!.response.outcome.issue[0]).toMatchObject({ code: 'not-found', expression: [`Bundle.entry[${resources.length - 1}].resource.subject`] });
    expect(codesOf(answer.entry.at(-1)!.response.outcome)).toEqual(['FHIR.UNRESOLVED_REFERENCE']);
    // SNOMED CT conditions: kept, with a warning on the condition.
    const condition = resources.findIndex((r) => r.resourceType === 'Condition');
    expect(codesOf(answer.entry[condition]!.response.outcome)).toContain('FHIR.CODE_NOT_ICD10');

    const batches = [...new Set(answer.entry.flatMap((e) => (e.response.location ? [e.response.location.split('/').at(-1)!] : [])))];
    expect(batches).toHaveLength(5); // persons, encounters, lab-reports, prescriptions, immunizations
    for (const batchId of batches) {
      const s = await batchDone(batchId);
      expect({ batchId, status: s.status, channel: s.channel, rejected: s.counts.rejected, failed: s.counts.failed }).toEqual({ batchId, status: 'done', channel: 'fhir', rejected: 0, failed: 0 });
    }

    for (const [patientId, list] of [[SYNTHEA.withPassport, a], [SYNTHEA.child, b]] as const) {
      const ids = (type: string) => list.filter((r) => r.resourceType === type).map((r) => String(r.id));
      // Children that reached the worker before their encounter are parked, then released as a batch of their own.
      const rows = await waitFor(async () => {
        const r = await app.pg.query<{ t: string; source_id: string; mp: string | null }>(
        `select 'person' as t, source_id, master_person_id::text as mp from person_links where institution_id = $1 and dataset = 'persons' and source_id = $2
         union all select 'encounter', source_id, master_person_id::text from encounters where institution_id = $1 and source_id = any($3::text[])
         union all select 'immunization', source_id, master_person_id::text from immunizations where institution_id = $1 and source_id = any($4::text[])
         union all select 'prescription', source_id, master_person_id::text from prescriptions where institution_id = $1 and source_id = any($5::text[])
         union all select 'lab', source_id, master_person_id::text from lab_reports where institution_id = $1 and source_id = any($6::text[])`,
        [inst.id, patientId, ids('Encounter'), ids('Immunization'), ids('MedicationRequest'), ids('Observation')],
        );
        return r.rows.length === 7 && r.rows.every((x) => x.mp) ? r : null;
      }, { what: `records of ${patientId} stored and linked` });
      expect(rows.rows.map((r) => r.t).sort()).toEqual(['encounter', 'encounter', 'immunization', 'immunization', 'lab', 'person', 'prescription']);
      const children = await app.pg.query<{ n: string }>(
        `select (select count(*) from prescriptions where institution_id = $1 and source_id = any($2::text[]) and encounter_id is not null)
              + (select count(*) from lab_reports where institution_id = $1 and source_id = any($3::text[]) and encounter_id is not null) as n`,
        [inst.id, ids('MedicationRequest'), ids('Observation')],
      );
      expect(children.rows[0]!.n).toBe('2');
      expect(new Set(rows.rows.map((r) => r.mp)).size).toBe(1);
      expect(rows.rows[0]!.mp).not.toBeNull();
    }
    const people = await app.pg.query<{ n: string }>(`select count(distinct master_person_id) as n from person_links where institution_id = $1 and dataset = 'persons'`, [inst.id]);
    expect(people.rows[0]!.n).toBe('2');

    // The SNOMED CT codes are in the encounter's extra, not among its ICD-10 diagnoses.
    const enc = a.find((r) => r.resourceType === 'Encounter')!;
    const stored = await app.pg.query<{ extra: { nonIcd10Diagnoses?: { system: string; code: string }[] } | null; diagnoses: string }>(
      `select extra, (select count(*) from encounter_diagnoses d where d.encounter_id = e.id) as diagnoses from encounters e where institution_id = $1 and source_id = $2`,
      [inst.id, enc.id],
    );
    expect(stored.rows[0]!.diagnoses).toBe('0');
    expect(stored.rows[0]!.extra?.nonIcd10Diagnoses?.[0]).toMatchObject({ system: 'http://snomed.info/sct', code: expect.stringMatching(/^\d+$/) });
  });

  it('stores ICD-10 diagnoses of a Chinese patient sent as application/json, and rejects a wrong resident ID at its element', async () => {
    const at = new Date(Date.now() - 3600_000).toISOString();
    const zhang = chinesePatient('cn-zhang', ZHANG_JIANGUO);
    const wrong = chinesePatient('cn-wrong', { ...ZHANG_JIANGUO, idNumber: '511002195803172410' });
    const enc: FhirJson = { resourceType: 'Encounter', id: 'cn-e1', status: 'finished', class: { code: 'AMB' }, subject: { reference: 'Patient/cn-zhang' }, period: { start: at } };
    const res = await postFhir(bundleOf([zhang, enc, icd10Condition('cn-c1', 'Patient/cn-zhang', 'Encounter/cn-e1', 'I10.x00', '高血压'), wrong]), { contentType: 'application/json' });
    expect(res.statusCode).toBe(200);
    const answer = json<ResponseBundle>(res);
    expect(answer.entry.map((e) => e.response.status)).toEqual(['202 Accepted', '202 Accepted', '202 Accepted', '422 Unprocessable Entity']);
    expect(answer.entry[3]!.response.outcome.issue[0]).toMatchObject({ details: { coding: [{ code: 'ID.CHECKSUM' }] }, expression: ['Bundle.entry[3].resource.identifier[1].value'] });
    const batchId = answer.entry[1]!.response.location!.split('/').at(-1)!;
    const s = await batchDone(batchId);
    expect(s.outcomes[0]?.status).toBe('linked');
    const d = await app.pg.query(`select d.code, d.name from encounter_diagnoses d join encounters e on e.id = d.encounter_id where e.institution_id = $1 and e.source_id = 'cn-e1'`, [inst.id]);
    // Cleansing writes ICD-10 codes in upper case.
    expect(d.rows).toEqual([{ code: 'I10.X00', name: '高血压' }]);
  });

  it('answers whole-request problems with 4xx OperationOutcomes', async () => {
    const outcome = (res: LightMyRequestResponse) => json<OperationOutcome>(res);
    const badJson = await postFhir('{"resourceType": "Bundle", ');
    expect(badJson.statusCode).toBe(400);
    expect(outcome(badJson)).toMatchObject({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', details: { coding: [{ code: 'INVALID_JSON' }] } }] });
    const notBundle = await postFhir(chinesePatient('p'));
    expect(notBundle.statusCode).toBe(400);
    expect(outcome(notBundle).issue[0]).toMatchObject({ expression: ['Bundle.resourceType'] });
    const collection = await postFhir({ resourceType: 'Bundle', type: 'collection', entry: [{ resource: chinesePatient('p') }] });
    expect(collection.statusCode).toBe(400);
    expect(outcome(collection).issue[0]).toMatchObject({ expression: ['Bundle.type'] });
    const empty = await postFhir({ resourceType: 'Bundle', type: 'batch', entry: [] });
    expect(empty.statusCode).toBe(400);
    expect(outcome(empty).issue[0]).toMatchObject({ expression: ['Bundle.entry'] });
    const array = await postFhir([]);
    expect(array.statusCode).toBe(400);
    expect(outcome(array).resourceType).toBe('OperationOutcome');
    const anonymous = await postFhir(bundleOf([chinesePatient('p')]), { key: null });
    expect(anonymous.statusCode).toBe(401);
    expect(outcome(anonymous)).toMatchObject({ resourceType: 'OperationOutcome', issue: [{ code: 'login' }] });
    const transaction = await postFhir(bundleOf([chinesePatient('t1'), { resourceType: 'Encounter', id: 't-e1', status: 'finished', class: { code: 'AMB' }, subject: { reference: 'Patient/zz' }, period: { start: '2025-01-01' } }], 'transaction'));
    expect(transaction.statusCode).toBe(422);
    expect(outcome(transaction).issue[0]).toMatchObject({ code: 'not-found', diagnostics: expect.stringContaining('FHIR.UNRESOLVED_REFERENCE') });
  });

  it('accepts application/fhir+json with a charset, publishes a CapabilityStatement and documents the endpoint', async () => {
    const res = await postFhir(bundleOf([chinesePatient('cs-1')]), { contentType: 'application/fhir+json; charset=utf-8' });
    expect(res.statusCode).toBe(200);
    expect(json<ResponseBundle>(res).entry[0]!.response.status).toBe('202 Accepted');
    const meta = await app.inject({ method: 'GET', url: '/fhir/R4/metadata' });
    expect(meta.statusCode).toBe(200);
    expect(json(meta)).toMatchObject({ resourceType: 'CapabilityStatement', fhirVersion: '4.0.1' });
    const doc = json<{ paths: Record<string, unknown> }>(await app.inject('/api/openapi.json'));
    expect(Object.keys(doc.paths)).toContain('/fhir/R4');
  });
});
