/**
 * Lab panels with LOINC-coded items, units, adult reference ranges and the
 * shifts that diagnoses bring (an infection raises WBC and CRP, diabetes
 * raises glucose and HbA1c…). Values are drawn inside the range most of the
 * time; flags follow from the value (H/L, and A for qualitative positives).
 */
import type { Random } from '../random';

export interface LabItem {
  code: string;
  name: string;
  unit: string;
  low: number;
  high: number;
  decimals: number;
  /** Tag → multiplier applied to a value drawn near the top of the range. */
  shift?: Record<string, number>;
  /** Qualitative items: '阴性'/'阳性'. */
  qualitative?: boolean;
}

export interface LabPanel {
  key: string;
  name: string;
  specimen: string;
  items: readonly LabItem[];
}

const q = (code: string, name: string, positiveTags: string[] = []): LabItem => ({
  code, name, unit: '', low: 0, high: 0, decimals: 0, qualitative: true,
  shift: Object.fromEntries(positiveTags.map((t) => [t, 1])),
});

export const LAB_PANELS: Record<string, LabPanel> = {
  CBC: { key: 'CBC', name: '血常规', specimen: '全血', items: [
    { code: '6690-2', name: '白细胞计数', unit: '10^9/L', low: 3.5, high: 9.5, decimals: 2, shift: { infection: 1.6 } },
    { code: '789-8', name: '红细胞计数', unit: '10^12/L', low: 3.8, high: 5.8, decimals: 2, shift: { anemia: 0.7 } },
    { code: '718-7', name: '血红蛋白', unit: 'g/L', low: 115, high: 175, decimals: 0, shift: { anemia: 0.65, renal: 0.75 } },
    { code: '777-3', name: '血小板计数', unit: '10^9/L', low: 125, high: 350, decimals: 0 },
    { code: '770-8', name: '中性粒细胞百分比', unit: '%', low: 40, high: 75, decimals: 1, shift: { infection: 1.15 } },
    { code: '736-9', name: '淋巴细胞百分比', unit: '%', low: 20, high: 50, decimals: 1 },
  ] },
  CRP: { key: 'CRP', name: 'C反应蛋白', specimen: '血清', items: [
    { code: '1988-5', name: 'C反应蛋白', unit: 'mg/L', low: 0, high: 10, decimals: 1, shift: { infection: 4 } },
  ] },
  PCT: { key: 'PCT', name: '降钙素原', specimen: '血清', items: [
    { code: '33959-8', name: '降钙素原', unit: 'ng/mL', low: 0, high: 0.5, decimals: 2, shift: { infection: 3 } },
  ] },
  LFT: { key: 'LFT', name: '肝功能', specimen: '血清', items: [
    { code: '1742-6', name: '丙氨酸氨基转移酶', unit: 'U/L', low: 7, high: 40, decimals: 0, shift: { liver: 3 } },
    { code: '1920-8', name: '天门冬氨酸氨基转移酶', unit: 'U/L', low: 13, high: 35, decimals: 0, shift: { liver: 3 } },
    { code: '1975-2', name: '总胆红素', unit: 'μmol/L', low: 3.4, high: 20.5, decimals: 1, shift: { liver: 2.5 } },
    { code: '1751-7', name: '白蛋白', unit: 'g/L', low: 40, high: 55, decimals: 1, shift: { tumor: 0.8, renal: 0.85 } },
  ] },
  RFT: { key: 'RFT', name: '肾功能', specimen: '血清', items: [
    { code: '2160-0', name: '肌酐', unit: 'μmol/L', low: 41, high: 111, decimals: 0, shift: { renal: 5 } },
    { code: '3091-6', name: '尿素', unit: 'mmol/L', low: 2.6, high: 7.5, decimals: 2, shift: { renal: 3 } },
    { code: '3084-1', name: '尿酸', unit: 'μmol/L', low: 150, high: 420, decimals: 0 },
  ] },
  GLU: { key: 'GLU', name: '血糖', specimen: '血清', items: [
    { code: '2345-7', name: '葡萄糖', unit: 'mmol/L', low: 3.9, high: 6.1, decimals: 2, shift: { diabetes: 1.5 } },
  ] },
  HBA1C: { key: 'HBA1C', name: '糖化血红蛋白', specimen: '全血', items: [
    { code: '4548-4', name: '糖化血红蛋白', unit: '%', low: 4, high: 6, decimals: 1, shift: { diabetes: 1.3 } },
  ] },
  LIPID: { key: 'LIPID', name: '血脂', specimen: '血清', items: [
    { code: '2093-3', name: '总胆固醇', unit: 'mmol/L', low: 2.8, high: 5.2, decimals: 2, shift: { lipid: 1.3 } },
    { code: '2571-8', name: '甘油三酯', unit: 'mmol/L', low: 0.45, high: 1.7, decimals: 2, shift: { lipid: 1.8, diabetes: 1.3 } },
    { code: '2085-9', name: '高密度脂蛋白胆固醇', unit: 'mmol/L', low: 1.04, high: 1.9, decimals: 2 },
    { code: '13457-7', name: '低密度脂蛋白胆固醇', unit: 'mmol/L', low: 1.5, high: 3.4, decimals: 2, shift: { lipid: 1.35 } },
  ] },
  ELEC: { key: 'ELEC', name: '电解质', specimen: '血清', items: [
    { code: '2823-3', name: '钾', unit: 'mmol/L', low: 3.5, high: 5.3, decimals: 2, shift: { renal: 1.1 } },
    { code: '2951-2', name: '钠', unit: 'mmol/L', low: 137, high: 147, decimals: 1 },
    { code: '2075-0', name: '氯', unit: 'mmol/L', low: 99, high: 110, decimals: 1 },
  ] },
  COAG: { key: 'COAG', name: '凝血功能', specimen: '血浆', items: [
    { code: '5902-2', name: '凝血酶原时间', unit: 's', low: 9.4, high: 12.5, decimals: 1 },
    { code: '6301-6', name: '国际标准化比值', unit: '', low: 0.8, high: 1.2, decimals: 2 },
    { code: '3173-2', name: '活化部分凝血活酶时间', unit: 's', low: 25.1, high: 36.5, decimals: 1 },
    { code: '3255-7', name: '纤维蛋白原', unit: 'g/L', low: 2, high: 4, decimals: 2 },
  ] },
  MYO: { key: 'MYO', name: '心肌损伤标志物', specimen: '血清', items: [
    { code: '10839-9', name: '肌钙蛋白I', unit: 'ng/mL', low: 0, high: 0.04, decimals: 3, shift: { cardiac: 20 } },
    { code: '13969-1', name: '肌酸激酶同工酶', unit: 'ng/mL', low: 0, high: 5, decimals: 1, shift: { cardiac: 4 } },
  ] },
  BNP: { key: 'BNP', name: 'N末端B型利钠肽原', specimen: '血浆', items: [
    { code: '33762-6', name: 'N末端B型利钠肽原', unit: 'pg/mL', low: 0, high: 300, decimals: 0, shift: { heart: 8 } },
  ] },
  URINE: { key: 'URINE', name: '尿常规', specimen: '尿液', items: [
    { code: '5803-2', name: '尿酸碱度', unit: '', low: 5, high: 8, decimals: 1 },
    q('5804-0', '尿蛋白', ['renal']),
    q('5792-7', '尿葡萄糖', ['diabetes']),
    q('5799-2', '尿白细胞酯酶', ['infection']),
    q('5794-3', '尿隐血'),
  ] },
  STOOL: { key: 'STOOL', name: '粪便常规', specimen: '粪便', items: [q('2335-8', '粪便隐血', ['anemia'])] },
  HBV5: { key: 'HBV5', name: '乙肝两对半', specimen: '血清', items: [
    q('5196-1', '乙型肝炎表面抗原', ['hbv']), q('22322-2', '乙型肝炎表面抗体'), q('13954-3', '乙型肝炎e抗原', ['hbv']),
    q('22320-6', '乙型肝炎e抗体'), q('22316-4', '乙型肝炎核心抗体', ['hbv']),
  ] },
  TUMOR: { key: 'TUMOR', name: '肿瘤标志物', specimen: '血清', items: [
    { code: '2039-6', name: '癌胚抗原', unit: 'ng/mL', low: 0, high: 5, decimals: 2, shift: { tumor: 4 } },
    { code: '1834-1', name: '甲胎蛋白', unit: 'ng/mL', low: 0, high: 7, decimals: 2, shift: { liver: 30 } },
  ] },
  FLU: { key: 'FLU', name: '甲乙型流感病毒抗原', specimen: '鼻咽拭子', items: [q('80382-5', '甲型流感病毒抗原', ['flu']), q('80383-3', '乙型流感病毒抗原')] },
  TB: { key: 'TB', name: '结核分枝杆菌检测', specimen: '痰', items: [q('11545-1', '抗酸杆菌涂片', ['tb'])] },
  TPPA: { key: 'TPPA', name: '梅毒螺旋体抗体', specimen: '血清', items: [q('24110-9', '梅毒螺旋体颗粒凝集试验', ['syphilis'])] },
};

export interface LabValue {
  item: LabItem;
  value: string;
  numeric: number | null;
  referenceRange: string | null;
  flag: string;
}

/** One result: normal most of the time, shifted when a tag of the patient applies. */
export function labValue(rng: Random, item: LabItem, tags: ReadonlySet<string>): LabValue {
  if (item.qualitative) {
    const positive = Object.keys(item.shift ?? {}).some((t) => tags.has(t)) ? rng.chance(0.85) : rng.chance(0.02);
    return { item, value: positive ? '阳性' : '阴性', numeric: null, referenceRange: '阴性', flag: positive ? 'A' : 'N' };
  }
  let factor = 1;
  for (const [tag, m] of Object.entries(item.shift ?? {})) if (tags.has(tag) && rng.chance(0.75)) factor *= m;
  const mid = (item.low + item.high) / 2;
  const half = (item.high - item.low) / 2;
  let v = rng.normal(mid, half / 2.2);
  if (factor !== 1) v = factor > 1 ? item.high * factor * rng.float(0.8, 1.2) : item.low * factor * rng.float(0.9, 1.1) + (v - mid) * 0.2;
  if (v < 0) v = item.low > 0 ? item.low * rng.float(0.5, 0.9) : Math.abs(v) * 0.1;
  const rounded = Number(v.toFixed(item.decimals));
  const flag = rounded > item.high ? (rounded > item.high * 3 && item.high > 0 ? 'HH' : 'H') : rounded < item.low ? 'L' : 'N';
  return { item, value: rounded.toFixed(item.decimals), numeric: rounded, referenceRange: `${item.low}-${item.high}`, flag };
}
