import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateUscc } from '@rhip/domain';
import { bearer, buildTestApp, json, login } from '../../../test/helper';

let app: FastifyInstance;
let admin: string;

beforeAll(async () => {
  ({ app } = await buildTestApp());
  admin = await login(app);
});
afterAll(async () => {
  await app.close();
});

const create = (payload: Record<string, unknown>) => app.inject({ method: 'POST', url: '/api/v1/institutions', headers: bearer(admin), payload });

describe('institutions', () => {
  it('registers an institution with its expected data sets and lists it with filters', async () => {
    const code = generateUscc({ regionCode: '511024', sequence: 4242 });
    const res = await create({
      code, name: '威远县人民医院', regionCode: '511024', level: '2A', type: 'general_hospital', ownership: 'public',
      expectedDatasets: [{ dataset: 'encounters', cadenceHours: 24 }, { dataset: 'facility-resources', cadenceHours: 744 }],
    });
    expect(res.statusCode).toBe(201);
    const body = json<{ id: string; codeType: string; expectedDatasets: { dataset: string }[]; warnings: unknown[] }>(res);
    expect(body.codeType).toBe('uscc');
    expect(body.expectedDatasets.map((d) => d.dataset).sort()).toEqual(['encounters', 'facility-resources']);
    expect(body.warnings).toEqual([]);
    const list = await app.inject({ url: '/api/v1/institutions?regionCode=511024&level=2A', headers: bearer(admin) });
    expect(json<{ items: { id: string }[] }>(list).items.map((i) => i.id)).toContain(body.id);
    const other = await app.inject({ url: '/api/v1/institutions?regionCode=511002', headers: bearer(admin) });
    expect(json<{ items: { id: string }[] }>(other).items.map((i) => i.id)).not.toContain(body.id);
  });

  it('refuses a duplicate code with 409 and a malformed code with 400 naming the rule', async () => {
    const code = generateUscc({ regionCode: '511002', sequence: 777 });
    expect((await create({ code, name: '甲医院', regionCode: '511002' })).statusCode).toBe(201);
    const dup = await create({ code, name: '乙医院', regionCode: '511002' });
    expect(dup.statusCode).toBe(409);
    const bad = await create({ code: 'IOSVZ0000000000000', name: '丙医院', regionCode: '511002' });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(json(bad).details)).toContain('ORG.USCC_FORMAT');
  });

  it('keeps a USCC whose checksum fails, with a warning', async () => {
    const good = generateUscc({ regionCode: '511011', sequence: 99 });
    const wrong = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const res = await create({ code: wrong, name: '试点机构', regionCode: '511011' });
    expect(res.statusCode).toBe(201);
    expect(json<{ warnings: { code: string }[] }>(res).warnings.map((w) => w.code)).toEqual(['ORG.USCC_CHECKSUM']);
  });

  it('issues a key once, stores only its hash, and revokes it', async () => {
    const inst = json<{ id: string }>(await create({ code: generateUscc({ regionCode: '511083', sequence: 31337 }), name: '隆昌市中医医院', regionCode: '511083' }));
    const issued = await app.inject({ method: 'POST', url: `/api/v1/institutions/${inst.id}/credentials`, headers: bearer(admin), payload: { label: 'HIS' } });
    expect(issued.statusCode).toBe(201);
    const { id, key } = json<{ id: string; key: string }>(issued);
    expect(key.startsWith('rk_')).toBe(true);
    expect(await app.db.institutionCredential.count({ where: { keyHash: key } })).toBe(0);
    const detail = await app.inject({ url: `/api/v1/institutions/${inst.id}`, headers: bearer(admin) });
    expect(detail.body).not.toContain(key);
    // The key authenticates as the institution…
    const use = await app.inject({ method: 'POST', url: '/api/v1/ingest/encounters', headers: bearer(key), payload: { records: [{}] } });
    expect(use.statusCode).toBe(202);
    // …until revoked.
    const revoke = await app.inject({ method: 'DELETE', url: `/api/v1/institutions/${inst.id}/credentials/${id}`, headers: bearer(admin) });
    expect(revoke.statusCode).toBe(204);
    const after = await app.inject({ method: 'POST', url: '/api/v1/ingest/encounters', headers: bearer(key), payload: { records: [{}] } });
    expect(after.statusCode).toBe(401);
  });

  it('lets only admins register institutions', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/institutions', payload: { code: 'x', name: 'y', regionCode: '511002' } });
    expect(res.statusCode).toBe(401);
  });
});

describe('key rotation', () => {
  it('replaces a key with a new one and revokes the old', async () => {
    const inst = json<{ id: string }>(await create({ code: generateUscc({ regionCode: '511025', sequence: 8080 }), name: '资中县妇幼保健院', regionCode: '511025' }));
    const first = json<{ id: string; key: string }>(await app.inject({ method: 'POST', url: `/api/v1/institutions/${inst.id}/credentials`, headers: bearer(admin), payload: {} }));
    const rotated = await app.inject({ method: 'POST', url: `/api/v1/institutions/${inst.id}/credentials/${first.id}/rotate`, headers: bearer(admin) });
    expect(rotated.statusCode).toBe(201);
    const second = json<{ key: string }>(rotated);
    expect(second.key).not.toBe(first.key);
    const ping = (key: string) => app.inject({ method: 'GET', url: '/api/v1/ingest/batches', headers: bearer(key) });
    expect((await ping(first.key)).statusCode).toBe(401);
    expect((await ping(second.key)).statusCode).toBe(200);
  });
});
