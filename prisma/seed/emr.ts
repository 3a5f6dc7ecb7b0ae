/**
 * Electronic medical records over the history window: outpatient and
 * emergency visits (primary care for the everyday, hospitals for the rest),
 * inpatient stays with the discharge front sheet and length of stay, ICD-10
 * diagnoses, lab reports with results, exam reports, prescriptions with
 * items, and notifiable-disease report cards for the infections that come
 * in; a few stays and cards end in death. Visit rates follow age and chronic
 * illness (≈1.7 visits and ≈0.05 admissions per resident per 90 days at
 * intensity 1).
 */
import { diseaseByCode } from '@rhip/domain';
import { DEPARTMENTS, type DepartmentKey } from './catalogue/departments';
import { type Diagnosis, DIAGNOSES, diagnosisTable, HYPERTENSION, type Setting, TYPE2_DIABETES } from './catalogue/diagnoses';
import { DRUG_GROUPS, drugGroupsForInfection, type Drug } from './catalogue/drugs';
import { EXAMS, examText } from './catalogue/exams';
import { type InfectionProfile, INFECTIONS, seasonFactor } from './catalogue/infections';
import { LAB_PANELS, labValue } from './catalogue/labs';
import type { CareSetting, InstitutionChooser } from './choice';
import type { SeedInstitution } from './institutions';
import { departmentCode, pickDoctor, type Roster } from './practitioners';
import type { PersonTrail, Recorder } from './recorder';
import type { Resident } from './residents';
import { createRandom, type Random, weighted, type WeightedTable } from './random';
import type { Row } from './sink';
import { compactDay, DAY, HOUR, isoDay, localParts, MINUTE, ts } from './time';

export interface EmrIds {
  encounter(): number;
  labReport(): number;
  prescription(): number;
}

export interface EmrContext {
  seed: number | string;
  now: number;
  windowStart: number;
  recorder: Recorder;
  rosters: Map<number, Roster>;
  chooser: InstitutionChooser;
  ids: EmrIds;
  visitIntensity: number;
  infectionIntensity: number;
  patientNo: (inst: SeedInstitution, personId: number) => string;
  /** Per disease, the mean season factor over the window (so rates stay annual). */
  infectionWindow: Map<string, number>;
  /** Memo of infection tables by age. */
  infectionTables: Map<number, WeightedTable<InfectionProfile> | null>;
}

export interface EmrCounts {
  encounters: number;
  cards: number;
}

const CHRONIC_CODES = new Set([HYPERTENSION.code, TYPE2_DIABETES.code]);

function outpatientRate(age: number): number {
  if (age < 5) return 2.6;
  if (age < 15) return 1.1;
  if (age < 45) return 0.9;
  if (age < 60) return 1.4;
  if (age < 75) return 2.2;
  return 2.6;
}

function inpatientRate(p: Resident): number {
  const a = p.age;
  let r = a < 5 ? 0.05 : a < 15 ? 0.02 : a < 45 ? 0.03 : a < 60 ? 0.045 : a < 75 ? 0.08 : 0.13;
  if (p.sex === '2' && a >= 22 && a <= 38) r += 0.025; // births
  return r;
}

/** A weekday-weighted day in the window and a clinic hour. */
function visitTime(rng: Random, ctx: EmrContext, emergency: boolean): number {
  const days = Math.floor((ctx.now - ctx.windowStart) / DAY);
  for (;;) {
    const day = ctx.windowStart + rng.int(0, days) * DAY;
    const wd = localParts(day).weekday;
    const f = wd === 0 ? 0.6 : wd === 6 ? 0.75 : wd === 1 ? 1.15 : 1;
    if (!emergency && rng.next() > f / 1.15) continue;
    const midnight = Math.floor((day + 8 * HOUR) / DAY) * DAY - 8 * HOUR;
    let minutes: number;
    if (emergency) minutes = rng.chance(0.75) ? rng.int(8 * 60, 23 * 60) : rng.int(0, 24 * 60 - 1);
    else {
      const r = rng.next();
      minutes = r < 0.6 ? rng.int(8 * 60, 11 * 60 + 30) : r < 0.95 ? rng.int(14 * 60, 17 * 60 + 30) : rng.int(18 * 60, 21 * 60);
    }
    const at = midnight + minutes * MINUTE;
    if (at < ctx.now - 30 * MINUTE) return at;
  }
}

interface Episode {
  at: number;
  kind: 'primary' | 'hospital' | 'emergency' | 'inpatient' | 'primaryInpatient' | 'infection';
  infection?: InfectionProfile;
}

function drawDiagnosis(rng: Random, setting: Setting, p: Resident, allow?: (d: Diagnosis) => boolean, key = ''): Diagnosis {
  const table = diagnosisTable(setting, p.age, p.sex, allow, key);
  for (let i = 0; i < 3; i++) {
    const d = rng.weighted(table);
    if (CHRONIC_CODES.has(d.code)) {
      if (d.code === HYPERTENSION.code && !p.hypertension) continue;
      if (d.code === TYPE2_DIABETES.code && !p.diabetes) continue;
    }
    return d;
  }
  return rng.weighted(table);
}

function infectionRates(ctx: EmrContext, age: number): { total: number; table: WeightedTable<InfectionProfile> | null } {
  const key = Math.min(100, age);
  let table = ctx.infectionTables.get(key);
  const entries: Array<readonly [InfectionProfile, number]> = [];
  let total = 0;
  const windowYears = (ctx.now - ctx.windowStart) / (365 * DAY);
  for (const inf of INFECTIONS) {
    if (age < inf.ages[0] || age > inf.ages[1]) continue;
    let rate = inf.perHundredThousand;
    if (inf.code === 'influenza') rate *= age < 15 ? 2 : age >= 65 ? 1.2 : 0.8;
    const lambda = (rate / 1e5) * windowYears * (ctx.infectionWindow.get(inf.code) ?? 1);
    entries.push([inf, lambda]);
    total += lambda;
  }
  if (table === undefined) {
    table = entries.length ? weighted(entries) : null;
    ctx.infectionTables.set(key, table);
  }
  return { total: total * ctx.infectionIntensity, table };
}

function infectionTime(rng: Random, ctx: EmrContext, inf: InfectionProfile): number {
  for (let i = 0; i < 50; i++) {
    const at = visitTime(rng, ctx, false);
    if (rng.next() * 3.3 <= seasonFactor(inf.season, localParts(at).month)) return at;
  }
  return visitTime(rng, ctx, false);
}

export function generateEmr(ctx: EmrContext, p: Resident, trail: PersonTrail): EmrCounts {
  const rng = createRandom(ctx.seed, 'emr', p.index);
  const counts: EmrCounts = { encounters: 0, cards: 0 };
  const chronic = (p.hypertension ? 1 : 0) + (p.diabetes ? 1 : 0);
  const episodes: Episode[] = [];
  const visits = rng.poisson(outpatientRate(p.age) * (1 + 0.5 * chronic) * ctx.visitIntensity);
  const primaryShare = (p.age >= 60 ? 0.5 : p.age < 15 ? 0.3 : 0.35) + (chronic ? 0.1 : 0);
  for (let i = 0; i < visits; i++) {
    const primary = p.homeCentre !== null && rng.chance(primaryShare);
    const emergency = !primary && rng.chance(0.07);
    episodes.push({ at: visitTime(rng, ctx, emergency), kind: primary ? 'primary' : emergency ? 'emergency' : 'hospital' });
  }
  const stays = rng.poisson(inpatientRate(p) * ctx.visitIntensity);
  for (let i = 0; i < stays; i++) {
    const atCentre = p.homeCentre !== null && p.homeCentre.beds > 0 && rng.chance(p.age >= 65 ? 0.25 : 0.12);
    episodes.push({ at: visitTime(rng, ctx, rng.chance(0.3)), kind: atCentre ? 'primaryInpatient' : 'inpatient' });
  }
  const inf = infectionRates(ctx, p.age);
  const cases = inf.table ? rng.poisson(inf.total) : 0;
  for (let i = 0; i < cases && inf.table; i++) {
    const infection = rng.weighted(inf.table);
    episodes.push({ at: infectionTime(rng, ctx, infection), kind: 'infection', infection });
  }
  episodes.sort((a, b) => a.at - b.at);
  for (const e of episodes) {
    if (p.death && e.at >= p.death.at) break;
    if (e.kind === 'infection' && e.infection) {
      if (infectionEpisode(ctx, p, trail, rng, e.at, e.infection)) counts.cards++;
      counts.encounters++;
      continue;
    }
    if (visit(ctx, p, trail, rng, e)) counts.encounters++;
  }
  return counts;
}

function centreDept(inst: SeedInstitution, d: Diagnosis, rng: Random): DepartmentKey {
  if (inst.departments.includes(d.dept) && (d.dept === 'dental' || d.dept === 'tcm')) return d.dept;
  if (d.code === 'Z00.000' && rng.chance(0.5)) return 'prevention';
  return rng.chance(0.15) && inst.departments.includes('tcm') ? 'tcm' : 'general';
}

function visit(ctx: EmrContext, p: Resident, trail: PersonTrail, rng: Random, e: Episode): boolean {
  let inst: SeedInstitution | null;
  let setting: Setting;
  let type: CareSetting;
  let d: Diagnosis;
  let dept: DepartmentKey;
  switch (e.kind) {
    case 'primary':
    case 'primaryInpatient': {
      inst = p.homeCentre;
      setting = e.kind === 'primary' ? 'primary' : 'primaryInpatient';
      type = e.kind === 'primary' ? 'outpatient' : 'inpatient';
      d = drawDiagnosis(rng, setting, p);
      if (!inst) return false;
      dept = e.kind === 'primary' ? centreDept(inst, d, rng) : 'internal';
      break;
    }
    default: {
      setting = e.kind === 'emergency' ? 'emergency' : e.kind === 'inpatient' ? 'inpatient' : 'outpatient';
      type = setting === 'emergency' ? 'emergency' : setting === 'inpatient' ? 'inpatient' : 'outpatient';
      d = drawDiagnosis(rng, setting, p);
      inst = ctx.chooser.hospital(rng, p.countyCode, d.dept, type) ?? ctx.chooser.hospital(rng, p.countyCode, 'internal', type);
      if (!inst) return false;
      dept = type === 'emergency' ? 'emergency' : inst.departments.includes(d.dept) ? d.dept : inst.departments.includes('internal') ? 'internal' : (inst.departments[0] as DepartmentKey);
    }
  }
  return encounter(ctx, p, trail, rng, { inst, type, at: e.at, d, dept, labs: d.labs ?? [], exams: d.exams ?? [], drugs: d.drugs ?? [], tags: d.tags ?? [] }) !== null;
}

interface EncounterPlan {
  inst: SeedInstitution;
  type: CareSetting;
  at: number;
  d: Diagnosis | { code: string; name: string; los?: number };
  dept: DepartmentKey;
  labs: readonly string[];
  exams: readonly string[];
  drugs: readonly string[];
  tags: readonly string[];
  /** Extra secondary diagnoses. */
  secondary?: Array<{ code: string; name: string }>;
  deathRisk?: number;
}

interface EncounterRecord {
  id: number;
  sourceId: string;
  endAt: number | null;
  died: boolean;
}

const SEVERE = new Set(['I61', 'C34', 'C16', 'C22', 'I50', 'I21', 'J44', 'C18']);

function encounter(ctx: EmrContext, p: Resident, trail: PersonTrail, rng: Random, plan: EncounterPlan): EncounterRecord | null {
  const { inst, type } = plan;
  const roster = ctx.rosters.get(inst.index);
  const doctor = pickDoctor(rng, roster, plan.dept);
  const id = ctx.ids.encounter();
  const prefix = type === 'outpatient' ? 'MZ' : type === 'emergency' ? 'JZ' : 'ZY';
  const sourceId = `${prefix}${compactDay(plan.at)}${String(id).padStart(9, '0')}`;
  const inpatient = type === 'inpatient';
  const primaryCare = inst.primaryCare;
  let endAt: number | null = null;
  let los: number | null = null;
  let dischargeWay: string | null = null;
  let died = false;
  if (inpatient) {
    const median = (plan.d as Diagnosis).los ?? 7;
    los = Math.max(1, Math.round(rng.logNormal(primaryCare ? Math.max(3, median * 0.7) : median, 0.45)));
    const midnight = Math.floor((plan.at + los * DAY + 8 * HOUR) / DAY) * DAY - 8 * HOUR;
    const end = midnight + rng.int(9 * 60, 12 * 60) * MINUTE;
    if (end <= ctx.now - HOUR) {
      endAt = end;
      let risk = plan.deathRisk ?? (p.age >= 75 ? 0.03 : p.age >= 60 ? 0.01 : 0.003);
      if (SEVERE.has(plan.d.code.slice(0, 3))) risk *= 3;
      died = rng.chance(risk);
      dischargeWay = died ? '5' : rng.weighted(DISCHARGE_WAYS);
    } else los = null;
  }
  const costPerDay = inst.level.startsWith('3') ? 1300 : inst.level.startsWith('2') ? 800 : 380;
  const totalCost = inpatient
    ? endAt ? Math.round(costPerDay * (los ?? 1) * rng.logNormal(1, 0.3) * 100) / 100 : null
    : Math.round(rng.logNormal(type === 'emergency' ? 350 : primaryCare ? 60 : 180, 0.7) * 100) / 100;
  const deptName = DEPARTMENTS[plan.dept].name;
  const row: Row = {
    id,
    source_updated_at: ts(endAt ?? plan.at),
    type,
    visit_no: sourceId,
    medical_record_no: inpatient ? ctx.patientNo(inst, p.id) : null,
    start_at: ts(plan.at),
    end_at: endAt ? ts(endAt) : null,
    department_code: departmentCode(plan.dept),
    department_name: deptName,
    attending_doctor: doctor,
    admission_way: inpatient ? rng.weighted(ADMISSION_WAYS) : null,
    discharge_way: dischargeWay,
    length_of_stay_days: los,
    total_cost: totalCost,
    extra: inpatient ? { abo: rng.pick(['1', '2', '3', '3', '4']), rh: rng.chance(0.996) ? '2' : '1', admitCondition: rng.weighted(ADMIT_CONDITION), payMethod: rng.weighted(PAY_METHODS) } : null,
  };
  const children: Array<{ table: string; row: Row }> = [];
  const kind = inpatient ? (endAt ? 'discharge' : 'admission') : 'outpatient';
  const diagnoses = [{ code: plan.d.code, name: plan.d.name }, ...(plan.secondary ?? [])];
  if (p.hypertension && plan.d.code !== HYPERTENSION.code && rng.chance(inpatient ? 0.8 : 0.3)) diagnoses.push({ code: HYPERTENSION.code, name: HYPERTENSION.name });
  if (p.diabetes && plan.d.code !== TYPE2_DIABETES.code && rng.chance(inpatient ? 0.8 : 0.3)) diagnoses.push({ code: TYPE2_DIABETES.code, name: TYPE2_DIABETES.name });
  if (inpatient && rng.chance(0.5)) {
    const extra = rng.pick(DIAGNOSES.filter((x) => x.w.outpatient && !CHRONIC_CODES.has(x.code) && (!x.sex || x.sex === p.sex)));
    if (!diagnoses.some((x) => x.code === extra.code)) diagnoses.push({ code: extra.code, name: extra.name });
  }
  diagnoses.forEach((dx, seq) => children.push({ table: 'encounter_diagnoses', row: { encounter_id: id, seq, code: dx.code, name: dx.name, is_primary: seq === 0, kind } }));
  const submitted = ctx.recorder.submit({ inst, dataset: 'encounters', table: 'encounters', sourceId, eventAt: plan.at, person: trail, rng, parts: { row, children }, inpatient });
  if (!submitted?.stored) return null;
  if (died && endAt) p.death = { at: endAt };
  const rec: EncounterRecord = { id, sourceId, endAt, died };
  const tags = new Set<string>([...plan.tags, ...p.tags]);
  if (inst.hospital || primaryCare) {
    labs(ctx, p, trail, rng, plan, rec, tags, roster);
    exams(ctx, p, trail, rng, plan, rec, roster);
    prescriptions(ctx, p, trail, rng, plan, rec, roster);
  }
  // Now and then the same visit is sent twice under another number.
  if (rng.chance(inst.defectRate * 0.08)) {
    const dupId = ctx.ids.encounter();
    const dupSource = `${sourceId}-R`;
    ctx.recorder.submit({
      inst, dataset: 'encounters', table: 'encounters', sourceId: dupSource, eventAt: plan.at, person: trail, rng, clean: true, forced: ['UNIQ.DUPLICATE'],
      parts: { row: { ...row, id: dupId, visit_no: dupSource }, children: children.map((c) => ({ table: c.table, row: { ...c.row, encounter_id: dupId } })) },
    });
  }
  return rec;
}

const ADMISSION_WAYS = weighted<string>([['1', 65], ['2', 30], ['3', 4], ['9', 1]]);
const DISCHARGE_WAYS = weighted<string>([['1', 91], ['2', 3], ['3', 2], ['4', 3], ['9', 1]]);
const ADMIT_CONDITION = weighted<string>([['1', 4], ['2', 20], ['3', 76]]);
const PAY_METHODS = weighted<string>([['01', 30], ['02', 60], ['07', 7], ['99', 3]]);

/** Turnaround by panel (hours). */
function turnaround(rng: Random, panel: string): number {
  if (panel === 'CBC' || panel === 'URINE' || panel === 'CRP' || panel === 'FLU' || panel === 'GLU') return rng.float(0.4, 1.5) * HOUR;
  if (panel === 'HBV5' || panel === 'TUMOR' || panel === 'TPPA' || panel === 'TB' || panel === 'HBA1C') return rng.float(6, 36) * HOUR;
  return rng.float(1.5, 5) * HOUR;
}

function labs(ctx: EmrContext, p: Resident, trail: PersonTrail, rng: Random, plan: EncounterPlan, rec: EncounterRecord, tags: Set<string>, roster: Roster | undefined): void {
  const inpatient = plan.type === 'inpatient';
  const chance = inpatient ? 1 : plan.type === 'emergency' ? 0.7 : plan.inst.primaryCare ? 0.25 : 0.5;
  const orders: Array<{ panel: string; at: number }> = [];
  for (const panel of plan.labs) {
    if (!LAB_PANELS[panel]) continue;
    if (panel === 'FLU' || panel === 'TB' || panel === 'TPPA') {
      orders.push({ panel, at: plan.at + rng.int(20, 90) * MINUTE });
      continue;
    }
    if (!rng.chance(chance)) continue;
    orders.push({ panel, at: plan.at + (inpatient ? rng.int(60, 600) : rng.int(15, 90)) * MINUTE });
    if (inpatient && rec.endAt && (panel === 'CBC' || panel === 'CRP' || panel === 'ELEC') && rec.endAt - plan.at > 4 * DAY) {
      orders.push({ panel, at: plan.at + rng.int(3, 5) * DAY + rng.int(6 * 60, 8 * 60) * MINUTE });
    }
  }
  for (const o of orders) {
    const panel = LAB_PANELS[o.panel];
    if (!panel) continue;
    const collectedAt = o.at + rng.int(5, 30) * MINUTE;
    const reportedAt = collectedAt + turnaround(rng, o.panel);
    if (reportedAt > ctx.now - 10 * MINUTE) continue;
    const id = ctx.ids.labReport();
    const sourceId = `JY${compactDay(reportedAt)}${String(id).padStart(9, '0')}`;
    const results = panel.items.map((item, seq) => {
      const v = labValue(rng, item, tags);
      return { table: 'lab_results', row: { lab_report_id: id, seq, item_code: item.code, item_name: item.name, value: v.value, numeric_value: v.numeric, unit: item.unit || null, reference_range: v.referenceRange, abnormal_flag: v.flag } as Row };
    });
    ctx.recorder.submit({
      inst: plan.inst, dataset: 'lab-reports', table: 'lab_reports', sourceId, eventAt: reportedAt, person: trail, rng,
      parts: { row: {
        id,
        source_updated_at: ts(reportedAt),
        encounter_id: rec.id,
        encounter_source_id: rec.sourceId,
        report_no: sourceId,
        specimen: panel.specimen,
        collected_at: ts(collectedAt),
        reported_at: ts(reportedAt),
        department_name: DEPARTMENTS[plan.dept].name,
        ordering_doctor: pickDoctor(rng, roster, plan.dept),
      }, children: results },
    });
  }
}

function exams(ctx: EmrContext, p: Resident, trail: PersonTrail, rng: Random, plan: EncounterPlan, rec: EncounterRecord, roster: Roster | undefined): void {
  const inpatient = plan.type === 'inpatient';
  const secondaryPlus = plan.inst.level.startsWith('2') || plan.inst.level.startsWith('3');
  let k = 0;
  for (const key of plan.exams) {
    const tpl = EXAMS[key];
    if (!tpl) continue;
    if ((tpl.modality === 'CT' || tpl.modality === 'MR') && !secondaryPlus) continue;
    if (tpl.modality === 'ES' && plan.inst.primaryCare) continue;
    const chance = inpatient ? 0.8 : plan.type === 'emergency' ? 0.6 : k === 0 ? 0.35 : 0.12;
    if (!rng.chance(chance)) continue;
    const examAt = plan.at + (inpatient ? rng.int(2, 48) * HOUR : rng.int(20, 180) * MINUTE);
    const reportDelay = tpl.modality === 'ECG' ? rng.int(5, 30) * MINUTE : tpl.modality === 'US' ? rng.int(10, 40) * MINUTE : tpl.modality === 'DX' ? rng.int(30, 240) * MINUTE : rng.int(2, 24) * HOUR;
    const reportedAt = examAt + reportDelay;
    if (reportedAt > ctx.now - 10 * MINUTE) continue;
    const abnormal = rng.chance(plan.d.code === 'Z00.000' ? 0.15 : 0.65);
    const [findings, conclusion] = examText(tpl, abnormal, plan.d.code);
    const sourceId = `JC${compactDay(reportedAt)}${rec.id}${k}`;
    ctx.recorder.submit({
      inst: plan.inst, dataset: 'exam-reports', table: 'exam_reports', sourceId, eventAt: reportedAt, person: trail, rng,
      parts: { row: {
        source_updated_at: ts(reportedAt),
        encounter_id: rec.id,
        encounter_source_id: rec.sourceId,
        report_no: sourceId,
        modality: tpl.modality,
        body_part: tpl.bodyPart,
        exam_at: ts(examAt),
        reported_at: ts(reportedAt),
        findings,
        conclusion,
        is_abnormal: abnormal,
      }, children: [] },
    });
    void roster;
    k++;
  }
}

const CHRONIC_DRUGS = new Set(['antihypertensive', 'antidiabetic', 'statin', 'antiplatelet', 'anticoagulant', 'heartFailure', 'bronchodilator', 'antiTb', 'antiHbv', 'antiHiv', 'prostate', 'antipsychotic', 'antidepressant', 'calcium']);
const NO_PRESCRIPTION = new Set(['Z00.000', 'H52.100', 'K02.900', 'K05.100', 'Z34.900']);

function item(rng: Random, drug: Drug, days: number, prescriptionId: number, seq: number): { table: string; row: Row } {
  const qty = drug.unit === 'g' ? drug.perDay * days : Math.max(1, Math.ceil(drug.perDay * days));
  return { table: 'prescription_items', row: { prescription_id: prescriptionId, seq, drug_code: drug.code, drug_name: drug.name, spec: drug.spec, dose: drug.dose, route: drug.route, frequency: drug.frequency, days, quantity: qty, quantity_unit: drug.unit } };
}

function prescriptions(ctx: EmrContext, p: Resident, trail: PersonTrail, rng: Random, plan: EncounterPlan, rec: EncounterRecord, roster: Roster | undefined): void {
  const inpatient = plan.type === 'inpatient';
  const count = inpatient ? rng.int(1, 3) : rng.chance(NO_PRESCRIPTION.has(plan.d.code) ? 0.1 : plan.inst.primaryCare ? 0.85 : plan.type === 'emergency' ? 0.7 : 0.8) ? 1 : 0;
  const tcm = plan.inst.type === 'tcm_hospital' || plan.dept === 'tcm';
  for (let k = 0; k < count; k++) {
    const at = plan.at + (inpatient ? rng.int(1, Math.max(2, ((rec.endAt ?? ctx.now) - plan.at) / HOUR - 1)) * HOUR : rng.int(10, 45) * MINUTE);
    if (at > ctx.now - 10 * MINUTE) continue;
    const id = ctx.ids.prescription();
    const items: Array<{ table: string; row: Row }> = [];
    let kind = 'western';
    if (tcm && !inpatient && rng.chance(0.4)) {
      kind = 'herbal';
      const herbs = rng.sample(DRUG_GROUPS.herbal ?? [], rng.int(6, 12));
      herbs.forEach((h, seq) => items.push(item(rng, h, 7, id, seq)));
    } else {
      const groups = new Set<string>();
      const candidates = plan.drugs.length ? plan.drugs : ['nsaid'];
      groups.add(rng.pick(candidates));
      if (candidates.length > 1 && rng.chance(0.5)) groups.add(rng.pick(candidates));
      if (inpatient && rng.chance(0.6)) groups.add('ivFluid');
      if (p.hypertension && rng.chance(0.35)) groups.add('antihypertensive');
      if (p.diabetes && rng.chance(0.35)) groups.add('antidiabetic');
      for (const g of groups) {
        const drugs = DRUG_GROUPS[g];
        if (!drugs?.length) continue;
        const drug = rng.pick(drugs);
        const days = inpatient ? rng.int(1, 3) : CHRONIC_DRUGS.has(g) ? rng.pick([14, 28, 30]) : rng.int(3, 7);
        if (!items.some((x) => x.row.drug_code === drug.code)) items.push(item(rng, drug, days, id, items.length));
      }
      if (items.some((x) => String(x.row.drug_code).startsWith('ZT-'))) kind = items.every((x) => String(x.row.drug_code).startsWith('ZT-')) ? 'chinese_patent' : 'western';
    }
    if (!items.length) continue;
    const sourceId = `CF${compactDay(at)}${String(id).padStart(9, '0')}`;
    ctx.recorder.submit({
      inst: plan.inst, dataset: 'prescriptions', table: 'prescriptions', sourceId, eventAt: at, person: trail, rng,
      parts: { row: {
        id,
        source_updated_at: ts(at),
        encounter_id: rec.id,
        encounter_source_id: rec.sourceId,
        prescription_no: sourceId,
        prescribed_at: ts(at),
        department_name: DEPARTMENTS[plan.dept].name,
        doctor_name: pickDoctor(rng, roster, plan.dept),
        kind,
      }, children: items },
    });
  }
}

/** A notifiable infection: the hospital visit (or stay) that finds it, and the report card. */
function infectionEpisode(ctx: EmrContext, p: Resident, trail: PersonTrail, rng: Random, at: number, inf: InfectionProfile): boolean {
  const inpatient = rng.chance(inf.inpatient);
  const type: CareSetting = inpatient ? 'inpatient' : 'outpatient';
  const inst = ctx.chooser.hospital(rng, p.countyCode, inf.dept, type) ?? ctx.chooser.hospital(rng, p.countyCode, 'internal', type);
  if (!inst) return false;
  const dept: DepartmentKey = inst.departments.includes(inf.dept) ? inf.dept : inst.departments.includes('internal') ? 'internal' : (inst.departments[0] as DepartmentKey);
  const disease = diseaseByCode(inf.code);
  const rec = encounter(ctx, p, trail, rng, {
    inst, type, at, dept,
    d: { code: inf.icd10, name: inf.diagnosisName, los: inf.code === 'tuberculosis' ? 14 : 7 },
    labs: inf.labs, exams: inf.code === 'tuberculosis' || inf.code === 'influenza' ? ['DX_CHEST'] : [], drugs: drugGroupsForInfection(inf.icd10), tags: [inf.tag],
    deathRisk: 0,
  });
  if (!rec || !disease) return false;
  // The card: reported within hours of diagnosis (a few late), reviewed by the county CDC in days.
  const lateReport = rng.chance(0.03);
  const reportedAt = at + (lateReport ? rng.float(26, 96) * HOUR : rng.float(0.5, 20) * HOUR);
  if (reportedAt > ctx.now - 10 * MINUTE) return false;
  const review = reportedAt + rng.float(2, 96) * HOUR;
  const finalReviewAt = review <= ctx.now - 10 * MINUTE ? review : null;
  let died = false;
  let deathAt: number | null = null;
  if (inf.death && p.age >= inf.death.minAge && rng.chance(inf.death.p)) {
    const d = reportedAt + rng.int(0, 10) * DAY;
    if (d < ctx.now - 2 * DAY && !p.death) {
      died = true;
      deathAt = d;
    }
  }
  const onset = inf.chronic ? (rng.chance(0.4) ? null : at - rng.int(10, 300) * DAY) : at - rng.int(0, 6) * DAY;
  const sourceId = `CRB${compactDay(at)}${rec.id}`;
  const res = ctx.recorder.submit({
    inst, dataset: 'disease-reports', table: 'disease_reports', sourceId, eventAt: Math.max(reportedAt, deathAt ?? 0), person: trail, rng,
    forced: lateReport ? ['TIMELINESS.DISEASE_REPORT_LATE'] : [],
    parts: { row: {
      source_updated_at: ts(deathAt ?? finalReviewAt ?? reportedAt),
      card_no: sourceId,
      disease_code: disease.code,
      disease_name: disease.nameZh,
      icd10: inf.icd10,
      case_classification: inf.chronic ? 'confirmed' : rng.weighted(CASE_CLASS),
      onset_date: onset ? isoDay(onset) : null,
      diagnosis_date: isoDay(at),
      reported_at: ts(reportedAt),
      final_review_at: finalReviewAt ? ts(finalReviewAt) : null,
      outcome: died ? 'death' : null,
      death_date: deathAt ? isoDay(deathAt) : null,
      address_region_code: p.township.node.code,
    }, children: [] },
  });
  if (died && deathAt && res?.stored) p.death = { at: deathAt };
  return Boolean(res?.stored);
}

const CASE_CLASS = weighted<string>([['confirmed', 65], ['clinical', 31], ['suspected', 4]]);
