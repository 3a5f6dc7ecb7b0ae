/**
 * One record schema per ingest data set (POST /api/v1/ingest/{dataset}), from
 * WS 363 (data elements), WS 365 (resident health record), WS 445 (EMR basic
 * data sets) and the columns of the core tables. Shape only — see fields.ts.
 */
import { z } from 'zod';
import type { Dataset } from '../institutions/institutions';
import {
  PatientRefSchema, describeElement, healthCardNoSchema, optionalBoolean, optionalDate, optionalInt, optionalNumber,
  optionalSourceRef, optionalText, optionalTimestamp, personIdentityShape, phoneSchema, recordBaseShape, regionCodeSchema,
  requiredDate, requiredMonth, requiredText, requiredTimestamp,
} from './fields';

const encounterSourceId = () =>
  optionalSourceRef("所属就诊 sourceId of the parent encounter (data set encounters) at the same institution; the record waits (parked) until that encounter arrives");

// ───────────────────────────── persons (人口 / 主索引) ─────────────────────────────

/** 个人基本信息: a resident as registered at the institution → master person index. */
export const PersonRecordSchema = z
  .looseObject({
    ...recordBaseShape,
    ...personIdentityShape,
    phone: phoneSchema(),
    ethnicity: optionalText(20, describeElement('民族', 'Ethnicity, GB 3304 two-digit code (01 汉族 … 56 基诺族, 97, 98)', 'DE02.01.025.00')),
    maritalStatus: optionalText(20, describeElement('婚姻状况代码', 'Marital status, GB/T 2261.2: 10 未婚, 20 已婚, 21–23, 30 丧偶, 40 离婚, 90 未说明', 'DE02.01.018.00')),
    regionCode: regionCodeSchema('现住址行政区划代码', 'Region of residence'),
    address: optionalText(200, describeElement('现住址', 'Address of residence', 'DE02.01.009.01–.06')),
    healthCardNo: healthCardNoSchema(),
    insuranceNo: optionalText(64, '医疗保险号 Medical insurance number'),
    deathDate: optionalDate('死亡日期 Date of death, when known'),
  })
  .describe('persons — 个人基本信息 A resident as registered at the institution');
export type PersonRecord = z.infer<typeof PersonRecordSchema>;

// ───────────────────────────── EHR (居民电子健康档案) ─────────────────────────────

/** 健康档案封面/个人基本信息表 (WS 365): the archive home page. */
export const HealthRecordRecordSchema = z
  .looseObject({
    ...recordBaseShape,
    patient: PatientRefSchema,
    archiveNo: optionalText(32, describeElement('城乡居民健康档案编号', 'EHR archive number (17 digits)', 'DE01.00.009.00')),
    establishedAt: requiredTimestamp('建档日期 When the archive was established (event time)'),
    responsibleDoctor: optionalText(50, '责任医生姓名 Responsible doctor'),
    regionCode: regionCodeSchema('管理地区', 'Region the archive belongs to'),
    status: optionalText(16, '档案状态 Archive status: active | moved (迁出) | deceased | closed'),
  })
  .describe('health-records — 健康档案首页 Resident health record home page (WS 365)');
export type HealthRecordRecord = z.infer<typeof HealthRecordRecordSchema>;

/** The chronic-disease registration a follow-up belongs to (慢病管理登记). */
export const ChronicRegistrationRefSchema = z
  .looseObject({
    sourceId: optionalSourceRef("登记标识 The institution's own id of the registration; when omitted the registration is identified by person and disease"),
    registeredAt: requiredTimestamp('登记日期 When the patient was registered for management'),
    icd10: optionalText(20, describeElement('疾病诊断编码', 'Diagnosis, ICD-10', 'DE05.01.024.00')),
    diagnosisDate: optionalDate('确诊日期 Date of diagnosis'),
    status: optionalText(16, '管理状态 Registration status: active | closed'),
    closedAt: optionalTimestamp('结案日期 When management ended'),
  })
  .describe('慢病登记 The chronic-disease registration this follow-up belongs to; sent with the first follow-up or whenever it changes');

/** 慢病随访 (WS 365 高血压/2型糖尿病患者随访服务记录表). */
export const FollowupRecordSchema = z
  .looseObject({
    ...recordBaseShape,
    patient: PatientRefSchema,
    disease: requiredText(32, '管理疾病 Managed disease: hypertension (高血压) | t2dm (2型糖尿病); smi and tb reserved'),
    followupAt: requiredTimestamp('随访日期 Follow-up time (event time)'),
    way: optionalText(16, '随访方式 Follow-up way: clinic (门诊) | home (家庭) | phone (电话) | online'),
    sbp: optionalInt(0, 999, '收缩压 Systolic blood pressure, mmHg'),
    dbp: optionalInt(0, 999, '舒张压 Diastolic blood pressure, mmHg'),
    fastingGlucose: optionalNumber(0, 999.99, '空腹血糖 Fasting blood glucose, mmol/L'),
    classification: optionalText(32, '此次随访分类 Classification: controlled (控制满意) | uncontrolled (控制不满意) | adverse_reaction (不良反应) | complication (并发症)'),
    doctorName: optionalText(50, '随访医生 Doctor'),
    nextFollowupAt: optionalDate('下次随访日期 Next follow-up date'),
    registration: ChronicRegistrationRefSchema.nullish(),
  })
  .describe('followups — 慢病随访 Chronic-disease follow-up (hypertension, type 2 diabetes)');
export type FollowupRecord = z.infer<typeof FollowupRecordSchema>;

/** 预防接种记录. */
export const ImmunizationRecordSchema = z
  .looseObject({
    ...recordBaseShape,
    patient: PatientRefSchema,
    vaccineCode: requiredText(20, '疫苗代码 Vaccine code (national immunisation programme code)'),
    vaccineName: optionalText(100, '疫苗名称 Vaccine name'),
    doseNumber: optionalInt(0, 99, '接种剂次 Dose number'),
    administeredAt: requiredTimestamp('接种日期 When the dose was given (event time)'),
    lotNumber: optionalText(40, '疫苗批号 Lot number'),
    manufacturer: optionalText(100, '生产企业 Manufacturer'),
    site: optionalText(40, '接种部位 Site'),
    route: optionalText(40, '接种途径 Route'),
  })
  .describe('immunizations — 预防接种 Immunisation');
export type ImmunizationRecord = z.infer<typeof ImmunizationRecordSchema>;

/** 家庭医生签约服务协议. */
export const ContractRecordSchema = z
  .looseObject({
    ...recordBaseShape,
    patient: PatientRefSchema,
    signedAt: requiredTimestamp('签约日期 When the contract was signed (event time)'),
    teamCode: optionalText(40, '签约团队编码 Family-doctor team code'),
    teamName: optionalText(100, '签约团队名称 Family-doctor team name'),
    doctorName: optionalText(50, '签约医生 Contracted doctor'),
    validFrom: optionalDate('协议生效日期 Valid from'),
    validTo: optionalDate('协议终止日期 Valid to'),
    servicePackage: optionalText(100, '服务包 Service package (基础包, 个性化包…)'),
    status: optionalText(16, '签约状态 Status: active | terminated | expired'),
  })
  .describe('contracts — 家庭医生签约 Family-doctor contract');
export type ContractRecord = z.infer<typeof ContractRecordSchema>;

// ───────────────────────────── EMR (电子病历) ─────────────────────────────

export const EncounterTypeSchema = z
  .enum(['outpatient', 'emergency', 'inpatient'])
  .describe('就诊类型 Encounter type: outpatient (门诊) | emergency (急诊) | inpatient (住院)');
export type EncounterType = z.infer<typeof EncounterTypeSchema>;

export const EncounterDiagnosisSchema = z.looseObject({
  code: requiredText(20, describeElement('疾病诊断编码', 'Diagnosis code, ICD-10 (national clinical edition codes such as I10.x00 accepted)', 'DE05.01.024.00')),
  name: requiredText(200, describeElement('疾病诊断名称', 'Diagnosis name', 'DE05.01.025.00')),
  primary: optionalBoolean('主要诊断标志 True for the primary (main) diagnosis'),
  kind: optionalText(16, '诊断类别 Diagnosis kind: outpatient | admission | discharge | other'),
});
export type EncounterDiagnosis = z.infer<typeof EncounterDiagnosisSchema>;

/** 门(急)诊就诊 or 住院 with the discharge front sheet (WS 445 住院病案首页). */
export const EncounterRecordSchema = z
  .looseObject({
    ...recordBaseShape,
    patient: PatientRefSchema,
    type: EncounterTypeSchema,
    visitNo: optionalText(40, describeElement('门(急)诊号/住院号', 'Outpatient or inpatient visit number', 'DE01.00.010.00 / DE01.00.014.00')),
    medicalRecordNo: optionalText(40, describeElement('病案号', 'Medical record number', 'DE01.00.004.00')),
    startAt: requiredTimestamp(describeElement('就诊/入院日期时间', 'Visit or admission time (event time)', 'DE06.00.092.00')),
    endAt: optionalTimestamp(describeElement('出院日期时间', 'Discharge time (inpatients)', 'DE06.00.017.00')),
    department: optionalText(100, describeElement('科室名称', 'Department name (discharge department for inpatients)', 'DE08.10.026.00')),
    departmentCode: optionalText(40, "科室代码 The institution's department code"),
    attendingDoctor: optionalText(50, '主治/接诊医师 Attending doctor'),
    admissionWay: optionalText(20, '入院途径代码 Admission route: 1 急诊, 2 门诊, 3 其他医疗机构转入, 9 其他'),
    dischargeWay: optionalText(20, '离院方式代码 Discharge way: 1 医嘱离院, 2 医嘱转院, 3 医嘱转社区/乡镇卫生院, 4 非医嘱离院, 5 死亡, 9 其他'),
    lengthOfStayDays: optionalInt(0, 99_999, '实际住院天数 Length of stay, days'),
    totalCost: optionalNumber(0, 9_999_999_999.99, '总费用 Total cost, CNY'),
    diagnoses: z
      .array(EncounterDiagnosisSchema)
      .max(100)
      .nullish()
      .describe('诊断 Diagnoses (ICD-10); mark the main one with primary: true'),
  })
  .describe('encounters — 门急诊就诊/住院 Outpatient, emergency or inpatient encounter (WS 445)');
export type EncounterRecord = z.infer<typeof EncounterRecordSchema>;

export const LabResultSchema = z.looseObject({
  itemCode: requiredText(40, '检验项目代码 Test item code (e.g. LOINC or the institution code)'),
  itemName: optionalText(100, '检验项目名称 Test item name'),
  value: z
    .union([z.string().max(200), z.number()])
    .nullish()
    .describe('检验结果 Result as reported (number or text, e.g. 5.6 or "阴性")'),
  unit: optionalText(32, '计量单位 Unit'),
  referenceRange: optionalText(64, '参考值范围 Reference range'),
  abnormalFlag: optionalText(10, '异常标志 Abnormal flag: N | H | L | HH | LL | A'),
});
export type LabResult = z.infer<typeof LabResultSchema>;

/** 检验报告 (WS 445 检查检验记录). */
export const LabReportRecordSchema = z
  .looseObject({
    ...recordBaseShape,
    patient: PatientRefSchema,
    encounterSourceId: encounterSourceId(),
    reportNo: optionalText(40, '检验报告单号 Report number'),
    specimen: optionalText(40, '标本类别 Specimen (血清, 全血, 尿…)'),
    collectedAt: optionalTimestamp('标本采集日期时间 Specimen collected at'),
    reportedAt: requiredTimestamp('报告日期时间 Report time (event time)'),
    departmentName: optionalText(100, '申请科室 Ordering department'),
    orderingDoctor: optionalText(50, '申请医师 Ordering doctor'),
    results: z.array(LabResultSchema).min(1).max(500).describe('检验结果 Results, at least one'),
  })
  .describe('lab-reports — 检验报告 Laboratory report with results');
export type LabReportRecord = z.infer<typeof LabReportRecordSchema>;

/** 检查报告 (imaging, ultrasound, ECG, endoscopy…). */
export const ExamReportRecordSchema = z
  .looseObject({
    ...recordBaseShape,
    patient: PatientRefSchema,
    encounterSourceId: encounterSourceId(),
    reportNo: optionalText(40, '检查报告单号 Report number'),
    modality: optionalText(16, '检查类别 Modality: CT | MR | DX | US | ES (endoscopy) | ECG …'),
    bodyPart: optionalText(100, '检查部位 Body part'),
    examAt: optionalTimestamp('检查日期时间 Examination time'),
    reportedAt: requiredTimestamp('报告日期时间 Report time (event time)'),
    findings: optionalText(10_000, '检查所见 Findings'),
    conclusion: optionalText(4_000, '诊断意见 Conclusion'),
    isAbnormal: optionalBoolean('是否异常 True when the result is abnormal'),
  })
  .describe('exam-reports — 检查报告 Examination / imaging report');
export type ExamReportRecord = z.infer<typeof ExamReportRecordSchema>;

export const PrescriptionItemSchema = z.looseObject({
  drugCode: optionalText(40, '药品编码 Drug code (医保药品编码 or the institution code)'),
  drugName: requiredText(200, '药品名称 Drug name'),
  spec: optionalText(100, '药品规格 Specification'),
  dose: optionalText(40, '单次剂量 Single dose, e.g. "0.5 g"'),
  route: optionalText(40, '用药途径 Route'),
  frequency: optionalText(40, '用药频次 Frequency, e.g. bid'),
  days: optionalInt(0, 999, '用药天数 Days'),
  quantity: optionalNumber(0, 999_999_999.999, '发药数量 Quantity dispensed'),
  quantityUnit: optionalText(20, '发药数量单位 Quantity unit'),
});
export type PrescriptionItem = z.infer<typeof PrescriptionItemSchema>;

/** 门急诊处方 / 医嘱 (WS 445). */
export const PrescriptionRecordSchema = z
  .looseObject({
    ...recordBaseShape,
    patient: PatientRefSchema,
    encounterSourceId: encounterSourceId(),
    prescriptionNo: optionalText(40, '处方编号 Prescription number'),
    prescribedAt: requiredTimestamp('处方开立日期时间 Prescribed at (event time)'),
    departmentName: optionalText(100, '开方科室 Department'),
    doctorName: optionalText(50, '开方医师 Prescribing doctor'),
    kind: optionalText(20, '处方类别 Kind: western (西药) | chinese_patent (中成药) | herbal (中药饮片)'),
    items: z.array(PrescriptionItemSchema).min(1).max(200).describe('处方明细 Items, at least one'),
  })
  .describe('prescriptions — 处方 Prescription with its items');
export type PrescriptionRecord = z.infer<typeof PrescriptionRecordSchema>;

/** 传染病报告卡 (notifiable infectious-disease report card). Counted by finalReviewAt in the monthly bulletin. */
export const DiseaseReportRecordSchema = z
  .looseObject({
    ...recordBaseShape,
    patient: PatientRefSchema,
    cardNo: optionalText(40, '报告卡编号 Report card number'),
    disease: optionalText(100, '疾病名称 Disease, Chinese name as in the national bulletin (e.g. 肺结核, 乙型肝炎); this or icd10 is required'),
    icd10: optionalText(20, describeElement('疾病诊断编码', 'Diagnosis, ICD-10; this or disease is required', 'DE05.01.024.00')),
    diseaseCode: optionalText(32, '病种代码 Code in the notifiable-disease list, when the sender uses it'),
    caseClassification: optionalText(16, '病例分类 Case classification: confirmed (确诊) | clinical (临床诊断) | suspected (疑似) | carrier (病原携带者)'),
    onsetDate: optionalDate('发病日期 Onset date'),
    diagnosisDate: requiredDate('诊断日期 Diagnosis date'),
    reportedAt: requiredTimestamp('报告日期 Report time (event time)'),
    finalReviewAt: optionalTimestamp('终审日期 Final review time; the monthly report counts cases by this date (re-send the card once reviewed)'),
    outcome: optionalText(16, '转归 Outcome: "death" when the patient died'),
    deathDate: optionalDate('死亡日期 Date of death'),
    addressRegionCode: regionCodeSchema('现住址行政区划', "Region of the patient's current address, for per-county reports"),
  })
  .refine((card) => isPresent(card.disease) || isPresent(card.icd10), {
    path: ['disease'],
    message: 'disease or icd10 is required',
    // Report it alongside other shape issues, not only when everything else is valid.
    when: (payload) => typeof payload.value === 'object' && payload.value !== null,
  })
  .describe('disease-reports — 传染病报告卡 Notifiable infectious-disease report card');
export type DiseaseReportRecord = z.infer<typeof DiseaseReportRecordSchema>;

function isPresent(value: unknown): boolean {
  return typeof value === 'string' && value.trim() !== '';
}

// ───────────────────────────── resources (基础资源) ─────────────────────────────

export const LargeEquipmentSchema = z.looseObject({
  code: optionalText(20, '设备类别代码 Equipment category code (CT, MR, DSA, PET-CT, LINAC…)'),
  name: requiredText(100, '设备名称 Equipment name'),
  count: z.number().int().min(0).max(10_000).describe('台数 Units in service'),
});

/** 医疗卫生机构资源月报: beds, staff and large equipment for one month. */
export const FacilityResourceRecordSchema = z
  .looseObject({
    ...recordBaseShape,
    period: requiredMonth('报告期 Reported month (event time)'),
    bedsApproved: optionalInt(0, 1_000_000, '编制床位 Approved beds'),
    bedsOpen: optionalInt(0, 1_000_000, '实有床位 Open beds'),
    occupiedBedDays: optionalInt(0, 100_000_000, '实际占用总床日数 Occupied bed-days in the month'),
    openBedDays: optionalInt(0, 100_000_000, '实际开放总床日数 Open bed-days in the month (denominator of bed occupancy)'),
    staffTotal: optionalInt(0, 1_000_000, '在岗职工数 Staff in post'),
    doctors: optionalInt(0, 1_000_000, '执业(助理)医师 Licensed (assistant) doctors'),
    nurses: optionalInt(0, 1_000_000, '注册护士 Registered nurses'),
    pharmacists: optionalInt(0, 1_000_000, '药师 Pharmacists'),
    technicians: optionalInt(0, 1_000_000, '技师 Technicians'),
    otherStaff: optionalInt(0, 1_000_000, '其他人员 Other staff'),
    largeEquipment: z.array(LargeEquipmentSchema).max(200).nullish().describe('大型医用设备 Large medical equipment in service'),
  })
  .describe('facility-resources — 机构资源月报 Monthly facility resources report');
export type FacilityResourceRecord = z.infer<typeof FacilityResourceRecordSchema>;

// ───────────────────────────── the map ─────────────────────────────

/** Record schema per data set. Validate each record on its own so one bad record never rejects the batch. */
export const IngestRecordSchemas = {
  persons: PersonRecordSchema,
  'health-records': HealthRecordRecordSchema,
  followups: FollowupRecordSchema,
  immunizations: ImmunizationRecordSchema,
  contracts: ContractRecordSchema,
  encounters: EncounterRecordSchema,
  'lab-reports': LabReportRecordSchema,
  'exam-reports': ExamReportRecordSchema,
  prescriptions: PrescriptionRecordSchema,
  'disease-reports': DiseaseReportRecordSchema,
  'facility-resources': FacilityResourceRecordSchema,
} as const satisfies Record<Dataset, z.ZodType>;
export type IngestRecordSchemaMap = typeof IngestRecordSchemas;
/** A record after shape validation (defaults applied, extension fields kept). */
export type IngestRecord<D extends Dataset = Dataset> = z.output<IngestRecordSchemaMap[D]>;
/** A record as an institution sends it. */
export type IngestRecordInput<D extends Dataset = Dataset> = z.input<IngestRecordSchemaMap[D]>;
