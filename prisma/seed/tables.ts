/**
 * The tables the seed writes, their COPY column lists and the order foreign
 * keys impose (a level's tables only reference tables of lower levels).
 * Columns left out take their database default (bigserial ids, created_at).
 * Ids are given explicitly only where another seeded row must reference them
 * (master persons, encounters, lab reports, prescriptions); their sequences
 * are moved past the seeded ids at the end.
 */
export interface TableSpec {
  /** Table the rows are for. */
  readonly name: string;
  /** Table they are copied into when it differs (staging for rows that need a parent written last). */
  readonly target?: string;
  readonly level: number;
  readonly columns: readonly string[];
}

const SOURCE = ['institution_id', 'source_id', 'version', 'source_updated_at', 'batch_id', 'master_person_id', 'received_at'] as const;

export const STAGED_OUTCOMES = '_seed_record_outcomes';

export const TABLES: readonly TableSpec[] = [
  { name: 'regions', level: 0, columns: ['code', 'name', 'level', 'parent_code'] },
  { name: 'institutions', level: 0, columns: ['id', 'code', 'code_type', 'name', 'level', 'type', 'ownership', 'region_code', 'township_code', 'address', 'emr_level', 'interop_level', 'is_internet_hospital', 'is_smart_hospital', 'on_health_private_network', 'has_remote_care', 'has_convenience_services', 'has_digital_imaging', 'security_assessed', 'active', 'created_at', 'updated_at'] },
  { name: 'master_persons', level: 0, columns: ['id', 'name', 'name_pinyin', 'sex', 'birth_date', 'ethnicity', 'marital_status', 'phone', 'region_code', 'address', 'vital_status', 'death_date', 'id_number_enc', 'id_number_bidx', 'created_at', 'updated_at'] },
  { name: 'institution_datasets', level: 1, columns: ['institution_id', 'dataset', 'cadence_hours', 'timeliness_hours', 'active', 'expected_since', 'created_at', 'updated_at'] },
  { name: 'departments', level: 1, columns: ['institution_id', 'code', 'name', 'standard_code', 'active', 'created_at', 'updated_at'] },
  { name: 'practitioners', level: 1, columns: ['institution_id', 'code', 'name', 'category', 'title', 'department_code', 'licence_no', 'active', 'created_at', 'updated_at'] },
  { name: 'staff_users', level: 1, columns: ['id', 'username', 'display_name', 'password_hash', 'role', 'region_scope', 'institution_id', 'active', 'password_changed_at', 'created_at', 'updated_at'] },
  { name: 'resource_reports', level: 1, columns: [...SOURCE, 'period_start', 'beds_approved', 'beds_open', 'occupied_bed_days', 'open_bed_days', 'staff_total', 'doctors', 'nurses', 'pharmacists', 'technicians', 'other_staff', 'large_equipment'] },
  { name: 'person_identifiers', level: 1, columns: ['master_person_id', 'type', 'issuer', 'doc_type_code', 'value_enc', 'value_bidx', 'created_at', 'updated_at'] },
  { name: 'person_links', level: 1, columns: ['institution_id', 'dataset', 'source_id', 'master_person_id', 'score', 'method', 'status', 'version', 'batch_id', 'created_at', 'updated_at'] },
  { name: 'match_reviews', level: 1, columns: ['institution_id', 'dataset', 'source_id', 'batch_id', 'candidate_master_person_id', 'score', 'comparisons', 'incoming', 'status', 'created_at'] },
  { name: 'health_records', level: 1, columns: [...SOURCE, 'established_at', 'archive_no', 'responsible_doctor', 'region_code', 'status', 'extra'] },
  { name: 'chronic_registrations', level: 1, columns: [...SOURCE, 'disease', 'registered_at', 'icd10', 'diagnosis_date', 'status', 'closed_at'] },
  { name: 'chronic_followups', level: 1, columns: [...SOURCE, 'disease', 'followup_at', 'way', 'sbp', 'dbp', 'fasting_glucose', 'classification', 'doctor_name', 'next_followup_at'] },
  { name: 'immunizations', level: 1, columns: [...SOURCE, 'vaccine_code', 'vaccine_name', 'dose_number', 'administered_at', 'lot_number', 'manufacturer', 'site', 'route'] },
  { name: 'family_doctor_contracts', level: 1, columns: [...SOURCE, 'signed_at', 'team_code', 'team_name', 'doctor_name', 'valid_from', 'valid_to', 'service_package', 'status'] },
  { name: 'encounters', level: 1, columns: ['id', ...SOURCE, 'type', 'visit_no', 'medical_record_no', 'start_at', 'end_at', 'department_code', 'department_name', 'attending_doctor', 'admission_way', 'discharge_way', 'length_of_stay_days', 'total_cost', 'extra'] },
  { name: 'disease_reports', level: 1, columns: [...SOURCE, 'card_no', 'disease_code', 'disease_name', 'icd10', 'case_classification', 'onset_date', 'diagnosis_date', 'reported_at', 'final_review_at', 'outcome', 'death_date', 'address_region_code'] },
  { name: 'quality_findings', level: 1, columns: ['institution_id', 'dataset', 'source_id', 'batch_id', 'record_index', 'rule_code', 'dimension', 'severity', 'path', 'day', 'master_person_id', 'created_at'] },
  { name: 'record_outcomes', target: STAGED_OUTCOMES, level: 1, columns: ['batch_id', 'index', 'source_id', 'status', 'errors', 'master_person_id', 'updated_at'] },
  { name: 'encounter_diagnoses', level: 2, columns: ['encounter_id', 'master_person_id', 'seq', 'code', 'name', 'is_primary', 'kind'] },
  { name: 'lab_reports', level: 2, columns: ['id', ...SOURCE, 'encounter_id', 'encounter_source_id', 'report_no', 'specimen', 'collected_at', 'reported_at', 'department_name', 'ordering_doctor'] },
  { name: 'exam_reports', level: 2, columns: [...SOURCE, 'encounter_id', 'encounter_source_id', 'report_no', 'modality', 'body_part', 'exam_at', 'reported_at', 'findings', 'conclusion', 'is_abnormal'] },
  { name: 'prescriptions', level: 2, columns: ['id', ...SOURCE, 'encounter_id', 'encounter_source_id', 'prescription_no', 'prescribed_at', 'department_name', 'doctor_name', 'kind'] },
  { name: 'lab_results', level: 3, columns: ['lab_report_id', 'master_person_id', 'seq', 'item_code', 'item_name', 'value', 'numeric_value', 'unit', 'reference_range', 'abnormal_flag'] },
  { name: 'prescription_items', level: 3, columns: ['prescription_id', 'master_person_id', 'seq', 'drug_code', 'drug_name', 'spec', 'dose', 'route', 'frequency', 'days', 'quantity', 'quantity_unit'] },
  // Written once at the end, from the batch aggregates.
  { name: 'ingest_daily_rollups', level: 4, columns: ['institution_id', 'dataset', 'day', 'received', 'accepted', 'rejected', 'delay_p50_seconds', 'delay_p90_seconds', 'delay_histogram', 'within_timeliness', 'last_received_at', 'updated_at'] },
  { name: 'quality_daily_rollups', level: 4, columns: ['institution_id', 'dataset', 'day', 'dimension', 'numerator', 'denominator', 'records', 'passed', 'updated_at'] },
  { name: 'quality_rule_daily_rollups', level: 4, columns: ['institution_id', 'dataset', 'day', 'rule_code', 'dimension', 'severity', 'findings', 'records', 'updated_at'] },
  { name: 'ingest_batches', level: 4, columns: ['id', 'institution_id', 'dataset', 'channel', 'status', 'received', 'accepted', 'rejected', 'stored', 'linked', 'in_review', 'failed', 'request_id', 'attempts', 'created_at', 'updated_at', 'started_at', 'finished_at'] },
];

export const TABLE_BY_NAME = new Map(TABLES.map((t) => [t.name, t]));

/** Tables whose ids the seed assigns (and whose sequences it moves on). */
export const EXPLICIT_ID_TABLES = ['master_persons', 'encounters', 'lab_reports', 'prescriptions'] as const;
export type ExplicitIdTable = (typeof EXPLICIT_ID_TABLES)[number];

/**
 * Source-record tables (one person link per row) and the data set each holds.
 * chronic_registrations is not one: a registration arrives inside a follow-up.
 */
export const SOURCE_TABLE_DATASET: Record<string, string> = {
  health_records: 'health-records',
  chronic_followups: 'followups',
  immunizations: 'immunizations',
  family_doctor_contracts: 'contracts',
  encounters: 'encounters',
  lab_reports: 'lab-reports',
  exam_reports: 'exam-reports',
  prescriptions: 'prescriptions',
  disease_reports: 'disease-reports',
};
