import type { DatasetStore } from './store-spec';
import { opt, provenance, sourceTable } from './store-spec';

type Obj = Record<string, unknown>;
const list = (v: unknown): Obj[] => (Array.isArray(v) ? (v as Obj[]) : []);

/** The encounter a report or prescription belongs to; without it the record is parked. */
const encounterParent = { dataset: 'encounters' as const, table: 'encounters', sourceIdField: 'encounterSourceId' };

/** 门急诊就诊 / 住院 with the front sheet; diagnoses are its children. */
export const encounters: DatasetStore = {
  dataset: 'encounters',
  hasPatient: true,
  table: sourceTable('encounters', [
    { name: 'type', type: 'encounter_type' },
    { name: 'visit_no', type: 'text' },
    { name: 'medical_record_no', type: 'text' },
    { name: 'start_at', type: 'timestamptz' },
    { name: 'end_at', type: 'timestamptz' },
    { name: 'department_code', type: 'text' },
    { name: 'department_name', type: 'text' },
    { name: 'attending_doctor', type: 'text' },
    { name: 'admission_way', type: 'text' },
    { name: 'discharge_way', type: 'text' },
    { name: 'length_of_stay_days', type: 'int' },
    { name: 'total_cost', type: 'numeric' },
  ]),
  row: (r, ctx) => ({
    ...provenance(r, ctx),
    type: r.type,
    visit_no: opt(r.visitNo),
    medical_record_no: opt(r.medicalRecordNo),
    start_at: r.startAt,
    end_at: opt(r.endAt),
    department_code: opt(r.departmentCode),
    department_name: opt(r.department),
    attending_doctor: opt(r.attendingDoctor),
    admission_way: opt(r.admissionWay),
    discharge_way: opt(r.dischargeWay),
    length_of_stay_days: opt(r.lengthOfStayDays),
    total_cost: opt(r.totalCost),
  }),
  children: [
    {
      table: 'encounter_diagnoses',
      parentColumn: 'encounter_id',
      columns: [
        { name: 'encounter_id', type: 'bigint' },
        { name: 'master_person_id', type: 'bigint' },
        { name: 'seq', type: 'smallint' },
        { name: 'code', type: 'text' },
        { name: 'name', type: 'text' },
        { name: 'is_primary', type: 'boolean' },
        { name: 'kind', type: 'text' },
      ],
      rows: (r, ctx) =>
        list(r.diagnoses).map((d, i) => ({
          master_person_id: ctx.masterPersonId,
          seq: i,
          code: d.code,
          name: opt(d.name),
          is_primary: d.primary === true,
          kind: opt(d.kind),
        })),
    },
  ],
};

/** 检验报告 with results. */
export const labReports: DatasetStore = {
  dataset: 'lab-reports',
  hasPatient: true,
  parent: encounterParent,
  table: sourceTable('lab_reports', [
    { name: 'encounter_id', type: 'bigint' },
    { name: 'encounter_source_id', type: 'text' },
    { name: 'report_no', type: 'text' },
    { name: 'specimen', type: 'text' },
    { name: 'collected_at', type: 'timestamptz' },
    { name: 'reported_at', type: 'timestamptz' },
    { name: 'department_name', type: 'text' },
    { name: 'ordering_doctor', type: 'text' },
  ]),
  row: (r, ctx) => ({
    ...provenance(r, ctx),
    encounter_id: ctx.parentId,
    encounter_source_id: opt(r.encounterSourceId),
    report_no: opt(r.reportNo),
    specimen: opt(r.specimen),
    collected_at: opt(r.collectedAt),
    reported_at: r.reportedAt,
    department_name: opt(r.departmentName),
    ordering_doctor: opt(r.orderingDoctor),
  }),
  children: [
    {
      table: 'lab_results',
      parentColumn: 'lab_report_id',
      columns: [
        { name: 'lab_report_id', type: 'bigint' },
        { name: 'master_person_id', type: 'bigint' },
        { name: 'seq', type: 'smallint' },
        { name: 'item_code', type: 'text' },
        { name: 'item_name', type: 'text' },
        { name: 'value', type: 'text' },
        { name: 'numeric_value', type: 'numeric' },
        { name: 'unit', type: 'text' },
        { name: 'reference_range', type: 'text' },
        { name: 'abnormal_flag', type: 'text' },
      ],
      rows: (r, ctx) =>
        list(r.results).map((x, i) => {
          const text = x.value === null || x.value === undefined ? null : String(x.value);
          const numeric = text !== null && /^-?\d+(\.\d+)?$/.test(text.trim()) ? Number(text) : null;
          return {
            master_person_id: ctx.masterPersonId,
            seq: i,
            item_code: x.itemCode,
            item_name: opt(x.itemName),
            value: text,
            numeric_value: numeric,
            unit: opt(x.unit),
            reference_range: opt(x.referenceRange),
            abnormal_flag: opt(x.abnormalFlag),
          };
        }),
    },
  ],
};

/** 检查报告 */
export const examReports: DatasetStore = {
  dataset: 'exam-reports',
  hasPatient: true,
  parent: encounterParent,
  table: sourceTable('exam_reports', [
    { name: 'encounter_id', type: 'bigint' },
    { name: 'encounter_source_id', type: 'text' },
    { name: 'report_no', type: 'text' },
    { name: 'modality', type: 'text' },
    { name: 'body_part', type: 'text' },
    { name: 'exam_at', type: 'timestamptz' },
    { name: 'reported_at', type: 'timestamptz' },
    { name: 'findings', type: 'text' },
    { name: 'conclusion', type: 'text' },
    { name: 'is_abnormal', type: 'boolean' },
  ]),
  row: (r, ctx) => ({
    ...provenance(r, ctx),
    encounter_id: ctx.parentId,
    encounter_source_id: opt(r.encounterSourceId),
    report_no: opt(r.reportNo),
    modality: opt(r.modality),
    body_part: opt(r.bodyPart),
    exam_at: opt(r.examAt),
    reported_at: r.reportedAt,
    findings: opt(r.findings),
    conclusion: opt(r.conclusion),
    is_abnormal: opt(r.isAbnormal),
  }),
};

/** 处方 with items. */
export const prescriptions: DatasetStore = {
  dataset: 'prescriptions',
  hasPatient: true,
  parent: encounterParent,
  table: sourceTable('prescriptions', [
    { name: 'encounter_id', type: 'bigint' },
    { name: 'encounter_source_id', type: 'text' },
    { name: 'prescription_no', type: 'text' },
    { name: 'prescribed_at', type: 'timestamptz' },
    { name: 'department_name', type: 'text' },
    { name: 'doctor_name', type: 'text' },
    { name: 'kind', type: 'text' },
  ]),
  row: (r, ctx) => ({
    ...provenance(r, ctx),
    encounter_id: ctx.parentId,
    encounter_source_id: opt(r.encounterSourceId),
    prescription_no: opt(r.prescriptionNo),
    prescribed_at: r.prescribedAt,
    department_name: opt(r.departmentName),
    doctor_name: opt(r.doctorName),
    kind: opt(r.kind),
  }),
  children: [
    {
      table: 'prescription_items',
      parentColumn: 'prescription_id',
      columns: [
        { name: 'prescription_id', type: 'bigint' },
        { name: 'master_person_id', type: 'bigint' },
        { name: 'seq', type: 'smallint' },
        { name: 'drug_code', type: 'text' },
        { name: 'drug_name', type: 'text' },
        { name: 'spec', type: 'text' },
        { name: 'dose', type: 'text' },
        { name: 'route', type: 'text' },
        { name: 'frequency', type: 'text' },
        { name: 'days', type: 'smallint' },
        { name: 'quantity', type: 'numeric' },
        { name: 'quantity_unit', type: 'text' },
      ],
      rows: (r, ctx) =>
        list(r.items).map((x, i) => ({
          master_person_id: ctx.masterPersonId,
          seq: i,
          drug_code: opt(x.drugCode),
          drug_name: x.drugName,
          spec: opt(x.spec),
          dose: opt(x.dose),
          route: opt(x.route),
          frequency: opt(x.frequency),
          days: opt(x.days),
          quantity: opt(x.quantity),
          quantity_unit: opt(x.quantityUnit),
        })),
    },
  ],
};

/** 传染病报告卡. `diseaseCode` is resolved by the pipeline from the versioned disease list. */
export const diseaseReports: DatasetStore = {
  dataset: 'disease-reports',
  hasPatient: true,
  table: sourceTable('disease_reports', [
    { name: 'card_no', type: 'text' },
    { name: 'disease_code', type: 'text' },
    { name: 'disease_name', type: 'text' },
    { name: 'icd10', type: 'text' },
    { name: 'case_classification', type: 'text' },
    { name: 'onset_date', type: 'date' },
    { name: 'diagnosis_date', type: 'date' },
    { name: 'reported_at', type: 'timestamptz' },
    { name: 'final_review_at', type: 'timestamptz' },
    { name: 'outcome', type: 'text' },
    { name: 'death_date', type: 'date' },
    { name: 'address_region_code', type: 'text' },
  ]),
  row: (r, ctx) => ({
    ...provenance(r, ctx),
    card_no: opt(r.cardNo),
    disease_code: opt(r.diseaseCode),
    disease_name: opt(r.disease),
    icd10: opt(r.icd10),
    case_classification: opt(r.caseClassification),
    onset_date: opt(r.onsetDate),
    diagnosis_date: r.diagnosisDate,
    reported_at: r.reportedAt,
    final_review_at: opt(r.finalReviewAt),
    outcome: opt(r.outcome),
    death_date: opt(r.deathDate),
    address_region_code: opt(r.addressRegionCode),
  }),
};
