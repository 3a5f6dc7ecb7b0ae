/**
 * Health-service indicators computed from the core databases (DESIGN.md, issue 5),
 * by county, institution and month. Definitions follow the national basic public
 * health service and health statistics conventions as far as known.
 */
import type { Indicator } from './indicator';

const ALL_CUTS = ['region', 'institution', 'period'] as const;

export const SERVICE_INDICATORS: readonly Indicator[] = [
  {
    code: 'HS.EHR_COVERAGE', group: 'service',
    nameZh: '居民电子健康档案建档率', nameEn: 'Electronic health record coverage',
    definition: { zh: '建立电子健康档案的常住居民占常住人口的比例。', en: 'Share of the resident population with an electronic health record.' },
    numerator: { zh: '已建立电子健康档案的常住居民数（按主索引去重）', en: 'Residents with an EHR (distinct master persons)' },
    denominator: { zh: '常住人口数', en: 'Resident population' },
    unit: '%', baseline: null, target: null, attribute: null, direction: 'increase', source: 'computed', cuts: ['region', 'period'],
    method: { zh: 'health_records 按主索引去重计数 ÷ 区域常住人口', en: 'Distinct master persons in health_records ÷ regional resident population' },
  },
  {
    code: 'HS.FAMILY_DOCTOR_CONTRACT_RATE', group: 'service',
    nameZh: '家庭医生签约服务覆盖率', nameEn: 'Family doctor contract rate',
    definition: { zh: '期末有效签约家庭医生的常住居民占常住人口的比例。', en: 'Share of the resident population with a family doctor contract valid at the end of the period.' },
    numerator: { zh: '有效签约居民数（按主索引去重）', en: 'Residents with a valid contract (distinct master persons)' },
    denominator: { zh: '常住人口数', en: 'Resident population' },
    unit: '%', baseline: null, target: null, attribute: null, direction: 'increase', source: 'computed', cuts: ['region', 'period'],
    method: { zh: 'family_doctor_contracts 中期末处于有效期且状态有效者计数 ÷ 常住人口', en: 'Contracts active and valid at period end ÷ resident population' },
  },
  {
    code: 'HS.HTN_STANDARDISED_MANAGEMENT', group: 'service',
    nameZh: '高血压患者规范管理率', nameEn: 'Hypertension standardised management rate',
    definition: { zh: '年内已登记管理的高血压患者中，年内随访不少于4次的患者所占比例。', en: 'Share of registered hypertensive patients with at least 4 follow-ups in the year.' },
    numerator: { zh: '年内随访≥4次的已登记高血压患者数', en: 'Registered hypertensive patients with ≥ 4 follow-ups in the year' },
    denominator: { zh: '年内已登记管理的高血压患者数', en: 'Registered hypertensive patients under management in the year' },
    unit: '%', baseline: null, target: null, attribute: null, direction: 'increase', source: 'computed', cuts: ALL_CUTS,
    method: { zh: 'chronic_registrations(hypertension) × chronic_followups 年内次数 ≥ 4', en: 'chronic_registrations (hypertension) with ≥ 4 chronic_followups in the year' },
  },
  {
    code: 'HS.T2DM_STANDARDISED_MANAGEMENT', group: 'service',
    nameZh: '2型糖尿病患者规范管理率', nameEn: 'Type 2 diabetes standardised management rate',
    definition: { zh: '年内已登记管理的2型糖尿病患者中，年内随访不少于4次的患者所占比例。', en: 'Share of registered type 2 diabetes patients with at least 4 follow-ups in the year.' },
    numerator: { zh: '年内随访≥4次的已登记2型糖尿病患者数', en: 'Registered T2DM patients with ≥ 4 follow-ups in the year' },
    denominator: { zh: '年内已登记管理的2型糖尿病患者数', en: 'Registered T2DM patients under management in the year' },
    unit: '%', baseline: null, target: null, attribute: null, direction: 'increase', source: 'computed', cuts: ALL_CUTS,
    method: { zh: 'chronic_registrations(t2dm) × chronic_followups 年内次数 ≥ 4', en: 'chronic_registrations (t2dm) with ≥ 4 chronic_followups in the year' },
  },
  {
    code: 'HS.OUTPATIENT_EMERGENCY_VISITS', group: 'service',
    nameZh: '门急诊人次', nameEn: 'Outpatient and emergency visits',
    definition: { zh: '期内门诊与急诊就诊人次之和。', en: 'Outpatient plus emergency visits in the period.' },
    numerator: null, denominator: null,
    unit: '人次', baseline: null, target: null, attribute: null, direction: 'increase', source: 'computed', cuts: ALL_CUTS,
    method: { zh: 'encounters 中 type ∈ {outpatient, emergency}，按就诊时间计数', en: 'encounters of type outpatient or emergency, by start time' },
  },
  {
    code: 'HS.DISCHARGES', group: 'service',
    nameZh: '出院人数', nameEn: 'Discharges',
    definition: { zh: '期内出院的住院患者人数（人次）。', en: 'Inpatient discharges in the period.' },
    numerator: null, denominator: null,
    unit: '人', baseline: null, target: null, attribute: null, direction: 'increase', source: 'computed', cuts: ALL_CUTS,
    method: { zh: 'encounters 中 type = inpatient 且出院时间在期内', en: 'Inpatient encounters whose discharge time falls in the period' },
  },
  {
    code: 'HS.AVERAGE_LENGTH_OF_STAY', group: 'service',
    nameZh: '出院者平均住院日', nameEn: 'Average length of stay',
    definition: { zh: '出院者占用总床日数 ÷ 出院人数；住院天数 = 出院日期 − 入院日期，当日出入院计1天。', en: 'Bed-days of discharged patients ÷ discharges; a stay is discharge date − admission date, same-day stays count 1 day.' },
    numerator: { zh: '出院者占用总床日数', en: 'Bed-days of discharged patients' },
    denominator: { zh: '出院人数', en: 'Discharges' },
    unit: '天', baseline: null, target: null, attribute: null, direction: 'decrease', source: 'computed', cuts: ALL_CUTS,
    method: { zh: '期内出院的住院就诊按 lengthOfStayDays 求和 ÷ 出院人数', en: 'Sum of lengthOfStayDays over stays discharged in the period ÷ discharges' },
  },
  {
    code: 'HS.BED_OCCUPANCY', group: 'service',
    nameZh: '病床使用率', nameEn: 'Bed occupancy rate',
    definition: { zh: '实际占用总床日数 ÷ 实际开放总床日数 × 100%。', en: 'Occupied bed-days ÷ open bed-days × 100%.' },
    numerator: { zh: '实际占用总床日数', en: 'Occupied bed-days' },
    denominator: { zh: '实际开放总床日数', en: 'Open bed-days' },
    unit: '%', baseline: null, target: null, attribute: null, direction: 'target', source: 'computed', cuts: ALL_CUTS,
    method: { zh: '机构月度资源报告（facility-resources）', en: 'Monthly facility resource reports' },
  },
  {
    code: 'HS.IMMUNIZATION_DOSES', group: 'service',
    nameZh: '预防接种剂次数', nameEn: 'Vaccine doses administered',
    definition: { zh: '期内报告的预防接种剂次数。', en: 'Vaccine doses reported as administered in the period.' },
    numerator: null, denominator: null,
    unit: '剂次', baseline: null, target: null, attribute: null, direction: 'increase', source: 'computed', cuts: ALL_CUTS,
    method: { zh: 'immunizations 按接种时间计数', en: 'immunizations by administration time' },
  },
];
