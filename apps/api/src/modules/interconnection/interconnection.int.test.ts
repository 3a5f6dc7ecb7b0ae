import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, buildTestApp, json, login } from '../../../test/helper';
import { startWorker, waitFor, type WorkerProcess } from '../../../test/processes';
import {
  FAST_MONITORING_ENV, batchDone, createInstitution, createStaffUser, dayOffset, encounter, insertIngestRollup, patient, pushBatch, rollupsRefreshed, today,
} from './monitoring-fixtures';

/** A county no other suite uses, so its rollups are exactly this suite's. */
const COUNTY = '511024';
const ANOMALY_COUNTY = '511011';

let app: FastifyInstance;
let worker: WorkerProcess;
let token: string;
const inst: Record<'a' | 'b' | 'c' | 'd' | 'e', { id: string; key: string; name: string }> = {} as never;

interface ListBody {
  items: { id: string; name: string; status: string; connected: boolean; received: number; rejected: number; timeliness: number | null; datasets: { dataset: string; status: string }[] }[];
  total: number;
  page: number;
  pageSize: number;
}

const list = async (query: string, t = token) => {
  const res = await app.inject({ method: 'GET', url: `/api/v1/interconnection/institutions?${query}`, headers: bearer(t) });
  expect(res.statusCode, res.body).toBe(200);
  return json<ListBody>(res);
};

beforeAll(async () => {
  ({ app } = await buildTestApp());
  token = await login(app);
  const now = Date.now();
  const hourly = [{ dataset: 'encounters', cadenceHours: 1 }];
  inst.a = await createInstitution(app, { name: '甲医院', regionCode: COUNTY, expectedDatasets: [{ dataset: 'encounters', cadenceHours: 24 }] });
  inst.b = await createInstitution(app, { name: '乙医院', regionCode: COUNTY, expectedDatasets: hourly });
  inst.c = await createInstitution(app, { name: '丙医院', regionCode: COUNTY, expectedDatasets: hourly });
  inst.d = await createInstitution(app, { name: '丁诊所', regionCode: COUNTY, ownership: 'private', level: 'unrated', type: 'clinic', expectedDatasets: [{ dataset: 'encounters' }] });
  inst.e = await createInstitution(app, { name: '戊卫生院', regionCode: COUNTY, level: '1', type: 'township_health_center', expectedDatasets: [{ dataset: 'encounters' }] });
  // b sent 2 h ago with a 1 h cadence (delayed), c 5 h ago (silent: beyond 3 cadences).
  const twoHoursAgo = new Date(now - 2 * 3_600_000);
  const fiveHoursAgo = new Date(now - 5 * 3_600_000);
  await insertIngestRollup(app, { institutionId: inst.b.id, dataset: 'encounters', day: today(), received: 10, within: 8, lastReceivedAt: twoHoursAgo });
  await insertIngestRollup(app, { institutionId: inst.c.id, dataset: 'encounters', day: today(), received: 10, within: 5, lastReceivedAt: fiveHoursAgo });
  worker = startWorker({ DATABASE_URL: process.env.DATABASE_URL!, QUEUE_PREFIX: process.env.QUEUE_PREFIX!, ...FAST_MONITORING_ENV });
  // a pushes 20 encounters now, 2 of them without a patient name (rejected).
  const records = Array.from({ length: 20 }, (_, i) => {
    const r = encounter(`IA${i}`, patient(COUNTY, i), new Date(now - 3_600_000));
    if (i < 2) (r.patient as Record<string, unknown>).name = '';
    return r;
  });
  await batchDone(app, inst.a.key, await pushBatch(app, inst.a.key, 'encounters', records));
  await waitFor(
    async () => {
      const body = await list(`regionCode=${COUNTY}&pageSize=50`);
      const by = Object.fromEntries(body.items.map((i) => [i.id, i.status]));
      return by[inst.a.id] === 'online' && by[inst.b.id] === 'delayed' && by[inst.c.id] === 'silent';
    },
    { what: 'statuses computed by the worker', timeoutMs: 30_000 },
  );
  await rollupsRefreshed(app);
});

afterAll(async () => {
  await worker?.stop();
  await app.close();
});

describe('interconnection status', () => {
  it('derives online, delayed, silent and never from each data set\'s cadence', async () => {
    const body = await list(`regionCode=${COUNTY}&pageSize=50&sort=name`);
    const by = Object.fromEntries(body.items.map((i) => [i.id, i]));
    expect(body.total).toBe(5);
    expect(by[inst.a.id]).toMatchObject({ status: 'online', connected: true, received: 20, rejected: 2, rejectionRate: 10, timeliness: 90 });
    expect(by[inst.b.id]).toMatchObject({ status: 'delayed', connected: true, received: 10, timeliness: 80 });
    expect(by[inst.c.id]).toMatchObject({ status: 'silent', connected: true, received: 10, timeliness: 50 });
    expect(by[inst.d.id]).toMatchObject({ status: 'never', connected: false, received: 0, timeliness: null });
    expect(by[inst.e.id]).toMatchObject({ status: 'never', connected: false });
    expect(by[inst.b.id]!.datasets).toEqual([expect.objectContaining({ dataset: 'encounters', expected: true, status: 'delayed', cadenceHours: 1 })]);
  });

  it('filters by status, connection, ownership and data set, sorts and pages', async () => {
    expect((await list(`regionCode=${COUNTY}&status=silent`)).items.map((i) => i.id)).toEqual([inst.c.id]);
    expect((await list(`regionCode=${COUNTY}&connected=false&sort=name`)).items.map((i) => i.id).sort()).toEqual([inst.d.id, inst.e.id].sort());
    expect((await list(`regionCode=${COUNTY}&ownership=private`)).items.map((i) => i.id)).toEqual([inst.d.id]);
    expect((await list(`regionCode=${COUNTY}&dataset=encounters&status=online`)).items.map((i) => i.id)).toEqual([inst.a.id]);
    expect((await list(`regionCode=${COUNTY}&dataset=lab-reports`)).total).toBe(0);
    const byVolume = await list(`regionCode=${COUNTY}&sort=received&order=desc&pageSize=2&page=1`);
    expect(byVolume).toMatchObject({ total: 5, page: 1, pageSize: 2 });
    expect(byVolume.items[0]!.id).toBe(inst.a.id);
    const byStatus = await list(`regionCode=${COUNTY}&sort=status&order=asc&pageSize=50`);
    expect(byStatus.items.map((i) => i.status)).toEqual(['online', 'delayed', 'silent', 'never', 'never']);
    const bad = await app.inject({ method: 'GET', url: '/api/v1/interconnection/institutions?from=2026-02-30', headers: bearer(token) });
    expect(bad.statusCode).toBe(400);
  });

  it('exports the list as CSV', async () => {
    const res = await app.inject({ method: 'GET', url: `/api/v1/interconnection/institutions?regionCode=${COUNTY}&format=csv&sort=name`, headers: bearer(token) });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toContain('attachment');
    const lines = res.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines).toHaveLength(6);
    expect(lines[0]).toContain('状态 status');
    expect(lines.find((l) => l.includes('丙医院'))).toContain(',silent,');
  });

  it('gives one institution\'s dense daily series with volumes, rejections and timeliness', async () => {
    const res = await app.inject({ method: 'GET', url: `/api/v1/interconnection/institutions/${inst.a.id}?from=${dayOffset(-6)}&to=${today()}`, headers: bearer(token) });
    expect(res.statusCode, res.body).toBe(200);
    const body = json<{ status: string; series: { dataset: string; days: { day: string; received: number; rejected: number; rejectionRate: number | null; timeliness: number | null; delayP50Seconds: number | null }[] }[]; totals: { day: string; received: number }[] }>(res);
    expect(body.status).toBe('online');
    expect(body.series.map((s) => s.dataset)).toEqual(['encounters']);
    const days = body.series[0]!.days;
    expect(days).toHaveLength(7);
    expect(days[6]).toMatchObject({ day: today(), received: 20, rejected: 2, rejectionRate: 10, timeliness: 90 });
    expect(days[6]!.delayP50Seconds).toBeGreaterThan(0);
    expect(days[0]).toMatchObject({ received: 0, rejectionRate: null });
    expect(body.totals[6]).toMatchObject({ day: today(), received: 20 });
    const missing = await app.inject({ method: 'GET', url: '/api/v1/interconnection/institutions/00000000-0000-4000-8000-000000000000', headers: bearer(token) });
    expect(missing.statusCode).toBe(404);
  });

  it('rolls up per county: connected share of public institutions, online share, timeliness', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/interconnection/regions', headers: bearer(token) });
    expect(res.statusCode, res.body).toBe(200);
    const body = json<{ city: { level: string; institutions: number }; counties: Record<string, unknown>[] }>(res);
    const county = body.counties.find((c) => c.code === COUNTY);
    // Public: a, b, c, e; connected: a, b, c. Expected data sets 5, online 1. Received 40, 31 on time, 2 rejected.
    expect(county).toMatchObject({
      name: '威远县', level: 'county', institutions: 5, connectedInstitutions: 3, publicInstitutions: 4, connectedPublicInstitutions: 3,
      connectedPublicShare: 75, expectedDatasets: 5, online: 1, delayed: 1, silent: 1, never: 2, onlineShare: 20,
      received: 40, rejected: 2, rejectionRate: 5, withinTimeliness: 31, timeliness: 77.5,
    });
    expect(body.city.level).toBe('city');
    expect(body.city.institutions).toBeGreaterThanOrEqual(5);
    const csv = await app.inject({ method: 'GET', url: '/api/v1/interconnection/regions?format=csv', headers: bearer(token) });
    expect(csv.body).toContain('公立医疗卫生机构接入平台比例');
  });

  it('limits county staff to their county and an institution key to its own institution', async () => {
    const other = await createStaffUser(app, 'analyst', { regionScope: '511083' });
    expect((await list(`pageSize=50`, other)).items.every((i) => !Object.values(inst).some((x) => x.id === i.id))).toBe(true);
    const refused = await app.inject({ method: 'GET', url: `/api/v1/interconnection/institutions?regionCode=${COUNTY}`, headers: bearer(other) });
    expect(refused.statusCode).toBe(403);
    const own = await list('pageSize=50', inst.b.key);
    expect(own.items.map((i) => i.id)).toEqual([inst.b.id]);
    const notOwn = await app.inject({ method: 'GET', url: `/api/v1/interconnection/institutions/${inst.a.id}`, headers: bearer(inst.b.key) });
    expect(notOwn.statusCode).toBe(403);
  });
});

describe('volume anomalies', () => {
  it('flags an engineered drop against the institution\'s own baseline and lists it', async () => {
    const f = await createInstitution(app, { name: '己医院', regionCode: ANOMALY_COUNTY, expectedDatasets: [{ dataset: 'encounters' }] });
    // 30 ordinary days (98–102 a day), then yesterday only 12.
    for (let i = 31; i >= 2; i--) {
      const day = dayOffset(-i);
      await insertIngestRollup(app, { institutionId: f.id, dataset: 'encounters', day, received: 98 + (i % 5), lastReceivedAt: new Date(`${day}T10:00:00+08:00`) });
    }
    const yesterday = dayOffset(-1);
    await insertIngestRollup(app, { institutionId: f.id, dataset: 'encounters', day: yesterday, received: 12, lastReceivedAt: new Date(`${yesterday}T10:00:00+08:00`) });
    const found = await waitFor(
      async () => {
        const res = await app.inject({ method: 'GET', url: `/api/v1/interconnection/anomalies?institutionId=${f.id}`, headers: bearer(token) });
        const body = json<{ items: { day: string; count: number; baselineMedian: number; zScore: number; direction: string; institutionName: string }[] }>(res);
        return body.items.length ? body.items : null;
      },
      { what: 'anomaly flagged', timeoutMs: 30_000 },
    );
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ day: yesterday, count: 12, baselineMedian: 100, direction: 'drop', institutionName: '己医院' });
    expect(found[0]!.zScore).toBeLessThan(-3.5);
    const filtered = await app.inject({ method: 'GET', url: `/api/v1/interconnection/anomalies?regionCode=${ANOMALY_COUNTY}&direction=spike`, headers: bearer(token) });
    expect(json<{ total: number }>(filtered).total).toBe(0);
    const detail = await app.inject({ method: 'GET', url: `/api/v1/interconnection/institutions/${f.id}`, headers: bearer(token) });
    expect(json<{ anomalies: unknown[] }>(detail).anomalies).toHaveLength(1);
    // Late data arrives for yesterday: the day is no longer anomalous and the flag goes.
    await insertIngestRollup(app, { institutionId: f.id, dataset: 'encounters', day: yesterday, received: 99, lastReceivedAt: new Date(`${yesterday}T10:00:00+08:00`) });
    await waitFor(
      async () => json<{ total: number }>(await app.inject({ method: 'GET', url: `/api/v1/interconnection/anomalies?institutionId=${f.id}`, headers: bearer(token) })).total === 0,
      { what: 'anomaly cleared', timeoutMs: 30_000 },
    );
  });
});
