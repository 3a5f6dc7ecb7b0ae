/**
 * ICD-10 diagnoses (national clinical edition codes, which extend WHO codes
 * and match them by prefix) with how often each is the reason for a visit,
 * per setting, and what work-up it tends to bring (lab panels, exams, drugs).
 * Weights are relative within a setting; ages and sex restrict who can have it.
 * Notifiable infectious diseases are not here: they come with report cards (see emr.ts).
 */
import type { DepartmentKey } from './departments';
import { weighted, type WeightedTable } from '../random';

export type Setting = 'outpatient' | 'emergency' | 'inpatient' | 'primary' | 'primaryInpatient';

export interface Diagnosis {
  code: string;
  name: string;
  dept: DepartmentKey;
  /** Relative frequency per setting. */
  w: Partial<Record<Setting, number>>;
  ages?: readonly [number, number];
  sex?: '1' | '2';
  /** Median length of stay (days) when admitted. */
  los?: number;
  labs?: readonly string[];
  exams?: readonly string[];
  drugs?: readonly string[];
  /** Lab tendencies, e.g. 'infection' raises WBC/CRP. */
  tags?: readonly string[];
}

export const DIAGNOSES: readonly Diagnosis[] = [
  { code: 'J06.900', name: '急性上呼吸道感染', dept: 'respiratory', w: { outpatient: 14, emergency: 6, primary: 22 }, labs: ['CBC', 'CRP'], drugs: ['cold', 'antibioticOral'], tags: ['infection'] },
  { code: 'J20.900', name: '急性支气管炎', dept: 'respiratory', w: { outpatient: 6, emergency: 2, primary: 8, inpatient: 2, primaryInpatient: 6 }, los: 6, labs: ['CBC', 'CRP'], exams: ['DX_CHEST'], drugs: ['cough', 'antibioticOral'], tags: ['infection'] },
  { code: 'J02.900', name: '急性咽炎', dept: 'ent', w: { outpatient: 4, primary: 5 }, labs: ['CBC'], drugs: ['cold'] },
  { code: 'J03.900', name: '急性扁桃体炎', dept: 'ent', w: { outpatient: 2, primary: 2 }, ages: [2, 40], labs: ['CBC', 'CRP'], drugs: ['antibioticOral'], tags: ['infection'] },
  { code: 'J18.900', name: '肺炎', dept: 'respiratory', w: { outpatient: 2.5, emergency: 3, inpatient: 9, primaryInpatient: 10 }, los: 8, labs: ['CBC', 'CRP', 'PCT', 'LFT', 'RFT', 'ELEC'], exams: ['DX_CHEST', 'CT_CHEST'], drugs: ['antibioticIv', 'cough', 'ivFluid'], tags: ['infection'] },
  { code: 'J21.900', name: '急性毛细支气管炎', dept: 'pediatrics', w: { outpatient: 0.6, inpatient: 1.5 }, ages: [0, 2], los: 6, labs: ['CBC', 'CRP'], exams: ['DX_CHEST'], drugs: ['cough', 'ivFluid'], tags: ['infection'] },
  { code: 'J44.100', name: '慢性阻塞性肺疾病伴急性加重', dept: 'respiratory', w: { outpatient: 1, emergency: 1.5, inpatient: 5, primaryInpatient: 8 }, ages: [50, 100], los: 9, labs: ['CBC', 'CRP', 'ELEC', 'RFT'], exams: ['DX_CHEST', 'CT_CHEST', 'ECG'], drugs: ['antibioticIv', 'bronchodilator', 'ivFluid'], tags: ['infection'] },
  { code: 'J44.900', name: '慢性阻塞性肺疾病', dept: 'respiratory', w: { outpatient: 2, primary: 2 }, ages: [50, 100], exams: ['DX_CHEST'], drugs: ['bronchodilator'] },
  { code: 'J45.900', name: '支气管哮喘', dept: 'respiratory', w: { outpatient: 1, emergency: 0.5, inpatient: 0.6 }, los: 6, labs: ['CBC'], drugs: ['bronchodilator'] },
  { code: 'I10.x00', name: '高血压', dept: 'cardiology', w: { outpatient: 8, primary: 14, inpatient: 2, primaryInpatient: 3 }, ages: [35, 100], los: 7, labs: ['RFT', 'LIPID', 'ELEC', 'GLU'], exams: ['ECG', 'US_HEART'], drugs: ['antihypertensive'] },
  { code: 'I25.103', name: '冠状动脉粥样硬化性心脏病', dept: 'cardiology', w: { outpatient: 3, primary: 2, inpatient: 4, primaryInpatient: 2 }, ages: [45, 100], los: 8, labs: ['LIPID', 'MYO', 'COAG', 'GLU'], exams: ['ECG', 'US_HEART'], drugs: ['antiplatelet', 'statin'] },
  { code: 'I50.900', name: '心力衰竭', dept: 'cardiology', w: { outpatient: 0.8, emergency: 1, inpatient: 2.5 }, ages: [60, 100], los: 9, labs: ['BNP', 'RFT', 'ELEC', 'CBC'], exams: ['ECG', 'US_HEART', 'DX_CHEST'], drugs: ['heartFailure', 'ivFluid'] },
  { code: 'I48.x01', name: '心房颤动', dept: 'cardiology', w: { outpatient: 0.6, emergency: 0.4, inpatient: 0.8 }, ages: [55, 100], los: 7, labs: ['COAG', 'ELEC'], exams: ['ECG', 'US_HEART'], drugs: ['anticoagulant'] },
  { code: 'I21.900', name: '急性心肌梗死', dept: 'cardiology', w: { emergency: 0.8, inpatient: 0.7 }, ages: [45, 100], los: 9, labs: ['MYO', 'CBC', 'COAG', 'LIPID', 'RFT'], exams: ['ECG', 'US_HEART'], drugs: ['antiplatelet', 'statin', 'ivFluid'], tags: ['cardiac'] },
  { code: 'I63.900', name: '脑梗死', dept: 'neurology', w: { outpatient: 2, emergency: 1.5, primary: 1, inpatient: 7, primaryInpatient: 4 }, ages: [50, 100], los: 11, labs: ['CBC', 'LIPID', 'GLU', 'COAG', 'RFT'], exams: ['CT_HEAD', 'MR_HEAD', 'US_CAROTID', 'ECG'], drugs: ['antiplatelet', 'statin', 'ivFluid'] },
  { code: 'I61.900', name: '脑出血', dept: 'neurosurgery', w: { emergency: 0.6, inpatient: 0.8 }, ages: [45, 100], los: 16, labs: ['CBC', 'COAG', 'RFT', 'ELEC'], exams: ['CT_HEAD'], drugs: ['ivFluid'] },
  { code: 'E11.900', name: '2型糖尿病', dept: 'endocrine', w: { outpatient: 5, primary: 8, inpatient: 2.5, primaryInpatient: 2 }, ages: [30, 100], los: 9, labs: ['GLU', 'HBA1C', 'LIPID', 'RFT', 'URINE'], exams: ['US_ABD'], drugs: ['antidiabetic'], tags: ['diabetes'] },
  { code: 'E78.500', name: '高脂血症', dept: 'endocrine', w: { outpatient: 2, primary: 2 }, ages: [30, 100], labs: ['LIPID', 'LFT'], drugs: ['statin'], tags: ['lipid'] },
  { code: 'K29.700', name: '胃炎', dept: 'gastro', w: { outpatient: 5, primary: 6, primaryInpatient: 2 }, ages: [12, 100], los: 5, labs: ['CBC'], exams: ['ES_GASTRO'], drugs: ['ppi', 'antacid'] },
  { code: 'K21.900', name: '胃食管反流病', dept: 'gastro', w: { outpatient: 1.5 }, ages: [20, 100], exams: ['ES_GASTRO'], drugs: ['ppi'] },
  { code: 'K52.900', name: '非感染性胃肠炎', dept: 'gastro', w: { outpatient: 3, emergency: 1.5, primary: 3, inpatient: 1, primaryInpatient: 2 }, los: 4, labs: ['CBC', 'STOOL', 'ELEC'], drugs: ['antidiarrheal', 'ivFluid'] },
  { code: 'K76.000', name: '脂肪肝', dept: 'gastro', w: { outpatient: 1.5 }, ages: [25, 80], labs: ['LFT', 'LIPID'], exams: ['US_ABD'], drugs: ['liver'] },
  { code: 'K80.100', name: '胆囊结石伴胆囊炎', dept: 'surgery', w: { outpatient: 1, emergency: 1, inpatient: 2.5 }, ages: [25, 100], los: 7, labs: ['CBC', 'LFT', 'CRP', 'COAG'], exams: ['US_ABD', 'CT_ABD'], drugs: ['antibioticIv', 'ivFluid'], tags: ['infection'] },
  { code: 'K35.800', name: '急性阑尾炎', dept: 'surgery', w: { emergency: 1.2, inpatient: 1.5 }, ages: [6, 80], los: 6, labs: ['CBC', 'CRP', 'COAG'], exams: ['US_ABD', 'CT_ABD'], drugs: ['antibioticIv', 'ivFluid'], tags: ['infection'] },
  { code: 'K92.200', name: '消化道出血', dept: 'gastro', w: { emergency: 0.6, inpatient: 1.2 }, ages: [30, 100], los: 8, labs: ['CBC', 'COAG', 'STOOL'], exams: ['ES_GASTRO'], drugs: ['ppi', 'ivFluid'], tags: ['anemia'] },
  { code: 'K56.700', name: '肠梗阻', dept: 'surgery', w: { emergency: 0.5, inpatient: 1 }, ages: [20, 100], los: 8, labs: ['CBC', 'ELEC'], exams: ['DX_ABD', 'CT_ABD'], drugs: ['ivFluid'] },
  { code: 'M54.500', name: '腰痛', dept: 'orthopedics', w: { outpatient: 3, primary: 4 }, ages: [20, 100], exams: ['DX_LSPINE'], drugs: ['nsaid'] },
  { code: 'M51.202', name: '腰椎间盘突出', dept: 'orthopedics', w: { outpatient: 1.5, inpatient: 1.5, primaryInpatient: 2 }, ages: [25, 90], los: 9, exams: ['MR_LSPINE', 'CT_LSPINE'], drugs: ['nsaid'] },
  { code: 'M17.900', name: '膝关节骨关节炎', dept: 'orthopedics', w: { outpatient: 2, primary: 2, primaryInpatient: 1 }, ages: [45, 100], los: 8, exams: ['DX_KNEE'], drugs: ['nsaid'] },
  { code: 'M47.800', name: '颈椎病', dept: 'orthopedics', w: { outpatient: 2, primary: 2 }, ages: [30, 100], exams: ['DX_CSPINE'], drugs: ['nsaid'] },
  { code: 'M81.900', name: '骨质疏松', dept: 'endocrine', w: { outpatient: 1 }, ages: [55, 100], sex: '2', drugs: ['calcium'] },
  { code: 'S72.000', name: '股骨颈骨折', dept: 'orthopedics', w: { emergency: 0.5, inpatient: 1.5 }, ages: [60, 100], los: 14, labs: ['CBC', 'COAG', 'RFT'], exams: ['DX_HIP', 'CT_HIP'], drugs: ['nsaid', 'ivFluid'] },
  { code: 'S52.500', name: '桡骨下端骨折', dept: 'orthopedics', w: { emergency: 0.8, inpatient: 0.5 }, los: 7, exams: ['DX_WRIST'], drugs: ['nsaid'] },
  { code: 'S93.400', name: '踝关节扭伤', dept: 'orthopedics', w: { outpatient: 1, emergency: 1.5 }, ages: [8, 80], exams: ['DX_ANKLE'], drugs: ['nsaid'] },
  { code: 'S06.000', name: '脑震荡', dept: 'neurosurgery', w: { emergency: 0.8, inpatient: 0.4 }, los: 5, exams: ['CT_HEAD'] },
  { code: 'T14.000', name: '浅表损伤', dept: 'emergency', w: { emergency: 3, outpatient: 0.5, primary: 1 }, drugs: ['topical'] },
  { code: 'N39.000', name: '尿路感染', dept: 'urology', w: { outpatient: 1.5, primary: 1.5, inpatient: 0.6 }, los: 5, labs: ['URINE', 'CBC'], drugs: ['antibioticOral'], tags: ['infection'] },
  { code: 'N40.x00', name: '前列腺增生', dept: 'urology', w: { outpatient: 1.2, inpatient: 0.8 }, ages: [50, 100], sex: '1', los: 8, labs: ['URINE'], exams: ['US_URO'], drugs: ['prostate'] },
  { code: 'N20.000', name: '肾结石', dept: 'urology', w: { outpatient: 0.8, emergency: 1, inpatient: 1.5 }, ages: [20, 80], los: 5, labs: ['URINE', 'RFT'], exams: ['US_URO', 'CT_ABD'], drugs: ['nsaid'] },
  { code: 'N18.500', name: '慢性肾脏病5期', dept: 'nephrology', w: { outpatient: 0.5, inpatient: 0.6 }, ages: [40, 100], los: 10, labs: ['RFT', 'ELEC', 'CBC'], exams: ['US_URO'], drugs: ['ivFluid'], tags: ['renal', 'anemia'] },
  { code: 'L30.900', name: '皮炎', dept: 'dermatology', w: { outpatient: 2, primary: 2 }, drugs: ['topical', 'antihistamine'] },
  { code: 'L50.900', name: '荨麻疹', dept: 'dermatology', w: { outpatient: 1, emergency: 0.5 }, drugs: ['antihistamine'] },
  { code: 'H10.900', name: '结膜炎', dept: 'ophthalmology', w: { outpatient: 1, primary: 1 }, drugs: ['eyeDrops'] },
  { code: 'H52.100', name: '近视', dept: 'ophthalmology', w: { outpatient: 1 }, ages: [6, 35] },
  { code: 'H25.900', name: '老年性白内障', dept: 'ophthalmology', w: { outpatient: 0.8, inpatient: 1.5 }, ages: [60, 100], los: 3, labs: ['CBC', 'COAG', 'GLU'], drugs: ['eyeDrops'] },
  { code: 'K02.900', name: '龋病', dept: 'dental', w: { outpatient: 1.5, primary: 1 }, ages: [3, 90] },
  { code: 'K05.100', name: '慢性牙龈炎', dept: 'dental', w: { outpatient: 0.8 }, ages: [12, 90] },
  { code: 'R50.900', name: '发热', dept: 'pediatrics', w: { outpatient: 2, emergency: 2, primary: 2 }, ages: [0, 14], labs: ['CBC', 'CRP'], drugs: ['antipyretic'], tags: ['infection'] },
  { code: 'R51.x00', name: '头痛', dept: 'neurology', w: { outpatient: 1, emergency: 0.5, primary: 1 }, ages: [12, 90], drugs: ['nsaid'] },
  { code: 'R10.400', name: '腹痛', dept: 'gastro', w: { outpatient: 1, emergency: 2 }, labs: ['CBC'], exams: ['US_ABD'], drugs: ['antispasmodic'] },
  { code: 'R07.400', name: '胸痛', dept: 'cardiology', w: { emergency: 1.5, outpatient: 0.5 }, ages: [30, 100], labs: ['MYO'], exams: ['ECG'] },
  { code: 'G47.000', name: '失眠', dept: 'neurology', w: { outpatient: 0.8, primary: 0.5 }, ages: [20, 100], drugs: ['sleep'] },
  { code: 'F32.900', name: '抑郁发作', dept: 'psychiatry', w: { outpatient: 0.6, inpatient: 0.3 }, ages: [14, 90], los: 21, drugs: ['antidepressant'] },
  { code: 'F20.900', name: '精神分裂症', dept: 'psychiatry', w: { outpatient: 0.3, inpatient: 0.4 }, ages: [16, 80], los: 35, drugs: ['antipsychotic'] },
  { code: 'F41.900', name: '焦虑障碍', dept: 'psychiatry', w: { outpatient: 0.6 }, ages: [14, 90], drugs: ['antidepressant'] },
  { code: 'Z34.900', name: '正常妊娠监督', dept: 'obstetrics', w: { outpatient: 2.5, primary: 0.8 }, ages: [20, 42], sex: '2', labs: ['CBC', 'URINE'], exams: ['US_OB'] },
  { code: 'O80.000', name: '头位顺产', dept: 'obstetrics', w: { inpatient: 3.5, primaryInpatient: 0.3 }, ages: [20, 42], sex: '2', los: 3, labs: ['CBC', 'COAG', 'HBV5'], exams: ['US_OB'], drugs: ['oxytocin'] },
  { code: 'O82.000', name: '剖宫产', dept: 'obstetrics', w: { inpatient: 2.5 }, ages: [20, 45], sex: '2', los: 5, labs: ['CBC', 'COAG', 'HBV5'], exams: ['US_OB'], drugs: ['antibioticIv', 'oxytocin', 'ivFluid'] },
  { code: 'D25.900', name: '子宫平滑肌瘤', dept: 'gynecology', w: { outpatient: 0.6, inpatient: 0.8 }, ages: [30, 55], sex: '2', los: 7, labs: ['CBC', 'COAG'], exams: ['US_GYN'] },
  { code: 'N76.000', name: '急性阴道炎', dept: 'gynecology', w: { outpatient: 1.2, primary: 0.5 }, ages: [18, 65], sex: '2', drugs: ['topical'] },
  { code: 'C34.900', name: '肺恶性肿瘤', dept: 'oncology', w: { outpatient: 0.5, inpatient: 1.8 }, ages: [45, 100], los: 12, labs: ['CBC', 'LFT', 'RFT', 'TUMOR'], exams: ['CT_CHEST'], drugs: ['ivFluid'], tags: ['tumor'] },
  { code: 'C16.900', name: '胃恶性肿瘤', dept: 'oncology', w: { outpatient: 0.3, inpatient: 0.8 }, ages: [45, 100], los: 14, labs: ['CBC', 'TUMOR', 'LFT'], exams: ['ES_GASTRO', 'CT_ABD'], drugs: ['ivFluid'], tags: ['tumor', 'anemia'] },
  { code: 'C22.000', name: '肝细胞癌', dept: 'oncology', w: { outpatient: 0.3, inpatient: 0.8 }, ages: [40, 100], los: 12, labs: ['LFT', 'TUMOR', 'COAG', 'HBV5'], exams: ['US_ABD', 'CT_ABD'], drugs: ['ivFluid'], tags: ['tumor', 'liver'] },
  { code: 'C18.900', name: '结肠恶性肿瘤', dept: 'oncology', w: { outpatient: 0.2, inpatient: 0.7 }, ages: [45, 100], los: 13, labs: ['CBC', 'TUMOR'], exams: ['CT_ABD'], drugs: ['ivFluid'], tags: ['tumor'] },
  { code: 'C50.900', name: '乳腺恶性肿瘤', dept: 'oncology', w: { outpatient: 0.3, inpatient: 0.7 }, ages: [30, 90], sex: '2', los: 9, labs: ['CBC', 'TUMOR'], exams: ['US_BREAST'], drugs: ['ivFluid'], tags: ['tumor'] },
  { code: 'Z51.100', name: '肿瘤化学治疗疗程', dept: 'oncology', w: { inpatient: 2 }, ages: [35, 90], los: 5, labs: ['CBC', 'LFT', 'RFT'], drugs: ['ivFluid'] },
  { code: 'T51.000', name: '乙醇中毒', dept: 'emergency', w: { emergency: 0.8 }, ages: [18, 80], drugs: ['ivFluid'] },
  { code: 'Z00.000', name: '一般医学检查', dept: 'general', w: { outpatient: 1.5, primary: 6 }, ages: [0, 100], labs: ['CBC', 'GLU', 'LFT', 'LIPID', 'RFT', 'URINE'], exams: ['ECG', 'US_ABD'] },
];

/** Chronic conditions a person can carry (registered in primary care, coded on visits). */
export const HYPERTENSION = DIAGNOSES.find((d) => d.code === 'I10.x00') as Diagnosis;
export const TYPE2_DIABETES = DIAGNOSES.find((d) => d.code === 'E11.900') as Diagnosis;

export interface DiagnosisPick {
  table: WeightedTable<Diagnosis>;
}

const cache = new Map<string, WeightedTable<Diagnosis>>();

/** A weighted table of the diagnoses a person of this age and sex can have in this setting. */
export function diagnosisTable(setting: Setting, age: number, sex: '1' | '2', filter?: (d: Diagnosis) => boolean, filterKey = ''): WeightedTable<Diagnosis> {
  const ageBand = age < 2 ? 0 : age < 6 ? 2 : age < 12 ? 6 : age < 14 ? 12 : age < 18 ? 14 : Math.min(100, Math.floor(age / 5) * 5);
  const key = `${setting}|${ageBand}|${sex}|${filterKey}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const entries: Array<readonly [Diagnosis, number]> = [];
  for (const d of DIAGNOSES) {
    const w = d.w[setting];
    if (!w) continue;
    if (d.sex && d.sex !== sex) continue;
    if (d.ages && (ageBand < d.ages[0] || ageBand > d.ages[1])) continue;
    if (filter && !filter(d)) continue;
    // Children mostly bring respiratory infections, fever and gastroenteritis.
    const childBoost = ageBand < 14 && (d.dept === 'pediatrics' || d.code.startsWith('J') || d.code === 'K52.900') ? 3 : 1;
    entries.push([d, w * childBoost]);
  }
  if (entries.length === 0) entries.push([DIAGNOSES[0] as Diagnosis, 1]);
  const table = weighted(entries);
  cache.set(key, table);
  return table;
}
