/**
 * checkRecord: every rule that can be decided from one cleansed record alone —
 * completeness, value sets, formats, identity checksums and agreement, time
 * logic, notifiable-disease classification, plausibility and (given its
 * arrival time) timeliness. Linking (LINK.*) and duplicates (UNIQ.*) need the
 * database and are decided by the pipeline with the same rule codes.
 */
import { chinaDate, chinaDateOf, lastDayOfMonth } from '../common/dates';
import type { DatasetName, DatasetSpec } from '../datasets/dataset';
import { datasetSpec } from '../datasets/datasets';
import { missingElements } from '../datasets/completeness';
import { isBlank, valuesAtPath } from '../datasets/paths';
import { classifyDisease, type DiseaseClassification } from '../diseases/classify';
import { checkField, isCheckedKind } from './checks/fields';
import { checkIdentity } from './checks/identity';
import { isBefore, isInFuture } from './checks/time-logic';
import { diseaseReportLimitHours, isOnTime } from './checks/timeliness';
import { finding, hasError, type Finding } from './finding';

export interface CheckRecordOptions {
  /** When the platform received the record; the reference for TIME.FUTURE and timeliness. Default: now. */
  readonly receivedAt?: Date | string;
  /** Agreed delay for TIMELINESS.LATE, hours (per institution × data set). Default: the data set's (24 h; 240 h for resources). */
  readonly timelinessHours?: number;
  /** Clock skew tolerated by TIME.FUTURE, minutes. Default 10. */
  readonly clockSkewMinutes?: number;
}

export interface RecordCheck {
  readonly findings: Finding[];
  /** Any error-severity finding: the record is rejected. */
  readonly rejected: boolean;
  /** A required element is missing (完整性 numerator). */
  readonly missingRequired: boolean;
  /** Elements evaluated by consistency rules, and how many of them failed (一致性). */
  readonly elementsChecked: number;
  readonly elementsFailed: number;
  /** Arrived within the agreed delay (及时性); null when the event time is unknown. */
  readonly onTime: boolean | null;
  /** disease-reports: the notifiable disease the card was classified as. */
  readonly disease?: DiseaseClassification;
}

/** Contract periods and planned follow-ups may legitimately lie in the future. */
const NOT_EVENTS = new Set(['validFrom', 'validTo', 'nextFollowupAt']);

/** Lists a record is pointless without (the contracts require at least one item). */
const LIST_FIELDS: Partial<Record<DatasetName, string>> = {
  'lab-reports': 'results',
  prescriptions: 'items',
};

function str(record: unknown, path: string): string | undefined {
  const v = valuesAtPath(record, path)[0]?.value;
  return typeof v === 'string' && v.trim() !== '' ? v : undefined;
}

function num(record: unknown, path: string): number | undefined {
  const v = valuesAtPath(record, path)[0]?.value;
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : Number.NaN;
  return Number.isFinite(n) ? n : undefined;
}

function completeness(spec: DatasetSpec, record: unknown): Finding[] {
  const out: Finding[] = missingElements(spec, record).map((m) =>
    finding(m.requirement === 'required' ? 'REQ.MISSING' : 'REQ.RECOMMENDED_MISSING', m.path, { zh: m.labelZh, en: m.path }),
  );
  const list = LIST_FIELDS[spec.name];
  if (list) {
    const v = valuesAtPath(record, list)[0]?.value;
    if (!Array.isArray(v) || v.length === 0) out.push(finding('REQ.EMPTY_LIST', list));
  }
  // An encounter without diagnoses is accepted (the contract allows it) but cannot be counted by disease.
  if (spec.name === 'encounters') {
    const d = valuesAtPath(record, 'diagnoses')[0]?.value;
    if (!Array.isArray(d) || d.length === 0) out.push(finding('REQ.RECOMMENDED_MISSING', 'diagnoses', { zh: '诊断', en: 'diagnoses' }));
  }
  return out;
}

function timeLogic(spec: DatasetSpec, record: unknown, now: Date, skew: number, prefix: string): Finding[] {
  const out: Finding[] = [];
  const today = chinaDate(now);
  const birthDate = str(record, `${prefix}birthDate`);
  for (const f of spec.fields) {
    if ((f.kind !== 'date' && f.kind !== 'datetime') || NOT_EVENTS.has(f.path)) continue;
    for (const { path, value } of valuesAtPath(record, f.path)) {
      if (typeof value === 'string' && value !== '' && isInFuture(value, now, skew, today)) out.push(finding('TIME.FUTURE', path));
    }
  }
  const event = spec.eventTime ? str(record, spec.eventTime) : undefined;
  if (spec.eventTime && event && birthDate && isBefore(event, birthDate)) {
    out.push(finding('TIME.BEFORE_BIRTH', spec.eventTime));
  }
  const pairs: readonly (readonly [string, string])[] =
    spec.name === 'encounters' ? [['startAt', 'endAt']] : spec.name === 'contracts' ? [['validFrom', 'validTo']] : [];
  for (const [start, end] of pairs) {
    const s = str(record, start);
    const e = str(record, end);
    if (s && e && isBefore(e, s)) out.push(finding('TIME.END_BEFORE_START', end));
  }
  return out;
}

function diseaseReport(record: unknown): { findings: Finding[]; disease?: DiseaseClassification } {
  const out: Finding[] = [];
  const name = str(record, 'disease');
  const icd10 = str(record, 'icd10');
  const diagnosisDate = str(record, 'diagnosisDate');
  const reportedAt = str(record, 'reportedAt');
  const finalReviewAt = str(record, 'finalReviewAt');
  const onsetDate = str(record, 'onsetDate');
  if (!name && !icd10) out.push(finding('REQ.CONDITIONAL_MISSING', 'disease', { zh: '疾病名称或ICD-10编码', en: 'disease name or ICD-10 code' }));
  if (str(record, 'outcome') === 'death' && !str(record, 'deathDate')) out.push(finding('REQ.CONDITIONAL_MISSING', 'deathDate'));
  if (onsetDate && diagnosisDate && isBefore(diagnosisDate, onsetDate)) out.push(finding('TIME.SEQUENCE', 'diagnosisDate'));
  if (diagnosisDate && reportedAt && isBefore(reportedAt, diagnosisDate)) out.push(finding('TIME.SEQUENCE', 'reportedAt'));
  if (reportedAt && finalReviewAt && isBefore(finalReviewAt, reportedAt)) out.push(finding('TIME.SEQUENCE', 'finalReviewAt'));

  let disease: DiseaseClassification | undefined;
  const date = (diagnosisDate && chinaDateOf(diagnosisDate)) ?? (reportedAt && chinaDateOf(reportedAt)) ?? undefined;
  if ((name || icd10) && date) {
    const r = classifyDisease({ name, icd10, date });
    if (r.ok) {
      disease = r.disease;
      if (r.disease.icd10Conflict) out.push(finding('DISEASE.NAME_CODE_CONFLICT', 'icd10'));
      if (diagnosisDate && reportedAt && isOnTime(diagnosisDate, reportedAt, diseaseReportLimitHours(r.disease.diseaseClass)) === false) {
        out.push(finding('TIMELINESS.DISEASE_REPORT_LATE', 'reportedAt'));
      }
    } else if (r.reason !== 'bad_icd10') {
      out.push(finding('DISEASE.UNKNOWN', name ? 'disease' : 'icd10'));
    }
  }
  return { findings: out, ...(disease ? { disease } : {}) };
}

function plausibility(dataset: DatasetName, record: unknown): Finding[] {
  const out: Finding[] = [];
  const outside = (path: string, min: number, max: number) => {
    const n = num(record, path);
    if (n !== undefined && (n < min || n > max)) out.push(finding('RANGE.IMPLAUSIBLE', path, { zh: `${min}–${max}`, en: `${min}–${max}` }));
  };
  if (dataset === 'followups') {
    outside('sbp', 50, 300);
    outside('dbp', 20, 200);
    outside('fastingGlucose', 0.5, 50);
  }
  if (dataset === 'facility-resources') {
    for (const p of ['bedsOpen', 'openBedDays', 'occupiedBedDays', 'staffTotal']) outside(p, 0, 10_000_000);
    const open = num(record, 'openBedDays');
    const occupied = num(record, 'occupiedBedDays');
    // Chinese hospitals run above 100% with extra beds (加床); twice the open bed-days is not credible.
    if (open !== undefined && occupied !== undefined && occupied > 2 * open) out.push(finding('RANGE.IMPLAUSIBLE', 'occupiedBedDays'));
  }
  return out;
}

export function checkRecord(dataset: DatasetName, record: unknown, options: CheckRecordOptions = {}): RecordCheck {
  const spec = datasetSpec(dataset);
  const now = options.receivedAt === undefined ? new Date() : new Date(options.receivedAt);
  const prefix = spec.fields.some((f) => f.path === 'patient.name') ? 'patient.' : '';
  const findings: Finding[] = [];

  const completenessFindings = completeness(spec, record);
  findings.push(...completenessFindings);

  let elementsChecked = 0;
  for (const field of spec.fields) {
    for (const { path, value } of valuesAtPath(record, field.path)) {
      if (isBlank(value)) continue;
      if (isCheckedKind(field)) elementsChecked += 1;
      findings.push(...checkField(field, path, value));
    }
  }

  if (spec.personLinked) {
    const holder = prefix === '' ? record : valuesAtPath(record, 'patient')[0]?.value;
    if (holder && typeof holder === 'object') findings.push(...checkIdentity(holder as Record<string, unknown>, prefix, chinaDate(now)));
  }

  findings.push(...timeLogic(spec, record, now, options.clockSkewMinutes ?? 10, prefix));

  let disease: DiseaseClassification | undefined;
  if (dataset === 'disease-reports') {
    const r = diseaseReport(record);
    findings.push(...r.findings);
    disease = r.disease;
  }
  findings.push(...plausibility(dataset, record));

  const rawEvent = spec.eventTime ? str(record, spec.eventTime) : undefined;
  const event = rawEvent && /^\d{4}-\d{2}$/.test(rawEvent) ? lastDayOfMonth(rawEvent) : rawEvent;
  const onTime = event ? isOnTime(event, now, options.timelinessHours ?? spec.timelinessHours) : null;
  if (onTime === false && spec.eventTime) findings.push(finding('TIMELINESS.LATE', spec.eventTime));

  const failedPaths = new Set(findings.filter((f) => f.dimension === 'consistency').map((f) => f.path));
  return {
    findings,
    rejected: hasError(findings),
    missingRequired: completenessFindings.some((f) => f.severity === 'error'),
    elementsChecked,
    elementsFailed: Math.min(failedPaths.size, elementsChecked),
    onTime,
    ...(disease ? { disease } : {}),
  };
}
