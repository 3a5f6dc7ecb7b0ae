import type { DatasetStore } from './store-spec';
import { opt, provenance, sourceTable } from './store-spec';

/** 健康档案首页 */
export const healthRecords: DatasetStore = {
  dataset: 'health-records',
  hasPatient: true,
  table: sourceTable('health_records', [
    { name: 'established_at', type: 'timestamptz' },
    { name: 'archive_no', type: 'text' },
    { name: 'responsible_doctor', type: 'text' },
    { name: 'region_code', type: 'text' },
    { name: 'status', type: 'text' },
  ]),
  row: (r, ctx) => ({
    ...provenance(r, ctx),
    established_at: r.establishedAt,
    archive_no: opt(r.archiveNo),
    responsible_doctor: opt(r.responsibleDoctor),
    region_code: opt(r.regionCode),
    status: r.status ?? 'active',
  }),
};

/** 慢病随访 (the registration it belongs to is upserted separately, see chronic-registrations.ts). */
export const followups: DatasetStore = {
  dataset: 'followups',
  hasPatient: true,
  table: sourceTable('chronic_followups', [
    { name: 'disease', type: 'text' },
    { name: 'followup_at', type: 'timestamptz' },
    { name: 'way', type: 'text' },
    { name: 'sbp', type: 'smallint' },
    { name: 'dbp', type: 'smallint' },
    { name: 'fasting_glucose', type: 'numeric' },
    { name: 'classification', type: 'text' },
    { name: 'doctor_name', type: 'text' },
    { name: 'next_followup_at', type: 'date' },
  ]),
  row: (r, ctx) => ({
    ...provenance(r, ctx),
    disease: r.disease,
    followup_at: r.followupAt,
    way: opt(r.way),
    sbp: opt(r.sbp),
    dbp: opt(r.dbp),
    fasting_glucose: opt(r.fastingGlucose),
    classification: opt(r.classification),
    doctor_name: opt(r.doctorName),
    next_followup_at: opt(r.nextFollowupAt),
  }),
};

/** 预防接种 */
export const immunizations: DatasetStore = {
  dataset: 'immunizations',
  hasPatient: true,
  table: sourceTable('immunizations', [
    { name: 'vaccine_code', type: 'text' },
    { name: 'vaccine_name', type: 'text' },
    { name: 'dose_number', type: 'smallint' },
    { name: 'administered_at', type: 'timestamptz' },
    { name: 'lot_number', type: 'text' },
    { name: 'manufacturer', type: 'text' },
    { name: 'site', type: 'text' },
    { name: 'route', type: 'text' },
  ]),
  row: (r, ctx) => ({
    ...provenance(r, ctx),
    vaccine_code: r.vaccineCode,
    vaccine_name: opt(r.vaccineName),
    dose_number: opt(r.doseNumber),
    administered_at: r.administeredAt,
    lot_number: opt(r.lotNumber),
    manufacturer: opt(r.manufacturer),
    site: opt(r.site),
    route: opt(r.route),
  }),
};

/** 家庭医生签约 */
export const contracts: DatasetStore = {
  dataset: 'contracts',
  hasPatient: true,
  table: sourceTable('family_doctor_contracts', [
    { name: 'signed_at', type: 'timestamptz' },
    { name: 'team_code', type: 'text' },
    { name: 'team_name', type: 'text' },
    { name: 'doctor_name', type: 'text' },
    { name: 'valid_from', type: 'date' },
    { name: 'valid_to', type: 'date' },
    { name: 'service_package', type: 'text' },
    { name: 'status', type: 'text' },
  ]),
  row: (r, ctx) => ({
    ...provenance(r, ctx),
    signed_at: r.signedAt,
    team_code: opt(r.teamCode),
    team_name: opt(r.teamName),
    doctor_name: opt(r.doctorName),
    valid_from: opt(r.validFrom),
    valid_to: opt(r.validTo),
    service_package: opt(r.servicePackage),
    status: r.status ?? 'active',
  }),
};
