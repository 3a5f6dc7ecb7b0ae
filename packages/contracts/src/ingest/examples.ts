/**
 * One realistic, valid record per data set, for the docs (docs/ingest-api.md,
 * OpenAPI examples) and tests. Institutions in 内江市 (GB/T 2260 5110xx); ID
 * numbers pass the GB 11643 check and agree with the sex and birth date sent.
 */
import type { Dataset } from '../institutions/institutions';
import type { IngestRecordInput } from './records';

/** 张建国, male, born 1958-03-17, 市中区. */
const zhangJianguo = {
  idType: '01',
  idNumber: '51100219580317241X',
  name: '张建国',
  sex: '1',
  birthDate: '1958-03-17',
} as const;

/** 李秀英, female, born 1972-11-05, 东兴区. */
const liXiuying = {
  idType: '01',
  idNumber: '511011197211053623',
  name: '李秀英',
  sex: '2',
  birthDate: '1972-11-05',
} as const;

/** 王子涵, male, born 2023-04-10, 资中县. */
const wangZihan = {
  idType: '01',
  idNumber: '511025202304101518',
  name: '王子涵',
  sex: '1',
  birthDate: '2023-04-10',
} as const;

/** 陈志强, male, born 1990-02-14, 市中区. */
const chenZhiqiang = {
  idType: '01',
  idNumber: '511002199002141216',
  name: '陈志强',
  sex: '1',
  birthDate: '1990-02-14',
} as const;

export const INGEST_EXAMPLES: { readonly [D in Dataset]: IngestRecordInput<D> } = {
  persons: {
    sourceId: 'P0001827',
    version: 3,
    ...liXiuying,
    phone: '13890561234',
    ethnicity: '01',
    maritalStatus: '20',
    regionCode: '511011',
    address: '四川省内江市东兴区新江街道汉安大道东二段88号',
    healthCardNo: 'A51101119721105',
  },
  'health-records': {
    sourceId: 'EHR-2019-004417',
    updatedAt: '2025-05-06T10:02:11+08:00',
    patient: { ...zhangJianguo, patientId: 'HIS0045121', phone: '13568321177' },
    archiveNo: '51100200100104417',
    establishedAt: '2019-03-22T09:30:00+08:00',
    responsibleDoctor: '刘芳',
    regionCode: '511002001',
    status: 'active',
  },
  followups: {
    sourceId: 'FU-HTN-20250506-0031',
    version: 1,
    patient: { ...zhangJianguo },
    disease: 'hypertension',
    followupAt: '2025-05-06T09:15:00+08:00',
    way: 'clinic',
    sbp: 142,
    dbp: 88,
    classification: 'uncontrolled',
    doctorName: '刘芳',
    nextFollowupAt: '2025-06-05',
    registration: {
      sourceId: 'REG-HTN-004417',
      registeredAt: '2019-03-22T09:40:00+08:00',
      icd10: 'I10.x00',
      diagnosisDate: '2018-11-02',
      status: 'active',
    },
  },
  immunizations: {
    sourceId: 'IMM-20250506-1187',
    patient: { ...wangZihan },
    vaccineCode: '0201',
    vaccineName: '乙肝疫苗(CHO)',
    doseNumber: 3,
    administeredAt: '2023-10-12T10:20:00+08:00',
    lotNumber: '202305B017',
    manufacturer: '华北制药金坦生物技术股份有限公司',
    site: '上臂三角肌',
    route: '肌内注射',
  },
  contracts: {
    sourceId: 'FDC-2025-000318',
    patient: { ...zhangJianguo },
    signedAt: '2025-01-08T14:00:00+08:00',
    teamCode: 'T03',
    teamName: '城西社区家庭医生第三团队',
    doctorName: '刘芳',
    validFrom: '2025-01-08',
    validTo: '2026-01-07',
    servicePackage: '高血压个性化服务包',
    status: 'active',
  },
  encounters: {
    sourceId: 'ZY2025050600123',
    version: 2,
    patient: { ...chenZhiqiang, patientId: 'HIS0098341' },
    type: 'inpatient',
    visitNo: 'ZY2025050600123',
    medicalRecordNo: '00387215',
    startAt: '2025-04-28T16:42:00+08:00',
    endAt: '2025-05-06T10:00:00+08:00',
    department: '呼吸内科',
    departmentCode: '0301',
    attendingDoctor: '赵明',
    admissionWay: '1',
    dischargeWay: '1',
    lengthOfStayDays: 8,
    totalCost: 12863.5,
    diagnoses: [
      { code: 'J18.900', name: '肺炎', primary: true, kind: 'discharge' },
      { code: 'I10.x00', name: '高血压', kind: 'discharge' },
    ],
    // An extension field: not in the contract, kept in `extra`.
    medicalPaymentType: '01',
  },
  'lab-reports': {
    sourceId: 'LIS-20250429-00871',
    patient: { ...chenZhiqiang },
    encounterSourceId: 'ZY2025050600123',
    reportNo: '20250429B0871',
    specimen: '全血',
    collectedAt: '2025-04-29T07:05:00+08:00',
    reportedAt: '2025-04-29T09:48:00+08:00',
    departmentName: '呼吸内科',
    orderingDoctor: '赵明',
    results: [
      { itemCode: 'WBC', itemName: '白细胞计数', value: 13.6, unit: '10^9/L', referenceRange: '3.5-9.5', abnormalFlag: 'H' },
      { itemCode: 'NEUT%', itemName: '中性粒细胞百分比', value: '86.2', unit: '%', referenceRange: '40-75', abnormalFlag: 'H' },
      { itemCode: 'HGB', itemName: '血红蛋白', value: 142, unit: 'g/L', referenceRange: '130-175', abnormalFlag: 'N' },
    ],
  },
  'exam-reports': {
    sourceId: 'PACS-20250428-CT0312',
    patient: { ...chenZhiqiang },
    encounterSourceId: 'ZY2025050600123',
    reportNo: 'CT20250428312',
    modality: 'CT',
    bodyPart: '胸部',
    examAt: '2025-04-28T18:10:00+08:00',
    reportedAt: '2025-04-28T19:02:00+08:00',
    findings: '右肺下叶见斑片状高密度影，边界模糊，支气管通畅。',
    conclusion: '右肺下叶炎症，建议治疗后复查。',
    isAbnormal: true,
  },
  prescriptions: {
    sourceId: 'RX-20250506-004512',
    patient: { ...chenZhiqiang },
    encounterSourceId: 'ZY2025050600123',
    prescriptionNo: '20250506004512',
    prescribedAt: '2025-05-06T09:31:00+08:00',
    departmentName: '呼吸内科',
    doctorName: '赵明',
    kind: 'western',
    items: [
      { drugCode: 'YP010233', drugName: '头孢克肟分散片', spec: '0.1g*6片', dose: '0.1 g', route: '口服', frequency: 'bid', days: 5, quantity: 2, quantityUnit: '盒' },
      { drugCode: 'YP020518', drugName: '盐酸氨溴索片', spec: '30mg*20片', dose: '30 mg', route: '口服', frequency: 'tid', days: 7, quantity: 1, quantityUnit: '盒' },
    ],
  },
  'disease-reports': {
    sourceId: 'CRB-2025-000214',
    patient: { ...chenZhiqiang },
    cardNo: '511002250000214',
    disease: '肺结核',
    icd10: 'A15.000',
    caseClassification: 'confirmed',
    onsetDate: '2025-04-12',
    diagnosisDate: '2025-05-05',
    reportedAt: '2025-05-05T16:20:00+08:00',
    finalReviewAt: '2025-05-06T09:00:00+08:00',
    addressRegionCode: '511002',
  },
  'facility-resources': {
    sourceId: 'RES-2025-04',
    period: '2025-04',
    bedsApproved: 800,
    bedsOpen: 760,
    occupiedBedDays: 20520,
    openBedDays: 22800,
    staffTotal: 1186,
    doctors: 352,
    nurses: 561,
    pharmacists: 48,
    technicians: 97,
    otherStaff: 128,
    largeEquipment: [
      { code: 'CT', name: '64排螺旋CT', count: 2 },
      { code: 'MR', name: '1.5T磁共振', count: 1 },
      { code: 'DSA', name: '数字减影血管造影机', count: 1 },
    ],
  },
};
