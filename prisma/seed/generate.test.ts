import { validateResidentId, isValidUscc, isValidLicenceNumber, NEIJIANG_COUNTY_CODES } from '@rhip/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildNetwork, generateRegion, type GenerationSummary } from './generate';
import { receiveCutoff } from './institutions';
import { MemorySink, type Row } from './sink';
import { SIZE_PROFILES } from './sizes';
import { SOURCE_TABLE_DATASET } from './tables';
import { isoDay } from './time';

const NOW = Date.parse('2026-11-22T12:00:00+08:00');
/** Deterministic stand-in for the PII cipher: keeps the clear value visible to the tests. */
const clearCipher = { encrypt: (v: string) => `test:${v}`, blindIndex: (v: string, scope = 'id') => `${scope}:${v}` };

async function generate(seed: number, residents = SIZE_PROFILES.small.residents): Promise<{ sink: MemorySink; summary: GenerationSummary }> {
  const sink = new MemorySink();
  const summary = await generateRegion({ profile: { ...SIZE_PROFILES.small, residents }, seed, now: NOW, cipher: clearCipher }, sink);
  return { sink, summary };
}

const idNumberOf = (r: Row) => String(r.id_number_enc).replace(/^test:/, '');

describe('the demo region generator', { timeout: 120_000 }, () => {
  let a: { sink: MemorySink; summary: GenerationSummary };

  beforeAll(async () => {
    a = await generate(42);
  }, 120_000);

  it('gives the same region for the same seed and a different one for another seed', async () => {
    const again = await generate(42);
    for (const table of ['master_persons', 'encounters', 'lab_results', 'person_links', 'quality_findings', 'ingest_batches', 'institutions']) {
      expect(JSON.stringify(again.sink.rows(table))).toBe(JSON.stringify(a.sink.rows(table)));
    }
    const other = await generate(7);
    expect(other.sink.rows('master_persons').map(idNumberOf)).not.toEqual(a.sink.rows('master_persons').map(idNumberOf));
  });

  it('gives every resident a valid, unique GB 11643 ID number that agrees with their sex and birth date', () => {
    const persons = a.sink.rows('master_persons');
    expect(persons).toHaveLength(500);
    const ids = persons.map(idNumberOf);
    expect(new Set(ids).size).toBe(ids.length);
    for (const p of persons) {
      const v = validateResidentId(idNumberOf(p), { today: isoDay(NOW) });
      expect(v.valid, idNumberOf(p)).toBe(true);
      if (v.valid) {
        expect(v.sex).toBe(p.sex);
        expect(v.birthDate).toBe(p.birth_date);
      }
    }
  });

  it('keeps ID numbers in the master person index only as ciphertext and blind index', () => {
    for (const p of a.sink.rows('master_persons')) {
      expect(p.id_number_enc).toMatch(/^test:/);
      expect(p.id_number_bidx).toMatch(/^id:/);
      expect(Object.values(p).filter((v) => v === idNumberOf(p))).toHaveLength(0);
    }
  });

  it('builds the institution mix of the city plan over the five counties', () => {
    const { institutions } = buildNetwork(42);
    const count = (f: (i: (typeof institutions)[number]) => boolean) => institutions.filter(f).length;
    expect(count((i) => i.hospital && i.ownership === 'public')).toBe(22);
    expect(count((i) => i.primaryCare)).toBe(111);
    expect(count((i) => i.ownership === 'private')).toBe(57);
    expect(count((i) => i.type === 'cdc')).toBe(6);
    expect(count((i) => i.type === 'blood_center')).toBe(1);
    expect(count((i) => i.level === '3A')).toBe(3);
    expect(institutions.length).toBeGreaterThanOrEqual(185);
    expect(institutions.length).toBeLessThanOrEqual(200);
    expect(new Set(institutions.map((i) => i.countyCode))).toEqual(new Set(NEIJIANG_COUNTY_CODES));
    expect(new Set(institutions.map((i) => i.code)).size).toBe(institutions.length);
    expect(new Set(institutions.map((i) => i.name)).size).toBe(institutions.length);
    for (const i of institutions) expect(i.codeType === 'uscc' ? isValidUscc(i.code) : isValidLicenceNumber(i.code), `${i.name} ${i.code}`).toBe(true);
    // A realistic spread of plan-indicator attributes, not all-or-nothing.
    const secondary = institutions.filter((i) => i.hospital && /^[23]/.test(i.level));
    const share = (f: (i: (typeof institutions)[number]) => boolean) => secondary.filter(f).length / secondary.length;
    expect(share((i) => i.onHealthPrivateNetwork)).toBeGreaterThan(0.6);
    expect(share((i) => i.hasRemoteCare)).toBeGreaterThan(0.3);
    expect(share((i) => i.hasRemoteCare)).toBeLessThan(1);
    expect(institutions.filter((i) => i.isInternetHospital).length).toBeGreaterThanOrEqual(3);
  });

  it('has institutions that went quiet, are late or never connected, and nothing arrives from them after that', () => {
    const { institutions } = buildNetwork(42);
    const quiet = institutions.filter((i) => i.silence?.kind === 'quiet');
    expect(quiet.length).toBeGreaterThanOrEqual(4);
    expect(institutions.filter((i) => i.silence?.kind === 'never').length).toBeGreaterThanOrEqual(2);
    expect(institutions.filter((i) => i.silence?.kind === 'delayed').length).toBeGreaterThanOrEqual(1);
    const byId = new Map(institutions.map((i) => [i.id, i]));
    for (const table of Object.keys(SOURCE_TABLE_DATASET).concat('resource_reports')) {
      for (const r of a.sink.rows(table)) {
        const inst = byId.get(String(r.institution_id));
        expect(inst).toBeDefined();
        const cutoff = inst ? receiveCutoff(inst, NOW) : null;
        if (cutoff !== null) expect(Date.parse(String(r.received_at))).toBeLessThanOrEqual(cutoff);
        expect(Date.parse(String(r.received_at))).toBeLessThanOrEqual(NOW);
      }
    }
  });

  it('links every clinical row to a master person, with one person link per source record', () => {
    const links = new Set(a.sink.rows('person_links').map((l) => `${l.institution_id}|${l.dataset}|${l.source_id}`));
    const persons = new Set(a.sink.rows('master_persons').map((p) => p.id));
    for (const [table, dataset] of Object.entries(SOURCE_TABLE_DATASET)) {
      for (const r of a.sink.rows(table)) {
        expect(persons.has(r.master_person_id as number), `${table} ${r.source_id}`).toBe(true);
        expect(links.has(`${r.institution_id}|${dataset}|${r.source_id}`), `${table} ${r.source_id}`).toBe(true);
      }
    }
    for (const table of ['chronic_registrations', 'encounter_diagnoses', 'lab_results', 'prescription_items']) {
      for (const r of a.sink.rows(table)) expect(persons.has(r.master_person_id as number)).toBe(true);
    }
  });

  it('makes a realistic share of records imperfect, with findings the catalogue knows', () => {
    const s = a.summary.records;
    const findings = a.sink.rows('quality_findings');
    const flagged = new Set(findings.map((f) => `${f.batch_id}|${f.record_index}`)).size;
    const share = flagged / (s.stored + s.rejected);
    expect(share).toBeGreaterThan(0.02);
    expect(share).toBeLessThan(0.1);
    expect(s.rejected).toBeGreaterThan(0);
    expect(findings.some((f) => f.rule_code === 'ID.CHECKSUM')).toBe(true);
    expect(findings.some((f) => f.rule_code === 'TIMELINESS.LATE')).toBe(true);
    expect(findings.some((f) => f.rule_code === 'REQ.RECOMMENDED_MISSING')).toBe(true);
  });

  it('keeps the ingest history consistent: batches count what they hold', () => {
    const batches = a.sink.rows('ingest_batches');
    const outcomes = a.sink.rows('record_outcomes');
    expect(batches.reduce((n, b) => n + Number(b.received), 0)).toBe(outcomes.length);
    for (const b of batches) expect(Number(b.accepted) + Number(b.rejected)).toBe(Number(b.received));
    const ids = new Set(batches.map((b) => b.id));
    for (const o of outcomes) expect(ids.has(o.batch_id as string)).toBe(true);
  });

  it('writes the daily rollups the pipeline would have kept for the seeded history', () => {
    const sum = (rows: Row[], col: string) => rows.reduce((n, r) => n + Number(r[col]), 0);
    const batches = a.sink.rows('ingest_batches');
    const ingest = a.sink.rows('ingest_daily_rollups');
    expect(sum(ingest, 'received')).toBe(sum(batches, 'received'));
    expect(sum(ingest, 'rejected')).toBe(sum(batches, 'rejected'));
    for (const r of ingest) {
      expect(Number(r.within_timeliness)).toBeLessThanOrEqual(Number(r.received));
      expect((r.delay_histogram as number[]).reduce((n, x) => n + x, 0)).toBe(Number(r.received));
    }
    // Per institution × data set × day: each dimension's row counts the same records as the ingest row.
    const received = new Map(ingest.map((r) => [`${r.institution_id}|${r.dataset}|${r.day}`, Number(r.received)]));
    const quality = a.sink.rows('quality_daily_rollups');
    for (const q of quality) expect(Number(q.records)).toBe(received.get(`${q.institution_id}|${q.dataset}|${q.day}`));
    const completeness = quality.filter((q) => q.dimension === 'completeness');
    expect(completeness).toHaveLength(ingest.length);
    // Rejected records are the ones that did not pass.
    expect(sum(completeness, 'records') - sum(completeness, 'passed')).toBe(sum(batches, 'rejected'));
    // Every finding is counted once in its rule's rollup.
    const rules = a.sink.rows('quality_rule_daily_rollups');
    expect(sum(rules, 'findings')).toBe(a.sink.count('quality_findings'));
    // Scores agree with the findings behind them: every late record, and only those, counts against timeliness.
    const timeliness = quality.filter((q) => q.dimension === 'timeliness');
    const late = a.sink.rows('quality_findings').filter((f) => f.rule_code === 'TIMELINESS.LATE').length;
    expect(late).toBeGreaterThan(0);
    expect(sum(timeliness, 'denominator') - sum(timeliness, 'numerator')).toBe(late);
  });

  it('produces EHR and EMR of the expected kinds', () => {
    const { sink, summary } = a;
    expect(summary.healthRecords / summary.residents).toBeGreaterThan(0.62);
    expect(summary.healthRecords / summary.residents).toBeLessThan(0.85);
    for (const t of ['chronic_registrations', 'chronic_followups', 'immunizations', 'family_doctor_contracts', 'lab_reports', 'exam_reports', 'prescriptions', 'disease_reports', 'resource_reports']) {
      expect(sink.count(t), t).toBeGreaterThan(0);
    }
    const types = new Set(sink.rows('encounters').map((e) => e.type));
    expect(types).toEqual(new Set(['outpatient', 'emergency', 'inpatient']));
    const discharged = sink.rows('encounters').filter((e) => e.type === 'inpatient' && e.end_at);
    for (const e of discharged) {
      expect(Number(e.length_of_stay_days)).toBeGreaterThanOrEqual(1);
      expect(Date.parse(String(e.end_at))).toBeGreaterThan(Date.parse(String(e.start_at)));
    }
  });

  it('has a population pyramid close to the city census', async () => {
    const { sink } = await generate(42, 5_000);
    const ages = sink.rows('master_persons').map((p) => (NOW - Date.parse(String(p.birth_date))) / (365.25 * 86_400_000));
    const share = (f: (a: number) => boolean) => ages.filter(f).length / ages.length;
    expect(share((x) => x < 15)).toBeGreaterThan(0.12);
    expect(share((x) => x < 15)).toBeLessThan(0.2);
    expect(share((x) => x >= 60)).toBeGreaterThan(0.18);
    expect(share((x) => x >= 60)).toBeLessThan(0.3);
    const males = sink.rows('master_persons').filter((p) => p.sex === '1').length;
    expect(males / (ages.length - males)).toBeGreaterThan(0.95);
    expect(males / (ages.length - males)).toBeLessThan(1.12);
    expect(sink.rows('master_persons').filter((p) => p.ethnicity === '01').length / ages.length).toBeGreaterThan(0.97);
  });
});
