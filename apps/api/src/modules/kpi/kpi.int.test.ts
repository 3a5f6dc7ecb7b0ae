/**
 * KPIs end to end: known records pushed through the ingest API to the real
 * worker, rollups kept by the KPI worker, values read through the API.
 *
 * The data lives in its own city (成都 5101xx: counties 510104 and 510105) so
 * the other suites of the run, which use 内江 codes, do not touch its totals.
 * Events are in September and October of last year (all in the past); the
 * plan indicators are read for the current year, when the data arrives.
 */
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaYearOf, type IndicatorEntryDto, type IndicatorList, type KpiStatus, type KpiValue, type KpiValues, type NotifiableDiseaseReport, type PlanTable } from '@rhip/contracts';
import { generateResidentId, generateUscc } from '@rhip/domain';
import { ADMIN, bearer, buildTestApp, json, login } from '../../../test/helper';
import { startWorker, waitFor, type WorkerProcess } from '../../../test/processes';
import { push } from '../ingest/ingest-fixtures';

const CITY = '510100';
const A = '510104';
const B = '510105';
const Y = chinaYearOf() - 1;
const SEP = `${Y}-09`;
const OCT = `${Y}-10`;
const THIS_YEAR = String(chinaYearOf());
const t = (day: string, time = '10:00:00') => `${day}T${time}+08:00`;
const d = (mmdd: string, year = Y) => `${year}-${mmdd}`;

let app: FastifyInstance;
let worker: WorkerProcess;
let admin: string;
const inst: Record<'H1' | 'H2' | 'C1' | 'H3' | 'P1' | 'CDC', { id: string; key: string }> = {} as never;
const batches: string[] = [];
const totals = { received: 0, rejected: 0 };

const NAMES = ['赵一鸣', '钱二虎', '孙三丽', '李四海', '周五洲', '吴六合', '郑七星', '王八方', '冯九龄', '陈十全', '褚明远', '卫东升', '蒋南山', '沈北辰'];

/** Residents: A0–A9 live in county A, B0–B3 in county B. */
function resident(i: number) {
  const regionCode = i < 10 ? A : B;
  const sex = i % 2 === 0 ? '1' : '2';
  const birthDate = `${1950 + i * 2}-0${1 + (i % 9)}-1${i % 9}`;
  return { idType: '01', idNumber: generateResidentId({ regionCode, birthDate, sequence: 10 + i, sex }), name: NAMES[i] as string, sex, birthDate };
}
const a = (n: number) => resident(n);
const b = (n: number) => resident(10 + n);

async function institution(name: string, regionCode: string, seq: number, attrs: Record<string, unknown>) {
  const code = generateUscc({ regionCode, sequence: 7_000 + seq * 10 }); // spaced: the generator skips sequences whose check character would be X
  const res = await app.inject({ method: 'POST', url: '/api/v1/institutions', headers: bearer(admin), payload: { code, name, regionCode, ...attrs } });
  expect(res.statusCode, res.body).toBe(201);
  const id = json<{ id: string }>(res).id;
  const cred = await app.inject({ method: 'POST', url: `/api/v1/institutions/${id}/credentials`, headers: bearer(admin), payload: {} });
  return { id, key: json<{ key: string }>(cred).key };
}

async function send(who: { key: string }, dataset: string, records: unknown[]) {
  const res = await push(app, who.key, dataset, records);
  expect(res.statusCode, res.body).toBe(202);
  const body = json<{ batchId: string; received: number; rejected: number }>(res);
  totals.received += body.received;
  totals.rejected += body.rejected;
  batches.push(body.batchId);
  return body;
}

async function batchesDone() {
  for (const id of batches) {
    await waitFor(async () => {
      const res = await app.inject({ url: `/api/v1/ingest/batches/${id}`, headers: bearer(admin) });
      const s = json<{ status: string }>(res).status;
      return s === 'done' || s === 'failed';
    }, { what: `batch ${id}` });
  }
}

/** Waits until every batch is through the pipeline and the KPI worker has nothing left to do. */
async function settled() {
  await batchesDone();
  await waitFor(async () => {
    const ingest = await app.queues.ingest.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
    if (Object.values(ingest).some((n) => n > 0)) return false;
    const s = json<KpiStatus>(await app.inject({ url: '/api/v1/kpi/status', headers: bearer(admin) }));
    return s.pendingScopes === 0 && s.pendingJobs === 0;
  }, { what: 'kpi rollups settled', timeoutMs: 90_000 });
}

async function values(query: string): Promise<KpiValues> {
  const res = await app.inject({ url: `/api/v1/kpi/values?${query}`, headers: bearer(admin) });
  expect(res.statusCode, res.body).toBe(200);
  return json<KpiValues>(res);
}

/** value of one indicator, region or institution and period. */
async function value(code: string, period: string, where: { regionCode?: string; institutionId?: string }): Promise<KpiValue> {
  const q = new URLSearchParams({ indicators: code, period, ...where });
  const rows = (await values(q.toString())).rows;
  expect(rows).toHaveLength(1);
  return rows[0]!;
}

async function report(month: string, regionCode = CITY): Promise<NotifiableDiseaseReport> {
  const res = await app.inject({ url: `/api/v1/reports/notifiable-diseases?month=${month}&regionCode=${regionCode}`, headers: bearer(admin) });
  expect(res.statusCode, res.body).toBe(200);
  return json<NotifiableDiseaseReport>(res);
}

const row = (r: NotifiableDiseaseReport, code: string) => {
  const found = r.rows.find((x) => x.code === code);
  if (!found) throw new Error(`no row ${code}`);
  return { cases: found.cases, deaths: found.deaths };
};

beforeAll(async () => {
  ({ app } = await buildTestApp());
  admin = await login(app);
  worker = startWorker({ DATABASE_URL: process.env.DATABASE_URL!, QUEUE_PREFIX: process.env.QUEUE_PREFIX! });
  // County B's resident population comes from the statistics bureau (reference data, not an ingest data set).
  await app.pg.query(`insert into region_populations (region_code, year, population, source) values ($1, $2, 40, 'kpi test') on conflict do nothing`, [B, Y]);

  inst.H1 = await institution('测试第一人民医院', A, 1, {
    level: '3A', type: 'general_hospital', ownership: 'public', emrLevel: 5, interopLevel: '四级甲等', onHealthPrivateNetwork: true, securityAssessed: true,
    isInternetHospital: true, isSmartHospital: true, hasRemoteCare: true, hasConvenienceServices: true, hasDigitalImaging: true,
  });
  inst.H2 = await institution('测试第二医院', A, 2, { level: '2A', type: 'general_hospital', ownership: 'public', emrLevel: 2, securityAssessed: true });
  inst.C1 = await institution('测试社区卫生服务中心', A, 3, { level: '1', type: 'community_health_center', ownership: 'public' });
  inst.H3 = await institution('测试中医医院', B, 4, { level: '3B', type: 'tcm_hospital', ownership: 'public', emrLevel: 4, interopLevel: '三级', onHealthPrivateNetwork: true });
  inst.P1 = await institution('测试民营医院', B, 5, { level: '2B', type: 'general_hospital', ownership: 'private', hasConvenienceServices: true });
  inst.CDC = await institution('测试疾控中心', B, 6, { level: 'unrated', type: 'cdc', ownership: 'public' });

  // Residents first, with their county of residence (the denominators of coverage).
  await send(inst.C1, 'persons', Array.from({ length: 10 }, (_, i) => ({ sourceId: `P-A${i}`, ...a(i), regionCode: `${A}001` })));
  await send(inst.H3, 'persons', Array.from({ length: 4 }, (_, i) => ({ sourceId: `P-B${i}`, ...b(i), regionCode: B })));
  await batchesDone();

  // EHR: A0–A3 before the year, A4 in September, A5 in October, A6 closed; A3 has a second archive at H1.
  await send(inst.C1, 'health-records', [
    { sourceId: 'HR-A0', patient: a(0), establishedAt: t(d('03-01', Y - 1)), regionCode: `${A}001` },
    { sourceId: 'HR-A1', patient: a(1), establishedAt: t(d('05-01', Y - 1)), regionCode: `${A}001` },
    { sourceId: 'HR-A2', patient: a(2), establishedAt: t(d('07-01', Y - 1)), regionCode: `${A}001` },
    { sourceId: 'HR-A3', patient: a(3), establishedAt: t(d('08-01', Y - 1)), regionCode: `${A}001` },
    { sourceId: 'HR-A4', patient: a(4), establishedAt: t(d('09-15')), regionCode: `${A}001` },
    { sourceId: 'HR-A5', patient: a(5), establishedAt: t(d('10-15')), regionCode: `${A}001` },
    { sourceId: 'HR-A6', patient: a(6), establishedAt: t(d('01-01', Y - 1)), regionCode: `${A}001`, status: 'closed' },
  ]);
  await send(inst.H1, 'health-records', [{ sourceId: 'HR-H1-A3', patient: a(3), establishedAt: t(d('02-01')) }]);
  await send(inst.H3, 'health-records', [
    { sourceId: 'HR-B0', patient: b(0), establishedAt: t(d('05-01')), regionCode: B },
    { sourceId: 'HR-B1', patient: b(1), establishedAt: t(d('05-02')), regionCode: B },
  ]);

  // Family-doctor contracts.
  await send(inst.C1, 'contracts', [
    { sourceId: 'FDC-A0', patient: a(0), signedAt: t(d('08-01')), validFrom: d('08-01'), validTo: d('07-31', Y + 1), status: 'active' },
    { sourceId: 'FDC-A1', patient: a(1), signedAt: t(d('09-15')), validFrom: d('09-15'), validTo: d('10-15'), status: 'active' },
    { sourceId: 'FDC-A2', patient: a(2), signedAt: t(d('10-20')), validFrom: d('10-20'), validTo: d('10-19', Y + 1), status: 'terminated' },
    { sourceId: 'FDC-A3a', patient: a(3), signedAt: t(d('06-01', Y - 1)), validFrom: d('06-01', Y - 1), validTo: d('05-31'), status: 'active' },
    { sourceId: 'FDC-A3b', patient: a(3), signedAt: t(d('06-01')), validFrom: d('06-01'), validTo: d('12-31'), status: 'active' },
  ]);

  // Chronic disease follow-ups: A0 has its 4th hypertension follow-up at H1 in September.
  const reg = (sourceId: string, day: string) => ({ sourceId, registeredAt: t(day), icd10: sourceId.includes('DM') ? 'E11.900' : 'I10.x00', status: 'active' });
  const fu = (sourceId: string, patient: unknown, disease: string, day: string, registration?: unknown) => ({
    sourceId, patient, disease, followupAt: t(day), way: 'clinic', sbp: 138, dbp: 86, ...(registration ? { registration } : {}),
  });
  await send(inst.C1, 'followups', [
    ...['02-10', '04-10', '07-10'].map((m, n) => fu(`FU-A0-${n}`, a(0), 'hypertension', d(m), reg('REG-A0', d('02-01')))),
    ...['03-05', '06-05', '09-05', '11-05'].map((m, n) => fu(`FU-A1-${n}`, a(1), 'hypertension', d(m), reg('REG-A1', d('03-01')))),
    fu('FU-A2-0', a(2), 'hypertension', d('05-02'), reg('REG-A2', d('05-01'))),
    ...['01-20', '04-20', '07-20', '10-20'].map((m, n) => fu(`FU-A4-${n}`, a(4), 't2dm', d(m), reg('REG-A4-DM', d('01-15')))),
  ]);
  await send(inst.H1, 'followups', [fu('FU-H1-A0', a(0), 'hypertension', d('09-10'))]);

  // Visits and stays. I2 is first sent on admission, then again with its discharge.
  const enc = (sourceId: string, patient: unknown, type: string, startAt: string, endAt?: string, version = 1) => ({
    sourceId, version, patient, type, startAt, ...(endAt ? { endAt } : {}), department: '内科', diagnoses: [{ code: 'J18.900', name: '肺炎', primary: true }],
  });
  const bad = enc('E-BAD', { ...a(9), idNumber: `${a(9).idNumber.slice(0, 17)}${a(9).idNumber[17] === '0' ? '1' : '0'}` }, 'outpatient', t(d('09-05')));
  await send(inst.H1, 'encounters', [
    enc('E1', a(0), 'outpatient', t(d('09-05'))),
    enc('E2', a(1), 'outpatient', t(d('09-05'), '11:00:00')),
    enc('E3', a(2), 'outpatient', t(d('09-05'), '14:00:00')),
    enc('E4', a(3), 'emergency', t(d('09-06'), '02:00:00')),
    enc('E5', a(4), 'emergency', t(d('09-30'), '23:30:00')),
    enc('E6', a(0), 'outpatient', t(d('10-08'))),
    enc('I1', a(5), 'inpatient', t(d('09-01')), t(d('09-05'), '09:00:00')),
    enc('I2', a(6), 'inpatient', t(d('09-28'))),
    enc('I3', a(7), 'inpatient', t(d('10-10'), '08:00:00'), t(d('10-10'), '18:00:00')),
    enc('I4', a(8), 'inpatient', t(d('10-25'))),
    bad,
  ]);
  await send(inst.H1, 'encounters', [enc('I2', a(6), 'inpatient', t(d('09-28')), t(d('10-02'), '09:00:00'), 2)]);
  await send(inst.H2, 'encounters', [
    ...[1, 2, 3, 4].map((n) => enc(`H2-E${n}`, a(n), 'outpatient', t(d('09-12')))),
    enc('H2-I5', a(9), 'inpatient', t(d('09-10'), '09:00:00'), t(d('09-20'), '09:00:00')),
  ]);
  await send(inst.H3, 'encounters', [enc('H3-E1', b(0), 'outpatient', t(d('09-15'))), enc('H3-E2', b(1), 'outpatient', t(d('09-15')))]);

  // Beds and doses.
  await send(inst.H1, 'facility-resources', [
    { sourceId: `RES-H1-${SEP}`, period: SEP, bedsOpen: 100, occupiedBedDays: 2700, openBedDays: 3000 },
    { sourceId: `RES-H1-${OCT}`, period: OCT, bedsOpen: 100, occupiedBedDays: 2790, openBedDays: 3100 },
  ]);
  await send(inst.H2, 'facility-resources', [{ sourceId: `RES-H2-${SEP}`, period: SEP, bedsOpen: 80, occupiedBedDays: 1200, openBedDays: 2000 }]);
  const dose = (sourceId: string, patient: unknown, day: string) => ({ sourceId, patient, vaccineCode: '5301', vaccineName: '流感疫苗', doseNumber: 1, administeredAt: t(day) });
  await send(inst.C1, 'immunizations', [dose('IM1', a(0), d('09-03')), dose('IM2', a(1), d('09-04')), dose('IM3', a(2), d('09-05')), dose('IM4', a(3), d('10-03'))]);

  // Notifiable-disease report cards. D3 is re-sent once reviewed; D5 died in September, reviewed in October; D7 is not reviewed.
  const card = (sourceId: string, patient: unknown, c: Record<string, unknown>, version = 1) => ({ sourceId, version, patient, caseClassification: 'confirmed', ...c });
  await send(inst.H1, 'disease-reports', [
    card('D1', a(0), { icd10: 'A15.000', disease: '肺结核', diagnosisDate: d('09-02'), reportedAt: t(d('09-02'), '15:00:00'), finalReviewAt: t(d('09-03')), addressRegionCode: A }),
    card('D2', a(1), { disease: '肺结核', diagnosisDate: d('09-10'), reportedAt: t(d('09-10'), '15:00:00'), finalReviewAt: t(d('09-11')), addressRegionCode: A }),
    card('D3', a(2), { icd10: 'B16.900', disease: '乙型肝炎', diagnosisDate: d('09-20'), reportedAt: t(d('09-20'), '12:00:00'), addressRegionCode: A }),
    card('D4', a(3), { icd10: 'B17.1', disease: '丙肝', diagnosisDate: d('09-12'), reportedAt: t(d('09-12'), '16:00:00'), finalReviewAt: t(d('09-14')), addressRegionCode: A }),
    card('D5', a(4), { icd10: 'A82.900', disease: '狂犬病', diagnosisDate: d('09-20'), reportedAt: t(d('09-20'), '12:00:00'), finalReviewAt: t(d('10-03')), outcome: 'death', deathDate: d('09-28'), addressRegionCode: A }),
    card('D6', a(5), { icd10: 'B15.900', disease: '甲型肝炎', diagnosisDate: d('10-05'), reportedAt: t(d('10-05'), '12:00:00'), finalReviewAt: t(d('10-06')), addressRegionCode: A }),
    card('D7', a(6), { icd10: 'A51.000', disease: '梅毒', diagnosisDate: d('09-08'), reportedAt: t(d('09-08'), '12:00:00'), addressRegionCode: A }),
  ]);
  await send(inst.H1, 'disease-reports', [
    card('D3', a(2), { icd10: 'B16.900', disease: '乙型肝炎', diagnosisDate: d('09-20'), reportedAt: t(d('09-20'), '12:00:00'), finalReviewAt: t(d('09-25')), addressRegionCode: A }, 2),
  ]);
  await send(inst.H3, 'disease-reports', [
    card('D8', b(0), { icd10: 'B08.4', disease: '手足口病', diagnosisDate: d('09-15'), reportedAt: t(d('09-15'), '12:00:00'), finalReviewAt: t(d('09-16')), addressRegionCode: B }),
    card('D9', b(1), { icd10: 'B08.4', disease: '手足口病', diagnosisDate: d('09-15'), reportedAt: t(d('09-15'), '13:00:00'), finalReviewAt: t(d('09-16')), addressRegionCode: B }),
    card('D10', b(2), { icd10: 'J11.100', disease: '流行性感冒', diagnosisDate: d('10-12'), reportedAt: t(d('10-12'), '12:00:00'), finalReviewAt: t(d('10-13')), addressRegionCode: B }),
  ]);
  await settled();
});

afterAll(async () => {
  await worker?.stop();
  await app?.close();
});

describe('KPI: health-service indicators from pushed records', () => {
  it('counts outpatient and emergency visits per institution, county, city, month and year', async () => {
    const code = 'HS.OUTPATIENT_EMERGENCY_VISITS';
    expect((await value(code, SEP, { institutionId: inst.H1.id })).value).toBe(5);
    expect((await value(code, SEP, { institutionId: inst.H2.id })).value).toBe(4);
    expect((await value(code, SEP, { regionCode: A })).value).toBe(9);
    expect((await value(code, SEP, { regionCode: CITY })).value).toBe(11);
    expect((await value(code, OCT, { regionCode: A })).value).toBe(1);
    expect((await value(code, String(Y), { institutionId: inst.H1.id })).value).toBe(6);
    expect((await value(code, String(Y), { regionCode: CITY })).value).toBe(12);
    const byCounty = await values(`indicators=${code}&period=${SEP}&regionCode=${CITY}&by=county`);
    expect(byCounty.rows.map((r) => [r.regionCode, r.value])).toEqual([[A, 9], [B, 2]]);
  });

  it('counts discharges by discharge date, a stay updated with its discharge included', async () => {
    const code = 'HS.DISCHARGES';
    expect((await value(code, SEP, { institutionId: inst.H1.id })).value).toBe(1);
    expect((await value(code, OCT, { institutionId: inst.H1.id })).value).toBe(2);
    expect((await value(code, SEP, { regionCode: A })).value).toBe(2);
    expect((await value(code, String(Y), { regionCode: A })).value).toBe(4);
    const trend = await values(`indicators=${code}&period=${Y}&institutionId=${inst.H1.id}&by=month`);
    expect(trend.rows).toHaveLength(12);
    expect(trend.rows.filter((r) => r.value !== null).map((r) => [r.period, r.value])).toEqual([[SEP, 1], [OCT, 2]]);
  });

  it('computes the average length of stay (same-day stays count one day)', async () => {
    const code = 'HS.AVERAGE_LENGTH_OF_STAY';
    expect(await value(code, SEP, { institutionId: inst.H1.id })).toMatchObject({ numerator: 4, denominator: 1, value: 4 });
    expect((await value(code, SEP, { institutionId: inst.H2.id })).value).toBe(10);
    expect(await value(code, SEP, { regionCode: A })).toMatchObject({ numerator: 14, denominator: 2, value: 7 });
    expect(await value(code, OCT, { institutionId: inst.H1.id })).toMatchObject({ numerator: 5, denominator: 2, value: 2.5 });
    expect((await value(code, String(Y), { institutionId: inst.H1.id })).value).toBe(3);
    expect((await value(code, String(Y), { regionCode: CITY })).value).toBe(4.75);
  });

  it('computes bed occupancy from the resource reports', async () => {
    const code = 'HS.BED_OCCUPANCY';
    expect(await value(code, SEP, { institutionId: inst.H1.id })).toMatchObject({ numerator: 2700, denominator: 3000, value: 90 });
    expect((await value(code, SEP, { institutionId: inst.H2.id })).value).toBe(60);
    expect(await value(code, SEP, { regionCode: A })).toMatchObject({ numerator: 3900, denominator: 5000, value: 78 });
    expect((await value(code, String(Y), { regionCode: A })).value).toBeCloseTo((6690 / 8100) * 100, 4);
  });

  it('counts vaccine doses', async () => {
    const code = 'HS.IMMUNIZATION_DOSES';
    expect(await value(code, SEP, { institutionId: inst.C1.id })).toMatchObject({ value: 3, denominator: null });
    expect((await value(code, OCT, { regionCode: CITY })).value).toBe(1);
    expect((await value(code, String(Y), { regionCode: A })).value).toBe(4);
  });

  it('computes EHR coverage of the residents (distinct persons, closed archives out; population table else residents)', async () => {
    const code = 'HS.EHR_COVERAGE';
    expect(await value(code, SEP, { regionCode: A })).toMatchObject({ numerator: 5, denominator: 10, value: 50 });
    expect(await value(code, OCT, { regionCode: A })).toMatchObject({ numerator: 6, denominator: 10, value: 60 });
    expect(await value(code, String(Y), { regionCode: A })).toMatchObject({ numerator: 6, value: 60 });
    expect(await value(code, SEP, { regionCode: B })).toMatchObject({ numerator: 2, denominator: 40, value: 5 });
    expect(await value(code, SEP, { regionCode: CITY })).toMatchObject({ numerator: 7, denominator: 50, value: 14 });
  });

  it('computes the family-doctor contract rate from contracts valid at the end of the period', async () => {
    const code = 'HS.FAMILY_DOCTOR_CONTRACT_RATE';
    expect(await value(code, SEP, { regionCode: A })).toMatchObject({ numerator: 3, denominator: 10, value: 30 });
    expect(await value(code, OCT, { regionCode: A })).toMatchObject({ numerator: 2, value: 20 });
    expect(await value(code, String(Y), { regionCode: A })).toMatchObject({ numerator: 2, value: 20 });
    expect(await value(code, SEP, { regionCode: CITY })).toMatchObject({ numerator: 3, denominator: 50, value: 6 });
  });

  it('computes hypertension and T2DM standardised management (≥ 4 follow-ups in the year, from any institution)', async () => {
    const htn = 'HS.HTN_STANDARDISED_MANAGEMENT';
    expect(await value(htn, SEP, { institutionId: inst.C1.id })).toMatchObject({ numerator: 1, denominator: 3 });
    expect((await value(htn, SEP, { institutionId: inst.C1.id })).value).toBeCloseTo(100 / 3, 4);
    expect(await value(htn, SEP, { institutionId: inst.H1.id })).toMatchObject({ numerator: 1, denominator: 1, value: 100 });
    expect(await value(htn, SEP, { regionCode: A })).toMatchObject({ numerator: 1, denominator: 3 });
    expect(await value(htn, String(Y), { regionCode: CITY })).toMatchObject({ numerator: 2, denominator: 3 });
    const dm = 'HS.T2DM_STANDARDISED_MANAGEMENT';
    expect(await value(dm, SEP, { regionCode: A })).toMatchObject({ numerator: 0, denominator: 1, value: 0 });
    expect(await value(dm, OCT, { regionCode: A })).toMatchObject({ numerator: 1, denominator: 1, value: 100 });
  });

  it('lists institutions of a county with their values', async () => {
    const v = await values(`indicators=HS.OUTPATIENT_EMERGENCY_VISITS&period=${SEP}&regionCode=${A}&by=institution`);
    expect(v.rows.map((r) => [r.institutionName, r.value]).sort((x, y) => Number(y[1]) - Number(x[1]))).toEqual([['测试第一人民医院', 5], ['测试第二医院', 4], ['测试社区卫生服务中心', 0]]);
  });

  it('gives the same values after a recompute of the period', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/kpi/recompute', headers: bearer(admin), payload: { period: SEP } });
    expect(res.statusCode).toBe(202);
    await settled();
    expect((await value('HS.OUTPATIENT_EMERGENCY_VISITS', SEP, { regionCode: CITY })).value).toBe(11);
    expect((await value('HS.EHR_COVERAGE', SEP, { regionCode: A })).value).toBe(50);
  });
});

describe('KPI: the plan indicators', () => {
  it('serves the registry with the 14 plan indicators, baselines (2020) and targets (2025)', async () => {
    const res = await app.inject({ url: '/api/v1/kpi/indicators?group=plan', headers: bearer(admin) });
    const items = json<IndicatorList>(res).items;
    expect(items.map((i) => i.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    for (const i of items) {
      expect(i.baseline?.year).toBe(2020);
      expect(i.target?.year).toBe(2025);
      expect(i.attribute).toMatch(/binding|expected/);
    }
    expect(items.find((i) => i.code === 'PLAN.03')).toMatchObject({ baseline: { value: 70 }, target: { value: 95 }, baselineText: '70%', targetText: '95%', attribute: 'binding', source: 'computed' });
    expect(items.find((i) => i.code === 'PLAN.10')).toMatchObject({ target: { value: 5, operator: '>=' }, targetText: '≥5个', source: 'entered' });
    expect(items.filter((i) => i.source === 'entered').map((i) => i.code)).toEqual(['PLAN.09', 'PLAN.10']);
    const all = json<IndicatorList>(await app.inject({ url: '/api/v1/kpi/indicators', headers: bearer(admin) })).items;
    expect(all.filter((i) => i.group === 'service').map((i) => i.code)).toContain('HS.EHR_COVERAGE');
    const table = await app.pg.query<{ n: string }>(`select count(*) as n from indicators`);
    expect(Number(table.rows[0]?.n)).toBe(all.length);
    const doc = json<{ paths: Record<string, unknown> }>(await app.inject('/api/openapi.json'));
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/kpi/plan', '/api/v1/kpi/values', '/api/v1/kpi/indicators/{code}/entries', '/api/v1/reports/notifiable-diseases']));
    expect(app.undeclaredRoutes()).toEqual([]);
  });

  it('computes the plan indicators from institution attributes, connections and data quality', async () => {
    const plan = json<PlanTable>(await app.inject({ url: `/api/v1/kpi/plan?regionCode=${CITY}&period=${THIS_YEAR}`, headers: bearer(admin) }));
    expect(plan.rows).toHaveLength(14);
    const v = (code: string) => plan.rows.find((r) => r.code === code)!;
    expect(v('PLAN.01')).toMatchObject({ numerator: 2, denominator: 4, value: 50, source: 'computed' });
    expect(v('PLAN.02')).toMatchObject({ numerator: 4, denominator: 5, value: 80 });
    expect(totals.rejected).toBe(1);
    expect(v('PLAN.03')).toMatchObject({ numerator: totals.received - 1, denominator: totals.received });
    expect(v('PLAN.03').value).toBeCloseTo(((totals.received - 1) * 100) / totals.received, 4);
    expect(v('PLAN.04')).toMatchObject({ numerator: 2, denominator: 2, value: 100, progress: { achieved: true, progress: 1, gap: 0 } });
    expect(v('PLAN.05')).toMatchObject({ numerator: 0, denominator: 2, value: 0 });
    expect(v('PLAN.06')).toMatchObject({ value: 1, denominator: null });
    expect(v('PLAN.07').value).toBe(1);
    expect(v('PLAN.08').value).toBe(1);
    expect(v('PLAN.11').value).toBe(25);
    expect(v('PLAN.12').value).toBe(50);
    expect(v('PLAN.13')).toMatchObject({ numerator: 2, denominator: 4, value: 50 });
    expect(v('PLAN.14').value).toBe(25);
    expect(v('PLAN.09')).toMatchObject({ value: null, source: null });

    const county = json<PlanTable>(await app.inject({ url: `/api/v1/kpi/plan?regionCode=${B}&period=${THIS_YEAR}`, headers: bearer(admin) }));
    expect(county.rows.find((r) => r.code === 'PLAN.02')).toMatchObject({ numerator: 1, denominator: 2, value: 50 });
    expect((await value('PLAN.03', THIS_YEAR, { institutionId: inst.H3.id })).value).toBe(100);
  });

  it('takes entered values with evidence, keeps their history and audits them', async () => {
    await app.db.staffUser.create({ data: { username: 'kpi-analyst', displayName: '统计分析员', role: 'analyst', passwordHash: await adminHash() } });
    const analyst = await login(app, { username: 'kpi-analyst', password: ADMIN.password });
    const url = '/api/v1/kpi/indicators/PLAN.09/entries';
    const first = await app.inject({ method: 'POST', url, headers: bearer(analyst), payload: { period: THIS_YEAR, regionCode: CITY, value: 20, evidence: '市卫健委《关于开放居民健康档案查询的通知》' } });
    expect(first.statusCode, first.body).toBe(201);
    expect(json<IndicatorEntryDto>(first)).toMatchObject({ value: 20, enteredBy: { username: 'kpi-analyst' }, current: true });
    const second = await app.inject({ method: 'POST', url, headers: bearer(admin), payload: { period: THIS_YEAR, regionCode: CITY, numerator: 2, denominator: 5, evidence: '两县已开通，附截图', note: '更正' } });
    expect(second.statusCode, second.body).toBe(201);
    expect(json<IndicatorEntryDto>(second).value).toBe(40);

    const history = json<{ items: IndicatorEntryDto[] }>(await app.inject({ url: `${url}?regionCode=${CITY}&period=${THIS_YEAR}`, headers: bearer(admin) })).items;
    expect(history.map((e) => [e.value, e.current, e.enteredBy.username])).toEqual([[40, true, ADMIN_NAME], [20, false, 'kpi-analyst']]);
    expect(history[0]).toMatchObject({ numerator: 2, denominator: 5, evidence: '两县已开通，附截图', note: '更正' });

    // An entry overrides a computed value; the computed one stays beside it.
    const override = await app.inject({ method: 'POST', url: '/api/v1/kpi/indicators/PLAN.01/entries', headers: bearer(admin), payload: { period: THIS_YEAR, regionCode: A, value: 100, evidence: '专网验收报告' } });
    expect(override.statusCode, override.body).toBe(201);
    await app.inject({ method: 'POST', url: '/api/v1/kpi/indicators/PLAN.10/entries', headers: bearer(admin), payload: { period: THIS_YEAR, regionCode: CITY, value: 6, evidence: '5G应用场景清单' } });

    const city = json<PlanTable>(await app.inject({ url: `/api/v1/kpi/plan?regionCode=${CITY}&period=${THIS_YEAR}`, headers: bearer(admin) }));
    expect(city.rows.find((r) => r.code === 'PLAN.09')).toMatchObject({ value: 40, source: 'entered', entry: { evidence: '两县已开通，附截图' }, progress: { achieved: true } });
    expect(city.rows.find((r) => r.code === 'PLAN.10')).toMatchObject({ value: 6, targetText: '≥5个', progress: { achieved: true } });
    const countyA = json<PlanTable>(await app.inject({ url: `/api/v1/kpi/plan?regionCode=${A}&period=${THIS_YEAR}`, headers: bearer(admin) }));
    expect(countyA.rows.find((r) => r.code === 'PLAN.01')).toMatchObject({ value: 100, source: 'entered', computed: { numerator: 1, denominator: 2, value: 50 } });

    const audit = await app.pg.query<{ actor_id: string; resource_id: string; details: { indicatorCode: string; value: number; previous: { value: number } | null } }>(
      `select actor_id, resource_id, details from audit_log where action = 'kpi.entry.create' and details->>'indicatorCode' = 'PLAN.09' order by id`,
    );
    expect(audit.rows.map((r) => [r.details.value, r.details.previous?.value ?? null])).toEqual([[20, null], [40, 20]]);
    expect(audit.rows[1]?.resource_id).toBe(history[0]?.id);
  });

  it('refuses entries without evidence, out of range, for the wrong region, or by roles that may not enter', async () => {
    const post = (code: string, payload: Record<string, unknown>, token = admin) => app.inject({ method: 'POST', url: `/api/v1/kpi/indicators/${code}/entries`, headers: bearer(token), payload });
    expect((await post('PLAN.09', { period: THIS_YEAR, regionCode: CITY, value: 20 })).statusCode).toBe(400);
    expect((await post('PLAN.09', { period: THIS_YEAR, regionCode: A, value: 20, evidence: '文件' })).statusCode).toBe(400);
    expect((await post('PLAN.01', { period: THIS_YEAR, regionCode: CITY, value: 120, evidence: '文件' })).statusCode).toBe(400);
    expect((await post('PLAN.01', { period: THIS_YEAR, regionCode: CITY, value: 50, numerator: 1, denominator: 4, evidence: '文件' })).statusCode).toBe(400);
    expect((await post('PLAN.01', { period: '2025-13', regionCode: CITY, value: 50, evidence: '文件' })).statusCode).toBe(400);
    expect((await post('NOPE.01', { period: THIS_YEAR, value: 1, evidence: '文件' })).statusCode).toBe(404);
    await app.db.staffUser.create({ data: { username: 'kpi-qo', displayName: '质控员', role: 'quality_officer', passwordHash: await adminHash() } });
    const qo = await login(app, { username: 'kpi-qo', password: ADMIN.password });
    expect((await post('PLAN.09', { period: THIS_YEAR, regionCode: CITY, value: 20, evidence: '文件' }, qo)).statusCode).toBe(403);
    expect((await app.inject({ url: `/api/v1/kpi/plan?regionCode=${CITY}`, headers: bearer(qo) })).statusCode).toBe(200);
  });

  it('limits county-scoped staff to their county and keeps institution operators out of aggregates', async () => {
    const hash = await adminHash();
    await app.db.staffUser.create({ data: { username: 'kpi-county', displayName: '县统计员', role: 'analyst', regionScope: B, passwordHash: hash } });
    await app.db.staffUser.create({ data: { username: 'kpi-operator', displayName: '机构操作员', role: 'institution_operator', institutionId: inst.H1.id, passwordHash: hash } });
    const county = await login(app, { username: 'kpi-county', password: ADMIN.password });
    const own = json<PlanTable>(await app.inject({ url: `/api/v1/kpi/plan?period=${THIS_YEAR}`, headers: bearer(county) }));
    expect(own.regionCode).toBe(B);
    expect((await app.inject({ url: `/api/v1/kpi/plan?regionCode=${A}`, headers: bearer(county) })).statusCode).toBe(403);
    expect((await app.inject({ url: `/api/v1/kpi/values?institutionId=${inst.H1.id}&period=${SEP}`, headers: bearer(county) })).statusCode).toBe(403);
    expect((await app.inject({ url: `/api/v1/reports/notifiable-diseases?month=${SEP}&regionCode=${CITY}`, headers: bearer(county) })).statusCode).toBe(403);
    const list = json<KpiValues>(await app.inject({ url: `/api/v1/kpi/values?indicators=HS.OUTPATIENT_EMERGENCY_VISITS&period=${SEP}&by=institution`, headers: bearer(county) }));
    expect(new Set(list.rows.map((r) => r.regionCode))).toEqual(new Set([B]));
    expect(list.rows.find((r) => r.institutionName === '测试中医医院')?.value).toBe(2);
    const operator = await login(app, { username: 'kpi-operator', password: ADMIN.password });
    expect((await app.inject({ url: '/api/v1/kpi/plan', headers: bearer(operator) })).statusCode).toBe(403);
    expect((await app.inject({ url: '/api/v1/reports/notifiable-diseases?month=2025-01', headers: bearer(operator) })).statusCode).toBe(403);
    expect((await app.inject({ url: '/api/v1/kpi/indicators', headers: bearer(operator) })).statusCode).toBe(200);
  });
});

describe('the monthly notifiable-disease report', () => {
  it('counts cases by final-review month, hepatitis as the sum of its subtypes, with class totals', async () => {
    const sep = await report(SEP);
    expect(sep.countedBy).toBe('final_review_at');
    expect(sep.rows.slice(0, 2).map((r) => r.disease)).toEqual(['甲乙丙类总计', '甲乙类传染病合计']);
    expect(row(sep, 'total_all')).toEqual({ cases: 6, deaths: 0 });
    expect(row(sep, 'total_ab')).toEqual({ cases: 4, deaths: 0 });
    expect(row(sep, 'total_c')).toEqual({ cases: 2, deaths: 0 });
    expect(row(sep, 'tuberculosis')).toEqual({ cases: 2, deaths: 0 });
    expect(row(sep, 'hepatitis')).toEqual({ cases: 2, deaths: 0 });
    expect(row(sep, 'hepatitis_b')).toEqual({ cases: 1, deaths: 0 });
    expect(row(sep, 'hepatitis_c')).toEqual({ cases: 1, deaths: 0 });
    expect(row(sep, 'hepatitis_a')).toEqual({ cases: 0, deaths: 0 });
    expect(row(sep, 'hfmd')).toEqual({ cases: 2, deaths: 0 });
    expect(row(sep, 'syphilis')).toEqual({ cases: 0, deaths: 0 });
    expect(row(sep, 'rabies')).toEqual({ cases: 0, deaths: 0 });
    expect(sep.rows.find((r) => r.code === 'hepatitis')).toMatchObject({ category: 'B', categoryName: '乙类', kind: 'disease', parent: null });
    expect(sep.rows.find((r) => r.code === 'hepatitis_b')).toMatchObject({ kind: 'subtype', parent: 'hepatitis', disease: '乙型肝炎' });
  });

  it('counts a death in its final-review month, not the month it happened', async () => {
    const oct = await report(OCT);
    expect(row(oct, 'rabies')).toEqual({ cases: 1, deaths: 1 });
    expect(row(oct, 'total_all')).toEqual({ cases: 3, deaths: 1 });
    expect(row(oct, 'total_ab')).toEqual({ cases: 2, deaths: 1 });
    expect(row(oct, 'hepatitis')).toEqual({ cases: 1, deaths: 0 });
    expect(row(oct, 'influenza')).toEqual({ cases: 1, deaths: 0 });
  });

  it('reports a county by the patients’ current address', async () => {
    expect(row(await report(SEP, A), 'total_all')).toEqual({ cases: 4, deaths: 0 });
    expect(row(await report(SEP, A), 'hfmd')).toEqual({ cases: 0, deaths: 0 });
    expect(row(await report(SEP, B), 'hfmd')).toEqual({ cases: 2, deaths: 0 });
  });
});

describe('exports', () => {
  it('downloads the disease report as CSV and XLSX', async () => {
    const csv = await app.inject({ url: `/api/v1/reports/notifiable-diseases?month=${SEP}&regionCode=${CITY}&format=csv`, headers: bearer(admin) });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain('attachment');
    expect(csv.body.startsWith('\uFEFF类别,病名,发病数,死亡数\r\n甲乙丙类,甲乙丙类总计,6,0\r\n')).toBe(true);
    expect(csv.body).toContain('乙类,病毒性肝炎,2,0');
    const xlsx = await app.inject({ url: `/api/v1/reports/notifiable-diseases?month=${SEP}&regionCode=${CITY}&format=xlsx`, headers: bearer(admin) });
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const rows = await sheetRows(xlsx.rawPayload);
    expect(rows).toContainEqual(['乙类', '病毒性肝炎', 2, 0]);
    expect(rows).toContainEqual(['丙类', '丙类传染病合计', 2, 0]);
  });

  it('downloads the registry, the plan table and value tables', async () => {
    const registry = await app.inject({ url: '/api/v1/kpi/indicators?format=csv', headers: bearer(admin) });
    expect(registry.body.split('\r\n').filter(Boolean)).toHaveLength(1 + json<IndicatorList>(await app.inject({ url: '/api/v1/kpi/indicators', headers: bearer(admin) })).items.length);
    const plan = await app.inject({ url: `/api/v1/kpi/plan?regionCode=${CITY}&period=${THIS_YEAR}&format=xlsx`, headers: bearer(admin) });
    const planRows = await sheetRows(plan.rawPayload);
    expect(planRows.find((r) => r[1] === '二级及以上医疗机构卫生健康专网覆盖率')?.slice(0, 6)).toEqual([1, '二级及以上医疗机构卫生健康专网覆盖率', '—', '100%', '约束性', 50]);
    const csv = await app.inject({ url: `/api/v1/kpi/values?indicators=HS.OUTPATIENT_EMERGENCY_VISITS&period=${SEP}&regionCode=${A}&by=institution&format=csv`, headers: bearer(admin) });
    expect(csv.body).toContain('测试第一人民医院,5,人次');
  });
});

const ADMIN_NAME = ADMIN.username;
/** Staff users made by the tests share the admin's password. */
async function adminHash(): Promise<string> {
  return (await app.db.staffUser.findUniqueOrThrow({ where: { username: ADMIN.username } })).passwordHash;
}

async function sheetRows(payload: Buffer): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(payload as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  const out: unknown[][] = [];
  ws.eachRow((r) => out.push((r.values as unknown[]).slice(1)));
  return out;
}
