/**
 * The imperfections institutions really send, per data set, as rule codes of
 * the quality catalogue (@rhip/domain QUALITY_RULES). Error-severity defects
 * get the record rejected (a finding and a "rejected" outcome, no stored row);
 * warnings keep it, with the stored row showing the defect (an empty
 * department, no archive number, a record without an ID number that had to be
 * linked probabilistically…).
 */
import { type RuleCode, ruleByCode } from '@rhip/domain';
import type { Row } from './sink';
import { weighted, type WeightedTable } from './random';

export interface RecordParts {
  row: Row | null;
  /** Child rows by table (diagnoses, results, items), stored with the record. */
  children: Array<{ table: string; row: Row }>;
}

export interface Defect {
  rule: RuleCode;
  path: string;
  /** Applies a warning to the stored rows. */
  mutate?: (parts: RecordParts) => void;
  /** The record came without an ID number: linked probabilistically. */
  noIdNumber?: boolean;
  /** Only for inpatient encounters. */
  inpatientOnly?: boolean;
}

const blank = (...cols: string[]) => (p: RecordParts) => {
  if (p.row) for (const c of cols) p.row[c] = null;
};
const blankFirstChild = (table: string, ...cols: string[]) => (p: RecordParts) => {
  const child = p.children.find((c) => c.table === table);
  if (child) for (const c of cols) child.row[c] = null;
};

const PATIENT_ERRORS: ReadonlyArray<readonly [Defect, number]> = [
  [{ rule: 'ID.CHECKSUM', path: 'patient.idNumber' }, 3],
  [{ rule: 'ID.SEX_MISMATCH', path: 'patient.sex' }, 1.5],
  [{ rule: 'ID.BIRTHDATE_MISMATCH', path: 'patient.birthDate' }, 1],
  [{ rule: 'REQ.MISSING', path: 'patient.name' }, 0.6],
  [{ rule: 'VS.SEX', path: 'patient.sex' }, 0.4],
];
const NO_ID: readonly [Defect, number] = [{ rule: 'REQ.RECOMMENDED_MISSING', path: 'patient.idNumber', noIdNumber: true }, 3];

const MENUS: Record<string, ReadonlyArray<readonly [Defect, number]>> = {
  persons: [
    [{ rule: 'ID.CHECKSUM', path: 'idNumber' }, 2.5],
    [{ rule: 'ID.SEX_MISMATCH', path: 'sex' }, 1],
    [{ rule: 'REQ.MISSING', path: 'name' }, 0.5],
    [{ rule: 'FMT.PHONE', path: 'phone' }, 2],
    [{ rule: 'REQ.RECOMMENDED_MISSING', path: 'phone' }, 2],
    [{ rule: 'VS.ETHNICITY', path: 'ethnicity' }, 0.4],
  ],
  'health-records': [...PATIENT_ERRORS, NO_ID, [{ rule: 'REQ.RECOMMENDED_MISSING', path: 'archiveNo', mutate: blank('archive_no') }, 2]],
  followups: [
    ...PATIENT_ERRORS, NO_ID,
    [{ rule: 'REQ.MISSING', path: 'followupAt' }, 0.5],
    [{ rule: 'RANGE.IMPLAUSIBLE', path: 'sbp', mutate: (p) => { if (p.row && p.row.sbp != null) p.row.sbp = Number(p.row.sbp) > 140 ? 310 : 45; } }, 0.8],
  ],
  immunizations: [
    ...PATIENT_ERRORS, NO_ID,
    [{ rule: 'REQ.MISSING', path: 'vaccineCode' }, 0.4],
    [{ rule: 'REQ.RECOMMENDED_MISSING', path: 'vaccineName', mutate: blank('vaccine_name') }, 1],
    [{ rule: 'REQ.RECOMMENDED_MISSING', path: 'doseNumber', mutate: blank('dose_number') }, 1],
  ],
  contracts: [
    ...PATIENT_ERRORS, NO_ID,
    [{ rule: 'TIME.END_BEFORE_START', path: 'validTo' }, 0.4],
    [{ rule: 'REQ.RECOMMENDED_MISSING', path: 'validFrom', mutate: blank('valid_from') }, 1.2],
  ],
  encounters: [
    ...PATIENT_ERRORS, NO_ID,
    [{ rule: 'REQ.MISSING', path: 'startAt' }, 0.5],
    [{ rule: 'TIME.END_BEFORE_START', path: 'endAt', inpatientOnly: true }, 0.6],
    [{ rule: 'ICD10.FORMAT', path: 'diagnoses[0].code' }, 0.6],
    [{ rule: 'REQ.EMPTY_LIST', path: 'diagnoses' }, 0.3],
    [{ rule: 'REQ.RECOMMENDED_MISSING', path: 'department', mutate: blank('department_code', 'department_name') }, 3],
    [{ rule: 'REQ.RECOMMENDED_MISSING', path: 'diagnoses[0].name', mutate: blankFirstChild('encounter_diagnoses', 'name') }, 1],
  ],
  'lab-reports': [
    ...PATIENT_ERRORS, NO_ID,
    [{ rule: 'REQ.MISSING', path: 'items[0].value' }, 0.5],
    [{ rule: 'REQ.EMPTY_LIST', path: 'items' }, 0.3],
    [{ rule: 'REQ.RECOMMENDED_MISSING', path: 'encounterSourceId', mutate: blank('encounter_source_id', 'encounter_id') }, 1.2],
    [{ rule: 'REQ.RECOMMENDED_MISSING', path: 'items[0].name', mutate: blankFirstChild('lab_results', 'item_name') }, 0.8],
  ],
  'exam-reports': [
    ...PATIENT_ERRORS, NO_ID,
    [{ rule: 'REQ.MISSING', path: 'conclusion' }, 0.5],
    [{ rule: 'REQ.RECOMMENDED_MISSING', path: 'encounterSourceId', mutate: blank('encounter_source_id', 'encounter_id') }, 1.2],
  ],
  prescriptions: [
    ...PATIENT_ERRORS, NO_ID,
    [{ rule: 'REQ.EMPTY_LIST', path: 'items' }, 0.3],
    [{ rule: 'REQ.RECOMMENDED_MISSING', path: 'items[0].drugCode', mutate: blankFirstChild('prescription_items', 'drug_code') }, 1.5],
  ],
  'disease-reports': [
    ...PATIENT_ERRORS, NO_ID,
    [{ rule: 'REQ.CONDITIONAL_MISSING', path: 'disease' }, 0.5],
    [{ rule: 'TIME.SEQUENCE', path: 'finalReviewAt' }, 0.5],
  ],
  'facility-resources': [
    [{ rule: 'REQ.RECOMMENDED_MISSING', path: 'openBedDays', mutate: blank('open_bed_days') }, 1],
    [{ rule: 'REQ.MISSING', path: 'period' }, 0.3],
  ],
};

const TABLES = new Map<string, { all: WeightedTable<Defect>; warnings: WeightedTable<Defect>; outpatient: WeightedTable<Defect> }>();

function severityOf(d: Defect): 'error' | 'warning' {
  const rule = ruleByCode(d.rule);
  if (!rule) throw new Error(`seed defect names unknown rule ${d.rule}`);
  return rule.severity;
}

for (const [dataset, menu] of Object.entries(MENUS)) {
  TABLES.set(dataset, {
    all: weighted(menu),
    warnings: weighted(menu.filter(([d]) => severityOf(d) === 'warning')),
    outpatient: weighted(menu.filter(([d]) => !d.inpatientOnly)),
  });
}

export function isError(d: Defect): boolean {
  return severityOf(d) === 'error';
}

/** Picks a defect for a record of the data set. `canReject` false: warnings only (records others depend on). */
export function defectTable(dataset: string, opts: { canReject: boolean; inpatient?: boolean }): WeightedTable<Defect> | null {
  const t = TABLES.get(dataset);
  if (!t) return null;
  if (!opts.canReject) return t.warnings;
  return opts.inpatient ? t.all : t.outpatient;
}
