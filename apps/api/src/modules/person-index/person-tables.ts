/**
 * Every table whose rows belong to a master person (the column
 * master_person_id). A merge moves their rows; an undo moves exactly the same
 * rows back. Source tables first, then their children and the index tables.
 */
export const PERSON_TABLES = [
  'health_records', 'chronic_registrations', 'chronic_followups', 'immunizations', 'family_doctor_contracts',
  'encounters', 'encounter_diagnoses', 'lab_reports', 'lab_results', 'exam_reports', 'prescriptions', 'prescription_items',
  'disease_reports', 'person_identifiers', 'person_links', 'quality_findings', 'consents',
] as const;

/** The table a data set's records live in (the persons data set lives in person_links). */
export const DATASET_TABLE: Record<string, string> = {
  persons: 'person_links',
  'health-records': 'health_records',
  followups: 'chronic_followups',
  immunizations: 'immunizations',
  contracts: 'family_doctor_contracts',
  encounters: 'encounters',
  'lab-reports': 'lab_reports',
  'exam-reports': 'exam_reports',
  prescriptions: 'prescriptions',
  'disease-reports': 'disease_reports',
};

/** Child rows repeat their parent's master person. */
export const CHILD_TABLES: Record<string, { table: string; fk: string }[]> = {
  encounters: [{ table: 'encounter_diagnoses', fk: 'encounter_id' }],
  lab_reports: [{ table: 'lab_results', fk: 'lab_report_id' }],
  prescriptions: [{ table: 'prescription_items', fk: 'prescription_id' }],
};
