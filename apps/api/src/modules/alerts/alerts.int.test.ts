import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, buildTestApp, json, login } from '../../../test/helper';
import { startWorker, waitFor, type WorkerProcess } from '../../../test/processes';
import {
  FAST_MONITORING_ENV, batchDone, createInstitution, createStaffUser, encounter, insertIngestRollup, patient, pushBatch, today,
} from '../interconnection/monitoring-fixtures';

/** A county no other suite uses. */
const COUNTY = '511083';

let app: FastifyInstance;
let worker: WorkerProcess;
let token: string;
let server: Server;
let webhookUrl: string;
const received: { headers: IncomingHttpHeaders; body: { event: string; deliveryId: string; notification: { id: string; kind: string; institution: { id: string } | null; details: { series?: { passRate: number }[] } } } }[] = [];
let failFirst = true;

interface NotificationBody {
  id: string;
  kind: string;
  institutionId: string;
  title: string;
  details: { series?: { day: string; records: number; passRate: number }[]; cadences?: number };
  acknowledgedAt: string | null;
  deliveries: { status: string; attempts: number; lastStatusCode: number | null; lastError: string | null; url: string }[];
}

const notifications = async (query: string, auth = token) => {
  const res = await app.inject({ method: 'GET', url: `/api/v1/alerts/notifications?${query}`, headers: bearer(auth) });
  expect(res.statusCode, res.body).toBe(200);
  return json<{ items: NotificationBody[]; total: number; unacknowledged: number }>(res);
};

beforeAll(async () => {
  // The webhook receiver: answers 500 to the very first POST (to exercise the retry), 200 afterwards.
  server = createServer((req, res) => {
    let data = '';
    req.on('data', (c: Buffer) => (data += c.toString()));
    req.on('end', () => {
      received.push({ headers: req.headers, body: JSON.parse(data) as (typeof received)[number]['body'] });
      res.statusCode = failFirst ? 500 : 200;
      failFirst = false;
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  webhookUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/rhip?token=secret`;
  ({ app } = await buildTestApp());
  token = await login(app);
  worker = startWorker({ DATABASE_URL: process.env.DATABASE_URL!, QUEUE_PREFIX: process.env.QUEUE_PREFIX!, ...FAST_MONITORING_ENV, WEBHOOK_SIGNING_SECRET: 'test-signing-secret-0123456789' });
});

afterAll(async () => {
  await worker?.stop();
  await app.close();
  await new Promise((resolve) => server.close(resolve));
});

describe('alerts', () => {
  it('fires "pass rate below X for N days", notifies and POSTs the webhook with a retry', async () => {
    const h = await createInstitution(app, { name: '隆昌市人民医院', regionCode: COUNTY });
    // 10 records, 3 rejected: pass rate 70% today.
    const records = Array.from({ length: 10 }, (_, i) => {
      const r = encounter(`H${i}`, patient(COUNTY, i), new Date(Date.now() - 3_600_000));
      if (i < 3) (r.patient as Record<string, unknown>).name = '';
      return r;
    });
    await batchDone(app, h.key, await pushBatch(app, h.key, 'encounters', records));

    const bad = await app.inject({ method: 'POST', url: '/api/v1/alerts/rules', headers: bearer(token), payload: { kind: 'pass_rate_below', name: 'x', thresholdPercent: 120, days: 1 } });
    expect(bad.statusCode).toBe(400);
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/alerts/rules',
      headers: bearer(token),
      payload: { kind: 'pass_rate_below', name: '合格率低于95%', thresholdPercent: 95, days: 1, scope: { institutionId: h.id }, webhookUrl },
    });
    expect(created.statusCode, created.body).toBe(201);
    const rule = json<{ id: string; thresholdPercent: number; days: number; cadences: number | null; scope: unknown }>(created);
    expect(rule).toMatchObject({ thresholdPercent: 95, days: 1, cadences: null, scope: { institutionId: h.id } });

    const n = await waitFor(async () => (await notifications(`institutionId=${h.id}&kind=pass_rate_below`)).items[0], { what: 'notification', timeoutMs: 30_000 });
    expect(n).toMatchObject({ kind: 'pass_rate_below', institutionId: h.id, acknowledgedAt: null });
    expect(n.title).toContain('隆昌市人民医院');
    expect(n.details.series).toEqual([{ day: today(), records: 10, passed: 7, passRate: 70 }]);

    // First POST answered 500, the retry 200: delivered on the second attempt.
    const delivered = await waitFor(
      async () => {
        const d = (await notifications(`institutionId=${h.id}&kind=pass_rate_below`)).items[0]?.deliveries[0];
        return d?.status === 'delivered' ? d : null;
      },
      { what: 'webhook delivered', timeoutMs: 30_000 },
    );
    expect(delivered).toMatchObject({ status: 'delivered', attempts: 2, lastStatusCode: 200, lastError: null });
    expect(delivered.url).not.toContain('secret');
    const mine = received.filter((r) => r.body.notification.id === n.id);
    expect(mine).toHaveLength(2);
    expect(mine[0]!.body).toMatchObject({ event: 'notification.created', notification: { kind: 'pass_rate_below', institution: { id: h.id } } });
    expect(mine[0]!.body.deliveryId).toBe(mine[1]!.body.deliveryId);
    expect(mine[0]!.headers['x-rhip-signature']).toMatch(/^sha256=[0-9a-f]{64}$/);

    // Re-evaluation raises nothing new for the same run of bad days.
    await new Promise((r) => setTimeout(r, 1500));
    expect((await notifications(`institutionId=${h.id}&kind=pass_rate_below`)).total).toBe(1);
    expect(received.filter((r) => r.body.notification.id === n.id)).toHaveLength(2);
  });

  it('fires "silent for N cadences" and records a failed delivery after the last attempt', async () => {
    const s = await createInstitution(app, { name: '隆昌市中医医院', regionCode: COUNTY, type: 'tcm_hospital', expectedDatasets: [{ dataset: 'encounters', cadenceHours: 1 }] });
    const quiet = await createInstitution(app, { name: '隆昌市妇幼保健院', regionCode: COUNTY, expectedDatasets: [{ dataset: 'encounters', cadenceHours: 24 }] });
    await insertIngestRollup(app, { institutionId: s.id, dataset: 'encounters', day: today(), received: 5, lastReceivedAt: new Date(Date.now() - 4 * 3_600_000) });
    await insertIngestRollup(app, { institutionId: quiet.id, dataset: 'encounters', day: today(), received: 5, lastReceivedAt: new Date(Date.now() - 4 * 3_600_000) });
    // A port that was free a moment ago and has nothing listening: every attempt is refused.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const closedPort = (probe.address() as AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/alerts/rules',
      headers: bearer(token),
      payload: { kind: 'silent_cadences', name: '三个周期未上传', cadences: 3, scope: { regionCode: COUNTY }, webhookUrl: `http://127.0.0.1:${closedPort}/none` },
    });
    expect(created.statusCode, created.body).toBe(201);
    const n = await waitFor(async () => (await notifications(`regionCode=${COUNTY}&kind=silent_cadences`)).items[0], { what: 'silent notification', timeoutMs: 30_000 });
    expect(n).toMatchObject({ kind: 'silent_cadences', institutionId: s.id, details: { cadences: 3 } });
    expect((await notifications(`regionCode=${COUNTY}&kind=silent_cadences`)).total).toBe(1);
    const failed = await waitFor(
      async () => {
        const d = (await notifications(`institutionId=${s.id}&kind=silent_cadences`)).items[0]?.deliveries[0];
        return d?.status === 'failed' ? d : null;
      },
      { what: 'delivery failed for good', timeoutMs: 30_000 },
    );
    expect(failed.attempts).toBe(3);
    expect(failed.lastError).toBe('ECONNREFUSED');
  });

  it('lists, filters and acknowledges notifications within each caller\'s reach', async () => {
    const before = await notifications(`regionCode=${COUNTY}&acknowledged=false`);
    expect(before.total).toBe(2);
    const target = before.items[0]!;
    const ack = await app.inject({ method: 'POST', url: `/api/v1/alerts/notifications/${target.id}/acknowledge`, headers: bearer(token) });
    expect(ack.statusCode, ack.body).toBe(200);
    expect(json<NotificationBody>(ack).acknowledgedAt).not.toBeNull();
    const after = await notifications(`regionCode=${COUNTY}&acknowledged=false`);
    expect(after.total).toBe(1);
    expect((await notifications(`regionCode=${COUNTY}&acknowledged=true`)).items.map((i) => i.id)).toEqual([target.id]);

    // County staff elsewhere see none of these and cannot ask for them; an auditor cannot acknowledge.
    const elsewhere = await createStaffUser(app, 'quality_officer', { regionScope: '511024' });
    expect((await notifications('pageSize=100', elsewhere)).items.some((i) => i.id === target.id)).toBe(false);
    expect((await app.inject({ method: 'GET', url: `/api/v1/alerts/notifications?regionCode=${COUNTY}`, headers: bearer(elsewhere) })).statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: `/api/v1/alerts/notifications/${target.id}`, headers: bearer(elsewhere) })).statusCode).toBe(404);
    const auditor = await createStaffUser(app, 'auditor');
    expect((await app.inject({ method: 'POST', url: `/api/v1/alerts/notifications/${after.items[0]!.id}/acknowledge`, headers: bearer(auditor) })).statusCode).toBe(403);
    const csv = await app.inject({ method: 'GET', url: `/api/v1/alerts/notifications?regionCode=${COUNTY}&format=csv`, headers: bearer(token) });
    expect(csv.body.trim().split('\r\n')).toHaveLength(3);

    const rules = await app.inject({ method: 'GET', url: '/api/v1/alerts/rules?kind=silent_cadences', headers: bearer(token) });
    const rule = json<{ items: { id: string; cadences: number }[] }>(rules).items[0]!;
    expect(rule.cadences).toBe(3);
    const patched = await app.inject({ method: 'PATCH', url: `/api/v1/alerts/rules/${rule.id}`, headers: bearer(token), payload: { active: false, webhookUrl: null } });
    expect(json<{ active: boolean; webhookUrl: string | null }>(patched)).toMatchObject({ active: false, webhookUrl: null });
    const wrong = await app.inject({ method: 'PATCH', url: `/api/v1/alerts/rules/${rule.id}`, headers: bearer(token), payload: { days: 3 } });
    expect(wrong.statusCode).toBe(400);
    expect((await app.inject({ method: 'DELETE', url: `/api/v1/alerts/rules/${rule.id}`, headers: bearer(token) })).statusCode).toBe(204);
    expect((await notifications(`regionCode=${COUNTY}&kind=silent_cadences`)).items[0]).toMatchObject({ ruleId: null });
  });
});
