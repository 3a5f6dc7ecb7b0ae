/** Field groups shared by several data sets. */
import type { FieldSpec } from './dataset';

/** A person's identity, at the root (persons) or under `patient` (clinical records). */
export function identityFields(prefix: '' | 'patient.'): FieldSpec[] {
  return [
    { path: `${prefix}idType`, kind: 'code', requirement: 'optional', labelZh: '身份证件类别代码', valueSet: 'CV02.01.101', dataElement: 'DE02.01.031.00' },
    { path: `${prefix}idNumber`, kind: 'idNumber', requirement: 'required', labelZh: '身份证件号码', maxLength: 32, dataElement: 'DE02.01.030.00' },
    { path: `${prefix}name`, kind: 'name', requirement: 'required', labelZh: '姓名', maxLength: 50, dataElement: 'DE02.01.039.00' },
    { path: `${prefix}sex`, kind: 'sex', requirement: 'required', labelZh: '性别代码', valueSet: 'GB/T 2261.1', dataElement: 'DE02.01.040.00' },
    { path: `${prefix}birthDate`, kind: 'date', requirement: 'required', labelZh: '出生日期', dataElement: 'DE02.01.005.01' },
    { path: `${prefix}phone`, kind: 'phone', requirement: prefix === '' ? 'recommended' : 'optional', labelZh: '电话号码', maxLength: 32, dataElement: 'DE02.01.010.00' },
    { path: `${prefix}healthCardNo`, kind: 'text', requirement: 'optional', labelZh: '居民健康卡号', maxLength: 32, dataElement: 'DE01.00.021.00' },
  ];
}

/** The clinical records' patient block, plus the institution's own patient id. */
export const PATIENT_FIELDS: readonly FieldSpec[] = [
  ...identityFields('patient.'),
  { path: 'patient.patientId', kind: 'text', requirement: 'optional', labelZh: '患者ID', maxLength: 64 },
];

/** The parent encounter of reports and prescriptions (整合性: LINK.NO_PARENT). */
export const ENCOUNTER_REF: FieldSpec = { path: 'encounterSourceId', kind: 'text', requirement: 'recommended', labelZh: '所属就诊记录标识', maxLength: 64 };
