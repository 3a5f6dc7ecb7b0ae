/** The data-quality rule catalogue (数据质量规则库), served as data. */
import { DATASET_NAMES, type DatasetName } from '../datasets/dataset';
import type { QualityRule } from './rule';

const ALL: readonly DatasetName[] = DATASET_NAMES;
const PERSONAL: readonly DatasetName[] = DATASET_NAMES.filter((d) => d !== 'facility-resources');
const CHILDREN: readonly DatasetName[] = ['lab-reports', 'exam-reports', 'prescriptions'];

export const QUALITY_RULES = [
  // ── 完整性 completeness ──
  {
    code: 'REQ.MISSING', dimension: 'completeness', severity: 'error', scope: 'record', datasets: ALL,
    title: { zh: '必填数据元缺失', en: 'Required element missing' },
    description: { zh: '数据集规定的必填数据元为空或未提供。', en: 'A data element the data set requires is absent or empty.' },
    reference: 'WS 445 / WS 365',
  },
  {
    code: 'REQ.RECOMMENDED_MISSING', dimension: 'completeness', severity: 'warning', scope: 'record', datasets: ALL,
    title: { zh: '应填数据元缺失', en: 'Recommended element missing' },
    description: { zh: '应尽量提供的数据元（如身份证号、电话）为空，记录保留但影响匹配与统计。', en: 'An element that should be sent (e.g. ID number, phone) is empty; the record is kept but linking and statistics suffer.' },
  },
  {
    code: 'REQ.CONDITIONAL_MISSING', dimension: 'completeness', severity: 'error', scope: 'record', datasets: ['disease-reports'],
    title: { zh: '条件必填数据元缺失', en: 'Conditionally required element missing' },
    description: { zh: '依其他数据元取值而必填的数据元缺失，如报告卡疾病名称与ICD-10编码均未填写、转归为死亡而无死亡日期。', en: 'An element required by another element\'s value is missing, e.g. neither disease name nor ICD-10 code on a report card, or outcome "death" without a death date.' },
  },
  {
    code: 'REQ.EMPTY_LIST', dimension: 'completeness', severity: 'error', scope: 'record', datasets: ['lab-reports', 'prescriptions'],
    title: { zh: '明细为空', en: 'Empty item list' },
    description: { zh: '检验报告无结果项或处方无药品明细。', en: 'A lab report without results or a prescription without items.' },
  },
  // ── 一致性 consistency: resident ID ──
  {
    code: 'ID.FORMAT', dimension: 'consistency', severity: 'error', scope: 'record', datasets: PERSONAL,
    title: { zh: '身份证号格式错误', en: 'Resident ID number malformed' },
    description: { zh: '居民身份证号应为17位数字加1位数字或X（15位旧号码由平台自动升位）。', en: 'A resident ID number is 17 digits plus a digit or X (old 15-digit numbers are upgraded by the platform).' },
    reference: 'GB 11643-1999',
  },
  {
    code: 'ID.REGION', dimension: 'consistency', severity: 'error', scope: 'record', datasets: PERSONAL,
    title: { zh: '身份证号地址码无效', en: 'Resident ID region code invalid' },
    description: { zh: '身份证号前6位不是有效的行政区划代码（省级代码不存在）。', en: 'The first six digits are not a GB/T 2260 region code (unknown province prefix).' },
    reference: 'GB 11643-1999, GB/T 2260',
  },
  {
    code: 'ID.BIRTHDATE_INVALID', dimension: 'consistency', severity: 'error', scope: 'record', datasets: PERSONAL,
    title: { zh: '身份证号出生日期无效', en: 'Resident ID birth date invalid' },
    description: { zh: '身份证号第7–14位不是真实存在的日期。', en: 'Digits 7–14 of the ID number are not a real calendar date.' },
    reference: 'GB 11643-1999',
  },
  {
    code: 'ID.BIRTHDATE_FUTURE', dimension: 'consistency', severity: 'error', scope: 'record', datasets: PERSONAL,
    title: { zh: '身份证号出生日期晚于当前日期', en: 'Resident ID birth date in the future' },
    description: { zh: '身份证号中的出生日期晚于今天。', en: 'The birth date in the ID number is after today.' },
    reference: 'GB 11643-1999',
  },
  {
    code: 'ID.CHECKSUM', dimension: 'consistency', severity: 'error', scope: 'record', datasets: PERSONAL,
    title: { zh: '身份证号校验码错误', en: 'Resident ID check character wrong' },
    description: { zh: '第18位校验码与按ISO 7064 MOD 11-2计算的结果不符。', en: 'The 18th character does not match the ISO 7064 MOD 11-2 check character.' },
    reference: 'GB 11643-1999',
  },
  {
    code: 'ID.BIRTHDATE_MISMATCH', dimension: 'consistency', severity: 'error', scope: 'record', datasets: PERSONAL,
    title: { zh: '出生日期与身份证号不一致', en: 'Birth date disagrees with the ID number' },
    description: { zh: '记录中的出生日期与身份证号第7–14位不同。', en: 'The birth date sent differs from digits 7–14 of the ID number.' },
    reference: 'GB 11643-1999',
  },
  {
    code: 'ID.SEX_MISMATCH', dimension: 'consistency', severity: 'error', scope: 'record', datasets: PERSONAL,
    title: { zh: '性别与身份证号不一致', en: 'Sex disagrees with the ID number' },
    description: { zh: '性别代码（男1/女2）与身份证号第17位奇偶（奇数男、偶数女）不符。', en: 'The sex code (1 male / 2 female) disagrees with the parity of the 17th digit (odd male, even female).' },
    reference: 'GB 11643-1999, GB/T 2261.1',
  },
  {
    code: 'ID.LEGACY_15', dimension: 'consistency', severity: 'warning', scope: 'record', datasets: PERSONAL,
    title: { zh: '15位旧身份证号已升位', en: '15-digit ID number upgraded' },
    description: { zh: '收到15位旧身份证号，平台已补“19”并计算校验码升为18位。', en: 'An old 15-digit number was received and upgraded to 18 digits ("19" inserted, check character added).' },
    reference: 'GB 11643-1999',
  },
  // ── 一致性: value sets ──
  {
    code: 'VS.ID_TYPE', dimension: 'consistency', severity: 'error', scope: 'record', datasets: PERSONAL,
    title: { zh: '证件类别代码不在值域内', en: 'ID document type not in value set' },
    description: { zh: '证件类别应取自CV02.01.101（01居民身份证…99其他法定有效证件）。', en: 'The document type must come from CV02.01.101 (01 resident ID card … 99 other).' },
    reference: 'WS 364 CV02.01.101',
  },
  {
    code: 'VS.SEX', dimension: 'consistency', severity: 'error', scope: 'record', datasets: PERSONAL,
    title: { zh: '性别代码不在值域内', en: 'Sex code not in value set' },
    description: { zh: '性别代码应为GB/T 2261.1的0、1、2、9。', en: 'Sex must be a GB/T 2261.1 code: 0, 1, 2 or 9.' },
    reference: 'GB/T 2261.1-2003',
  },
  {
    code: 'VS.ETHNICITY', dimension: 'consistency', severity: 'warning', scope: 'record', datasets: ['persons'],
    title: { zh: '民族代码不在值域内', en: 'Ethnicity code not in value set' },
    description: { zh: '民族代码应为GB 3304的01–56、97或98。', en: 'Ethnicity must be a GB 3304 code: 01–56, 97 or 98.' },
    reference: 'GB 3304-1991',
  },
  {
    code: 'VS.MARITAL_STATUS', dimension: 'consistency', severity: 'warning', scope: 'record', datasets: ['persons'],
    title: { zh: '婚姻状况代码不在值域内', en: 'Marital status code not in value set' },
    description: { zh: '婚姻状况应为GB/T 2261.2代码（10、20–23、30、40、90）。', en: 'Marital status must be a GB/T 2261.2 code (10, 20–23, 30, 40, 90).' },
    reference: 'GB/T 2261.2-2003',
  },
  {
    code: 'VS.ENCOUNTER_TYPE', dimension: 'consistency', severity: 'error', scope: 'record', datasets: ['encounters'],
    title: { zh: '就诊类型不在值域内', en: 'Encounter type not in value set' },
    description: { zh: '就诊类型应为 outpatient（门诊）、emergency（急诊）或 inpatient（住院）。', en: 'Encounter type must be outpatient, emergency or inpatient.' },
  },
  {
    code: 'VS.CODE', dimension: 'consistency', severity: 'warning', scope: 'record', datasets: ALL,
    title: { zh: '编码不在值域内', en: 'Code not in value set' },
    description: { zh: '其他编码型数据元的取值不在其值域代码表内。', en: 'Another coded element holds a value outside its code table.' },
  },
  // ── 一致性: formats ──
  {
    code: 'FMT.DATE', dimension: 'consistency', severity: 'error', scope: 'record', datasets: ALL,
    title: { zh: '日期时间格式错误', en: 'Date or time malformed' },
    description: { zh: '日期应为YYYY-MM-DD，日期时间应为带时区的ISO 8601（清洗后为+08:00），且须为真实日期。', en: 'Dates must be real YYYY-MM-DD dates, date-times ISO 8601 with an offset (+08:00 after cleansing).' },
  },
  {
    code: 'FMT.PHONE', dimension: 'consistency', severity: 'warning', scope: 'record', datasets: PERSONAL,
    title: { zh: '电话号码格式错误', en: 'Phone number malformed' },
    description: { zh: '电话号码既不是11位手机号，也不是带区号的固定电话。', en: 'The phone number is neither an 11-digit mobile nor a landline with area code.' },
  },
  {
    code: 'FMT.TOO_LONG', dimension: 'consistency', severity: 'error', scope: 'record', datasets: ALL,
    title: { zh: '数据元超长', en: 'Element too long' },
    description: { zh: '取值长度超过数据元规定的最大长度（如姓名A..50）。', en: 'The value is longer than the element allows (e.g. name A..50).' },
    reference: 'WS 363',
  },
  {
    code: 'FMT.NUMBER', dimension: 'consistency', severity: 'error', scope: 'record', datasets: ALL,
    title: { zh: '数值格式错误', en: 'Number malformed' },
    description: { zh: '数值型数据元不是数字（整数型须为整数）。', en: 'A numeric element is not a number (or not an integer where one is required).' },
  },
  {
    code: 'FMT.REGION_CODE', dimension: 'consistency', severity: 'warning', scope: 'record', datasets: ['persons', 'health-records', 'disease-reports'],
    title: { zh: '行政区划代码无效', en: 'Region code invalid' },
    description: { zh: '行政区划代码不是6、9或12位GB/T 2260代码，或省级代码不存在。', en: 'The region code is not a 6/9/12-digit GB/T 2260 code with a real province prefix.' },
    reference: 'GB/T 2260',
  },
  {
    code: 'ICD10.FORMAT', dimension: 'consistency', severity: 'error', scope: 'record', datasets: ['encounters', 'disease-reports', 'followups'],
    title: { zh: '疾病诊断编码格式错误', en: 'ICD-10 code malformed' },
    description: { zh: '诊断编码不符合ICD-10格式（字母+2位数字，可带小数点及国家临床版扩展码）。', en: 'The diagnosis code is not ICD-10 shaped (letter, two digits, optional dot and national extension).' },
    reference: 'ICD-10 / 国家临床版2.0',
  },
  // ── 一致性: notifiable diseases ──
  {
    code: 'DISEASE.UNKNOWN', dimension: 'consistency', severity: 'error', scope: 'record', datasets: ['disease-reports'],
    title: { zh: '非法定传染病', en: 'Not a notifiable disease' },
    description: { zh: '报告卡的疾病名称和ICD-10编码均不对应诊断日期时有效的法定传染病目录。', en: 'Neither the disease name nor the ICD-10 code names a disease on the notifiable list in force on the diagnosis date.' },
    reference: '传染病防治法',
  },
  {
    code: 'DISEASE.NAME_CODE_CONFLICT', dimension: 'consistency', severity: 'warning', scope: 'record', datasets: ['disease-reports'],
    title: { zh: '疾病名称与ICD-10编码不一致', en: 'Disease name and ICD-10 code disagree' },
    description: { zh: '报告卡疾病名称与ICD-10编码指向不同病种，统计以疾病名称为准。', en: 'The disease name and the ICD-10 code point at different diseases; the name is used.' },
  },
  // ── 一致性: time logic ──
  {
    code: 'TIME.FUTURE', dimension: 'consistency', severity: 'error', scope: 'record', datasets: ALL,
    title: { zh: '时间晚于当前时间', en: 'Time in the future' },
    description: { zh: '业务发生时间（就诊、报告、接种等）晚于平台接收时间（允许少量时钟误差）。', en: 'A clinical event time is later than the time the platform received it (beyond a small clock skew).' },
  },
  {
    code: 'TIME.END_BEFORE_START', dimension: 'consistency', severity: 'error', scope: 'record', datasets: ['encounters', 'contracts'],
    title: { zh: '结束时间早于开始时间', en: 'End before start' },
    description: { zh: '出院时间早于入院时间，或协议终止日期早于生效日期。', en: 'Discharge before admission, or a contract ending before it starts.' },
  },
  {
    code: 'TIME.BEFORE_BIRTH', dimension: 'consistency', severity: 'error', scope: 'record', datasets: PERSONAL,
    title: { zh: '业务时间早于出生日期', en: 'Event before birth' },
    description: { zh: '就诊、随访、接种、诊断等时间早于患者出生日期。', en: 'A visit, follow-up, vaccination or diagnosis precedes the patient\'s birth date.' },
  },
  {
    code: 'TIME.SEQUENCE', dimension: 'consistency', severity: 'error', scope: 'record', datasets: ['disease-reports'],
    title: { zh: '时间先后顺序错误', en: 'Times out of order' },
    description: { zh: '报告卡应满足 发病日期 ≤ 诊断日期 ≤ 报告时间 ≤ 终审时间。', en: 'A report card must satisfy onset date ≤ diagnosis date ≤ report time ≤ final review time.' },
  },
  {
    code: 'RANGE.IMPLAUSIBLE', dimension: 'consistency', severity: 'warning', scope: 'record', datasets: ['followups', 'facility-resources'],
    title: { zh: '数值超出合理范围', en: 'Implausible value' },
    description: { zh: '数值超出生理或逻辑合理范围，如收缩压不在50–300 mmHg、占用床日数大于开放床日数。', en: 'A value outside its physiological or logical range, e.g. systolic pressure outside 50–300 mmHg, occupied bed-days above open bed-days.' },
  },
  // ── 一致性: institution identifiers ──
  {
    code: 'ORG.USCC_FORMAT', dimension: 'consistency', severity: 'error', scope: 'institution', datasets: [],
    title: { zh: '统一社会信用代码格式错误', en: 'USCC malformed' },
    description: { zh: '统一社会信用代码应为18位，字符取自GB 32100字符集（不含I、O、S、V、Z），第3–8位为数字。', en: 'A USCC is 18 characters of the GB 32100 set (no I, O, S, V, Z) with digits in positions 3–8.' },
    reference: 'GB 32100-2015',
  },
  {
    code: 'ORG.USCC_CHECKSUM', dimension: 'consistency', severity: 'warning', scope: 'institution', datasets: [],
    title: { zh: '统一社会信用代码校验码不符', en: 'USCC check character mismatch' },
    description: { zh: '第18位校验码与MOD 31计算结果不符；部分早期试点代码合法地不满足校验，故仅作警告。', en: 'The 18th character does not match MOD 31; some early pilot codes legally fail it, so this is a warning.' },
    reference: 'GB 32100-2015',
  },
  {
    code: 'ORG.LICENCE_FORMAT', dimension: 'consistency', severity: 'error', scope: 'institution', datasets: [],
    title: { zh: '执业许可证登记号格式错误', en: 'Practising-licence number malformed' },
    description: { zh: '医疗机构执业许可证登记号应为22位：组织机构代码9位＋行政区划6位＋经济类型2位＋机构类别4位＋分类管理1位。', en: 'The licence registration number is 22 characters: organisation code (9), region (6), economic type (2), category (4), management class (1).' },
  },
  {
    code: 'ORG.CODE_REGION', dimension: 'consistency', severity: 'warning', scope: 'institution', datasets: [],
    title: { zh: '机构代码中的行政区划无效', en: 'Region part of the institution code invalid' },
    description: { zh: '机构代码中的行政区划部分省级代码不存在。', en: 'The region part of the institution code has an unknown province prefix.' },
  },
  // ── FHIR mapping ──
  {
    code: 'FHIR.CODE_NOT_ICD10', dimension: 'consistency', severity: 'warning', scope: 'record', datasets: ['encounters', 'disease-reports'],
    title: { zh: '诊断未使用ICD-10编码', en: 'Diagnosis not coded in ICD-10' },
    description: { zh: 'FHIR Condition.code 中没有ICD-10编码（如仅有SNOMED CT），诊断以名称保存，无法参与按编码的统计。', en: 'A FHIR Condition.code has no ICD-10 coding (e.g. SNOMED CT only); the diagnosis is kept by name and left out of code-based statistics.' },
    reference: 'HL7 FHIR R4',
  },
  {
    code: 'FHIR.UNSUPPORTED_RESOURCE', dimension: 'consistency', severity: 'warning', scope: 'record', datasets: ALL,
    title: { zh: '不支持的FHIR资源类型', en: 'Unsupported FHIR resource' },
    description: { zh: 'Bundle中的资源类型平台不映射，已跳过。', en: 'The bundle holds a resource type the platform does not map; it was skipped.' },
    reference: 'HL7 FHIR R4',
  },
  {
    code: 'FHIR.UNRESOLVED_REFERENCE', dimension: 'integration', severity: 'error', scope: 'record', datasets: ALL,
    title: { zh: 'FHIR引用无法解析', en: 'FHIR reference unresolved' },
    description: { zh: '资源引用的Patient或Encounter既不在Bundle中，也不是平台已知的记录。', en: 'A referenced Patient or Encounter is neither in the bundle nor known to the platform.' },
    reference: 'HL7 FHIR R4',
  },
  // ── 整合性 integration ──
  {
    code: 'LINK.REVIEW', dimension: 'integration', severity: 'warning', scope: 'record', datasets: PERSONAL,
    title: { zh: '主索引待人工核对', en: 'Person link awaiting review' },
    description: { zh: '概率匹配得分介于两个阈值之间，记录待人工确认关联的主索引。', en: 'The probabilistic match score fell between the thresholds; the record waits for a person to confirm its master person.' },
  },
  {
    code: 'LINK.ID_CONFLICT', dimension: 'integration', severity: 'warning', scope: 'record', datasets: PERSONAL,
    title: { zh: '身份证号对应的主索引人员信息不符', en: 'ID number matches a person with different demographics' },
    description: { zh: '身份证号命中主索引，但姓名或出生日期明显不同，转人工核对。', en: 'The ID number matches a master person whose name or birth date clearly differs; sent to review.' },
  },
  {
    code: 'LINK.NO_PARENT', dimension: 'integration', severity: 'warning', scope: 'record', datasets: CHILDREN,
    title: { zh: '未找到关联的就诊记录', en: 'Parent encounter not found' },
    description: { zh: '检验、检查或处方引用的就诊记录尚未收到，记录暂存并稍后重试关联。', en: 'The encounter a report or prescription refers to has not arrived; the record is parked and linking retried.' },
  },
  // ── 及时性 timeliness ──
  {
    code: 'TIMELINESS.LATE', dimension: 'timeliness', severity: 'warning', scope: 'record', datasets: ALL,
    title: { zh: '上传不及时', en: 'Received late' },
    description: { zh: '记录在业务发生后超过约定时限（默认24小时）才上传。', en: 'The record arrived later than the agreed delay after the clinical event (24 h by default).' },
  },
  {
    code: 'TIMELINESS.DISEASE_REPORT_LATE', dimension: 'timeliness', severity: 'warning', scope: 'record', datasets: ['disease-reports'],
    title: { zh: '传染病报告超时', en: 'Disease report late' },
    description: { zh: '传染病报告时间超过法定时限：甲类（及按甲类管理）2小时，乙类、丙类24小时。', en: 'The report card exceeded the legal limit after diagnosis: 2 h for class A, 24 h for classes B and C.' },
    reference: '传染病信息报告管理规范',
  },
  // ── 唯一性 uniqueness ──
  {
    code: 'UNIQ.DUPLICATE', dimension: 'uniqueness', severity: 'warning', scope: 'record', datasets: ALL,
    title: { zh: '重复记录', en: 'Duplicate record' },
    description: { zh: '同一人同一业务事件已由本机构或其他机构以不同记录号上传。', en: 'The same event for the same person was already received under another source id, from this or another institution.' },
  },
  {
    code: 'UNIQ.BATCH_REPEAT', dimension: 'uniqueness', severity: 'warning', scope: 'record', datasets: ALL,
    title: { zh: '批次内记录号重复', en: 'Source id repeated in batch' },
    description: { zh: '同一批次中出现相同的记录号（sourceId），仅最后一条生效。', en: 'The same sourceId appears more than once in a batch; only the last one is applied.' },
  },
] as const satisfies readonly QualityRule[];

export type RuleCode = (typeof QUALITY_RULES)[number]['code'];

const BY_CODE = new Map<string, QualityRule>(QUALITY_RULES.map((r) => [r.code, r]));

export function ruleByCode(code: string): QualityRule | undefined {
  return BY_CODE.get(code);
}

/** The rules that apply to a data set's records. */
export function rulesForDataset(dataset: DatasetName): QualityRule[] {
  return QUALITY_RULES.filter((r) => (r.datasets as readonly DatasetName[]).includes(dataset));
}
