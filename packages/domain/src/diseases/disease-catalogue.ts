/**
 * Every disease that has been on the notifiable list since 2013, with the name
 * the national monthly bulletin prints (法定传染病疫情概况, e.g. the 2024 tables),
 * English names, common aliases and ICD-10 prefixes (STANDARDS.md). Which of
 * them are in force, in which class and order, is the versioned list in
 * disease-list.ts.
 */
import type { DiseaseDefinition } from './disease';
import { expandIcd10Range } from './icd10';

export const DISEASES: readonly DiseaseDefinition[] = [
  // 甲类
  { code: 'plague', nameZh: '鼠疫', nameEn: 'Plague', aliases: [], icd10: ['A20'] },
  { code: 'cholera', nameZh: '霍乱', nameEn: 'Cholera', aliases: [], icd10: ['A00'] },
  // 乙类
  { code: 'sars', nameZh: '传染性非典型肺炎', nameEn: 'SARS', aliases: ['非典', 'SARS', '严重急性呼吸综合征'], icd10: ['U04'] },
  { code: 'aids', nameZh: '艾滋病', nameEn: 'HIV/AIDS', aliases: ['AIDS', 'HIV感染', '艾滋病病毒感染'], icd10: expandIcd10Range('B20', 'B24') },
  { code: 'hepatitis', nameZh: '病毒性肝炎', nameEn: 'Viral hepatitis', aliases: [], icd10: [] },
  { code: 'hepatitis_a', nameZh: '甲型肝炎', nameEn: 'Hepatitis A', aliases: ['甲肝', '甲型病毒性肝炎'], icd10: ['B15'], parent: 'hepatitis' },
  { code: 'hepatitis_b', nameZh: '乙型肝炎', nameEn: 'Hepatitis B', aliases: ['乙肝', '乙型病毒性肝炎'], icd10: ['B16', 'B18.0', 'B18.1'], parent: 'hepatitis' },
  { code: 'hepatitis_c', nameZh: '丙型肝炎', nameEn: 'Hepatitis C', aliases: ['丙肝', '丙型病毒性肝炎'], icd10: ['B17.1', 'B18.2'], parent: 'hepatitis' },
  { code: 'hepatitis_d', nameZh: '丁型肝炎', nameEn: 'Hepatitis D', aliases: ['丁肝', '丁型病毒性肝炎'], icd10: ['B17.0'], parent: 'hepatitis' },
  { code: 'hepatitis_e', nameZh: '戊型肝炎', nameEn: 'Hepatitis E', aliases: ['戊肝', '戊型病毒性肝炎'], icd10: ['B17.2'], parent: 'hepatitis' },
  // B19 per STANDARDS.md; the B17/B18 categories catch "other/unspecified" acute and chronic
  // viral hepatitis (B17.8, B18.8, B18.9) that the longer prefixes above do not claim.
  { code: 'hepatitis_unspecified', nameZh: '未分型肝炎', nameEn: 'Hepatitis, unspecified', aliases: ['未分型', '未分型病毒性肝炎', '病毒性肝炎（未分型）'], icd10: ['B19', 'B17', 'B18'], parent: 'hepatitis' },
  { code: 'polio', nameZh: '脊髓灰质炎', nameEn: 'Poliomyelitis', aliases: ['脊灰'], icd10: ['A80'] },
  { code: 'hpai', nameZh: '人感染高致病性禽流感', nameEn: 'Human infection with highly pathogenic avian influenza', aliases: ['高致病性禽流感', '人禽流感'], icd10: [] },
  { code: 'measles', nameZh: '麻疹', nameEn: 'Measles', aliases: [], icd10: ['B05'] },
  { code: 'hfrs', nameZh: '流行性出血热', nameEn: 'Haemorrhagic fever with renal syndrome', aliases: ['肾综合征出血热', '出血热'], icd10: ['A98.5'] },
  { code: 'rabies', nameZh: '狂犬病', nameEn: 'Rabies', aliases: [], icd10: ['A82'] },
  { code: 'japanese_encephalitis', nameZh: '流行性乙型脑炎', nameEn: 'Japanese encephalitis', aliases: ['乙脑'], icd10: ['A83.0'] },
  { code: 'dengue', nameZh: '登革热', nameEn: 'Dengue', aliases: ['登革出血热'], icd10: ['A90', 'A91', 'A97'] },
  { code: 'anthrax', nameZh: '炭疽', nameEn: 'Anthrax', aliases: ['肺炭疽', '皮肤炭疽', '肠炭疽'], icd10: ['A22'] },
  { code: 'dysentery', nameZh: '细菌性和阿米巴性痢疾', nameEn: 'Bacillary and amoebic dysentery', aliases: ['痢疾', '细菌性痢疾', '阿米巴性痢疾', '菌痢'], icd10: ['A03', 'A06'] },
  { code: 'tuberculosis', nameZh: '肺结核', nameEn: 'Pulmonary tuberculosis', aliases: ['结核性胸膜炎'], icd10: ['A15', 'A16'] },
  { code: 'typhoid', nameZh: '伤寒和副伤寒', nameEn: 'Typhoid and paratyphoid fever', aliases: ['伤寒+副伤寒', '伤寒', '副伤寒'], icd10: ['A01'] },
  { code: 'meningococcal', nameZh: '流行性脑脊髓膜炎', nameEn: 'Meningococcal meningitis', aliases: ['流脑'], icd10: ['A39'] },
  { code: 'pertussis', nameZh: '百日咳', nameEn: 'Pertussis', aliases: [], icd10: ['A37'] },
  { code: 'diphtheria', nameZh: '白喉', nameEn: 'Diphtheria', aliases: [], icd10: ['A36'] },
  { code: 'neonatal_tetanus', nameZh: '新生儿破伤风', nameEn: 'Neonatal tetanus', aliases: [], icd10: ['A33'] },
  { code: 'scarlet_fever', nameZh: '猩红热', nameEn: 'Scarlet fever', aliases: [], icd10: ['A38'] },
  { code: 'brucellosis', nameZh: '布鲁氏菌病', nameEn: 'Brucellosis', aliases: ['布病'], icd10: ['A23'] },
  { code: 'gonorrhoea', nameZh: '淋病', nameEn: 'Gonorrhoea', aliases: [], icd10: ['A54'] },
  { code: 'syphilis', nameZh: '梅毒', nameEn: 'Syphilis', aliases: [], icd10: expandIcd10Range('A50', 'A53') },
  { code: 'leptospirosis', nameZh: '钩端螺旋体病', nameEn: 'Leptospirosis', aliases: ['钩体病'], icd10: ['A27'] },
  { code: 'schistosomiasis', nameZh: '血吸虫病', nameEn: 'Schistosomiasis', aliases: [], icd10: ['B65'] },
  { code: 'malaria', nameZh: '疟疾', nameEn: 'Malaria', aliases: [], icd10: expandIcd10Range('B50', 'B54') },
  { code: 'h7n9', nameZh: '人感染H7N9禽流感', nameEn: 'Human infection with avian influenza A(H7N9)', aliases: ['H7N9禽流感'], icd10: [] },
  { code: 'covid19', nameZh: '新型冠状病毒感染', nameEn: 'COVID-19', aliases: ['新型冠状病毒肺炎', '新冠肺炎', '新冠病毒感染', 'COVID-19'], icd10: ['U07.1'] },
  { code: 'mpox', nameZh: '猴痘', nameEn: 'Mpox', aliases: ['MPOX', 'Monkeypox'], icd10: ['B04'] },
  { code: 'novel_influenza', nameZh: '人感染新亚型流感', nameEn: 'Human infection with a novel influenza subtype', aliases: [], icd10: [] },
  // 丙类
  // J09 is "influenza due to identified zoonotic or pandemic virus"; without an
  // avian subtype in the diagnosis name it is counted as 流行性感冒 (e.g. 甲型H1N1流感).
  { code: 'influenza', nameZh: '流行性感冒', nameEn: 'Influenza', aliases: ['流感', '甲型H1N1流感', '甲型流感', '乙型流感'], icd10: ['J09', 'J10', 'J11'] },
  { code: 'mumps', nameZh: '流行性腮腺炎', nameEn: 'Mumps', aliases: ['腮腺炎'], icd10: ['B26'] },
  { code: 'rubella', nameZh: '风疹', nameEn: 'Rubella', aliases: [], icd10: ['B06'] },
  { code: 'acute_haemorrhagic_conjunctivitis', nameZh: '急性出血性结膜炎', nameEn: 'Acute haemorrhagic conjunctivitis', aliases: ['红眼病'], icd10: ['B30.3'] },
  { code: 'leprosy', nameZh: '麻风病', nameEn: 'Leprosy', aliases: ['麻风'], icd10: ['A30'] },
  { code: 'typhus', nameZh: '流行性和地方性斑疹伤寒', nameEn: 'Epidemic and endemic typhus', aliases: ['斑疹伤寒', '流行性斑疹伤寒', '地方性斑疹伤寒'], icd10: ['A75'] },
  { code: 'kala_azar', nameZh: '黑热病', nameEn: 'Visceral leishmaniasis (kala-azar)', aliases: [], icd10: ['B55.0'] },
  { code: 'echinococcosis', nameZh: '包虫病', nameEn: 'Echinococcosis', aliases: [], icd10: ['B67'] },
  { code: 'filariasis', nameZh: '丝虫病', nameEn: 'Filariasis', aliases: [], icd10: ['B74'] },
  {
    code: 'other_infectious_diarrhoea',
    nameZh: '其他感染性腹泻病',
    nameEn: 'Other infectious diarrhoea',
    aliases: ['其它感染性腹泻病', '感染性腹泻病', '除霍乱、细菌性和阿米巴性痢疾、伤寒和副伤寒以外的感染性腹泻病'],
    icd10: ['A04', 'A08', 'A09'],
  },
  { code: 'hfmd', nameZh: '手足口病', nameEn: 'Hand, foot and mouth disease', aliases: [], icd10: ['B08.4'] },
];

const BY_CODE = new Map(DISEASES.map((d) => [d.code, d]));

export function diseaseByCode(code: string): DiseaseDefinition | undefined {
  return BY_CODE.get(code);
}
