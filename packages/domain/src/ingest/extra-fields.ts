import type { Dataset } from '@rhip/contracts';

/**
 * Fields each data set maps to columns (apps/worker/src/pipeline/datasets);
 * everything else an institution sends — extension fields and declared
 * elements without a column — is kept in the row's `extra` jsonb, so nothing
 * sent is silently dropped.
 */
const BASE = ['sourceId', 'version', 'updatedAt', 'patient'];
const MAPPED: Record<Dataset, readonly string[]> = {
  persons: ['idType', 'idNumber', 'name', 'sex', 'birthDate', 'phone', 'ethnicity', 'maritalStatus', 'regionCode', 'address', 'deathDate', 'patientId'],
  'health-records': ['establishedAt', 'archiveNo', 'responsibleDoctor', 'regionCode', 'status'],
  followups: ['disease', 'followupAt', 'way', 'sbp', 'dbp', 'fastingGlucose', 'classification', 'doctorName', 'nextFollowupAt', 'registration'],
  immunizations: ['vaccineCode', 'vaccineName', 'doseNumber', 'administeredAt', 'lotNumber', 'manufacturer', 'site', 'route'],
  contracts: ['signedAt', 'teamCode', 'teamName', 'doctorName', 'validFrom', 'validTo', 'servicePackage', 'status'],
  encounters: ['type', 'visitNo', 'medicalRecordNo', 'startAt', 'endAt', 'department', 'departmentCode', 'attendingDoctor', 'admissionWay', 'dischargeWay', 'lengthOfStayDays', 'totalCost', 'diagnoses'],
  'lab-reports': ['encounterSourceId', 'reportNo', 'specimen', 'collectedAt', 'reportedAt', 'departmentName', 'orderingDoctor', 'results'],
  'exam-reports': ['encounterSourceId', 'reportNo', 'modality', 'bodyPart', 'examAt', 'reportedAt', 'findings', 'conclusion', 'isAbnormal'],
  prescriptions: ['encounterSourceId', 'prescriptionNo', 'prescribedAt', 'departmentName', 'doctorName', 'kind', 'items'],
  'disease-reports': ['cardNo', 'disease', 'icd10', 'diseaseCode', 'caseClassification', 'onsetDate', 'diagnosisDate', 'reportedAt', 'finalReviewAt', 'outcome', 'deathDate', 'addressRegionCode'],
  'facility-resources': ['period', 'bedsApproved', 'bedsOpen', 'occupiedBedDays', 'openBedDays', 'staffTotal', 'doctors', 'nurses', 'pharmacists', 'technicians', 'otherStaff', 'largeEquipment'],
};

export function extraFields(dataset: Dataset, record: Record<string, unknown>): Record<string, unknown> | null {
  const mapped = new Set([...BASE, ...MAPPED[dataset]]);
  const extra: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(record)) if (!mapped.has(k) && v !== undefined && v !== null) extra[k] = v;
  // The patient's own extra identifiers (health card, insurance) travel in extra too.
  const p = record.patient as Record<string, unknown> | undefined;
  if (p && typeof p === 'object') {
    const keep = ['idType', 'idNumber', 'name', 'sex', 'birthDate', 'phone', 'patientId', 'regionCode'];
    const pe = Object.fromEntries(Object.entries(p).filter(([k, v]) => !keep.includes(k) && v !== undefined && v !== null));
    if (Object.keys(pe).length) extra.patient = pe;
  }
  return Object.keys(extra).length ? extra : null;
}
