import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, buildTestApp, json, login } from '../../../test/helper';
import { startWorker, type WorkerProcess } from '../../../test/processes';
import {
  FAST_MONITORING_ENV, batchDone, batchScanned, createInstitution, createStaffUser, encounter, patient, pushBatch, rollupsRefreshed,
} from '../interconnection/monitoring-fixtures';

/** A county no other suite uses, so its scores are exactly this suite's. */
const COUNTY = '511025';

let app: FastifyInstance;
let worker: WorkerProcess;
let token: string;
let q1: { id: string; key: string; name: string };
let q2: { id: string; key: string; name: string };
const start = new Date(Date.now() - 2 * 3_600_000);

interface ScoreRow {
  institutionId: string | null;
  regionCode: string | null;
  dataset: string | null;
  day: string | null;
  records: number;
  passed: number;
  passRate: number | null;
  completeness: { numerator: number; denominator: number; score: number | null };
  uniqueness: { numerator: number; denominator: number; score: number | null };
  integration: { score: number | null };
}

const get = async <T>(url: string, auth = token) => {
  const res = await app.inject({ method: 'GET', url, headers: bearer(auth) });
  expect(res.statusCode, res.body).toBe(200);
  return json<T>(res);
};

beforeAll(async () => {
  ({ app } = await buildTestApp());
  token = await login(app);
  worker = startWorker({ DATABASE_URL: process.env.DATABASE_URL!, QUEUE_PREFIX: process.env.QUEUE_PREFIX!, ...FAST_MONITORING_ENV });
  q1 = await createInstitution(app, { name: '资中县人民医院', regionCode: COUNTY, expectedDatasets: [{ dataset: 'encounters' }] });
  q2 = await createInstitution(app, { name: '资中县中医医院', regionCode: COUNTY, type: 'tcm_hospital', expectedDatasets: [{ dataset: 'encounters' }] });

  // q1: 100 encounters, 7 of which lack the patient's name (a required element).
  const first = Array.from({ length: 100 }, (_, i) => {
    const r = encounter(`Q1-${i}`, patient(COUNTY, i), start);
    if (i % 15 === 0) (r.patient as Record<string, unknown>).name = null; // i = 0, 15, …, 90
    return r;
  });
  const b1 = await pushBatch(app, q1.key, 'encounters', first);
  await batchDone(app, q1.key, b1);
  await batchScanned(app, b1);
  // q1 again: the same visits of patients 1 and 2 re-entered under new source ids (within-institution duplicates).
  const b2 = await pushBatch(app, q1.key, 'encounters', [1, 2].map((i) => encounter(`Q1-again-${i}`, patient(COUNTY, i), new Date(start.getTime() + 60_000))));
  await batchDone(app, q1.key, b2);
  await batchScanned(app, b2);
  // q2: the same visits of patients 3–7 sent by another institution, 2–4 minutes apart (cross-institution duplicates),
  // and one visit of patient 8 twenty minutes later (a different visit).
  const b3 = await pushBatch(app, q2.key, 'encounters', [
    ...[3, 4, 5, 6, 7].map((i) => encounter(`Q2-${i}`, patient(COUNTY, i), new Date(start.getTime() + (i % 3 + 2) * 60_000))),
    encounter('Q2-8', patient(COUNTY, 8), new Date(start.getTime() + 20 * 60_000)),
  ]);
  await batchDone(app, q2.key, b3);
  await batchScanned(app, b3);
  await rollupsRefreshed(app);
});

afterAll(async () => {
  await worker?.stop();
  await app.close();
});

describe('quality scores', () => {
  it('serves the rule catalogue as data', async () => {
    const body = await get<{ dimensions: { code: string; name: { zh: string } }[]; rules: { code: string; dimension: string; severity: string; title: { zh: string; en: string }; datasets: string[] }[] }>('/api/v1/quality/rules');
    expect(body.dimensions.map((d) => d.code)).toEqual(['completeness', 'consistency', 'integration', 'timeliness', 'uniqueness']);
    expect(body.rules.find((r) => r.code === 'REQ.MISSING')).toMatchObject({ dimension: 'completeness', severity: 'error', title: { zh: '必填数据元缺失' } });
    expect(body.rules.find((r) => r.code === 'UNIQ.DUPLICATE')).toMatchObject({ dimension: 'uniqueness', severity: 'warning' });
    const filtered = await get<{ rules: { dimension: string }[] }>('/api/v1/quality/rules?dimension=uniqueness');
    expect(filtered.rules.every((r) => r.dimension === 'uniqueness')).toBe(true);
    const csv = await app.inject({ method: 'GET', url: '/api/v1/quality/rules?format=csv', headers: bearer(token) });
    expect(csv.body).toContain('REQ.MISSING');
  });

  it('scores every record an institution sent, re-entries included', async () => {
    const body = await get<{ items: ScoreRow[] }>(`/api/v1/quality/scores?institutionId=${q1.id}&groupBy=institution-dataset-day`);
    expect(body.items).toHaveLength(1);
    // The first batch (100 records, 7 rejected) and the re-entered pair (2 records, both duplicates).
    expect(body.items[0]).toMatchObject({ institutionId: q1.id, dataset: 'encounters', records: 102, passed: 95 });
    const first = await get<{ items: ScoreRow[] }>(`/api/v1/quality/scores?institutionId=${q1.id}&groupBy=institution`);
    expect(first.items[0]!.completeness).toEqual({ numerator: 95, denominator: 102, score: 93.1 });
  });

  it('reads exactly 93.0% through the API for a 100-record institution', async () => {
    const q3 = await createInstitution(app, { name: '资中县妇幼保健院', regionCode: COUNTY, type: 'maternal_child' });
    const records = Array.from({ length: 100 }, (_, i) => {
      const r = encounter(`Q3-${i}`, patient(COUNTY, 300 + i), start);
      if (i % 15 === 0) (r.patient as Record<string, unknown>).name = null;
      return r;
    });
    const b = await pushBatch(app, q3.key, 'encounters', records);
    await batchDone(app, q3.key, b);
    await batchScanned(app, b);
    await rollupsRefreshed(app);
    const body = await get<{ items: ScoreRow[] }>(`/api/v1/quality/scores?institutionId=${q3.id}&groupBy=institution`);
    expect(body.items[0]).toMatchObject({ records: 100, passed: 93, passRate: 93, completeness: { numerator: 93, denominator: 100, score: 93 }, integration: { score: 93 }, uniqueness: { score: 100 } });
    const failing = await get<{ records: number; items: { ruleCode: string; records: number; recordShare: number; dimension: string }[] }>(`/api/v1/quality/failing-rules?institutionId=${q3.id}&dimension=completeness&severity=error`);
    expect(failing.records).toBe(100);
    expect(failing.items[0]).toMatchObject({ ruleCode: 'REQ.MISSING', records: 7, recordShare: 7, dimension: 'completeness' });
  });

  it('finds duplicates within and across institutions and scores uniqueness from them', async () => {
    const dupes = await get<{ total: number; items: { institutionId: string; sourceId: string; originalInstitutionId: string; originalSourceId: string; kind: string }[] }>(`/api/v1/quality/duplicates?regionCode=${COUNTY}&pageSize=50`);
    expect(dupes.total).toBe(7);
    const pairs = dupes.items.map((d) => `${d.sourceId}->${d.originalSourceId}`).sort();
    expect(pairs).toEqual(['Q1-again-1->Q1-1', 'Q1-again-2->Q1-2', 'Q2-3->Q1-3', 'Q2-4->Q1-4', 'Q2-5->Q1-5', 'Q2-6->Q1-6', 'Q2-7->Q1-7']);
    expect(dupes.items.every((d) => d.kind === 'event')).toBe(true);
    const cross = await get<{ total: number }>(`/api/v1/quality/duplicates?regionCode=${COUNTY}&crossInstitution=true`);
    expect(cross.total).toBe(5);
    const q1Scores = await get<{ items: ScoreRow[] }>(`/api/v1/quality/scores?institutionId=${q1.id}&groupBy=institution`);
    expect(q1Scores.items[0]!.uniqueness).toEqual({ numerator: 100, denominator: 102, score: 98 });
    const q2Scores = await get<{ items: ScoreRow[] }>(`/api/v1/quality/scores?institutionId=${q2.id}&groupBy=institution`);
    expect(q2Scores.items[0]!.uniqueness).toEqual({ numerator: 1, denominator: 6, score: 16.7 });
  });

  it('rolls scores up per county and for the city as Σnumerator ÷ Σdenominator', async () => {
    const county = await get<{ items: ScoreRow[] }>(`/api/v1/quality/scores?groupBy=county&regionCode=${COUNTY}`);
    // q1 102 records (95 passed), q2 6 (6), q3 100 (93).
    expect(county.items).toEqual([expect.objectContaining({ regionCode: COUNTY, regionName: '资中县', records: 208, passed: 194, passRate: 93.3 })]);
    expect(county.items[0]!.uniqueness).toEqual({ numerator: 201, denominator: 208, score: 96.6 });
    const summary = await get<{ targetPassRate: number; city: { records: number }; counties: { code: string; passRate: number; meetsTarget: boolean; institutions: number }[] }>('/api/v1/quality/summary');
    expect(summary.targetPassRate).toBe(95);
    expect(summary.counties.find((c) => c.code === COUNTY)).toMatchObject({ passRate: 93.3, meetsTarget: false, institutions: 3 });
    expect(summary.city.records).toBeGreaterThanOrEqual(208);
    const byDataset = await get<{ items: ScoreRow[]; groupBy: string }>(`/api/v1/quality/scores?groupBy=dataset&regionCode=${COUNTY}`);
    expect(byDataset).toMatchObject({ groupBy: 'dataset', items: [expect.objectContaining({ dataset: 'encounters', records: 208, institutionId: null, day: null })] });
    const worst = await get<{ items: ScoreRow[] }>(`/api/v1/quality/scores?groupBy=institution&regionCode=${COUNTY}&sort=uniqueness&order=asc`);
    expect(worst.items[0]!.institutionId).toBe(q2.id);
    const csv = await app.inject({ method: 'GET', url: `/api/v1/quality/scores?groupBy=institution&regionCode=${COUNTY}&format=csv`, headers: bearer(token) });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.trim().split('\r\n')).toHaveLength(4);
  });
});

describe('quality drill-down', () => {
  it('goes from a score to its failing rules to the records, personal fields masked, and audits the read', async () => {
    const rules = await get<{ items: { ruleCode: string; records: number }[] }>(`/api/v1/quality/failing-rules?institutionId=${q1.id}`);
    expect(rules.items.find((r) => r.ruleCode === 'REQ.MISSING')?.records).toBe(7);
    expect(rules.items.find((r) => r.ruleCode === 'UNIQ.DUPLICATE')?.records).toBe(2);
    const officer = await createStaffUser(app, 'quality_officer');
    const page = await get<{ total: number; items: { sourceId: string; outcome: string; patient: { name: string | null; idNumber: string | null }; findings: { ruleCode: string; path: string; value: string | null }[] }[] }>(
      `/api/v1/quality/records?institutionId=${q1.id}&dataset=encounters&rule=REQ.MISSING&pageSize=5`,
      officer,
    );
    expect(page.total).toBe(7);
    expect(page.items).toHaveLength(5);
    for (const r of page.items) {
      expect(r.outcome).toBe('rejected');
      expect(r.patient.name).toBeNull();
      expect(r.patient.idNumber).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
      expect(r.findings).toContainEqual(expect.objectContaining({ ruleCode: 'REQ.MISSING', path: 'patient.name', value: null }));
    }
    const dup = await get<{ items: { sourceId: string; outcome: string; masterPersonId: string | null; duplicateOf: { sourceId: string } | null; patient: { name: string } }[] }>(
      `/api/v1/quality/records?institutionId=${q2.id}&dataset=encounters&rule=UNIQ.DUPLICATE`,
      officer,
    );
    expect(dup.items).toHaveLength(5);
    expect(dup.items[0]!.duplicateOf).not.toBeNull();
    expect(dup.items[0]!.masterPersonId).not.toBeNull();
    expect(dup.items[0]!.patient.name).toMatch(/^患\*+$/);
    const audit = await app.pg.query<{ action: string; purpose: string; details: { records: number } }>(
      `select action, purpose, details from audit_log where action = 'quality.records.read' and resource_id = $1 order by id`,
      [`${q2.id}:encounters`],
    );
    expect(audit.rows).toEqual([expect.objectContaining({ action: 'quality.records.read', purpose: 'quality_review', details: expect.objectContaining({ records: 5 }) })]);
    const analyst = await createStaffUser(app, 'analyst');
    const refused = await app.inject({ method: 'GET', url: `/api/v1/quality/records?institutionId=${q1.id}&dataset=encounters`, headers: bearer(analyst) });
    expect(refused.statusCode).toBe(403);
  });
});

describe('institution self-service', () => {
  it('returns an institution key only its own findings, filterable by date, data set and rule', async () => {
    const own = await get<{ total: number; items: { institutionId: string; ruleCode: string; sourceId: string }[] }>('/api/v1/quality/findings?pageSize=500', q2.key);
    expect(own.items.length).toBe(own.total);
    expect(own.items.every((f) => f.institutionId === q2.id)).toBe(true);
    const dupes = await get<{ total: number; items: { sourceId: string }[] }>('/api/v1/quality/findings?rule=UNIQ.DUPLICATE', q2.key);
    expect(dupes.items.map((f) => f.sourceId).sort()).toEqual(['Q2-3', 'Q2-4', 'Q2-5', 'Q2-6', 'Q2-7']);
    const byRule = await get<{ total: number; items: { ruleCode: string; path: string; title: { zh: string } }[] }>('/api/v1/quality/findings?rule=REQ.MISSING&dataset=encounters', q1.key);
    expect(byRule.total).toBe(7);
    expect(byRule.items[0]).toMatchObject({ ruleCode: 'REQ.MISSING', path: 'patient.name', title: { zh: '必填数据元缺失' } });
    const twoRules = await get<{ total: number }>('/api/v1/quality/findings?rule=REQ.MISSING,UNIQ.DUPLICATE', q1.key);
    expect(twoRules.total).toBe(9);
    const otherDataset = await get<{ total: number }>('/api/v1/quality/findings?dataset=lab-reports', q1.key);
    expect(otherDataset.total).toBe(0);
    const past = await get<{ total: number }>('/api/v1/quality/findings?from=2020-01-01&to=2020-01-31', q1.key);
    expect(past.total).toBe(0);
    const other = await app.inject({ method: 'GET', url: `/api/v1/quality/findings?institutionId=${q2.id}`, headers: bearer(q1.key) });
    expect(other.statusCode).toBe(403);
    const scores = await get<{ items: ScoreRow[] }>('/api/v1/quality/scores?groupBy=institution', q2.key);
    expect(scores.items.map((s) => s.institutionId)).toEqual([q2.id]);
    const csv = await app.inject({ method: 'GET', url: '/api/v1/quality/findings?format=csv', headers: bearer(q2.key) });
    expect(csv.body.trim().split('\r\n')).toHaveLength(own.total + 1);
  });
});
