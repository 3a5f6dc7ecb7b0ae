import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INGEST_EXAMPLES } from '@rhip/contracts';
import { generateResidentId } from '@rhip/domain';
import { bearer, buildTestApp, json, login } from '../../../test/helper';
import { startWorker, waitFor, type WorkerProcess } from '../../../test/processes';
import { createInstitutionWithKey, push } from './ingest-fixtures';

let app: FastifyInstance;
let worker: WorkerProcess;
let inst: { id: string; key: string };

interface BatchStatusBody {
  status: string;
  counts: Record<string, number>;
  outcomes: { index: number; status: string; errors: { code: string; path: string }[] }[];
}

async function batchDone(batchId: string, key = inst.key): Promise<BatchStatusBody> {
  return waitFor(
    async () => {
      const res = await app.inject({ method: 'GET', url: `/api/v1/ingest/batches/${batchId}`, headers: bearer(key) });
      const body = json<BatchStatusBody>(res);
      return body.status === 'done' || body.status === 'failed' ? body : null;
    },
    { what: `batch ${batchId} done` },
  );
}

function person(i: number, overrides: Record<string, unknown> = {}) {
  const birthDate = `19${String(50 + (i % 45)).padStart(2, '0')}-0${1 + (i % 9)}-1${i % 9}`;
  const sex = i % 2 === 0 ? '2' : '1';
  const idNumber = generateResidentId({ regionCode: '511002', birthDate, sequence: 100 + (i % 400) * 2 + (sex === '1' ? 1 : 0) });
  return { idType: '01', idNumber, name: `测试${String.fromCharCode(0x4e00 + i)}`, sex, birthDate, ...overrides };
}

function encounter(i: number, overrides: Record<string, unknown> = {}) {
  return {
    sourceId: `E${i}`,
    patient: person(i),
    type: 'outpatient',
    startAt: new Date(Date.now() - 3600_000).toISOString(),
    department: '内科',
    diagnoses: [{ code: 'I10.x00', name: '原发性高血压', primary: true }],
    ...overrides,
  };
}

beforeAll(async () => {
  ({ app } = await buildTestApp());
  inst = await createInstitutionWithKey(app);
  worker = startWorker({ DATABASE_URL: process.env.DATABASE_URL!, QUEUE_PREFIX: process.env.QUEUE_PREFIX! });
});

afterAll(async () => {
  await worker?.stop();
  await app.close();
});

describe('ingest: the public contract', () => {
  it('stores and links a valid batch, one master person per resident', async () => {
    const records = Array.from({ length: 50 }, (_, i) => encounter(i));
    const res = await push(app, inst.key, 'encounters', records);
    expect(res.statusCode).toBe(202);
    const answer = json<{ batchId: string; received: number; accepted: number; rejected: number; errors: unknown[] }>(res);
    expect(answer).toMatchObject({ received: 50, accepted: 50, rejected: 0, errors: [] });
    const status = await batchDone(answer.batchId);
    expect(status.status).toBe('done');
    expect(status.counts).toMatchObject({ received: 50, accepted: 50, stored: 50, linked: 50, rejected: 0 });
    expect(status.outcomes.map((o) => (o as unknown as { sourceId: string }).sourceId)).toEqual(records.map((r) => r.sourceId));
    const rows = await app.pg.query<{ n: string; persons: string; diagnoses: string }>(
      `select count(*) as n, count(distinct master_person_id) as persons,
              (select count(*) from encounter_diagnoses d join encounters e on e.id = d.encounter_id where e.institution_id = $1) as diagnoses
         from encounters where institution_id = $1 and master_person_id is not null`,
      [inst.id],
    );
    expect(rows.rows[0]).toEqual({ n: '50', persons: '50', diagnoses: '50' });
  });

  it('answers each rejected record with index, sourceId, field, rule and reason, and keeps the rest', async () => {
    const good = encounter(200);
    const noName = encounter(201);
    (noName.patient as Record<string, unknown>).name = '';
    const badChecksum = encounter(202);
    const id = String((badChecksum.patient as Record<string, unknown>).idNumber);
    (badChecksum.patient as Record<string, unknown>).idNumber = id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
    const res = await push(app, inst.key, 'encounters', [good, noName, badChecksum]);
    expect(res.statusCode).toBe(202);
    const answer = json<{ batchId: string; accepted: number; rejected: number; errors: { index: number; sourceId: string; path: string; code: string; message: string }[] }>(res);
    expect(answer.accepted).toBe(1);
    expect(answer.rejected).toBe(2);
    expect(answer.errors).toContainEqual(expect.objectContaining({ index: 1, sourceId: 'E201', path: 'patient.name' }));
    expect(answer.errors).toContainEqual(expect.objectContaining({ index: 2, sourceId: 'E202', path: 'patient.idNumber', code: 'ID.CHECKSUM' }));
    for (const e of answer.errors) expect(e.message.length).toBeGreaterThan(5);
    const status = await batchDone(answer.batchId);
    expect(status.outcomes.map((o) => o.status)).toEqual(['linked', 'rejected', 'rejected']);
  });

  it('treats a re-send of the same version as a no-op and applies a newer version', async () => {
    const first = await push(app, inst.key, 'encounters', [encounter(300, { version: 1, department: '内科' })]);
    await batchDone(json<{ batchId: string }>(first).batchId);
    const again = await push(app, inst.key, 'encounters', [encounter(300, { version: 1, department: '外科' })]);
    const s2 = await batchDone(json<{ batchId: string }>(again).batchId);
    expect(s2.outcomes[0]?.status).toBe('noop');
    expect(s2.counts.stored).toBe(0);
    const newer = await push(app, inst.key, 'encounters', [encounter(300, { version: 2, department: '外科' })]);
    const s3 = await batchDone(json<{ batchId: string }>(newer).batchId);
    expect(s3.counts.stored).toBe(1);
    const row = await app.pg.query(`select department_name, version from encounters where institution_id = $1 and source_id = 'E300'`, [inst.id]);
    expect(row.rows).toEqual([{ department_name: '外科', version: 2 }]);
  });

  it('parks a lab report that arrives before its encounter and stores it when the encounter lands', async () => {
    const report = {
      sourceId: 'L400',
      patient: person(400),
      encounterSourceId: 'E400',
      reportedAt: new Date().toISOString(),
      results: [{ itemCode: 'GLU', itemName: '葡萄糖', value: '5.6', unit: 'mmol/L' }],
    };
    const early = await push(app, inst.key, 'lab-reports', [report]);
    const s1 = await batchDone(json<{ batchId: string }>(early).batchId);
    expect(s1.outcomes[0]?.status).toBe('parked');
    await push(app, inst.key, 'encounters', [encounter(400)]);
    const stored = await waitFor(async () => {
      const r = await app.pg.query<{ encounter_id: string | null }>(`select encounter_id::text from lab_reports where institution_id = $1 and source_id = 'L400'`, [inst.id]);
      return r.rows[0]?.encounter_id ? r.rows[0] : null;
    }, { what: 'parked lab report stored' });
    expect(stored.encounter_id).not.toBeNull();
  });

  it("does not let one institution read another's batch", async () => {
    const other = await createInstitutionWithKey(app, '另一医院');
    const res = await push(app, inst.key, 'encounters', [encounter(500)]);
    const batchId = json<{ batchId: string }>(res).batchId;
    const peek = await app.inject({ method: 'GET', url: `/api/v1/ingest/batches/${batchId}`, headers: bearer(other.key) });
    expect(peek.statusCode).toBe(404);
    const staff = await app.inject({ method: 'GET', url: `/api/v1/ingest/batches/${batchId}`, headers: bearer(await login(app)) });
    expect(staff.statusCode).toBe(200);
  });

  it('answers whole-request problems with a 4xx and a clear body', async () => {
    const unknown = await push(app, inst.key, 'x-rays', [{}]);
    expect(unknown.statusCode).toBe(404);
    expect(json(unknown).code).toBe('UNKNOWN_DATASET');
    const empty = await push(app, inst.key, 'encounters', []);
    expect(empty.statusCode).toBe(400);
    const tooMany = await push(app, inst.key, 'encounters', Array.from({ length: 5001 }, () => ({})));
    expect(tooMany.statusCode).toBe(400);
    const badKey = await app.inject({ method: 'POST', url: '/api/v1/ingest/encounters', headers: bearer('rk_nope'), payload: { records: [{}] } });
    expect(badKey.statusCode).toBe(401);
    const badJson = await app.inject({ method: 'POST', url: '/api/v1/ingest/encounters', headers: { ...bearer(inst.key), 'content-type': 'application/json' }, payload: '{"records": [' });
    expect(badJson.statusCode).toBe(400);
    expect(json(badJson).code).toBe('INVALID_JSON');
  });

  it('records what cleansing changed, without personal values', async () => {
    const r = encounter(950);
    (r.patient as Record<string, unknown>).sex = (r.patient as Record<string, unknown>).sex === '1' ? '男' : '女';
    const res = await push(app, inst.key, 'encounters', [r]);
    expect(json<{ accepted: number }>(res).accepted).toBe(1);
    const status = await batchDone(json<{ batchId: string }>(res).batchId);
    const changes = (status.outcomes[0] as unknown as { changes: { path: string; rule: string; from?: unknown; to?: unknown }[] }).changes;
    expect(changes).toContainEqual({ path: 'diagnoses[0].code', rule: 'icd10_format', from: 'I10.x00', to: 'I10.X00' });
    const sex = changes.find((c) => c.path === 'patient.sex');
    expect(sex).toBeDefined();
    expect(sex).not.toHaveProperty('from');
  });

  it('counts received records in /metrics', async () => {
    const res = await app.inject('/metrics');
    expect(res.body).toMatch(/rhip_ingest_records_total\{dataset="encounters",channel="rest",verdict="accepted"\} [1-9]\d*/);
    expect(res.body).toMatch(/rhip_ingest_records_total\{dataset="encounters",channel="rest",verdict="rejected"\} [1-9]\d*/);
  });

  it('accepts every documented example record', async () => {
    for (const [dataset, example] of Object.entries(INGEST_EXAMPLES)) {
      const res = await push(app, inst.key, dataset, [example]);
      const body = json<{ accepted: number; errors: unknown[] }>(res);
      expect({ dataset, status: res.statusCode, accepted: body.accepted, errors: body.errors }).toEqual({ dataset, status: 202, accepted: 1, errors: [] });
    }
  });
});

describe('ingest: dead letters', () => {
  it('isolates a record the database refuses as a failed dead letter and stores the rest', async () => {
    // Fault injection in the real database: a trigger refuses one source id, as a corrupt value or a bug would.
    await app.pg.query(`create or replace function refuse_poison() returns trigger language plpgsql as $$
      begin if new.source_id = 'POISON' then raise exception 'refused by test trigger'; end if; return new; end $$`);
    await app.pg.query(`create trigger refuse_poison before insert on encounters for each row execute function refuse_poison()`);
    try {
      const res = await push(app, inst.key, 'encounters', [encounter(601), encounter(600, { sourceId: 'POISON' }), encounter(602)]);
      const status = await batchDone(json<{ batchId: string }>(res).batchId);
      expect(status.status).toBe('done');
      expect(status.outcomes.map((o) => o.status)).toEqual(['linked', 'failed', 'linked']);
      expect(status.outcomes[1]?.errors[0]).toMatchObject({ code: 'PIPELINE.FAILED' });
      expect(status.counts.failed).toBe(1);
      expect(status.counts.stored).toBe(2);
    } finally {
      await app.pg.query(`drop trigger refuse_poison on encounters`);
    }
  });
});

describe('ingest: hostile input', () => {
  it('rejects a record with a NUL character instead of failing the request', async () => {
    const res = await push(app, inst.key, 'encounters', [encounter(700), encounter(701, { department: 'bad\u0000dept' })]);
    expect(res.statusCode).toBe(202);
    const body = json<{ accepted: number; errors: { index: number; path: string; code: string }[] }>(res);
    expect(body.accepted).toBe(1);
    expect(body.errors).toEqual([expect.objectContaining({ index: 1, path: 'department', code: 'SHAPE_INVALID_CHAR' })]);
  });
});

describe('ingest: quality rollups', () => {
  it('keeps the daily scores: 100 records of which 7 lack a required element give 93.0% completeness', async () => {
    const fresh = await createInstitutionWithKey(app, '质量测试医院');
    const records = Array.from({ length: 100 }, (_, i) => {
      const r = encounter(1000 + i);
      if (i % 15 === 0) (r.patient as Record<string, unknown>).name = null; // i = 0, 15, …, 90: 7 records
      return r;
    });
    const res = await push(app, fresh.key, 'encounters', records);
    const answer = json<{ rejected: number; errors: unknown[] }>(res);
    expect(answer.errors.filter((e) => (e as { path: string }).path !== 'patient.name')).toEqual([]);
    expect(answer.rejected).toBe(7);
    await batchDone(json<{ batchId: string }>(res).batchId, fresh.key);
    const rows = await app.pg.query<{ dimension: string; numerator: number; denominator: number; records: number; passed: number }>(
      `select dimension::text, numerator, denominator, records, passed from quality_daily_rollups where institution_id = $1 order by dimension`,
      [fresh.id],
    );
    const by = Object.fromEntries(rows.rows.map((r) => [r.dimension, r]));
    expect(by.completeness).toMatchObject({ numerator: 93, denominator: 100, records: 100, passed: 93 });
    expect((by.completeness!.numerator / by.completeness!.denominator) * 100).toBeCloseTo(93.0, 5);
    expect(by.integration).toMatchObject({ numerator: 93, denominator: 100 });
    expect(by.timeliness).toMatchObject({ numerator: 100, denominator: 100 });
  });
});

describe('ingest: personal data at rest', () => {
  it('leaves no resident ID number in clear in any table after an ingest run', async () => {
    const record = encounter(900);
    const idNumber = String((record.patient as Record<string, unknown>).idNumber);
    const parked = { sourceId: 'L900', patient: person(901), encounterSourceId: 'E-never', reportedAt: new Date().toISOString(), results: [{ itemCode: 'GLU', value: '5.1' }] };
    const parkedId = String(parked.patient.idNumber);
    const rejected = encounter(902, { startAt: 'not a date' });
    const rejectedId = String((rejected.patient as Record<string, unknown>).idNumber);
    const a = await push(app, inst.key, 'encounters', [record, rejected]);
    const b = await push(app, inst.key, 'lab-reports', [parked]);
    await batchDone(json<{ batchId: string }>(a).batchId);
    await batchDone(json<{ batchId: string }>(b).batchId);
    const tables = await app.pg.query<{ table_name: string }>(`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`);
    const hits: string[] = [];
    for (const { table_name } of tables.rows) {
      const r = await app.pg.query(`select count(*)::int as n from "${table_name}" t where t::text like any($1::text[])`, [[`%${idNumber}%`, `%${parkedId}%`, `%${rejectedId}%`]]);
      if (r.rows[0].n > 0) hits.push(table_name);
    }
    expect(hits).toEqual([]);
  });
});
