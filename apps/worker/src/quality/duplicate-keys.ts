import { createHash } from 'node:crypto';

/**
 * What makes two records "the same event" (唯一性), per data set. Each rule
 * (kind) is a key of normalised parts, optionally with an event time that
 * must agree within a window. Person-based kinds leave the institution out
 * so they find duplicates across institutions; number-based kinds (report,
 * prescription, card numbers) are scoped to the institution that issued them.
 *
 *   encounters       event      same person, same encounter type, start ± window
 *   lab-reports      report_no  same institution, same report number
 *                    event      same person, same set of items, report time ± window
 *   exam-reports     report_no  same institution, same report number
 *                    event      same person, same modality and body part, report time ± window
 *   prescriptions    rx_no      same institution, same prescription number
 *                    event      same person, same drugs, prescription time ± window
 *   immunizations    dose       same person, same vaccine, same dose number
 *                    event      same person, same vaccine, time ± window
 *   disease-reports  event      same person, same disease, same diagnosis date (重卡)
 *                    card_no    same institution, same card number
 *   health-records   person     a second archive for the same person (重复建档)
 *   followups        event      same person, same disease, time ± window
 *   contracts        event      same person, signed the same day
 *   facility-resources period   same institution, same month
 * persons are deduplicated by the master person index, not here.
 */
export interface FingerprintKey {
  kind: string;
  /** Element the UNIQ.DUPLICATE finding points at. */
  path: string;
  parts: readonly (string | null | undefined)[];
  /** Set for windowed kinds. */
  eventAt?: Date | string | null;
}

export interface FingerprintSpec {
  /** Rows this batch wrote: $1 institution id, $2 source ids, $3 batch id. Columns: source_id, mp (master person id) and the key's. */
  sql: string;
  keys(row: Record<string, unknown>, institutionId: string): FingerprintKey[];
}

const WRITTEN = `t.institution_id = $1 and t.source_id = any($2::text[]) and t.batch_id = $3`;

const s = (v: unknown): string | null => (v === null || v === undefined || v === '' ? null : v instanceof Date ? v.toISOString() : String(v));

export const FINGERPRINTS: Partial<Record<string, FingerprintSpec>> = {
  encounters: {
    sql: `select t.source_id, t.master_person_id::text as mp, t.type::text as type, t.start_at from encounters t where ${WRITTEN}`,
    keys: (r) => [{ kind: 'event', path: 'startAt', parts: [s(r.mp), s(r.type)], eventAt: r.start_at as Date }],
  },
  'lab-reports': {
    sql: `select t.source_id, t.master_person_id::text as mp, t.report_no, t.reported_at,
                 (select string_agg(distinct x.item_code, ',' order by x.item_code) from lab_results x where x.lab_report_id = t.id) as items
            from lab_reports t where ${WRITTEN}`,
    keys: (r, inst) => [
      { kind: 'report_no', path: 'reportNo', parts: [inst, s(r.report_no)] },
      { kind: 'event', path: 'reportedAt', parts: [s(r.mp), s(r.items)], eventAt: r.reported_at as Date },
    ],
  },
  'exam-reports': {
    sql: `select t.source_id, t.master_person_id::text as mp, t.report_no, t.modality, t.body_part, t.reported_at from exam_reports t where ${WRITTEN}`,
    keys: (r, inst) => [
      { kind: 'report_no', path: 'reportNo', parts: [inst, s(r.report_no)] },
      { kind: 'event', path: 'reportedAt', parts: [s(r.mp), s(r.modality) ?? '-', s(r.body_part) ?? '-'], eventAt: r.reported_at as Date },
    ],
  },
  prescriptions: {
    sql: `select t.source_id, t.master_person_id::text as mp, t.prescription_no, t.prescribed_at,
                 (select string_agg(distinct coalesce(x.drug_code, x.drug_name), ',' order by coalesce(x.drug_code, x.drug_name)) from prescription_items x where x.prescription_id = t.id) as drugs
            from prescriptions t where ${WRITTEN}`,
    keys: (r, inst) => [
      { kind: 'rx_no', path: 'prescriptionNo', parts: [inst, s(r.prescription_no)] },
      { kind: 'event', path: 'prescribedAt', parts: [s(r.mp), s(r.drugs)], eventAt: r.prescribed_at as Date },
    ],
  },
  immunizations: {
    sql: `select t.source_id, t.master_person_id::text as mp, t.vaccine_code, t.dose_number, t.administered_at from immunizations t where ${WRITTEN}`,
    keys: (r) => [
      { kind: 'dose', path: 'doseNumber', parts: [s(r.mp), s(r.vaccine_code), s(r.dose_number)] },
      { kind: 'event', path: 'administeredAt', parts: [s(r.mp), s(r.vaccine_code)], eventAt: r.administered_at as Date },
    ],
  },
  'disease-reports': {
    sql: `select t.source_id, t.master_person_id::text as mp, coalesce(t.disease_code, t.icd10, t.disease_name) as disease, t.diagnosis_date::text as diagnosis_date, t.card_no
            from disease_reports t where ${WRITTEN}`,
    keys: (r, inst) => [
      { kind: 'event', path: 'diagnosisDate', parts: [s(r.mp), s(r.disease), s(r.diagnosis_date)] },
      { kind: 'card_no', path: 'cardNo', parts: [inst, s(r.card_no)] },
    ],
  },
  'health-records': {
    sql: `select t.source_id, t.master_person_id::text as mp from health_records t where ${WRITTEN}`,
    keys: (r) => [{ kind: 'person', path: 'patient', parts: [s(r.mp)] }],
  },
  followups: {
    sql: `select t.source_id, t.master_person_id::text as mp, t.disease, t.followup_at from chronic_followups t where ${WRITTEN}`,
    keys: (r) => [{ kind: 'event', path: 'followupAt', parts: [s(r.mp), s(r.disease)], eventAt: r.followup_at as Date }],
  },
  contracts: {
    sql: `select t.source_id, t.master_person_id::text as mp, to_char(t.signed_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as signed_day
            from family_doctor_contracts t where ${WRITTEN}`,
    keys: (r) => [{ kind: 'event', path: 'signedAt', parts: [s(r.mp), s(r.signed_day)] }],
  },
  'facility-resources': {
    sql: `select t.source_id, null::text as mp, t.period_start::text as period from resource_reports t where ${WRITTEN}`,
    keys: (r, inst) => [{ kind: 'period', path: 'period', parts: [inst, s(r.period)] }],
  },
};

/** md5 of the normalised parts; null when a part is missing (the rule does not apply). */
export function fingerprintKey(dataset: string, k: FingerprintKey): string | null {
  if (k.parts.some((p) => p === null || p === undefined || p === '')) return null;
  const text = [dataset, k.kind, ...k.parts.map((p) => String(p).trim().toUpperCase())].join('\u001f');
  return createHash('md5').update(text).digest('hex');
}
