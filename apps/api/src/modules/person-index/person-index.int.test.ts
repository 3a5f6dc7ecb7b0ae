import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateResidentId } from '@rhip/domain';
import { bearer, buildTestApp, json, login } from '../../../test/helper';
import { startWorker, waitFor, type WorkerProcess } from '../../../test/processes';
import { createInstitutionWithKey, push } from '../ingest/ingest-fixtures';

let app: FastifyInstance;
let worker: WorkerProcess;
let inst: { id: string; key: string };
let admin: string;

async function done(batchId: string) {
  return waitFor(async () => {
    const r = await app.pg.query<{ status: string }>(`select status from ingest_batches where id = $1`, [batchId]);
    return r.rows[0]?.status === 'done' ? true : null;
  }, { what: 'batch done' });
}

async function pushAndWait(dataset: string, records: unknown[]) {
  const res = await push(app, inst.key, dataset, records);
  expect(res.statusCode).toBe(202);
  const body = json<{ batchId: string; rejected: number; errors: unknown[] }>(res);
  expect(body.errors).toEqual([]);
  await done(body.batchId);
  return body.batchId;
}

/** An encounter of a patient known only by a non-resident document (idType 99) and demographics. */
function otherDocEncounter(sourceId: string, patient: Record<string, unknown>) {
  return { sourceId, patient: { idType: '99', ...patient }, type: 'outpatient', startAt: new Date(Date.now() - 3600_000).toISOString() };
}

beforeAll(async () => {
  ({ app } = await buildTestApp());
  admin = await login(app);
  inst = await createInstitutionWithKey(app, '主索引测试医院');
  worker = startWorker({ DATABASE_URL: process.env.DATABASE_URL!, QUEUE_PREFIX: process.env.QUEUE_PREFIX! });
});
afterAll(async () => {
  await worker?.stop();
  await app.close();
});

describe('match review queue', () => {
  it('sends a plausible but unproven match to review, masked, and links it when accepted', async () => {
    await pushAndWait('persons', [{ sourceId: 'P-R1', idType: '03', idNumber: 'E12345678', name: '欧阳明远', sex: '1', birthDate: '1981-06-15' }]);
    const person = await app.pg.query<{ id: string }>(`select master_person_id::text as id from person_links where source_id = 'P-R1'`);
    const personId = person.rows[0]!.id;
    // Same name, sex and birth date, another document, no phone: strong but not conclusive evidence.
    await pushAndWait('encounters', [otherDocEncounter('E-R1', { idNumber: 'X-998877', name: '欧阳明远', sex: '1', birthDate: '1981-06-15' })]);
    const list = await app.inject({ url: '/api/v1/match-reviews', headers: bearer(admin) });
    const item = json<{ items: { id: string; sourceId: string; incoming: { name: string }; candidate: { masterPersonId: string; name: string } }[] }>(list).items.find((i) => i.sourceId === 'E-R1');
    expect(item).toBeDefined();
    expect(item!.candidate.masterPersonId).toBe(personId);
    expect(item!.incoming.name).toBe('欧***');
    expect(item!.candidate.name).toBe('欧***');
    const before = await app.pg.query(`select master_person_id from encounters where source_id = 'E-R1'`);
    expect(before.rows[0]?.master_person_id).toBeNull();
    const accept = await app.inject({ method: 'POST', url: `/api/v1/match-reviews/${item!.id}/accept`, headers: bearer(admin), payload: {} });
    expect(accept.statusCode).toBe(200);
    const after = await app.pg.query<{ id: string }>(`select master_person_id::text as id from encounters where source_id = 'E-R1'`);
    expect(after.rows[0]?.id).toBe(personId);
    const again = await app.inject({ method: 'POST', url: `/api/v1/match-reviews/${item!.id}/accept`, headers: bearer(admin), payload: {} });
    expect(again.statusCode).toBe(409);
  });

  it('gives the record a new master person when the match is rejected', async () => {
    await pushAndWait('persons', [{ sourceId: 'P-R2', idType: '03', idNumber: 'E22222222', name: '司马青云', sex: '2', birthDate: '1975-02-03' }]);
    await pushAndWait('encounters', [otherDocEncounter('E-R2', { idNumber: 'Y-1', name: '司马青云', sex: '2', birthDate: '1975-02-03' })]);
    const list = json<{ items: { id: string; sourceId: string; candidate: { masterPersonId: string } }[] }>(await app.inject({ url: '/api/v1/match-reviews', headers: bearer(admin) }));
    const item = list.items.find((i) => i.sourceId === 'E-R2')!;
    const res = await app.inject({ method: 'POST', url: `/api/v1/match-reviews/${item.id}/reject`, headers: bearer(admin), payload: { note: '不同人' } });
    expect(res.statusCode).toBe(200);
    const newId = json<{ masterPersonId: string }>(res).masterPersonId;
    expect(newId).not.toBe(item.candidate.masterPersonId);
    const row = await app.pg.query<{ id: string }>(`select master_person_id::text as id from encounters where source_id = 'E-R2'`);
    expect(row.rows[0]?.id).toBe(newId);
  });

  it('never shows the queue to an analyst', async () => {
    await app.db.staffUser.create({ data: { username: 'ana', displayName: 'A', role: 'analyst', passwordHash: (await app.db.staffUser.findFirstOrThrow()).passwordHash } });
    const res = await app.inject({ url: '/api/v1/match-reviews', headers: bearer(await login(app, { username: 'ana', password: 'Test-Admin@2026' })) });
    expect(res.statusCode).toBe(403);
  });
});

describe('merge and unmerge', () => {
  it('moves every record of the merged person to the survivor and back again, audited', async () => {
    const a = { idType: '01', idNumber: generateResidentId({ regionCode: '511025', birthDate: '1990-01-01', sequence: 11 }), name: '合并甲', sex: '1', birthDate: '1990-01-01' };
    await pushAndWait('encounters', [{ sourceId: 'M-A1', patient: a, type: 'outpatient', startAt: new Date().toISOString(), diagnoses: [{ code: 'J06.9', name: '上感' }] }]);
    await pushAndWait('persons', [{ sourceId: 'M-B', idType: '03', idNumber: 'P-MERGE-B', name: '合并乙', sex: '1', birthDate: '1990-01-02' }]);
    await pushAndWait('encounters', [{ sourceId: 'M-B1', patient: { idType: '03', idNumber: 'P-MERGE-B', name: '合并乙', sex: '1', birthDate: '1990-01-02' }, type: 'emergency', startAt: new Date().toISOString(), diagnoses: [{ code: 'S06.0', name: '脑震荡' }] }]);
    const ids = await app.pg.query<{ source_id: string; id: string }>(`select source_id, master_person_id::text as id from encounters where source_id in ('M-A1', 'M-B1')`);
    const survivor = ids.rows.find((r) => r.source_id === 'M-A1')!.id;
    const merged = ids.rows.find((r) => r.source_id === 'M-B1')!.id;
    expect(survivor).not.toBe(merged);

    const res = await app.inject({ method: 'POST', url: '/api/v1/persons/merge', headers: bearer(admin), payload: { survivorId: survivor, mergedId: merged, reason: '同一人' } });
    expect(res.statusCode).toBe(200);
    const { mergeId, movedRows } = json<{ mergeId: string; movedRows: number }>(res);
    expect(movedRows).toBeGreaterThanOrEqual(3); // encounter, its diagnosis, the passport identifier, the person link
    const moved = await app.pg.query(`select count(*)::int as n from encounters where master_person_id = $1`, [survivor]);
    expect(moved.rows[0].n).toBe(2);
    const diag = await app.pg.query(`select count(*)::int as n from encounter_diagnoses where master_person_id = $1`, [merged]);
    expect(diag.rows[0].n).toBe(0);

    // A record arriving later for the merged person's passport lands on the survivor.
    await pushAndWait('encounters', [{ sourceId: 'M-B2', patient: { idType: '03', idNumber: 'P-MERGE-B', name: '合并乙', sex: '1', birthDate: '1990-01-02' }, type: 'outpatient', startAt: new Date().toISOString() }]);
    const late = await app.pg.query<{ id: string }>(`select master_person_id::text as id from encounters where source_id = 'M-B2'`);
    expect(late.rows[0]?.id).toBe(survivor);

    const undo = await app.inject({ method: 'POST', url: `/api/v1/persons/merges/${mergeId}/undo`, headers: bearer(admin) });
    expect(undo.statusCode).toBe(200);
    const back = await app.pg.query<{ source_id: string; id: string }>(`select source_id, master_person_id::text as id from encounters where source_id in ('M-A1', 'M-B1')`);
    expect(Object.fromEntries(back.rows.map((r) => [r.source_id, r.id]))).toEqual({ 'M-A1': survivor, 'M-B1': merged });
    const audit = await app.pg.query<{ action: string }>(`select action from audit_log where resource_type = 'person_merge' and resource_id = $1 order by id`, [mergeId]);
    expect(audit.rows.map((r) => r.action)).toEqual(['person.merge', 'person.unmerge']);
  });

  it('refuses to merge two persons with different resident ID numbers', async () => {
    const p = (seq: number, birthDate: string) => ({ idType: '01', idNumber: generateResidentId({ regionCode: '511002', birthDate, sequence: seq }), name: '不同人', sex: '1', birthDate });
    await pushAndWait('encounters', [
      { sourceId: 'D-1', patient: p(21, '1970-05-05'), type: 'outpatient', startAt: new Date().toISOString() },
      { sourceId: 'D-2', patient: p(23, '1971-05-05'), type: 'outpatient', startAt: new Date().toISOString() },
    ]);
    const ids = await app.pg.query<{ id: string }>(`select master_person_id::text as id from encounters where source_id in ('D-1', 'D-2') order by source_id`);
    const res = await app.inject({ method: 'POST', url: '/api/v1/persons/merge', headers: bearer(admin), payload: { survivorId: ids.rows[0]!.id, mergedId: ids.rows[1]!.id } });
    expect(res.statusCode).toBe(409);
  });
});

describe('dead letters', () => {
  it('lists a failed record and replays it once the cause is fixed', async () => {
    await app.pg.query(`create or replace function refuse_poison2() returns trigger language plpgsql as $$
      begin if new.source_id = 'POISON-2' then raise exception 'refused by test trigger'; end if; return new; end $$`);
    await app.pg.query(`create trigger refuse_poison2 before insert on encounters for each row execute function refuse_poison2()`);
    const patient = { idType: '01', idNumber: generateResidentId({ regionCode: '511083', birthDate: '1960-07-07', sequence: 5 }), name: '重放', sex: '1', birthDate: '1960-07-07' };
    const batchId = await pushAndWait('encounters', [{ sourceId: 'POISON-2', patient, type: 'outpatient', startAt: new Date().toISOString() }]);
    await app.pg.query(`drop trigger refuse_poison2 on encounters`);
    const list = json<{ items: { batchId: string; sourceId: string; reason: string }[] }>(await app.inject({ url: '/api/v1/ingest/dead-letters', headers: bearer(admin) }));
    expect(list.items).toContainEqual(expect.objectContaining({ batchId, sourceId: 'POISON-2' }));
    const replay = await app.inject({ method: 'POST', url: `/api/v1/ingest/batches/${batchId}/replay`, headers: bearer(admin) });
    expect(replay.statusCode).toBe(202);
    const { batchId: newBatch } = json<{ batchId: string }>(replay);
    await done(newBatch);
    const stored = await app.pg.query(`select count(*)::int as n from encounters where source_id = 'POISON-2'`);
    expect(stored.rows[0].n).toBe(1);
    const after = json<{ items: { sourceId: string }[] }>(await app.inject({ url: '/api/v1/ingest/dead-letters', headers: bearer(admin) }));
    expect(after.items.map((i) => i.sourceId)).not.toContain('POISON-2');
  });
});
