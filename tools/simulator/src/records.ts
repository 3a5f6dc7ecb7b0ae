/**
 * Valid records of every ingest data set, as an institution's HIS/LIS/PACS
 * would send them (shapes: @rhip/contracts IngestRecordSchemas). Pure
 * functions of a seeded Rng and a reference time: no I/O, no clock.
 */
import type {
  ContractRecord, DiseaseReportRecord, EncounterRecord, ExamReportRecord, FacilityResourceRecord, FollowupRecord,
  HealthRecordRecord, ImmunizationRecord, LabReportRecord, PatientRef, PersonRecord, PrescriptionRecord,
} from '@rhip/contracts';
import { DIAGNOSES, DOCTORS, DRUGS, EXAMS, LAB_PANELS, NOTIFIABLE, VACCINES } from './catalogue';
import { ageOn, isoDate, noisyIdentity, otherDocumentNumber, type Resident } from './people';
import { weightedTable, type Rng } from './random';

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;
const CST_OFFSET_MS = 8 * HOUR_MS;

/** 'YYYY-MM-DDTHH:mm:ss+08:00' (Beijing time), the form the API documents. */
export function cst(ms: number): string {
  return `${new Date(Math.floor(ms / 1000) * 1000 + CST_OFFSET_MS).toISOString().slice(0, 19)}+08:00`;
}

/** The Beijing calendar day of an instant, 'YYYY-MM-DD'. */
export function cstDate(ms: number): string {
  return isoDate(ms + CST_OFFSET_MS);
}

/** What a generator needs to know about the sending institution. */
export interface SourceInstitution {
  /** Position of the institution in the run (stable for its key). */
  readonly index: number;
  readonly code: string;
  readonly name: string;
  readonly regionCode: string;
  readonly type: string;
}

export interface RecordContext {
  readonly rng: Rng;
  /** Reference time: events happen before it. */
  readonly nowMs: number;
  readonly institution: SourceInstitution;
}

/** Share of clinical records whose patient has no resident ID on file (passport / other document, noisy demographics). */
export interface PatientRefOptions {
  readonly noResidentIdShare: number;
}

/**
 * The patient block of a clinical record. Mostly the resident ID card as
 * read at registration; sometimes (foreigners, unidentified patients, clinics
 * that register by name) another document and a hand-typed identity.
 */
export function patientRef(ctx: RecordContext, r: Resident, options: PatientRefOptions = { noResidentIdShare: 0.01 }): PatientRef {
  const { rng, institution } = ctx;
  const patientId = `HIS${String(institution.index).padStart(3, '0')}${String(r.index).padStart(8, '0')}`;
  if (rng.chance(options.noResidentIdShare)) {
    const idType = rng.chance(0.5) ? '03' : '99';
    const noisy = noisyIdentity(rng, r);
    return { idType, idNumber: otherDocumentNumber(rng, idType), name: noisy.name, sex: noisy.sex, birthDate: noisy.birthDate, phone: noisy.phone, patientId };
  }
  return { idType: '01', idNumber: r.idNumber, name: r.name, sex: r.sex, birthDate: r.birthDate, phone: r.phone, patientId };
}

const pickDiagnosis = weightedTable(DIAGNOSES.map((d) => [d, d.weight] as const));
const pickInpatientDiagnosis = weightedTable(DIAGNOSES.filter((d) => d.inpatient).map((d) => [d, d.weight] as const));
const pickNotifiable = weightedTable(NOTIFIABLE.map((d) => [d, d.weight] as const));

/** An event time in the last `maxHours`, mostly recent (timeliness: most data arrives within a day). */
export function recentEvent(ctx: RecordContext, maxHours = 36): number {
  const { rng, nowMs } = ctx;
  // 85% within 12 h, the rest up to maxHours; never in the future; never less than 5 minutes ago.
  const hours = rng.chance(0.85) ? rng.next() * 12 : 12 + rng.next() * Math.max(0, maxHours - 12);
  return nowMs - Math.max(5 * 60_000, hours * HOUR_MS);
}

function round(v: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(v * f) / f;
}

export function makePerson(ctx: RecordContext, r: Resident, sourceId: string, version = 1): PersonRecord {
  const { rng } = ctx;
  return {
    sourceId,
    version,
    idType: '01',
    idNumber: r.idNumber,
    name: r.name,
    sex: r.sex,
    birthDate: r.birthDate,
    phone: r.phone,
    ethnicity: r.ethnicity,
    maritalStatus: ageOn(r.birthDate, ctx.nowMs) < 22 ? '10' : rng.pick(['20', '20', '20', '20', '10', '30', '40']),
    regionCode: r.townshipCode,
    address: `四川省内江市${rng.pick(['新江街道', '城东街道', '玉溪街道', '严陵镇', '重龙镇', '金鹅街道'])}${rng.int(1, 300)}号`,
  };
}

export function makeEncounter(ctx: RecordContext, r: Resident, sourceId: string, version = 1): EncounterRecord {
  const { rng, nowMs } = ctx;
  const type = rng.weighted(['outpatient', 'emergency', 'inpatient'] as const, [80, 8, 12]);
  const main = type === 'inpatient' ? pickInpatientDiagnosis(rng) : pickDiagnosis(rng);
  const diagnoses: NonNullable<EncounterRecord['diagnoses']> = [{ code: main.code, name: main.name, primary: true, kind: type === 'inpatient' ? 'discharge' : 'outpatient' }];
  if (rng.chance(0.3)) {
    const other = pickDiagnosis(rng);
    if (other.code !== main.code) diagnoses.push({ code: other.code, name: other.name, kind: type === 'inpatient' ? 'discharge' : 'outpatient' });
  }
  const base = {
    sourceId,
    version,
    patient: patientRef(ctx, r),
    type,
    department: type === 'emergency' ? '急诊科' : main.department,
    attendingDoctor: rng.pick(DOCTORS),
    diagnoses,
  };
  if (type === 'inpatient') {
    // Sent at discharge: admitted some days ago, discharged in the last day and a half.
    const end = recentEvent(ctx);
    const los = rng.int(2, 14);
    const start = end - los * DAY_MS - rng.int(0, 10) * HOUR_MS;
    return {
      ...base,
      visitNo: `ZY${sourceId}`,
      medicalRecordNo: String(rng.int(100_000, 9_999_999)).padStart(8, '0'),
      startAt: cst(start),
      endAt: cst(end),
      admissionWay: rng.pick(['1', '2', '2', '3']),
      dischargeWay: rng.chance(0.97) ? '1' : rng.pick(['2', '3', '4']),
      lengthOfStayDays: los,
      totalCost: round(3000 + rng.next() * 30_000, 2),
    };
  }
  const start = recentEvent(ctx);
  return { ...base, visitNo: `MZ${sourceId}`, startAt: cst(start), endAt: rng.chance(0.5) ? cst(Math.min(nowMs - 60_000, start + rng.int(10, 90) * 60_000)) : null, totalCost: round(20 + rng.next() * 600, 2) };
}

/** The encounter a child record belongs to: its sourceId, patient and event time. */
export interface EncounterRef {
  readonly sourceId: string;
  readonly resident: Resident;
  readonly patient: PatientRef;
  /** Epoch ms of the visit start. */
  readonly startMs: number;
  readonly department: string;
}

export function encounterRefOf(record: EncounterRecord, resident: Resident): EncounterRef {
  return { sourceId: record.sourceId, resident, patient: record.patient, startMs: Date.parse(record.startAt), department: record.department ?? '门诊' };
}

/** A time after the encounter started and before now. */
function afterEncounter(ctx: RecordContext, enc: EncounterRef | null, maxHours: number): number {
  if (!enc) return recentEvent(ctx);
  const { rng, nowMs } = ctx;
  const latest = Math.min(nowMs - 60_000, enc.startMs + maxHours * HOUR_MS);
  return enc.startMs + rng.next() * Math.max(0, latest - enc.startMs);
}

export function makeLabReport(ctx: RecordContext, r: Resident, sourceId: string, enc: EncounterRef | null, version = 1): LabReportRecord {
  const { rng } = ctx;
  const panel = rng.pick(LAB_PANELS);
  const reported = afterEncounter(ctx, enc, 6);
  const results = panel.items.map((item) => {
    if (item.high === 0) {
      const positive = rng.chance(0.1);
      return { itemCode: item.itemCode, itemName: item.itemName, value: positive ? '阳性(+)' : '阴性', abnormalFlag: positive ? 'A' : 'N' };
    }
    const span = item.high - item.low;
    const value = round(item.low - span * 0.2 + rng.next() * span * 1.4, item.decimals);
    const flag = value > item.high ? 'H' : value < item.low ? 'L' : 'N';
    return { itemCode: item.itemCode, itemName: item.itemName, value, unit: item.unit, referenceRange: `${item.low}-${item.high}`, abnormalFlag: flag };
  });
  return {
    sourceId,
    version,
    patient: enc?.patient ?? patientRef(ctx, r),
    encounterSourceId: enc?.sourceId ?? null,
    reportNo: `L${sourceId}`,
    specimen: panel.specimen,
    collectedAt: cst(reported - rng.int(30, 180) * 60_000),
    reportedAt: cst(reported),
    departmentName: enc?.department ?? null,
    orderingDoctor: rng.pick(DOCTORS),
    results,
  };
}

export function makeExamReport(ctx: RecordContext, r: Resident, sourceId: string, enc: EncounterRef | null, version = 1): ExamReportRecord {
  const { rng } = ctx;
  const exam = rng.pick(EXAMS);
  const abnormal = rng.chance(0.3);
  const reported = afterEncounter(ctx, enc, 12);
  return {
    sourceId,
    version,
    patient: enc?.patient ?? patientRef(ctx, r),
    encounterSourceId: enc?.sourceId ?? null,
    reportNo: `E${sourceId}`,
    modality: exam.modality,
    bodyPart: exam.bodyPart,
    examAt: cst(reported - rng.int(15, 120) * 60_000),
    reportedAt: cst(reported),
    findings: abnormal ? exam.abnormal : exam.normal,
    conclusion: abnormal ? exam.conclusionAbnormal : exam.conclusionNormal,
    isAbnormal: abnormal,
  };
}

export function makePrescription(ctx: RecordContext, r: Resident, sourceId: string, enc: EncounterRef | null, version = 1): PrescriptionRecord {
  const { rng } = ctx;
  const n = rng.int(1, 4);
  const items = Array.from({ length: n }, () => {
    const d = rng.pick(DRUGS);
    return { drugCode: d.drugCode, drugName: d.drugName, spec: d.spec, dose: d.dose, route: d.route, frequency: d.frequency, days: rng.int(3, 14), quantity: rng.int(1, 3), quantityUnit: d.unit };
  });
  return {
    sourceId,
    version,
    patient: enc?.patient ?? patientRef(ctx, r),
    encounterSourceId: enc?.sourceId ?? null,
    prescriptionNo: `RX${sourceId}`,
    prescribedAt: cst(afterEncounter(ctx, enc, 2)),
    departmentName: enc?.department ?? null,
    doctorName: rng.pick(DOCTORS),
    kind: rng.chance(0.85) ? 'western' : 'chinese_patent',
    items,
  };
}

export function makeFollowup(ctx: RecordContext, r: Resident, sourceId: string, version = 1): FollowupRecord {
  const { rng, nowMs } = ctx;
  const disease = rng.chance(0.7) ? 'hypertension' : 't2dm';
  const at = recentEvent(ctx);
  const sbp = disease === 'hypertension' ? rng.int(118, 175) : rng.int(110, 150);
  const registeredAt = nowMs - rng.int(100, 2000) * DAY_MS;
  return {
    sourceId,
    version,
    patient: patientRef(ctx, r),
    disease,
    followupAt: cst(at),
    way: rng.weighted(['clinic', 'home', 'phone'], [6, 2, 2]),
    sbp,
    dbp: Math.round(sbp * (0.58 + rng.next() * 0.1)),
    fastingGlucose: disease === 't2dm' ? round(5.2 + rng.next() * 6, 1) : null,
    classification: sbp < 140 ? 'controlled' : 'uncontrolled',
    doctorName: rng.pick(DOCTORS),
    nextFollowupAt: cstDate(at + rng.int(28, 92) * DAY_MS),
    registration: {
      sourceId: `REG-${disease === 'hypertension' ? 'HTN' : 'DM'}-${ctx.institution.index}-${r.index}`,
      registeredAt: cst(registeredAt),
      icd10: disease === 'hypertension' ? 'I10.x00' : 'E11.900',
      diagnosisDate: cstDate(registeredAt - rng.int(0, 200) * DAY_MS),
      status: 'active',
    },
  };
}

export function makeImmunization(ctx: RecordContext, r: Resident, sourceId: string, version = 1): ImmunizationRecord {
  const { rng } = ctx;
  const v = rng.pick(VACCINES);
  return {
    sourceId,
    version,
    patient: patientRef(ctx, r),
    vaccineCode: v.code,
    vaccineName: v.name,
    doseNumber: rng.int(1, 3),
    administeredAt: cst(recentEvent(ctx, 24)),
    lotNumber: `${rng.int(2023, 2025)}${String(rng.int(1, 12)).padStart(2, '0')}B${String(rng.int(1, 999)).padStart(3, '0')}`,
    manufacturer: v.manufacturer,
    site: v.site,
    route: v.route,
  };
}

export function makeContract(ctx: RecordContext, r: Resident, sourceId: string, version = 1): ContractRecord {
  const { rng } = ctx;
  const signed = recentEvent(ctx);
  const from = cstDate(signed);
  const to = cstDate(signed + 364 * DAY_MS);
  const team = rng.int(1, 9);
  return {
    sourceId,
    version,
    patient: patientRef(ctx, r),
    signedAt: cst(signed),
    teamCode: `T${String(team).padStart(2, '0')}`,
    teamName: `家庭医生第${team}团队`,
    doctorName: rng.pick(DOCTORS),
    validFrom: from,
    validTo: to,
    servicePackage: rng.pick(['基础服务包', '高血压个性化服务包', '糖尿病个性化服务包', '老年人服务包', '孕产妇服务包']),
    status: 'active',
  };
}

export function makeHealthRecord(ctx: RecordContext, r: Resident, sourceId: string, version = 1): HealthRecordRecord {
  const { rng } = ctx;
  return {
    sourceId,
    version,
    patient: patientRef(ctx, r),
    archiveNo: `${r.regionCode}${String(rng.int(0, 99_999_999_999)).padStart(11, '0')}`,
    establishedAt: cst(recentEvent(ctx)),
    responsibleDoctor: rng.pick(DOCTORS),
    regionCode: r.regionCode,
    status: 'active',
  };
}

export function makeDiseaseReport(ctx: RecordContext, r: Resident, sourceId: string, version = 1): DiseaseReportRecord {
  const { rng, nowMs } = ctx;
  const d = pickNotifiable(rng);
  const reported = recentEvent(ctx);
  const diagnosed = reported - rng.int(0, 20) * HOUR_MS;
  const onset = diagnosed - rng.int(0, 7) * DAY_MS;
  const reviewed = rng.chance(0.8) ? Math.min(nowMs - 60_000, reported + rng.int(1, 10) * HOUR_MS) : null;
  const death = rng.chance(0.01);
  return {
    sourceId,
    version,
    patient: patientRef(ctx, r),
    cardNo: `${r.regionCode}${String(rng.int(0, 999_999_999)).padStart(9, '0')}`,
    disease: d.disease,
    icd10: d.icd10,
    caseClassification: rng.weighted(['confirmed', 'clinical', 'suspected'], [7, 2, 1]),
    onsetDate: cstDate(onset),
    diagnosisDate: cstDate(diagnosed),
    reportedAt: cst(reported),
    finalReviewAt: reviewed === null ? null : cst(reviewed),
    outcome: death ? 'death' : null,
    deathDate: death ? cstDate(diagnosed) : null,
    addressRegionCode: r.regionCode,
  };
}

export function makeFacilityResource(ctx: RecordContext, sourceId: string, version = 1): FacilityResourceRecord {
  const { rng, nowMs } = ctx;
  const d = new Date(nowMs + CST_OFFSET_MS);
  const prev = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 1));
  const period = prev.toISOString().slice(0, 7);
  const days = new Date(Date.UTC(prev.getUTCFullYear(), prev.getUTCMonth() + 1, 0)).getUTCDate();
  const hospital = /hospital|maternal/.test(ctx.institution.type);
  const beds = hospital ? rng.int(150, 1200) : rng.int(0, 60);
  const doctors = Math.max(2, Math.round(beds * 0.4) + rng.int(2, 20));
  return {
    sourceId,
    version,
    period,
    bedsApproved: beds,
    bedsOpen: Math.round(beds * 0.95),
    occupiedBedDays: Math.round(beds * 0.95 * days * (0.6 + rng.next() * 0.35)),
    openBedDays: Math.round(beds * 0.95) * days,
    staffTotal: doctors * 3,
    doctors,
    nurses: Math.round(doctors * 1.4),
    pharmacists: Math.round(doctors * 0.12),
    technicians: Math.round(doctors * 0.25),
    otherStaff: Math.round(doctors * 0.3),
    largeEquipment: hospital ? [{ code: 'CT', name: '64排螺旋CT', count: rng.int(1, 3) }] : [],
  };
}
