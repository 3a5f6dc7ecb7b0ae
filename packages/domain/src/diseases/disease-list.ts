/**
 * The notifiable infectious disease list (法定传染病) as versioned data. Each
 * version lists the diseases in force from its date, by class, in the order of
 * the national monthly bulletin table.
 *
 *  2013-11-01  国家卫生计生委: 人感染H7N9禽流感 into 乙类, 甲型H1N1流感 into 丙类 流行性感冒
 *  2020-01-20  国家卫生健康委 2020 年第 1 号公告: 新型冠状病毒肺炎 into 乙类
 *  2023-01-08  renamed 新型冠状病毒感染 (乙类乙管)
 *  2023-09-20  猴痘 into 乙类
 *  2025-09-01  revised 传染病防治法: 人感染高致病性禽流感 and 人感染H7N9禽流感
 *              merged into 人感染新亚型流感
 *
 * Dates before the first version use the first version (the platform holds no
 * older report cards).
 */
import type { DiseaseClass, DiseaseListEntry, DiseaseListVersion } from './disease';

const CLASS_A: readonly DiseaseListEntry[] = [
  { code: 'plague', diseaseClass: 'A' },
  { code: 'cholera', diseaseClass: 'A' },
];

const HEPATITIS: DiseaseListEntry = {
  code: 'hepatitis',
  diseaseClass: 'B',
  subtypes: ['hepatitis_a', 'hepatitis_b', 'hepatitis_c', 'hepatitis_d', 'hepatitis_e', 'hepatitis_unspecified'],
};

function classB(codes: readonly (string | DiseaseListEntry)[]): DiseaseListEntry[] {
  return codes.map((c) => (typeof c === 'string' ? { code: c, diseaseClass: 'B' as DiseaseClass } : c));
}

/** 乙类 from 传染性非典型肺炎 to 疟疾, with the avian influenza slot filled per version. */
function classBCore(avianSlot: string): (string | DiseaseListEntry)[] {
  return [
    'sars', 'aids', HEPATITIS, 'polio', avianSlot, 'measles', 'hfrs', 'rabies', 'japanese_encephalitis',
    'dengue', 'anthrax', 'dysentery', 'tuberculosis', 'typhoid', 'meningococcal', 'pertussis', 'diphtheria',
    'neonatal_tetanus', 'scarlet_fever', 'brucellosis', 'gonorrhoea', 'syphilis', 'leptospirosis',
    'schistosomiasis', 'malaria',
  ];
}

const CLASS_C: readonly DiseaseListEntry[] = [
  'influenza', 'mumps', 'rubella', 'acute_haemorrhagic_conjunctivitis', 'leprosy', 'typhus', 'kala_azar',
  'echinococcosis', 'filariasis', 'other_infectious_diarrhoea', 'hfmd',
].map((code) => ({ code, diseaseClass: 'C' as DiseaseClass }));

const COVID_PNEUMONIA: DiseaseListEntry = { code: 'covid19', diseaseClass: 'B', nameZh: '新型冠状病毒肺炎', excludedFromBulletin: true };
const COVID_INFECTION: DiseaseListEntry = { code: 'covid19', diseaseClass: 'B', excludedFromBulletin: true };

export const DISEASE_LIST_VERSIONS: readonly DiseaseListVersion[] = [
  {
    id: '2013',
    effectiveFrom: '2013-11-01',
    basis: { zh: '国卫疾控发〔2013〕28号：人感染H7N9禽流感纳入乙类，甲型H1N1流感纳入丙类流行性感冒', en: 'NHFPC 2013: H7N9 added to class B, A(H1N1) merged into class C influenza' },
    entries: [...CLASS_A, ...classB([...classBCore('hpai'), 'h7n9']), ...CLASS_C],
  },
  {
    id: '2020',
    effectiveFrom: '2020-01-20',
    basis: { zh: '国家卫生健康委2020年第1号公告：新型冠状病毒肺炎纳入乙类', en: 'NHC announcement 2020 No. 1: COVID-19 pneumonia added to class B' },
    entries: [...CLASS_A, ...classB([...classBCore('hpai'), 'h7n9', COVID_PNEUMONIA]), ...CLASS_C],
  },
  {
    id: '2023-01',
    effectiveFrom: '2023-01-08',
    basis: { zh: '国家卫生健康委2022年12月公告：新型冠状病毒肺炎更名为新型冠状病毒感染，实施“乙类乙管”', en: 'COVID-19 renamed 新型冠状病毒感染 and managed as class B' },
    entries: [...CLASS_A, ...classB([...classBCore('hpai'), 'h7n9', COVID_INFECTION]), ...CLASS_C],
  },
  {
    id: '2023-09',
    effectiveFrom: '2023-09-20',
    basis: { zh: '国家卫生健康委2023年公告：猴痘纳入乙类管理', en: 'NHC 2023: mpox added to class B' },
    entries: [...CLASS_A, ...classB([...classBCore('hpai'), 'h7n9', COVID_INFECTION, 'mpox']), ...CLASS_C],
  },
  {
    id: '2025',
    effectiveFrom: '2025-09-01',
    basis: { zh: '《中华人民共和国传染病防治法》（2025年修订）：禽流感并入人感染新亚型流感', en: 'Revised Infectious Disease Law (2025): avian influenza entries merged into novel influenza subtypes' },
    entries: [...CLASS_A, ...classB([...classBCore('novel_influenza'), COVID_INFECTION, 'mpox']), ...CLASS_C],
    successors: { hpai: 'novel_influenza', h7n9: 'novel_influenza' },
  },
];

/** The version in force on a date ('YYYY-MM-DD' or an ISO date-time; the date part is used). */
export function diseaseListFor(date: string): DiseaseListVersion {
  const day = date.slice(0, 10);
  let current = DISEASE_LIST_VERSIONS[0];
  for (const v of DISEASE_LIST_VERSIONS) if (v.effectiveFrom <= day) current = v;
  if (!current) throw new Error('no disease list versions');
  return current;
}

export interface ListedDisease extends DiseaseListEntry {
  /** Set for subtypes: the entry they are summed into. */
  readonly parent?: string;
}

/** Every code reportable under a version, subtypes included, with its class. */
export function listedDiseases(version: DiseaseListVersion): ListedDisease[] {
  const out: ListedDisease[] = [];
  for (const e of version.entries) {
    out.push(e);
    for (const s of e.subtypes ?? []) out.push({ code: s, diseaseClass: e.diseaseClass, parent: e.code });
  }
  return out;
}

/** The code a disease is reported under in a version (itself, its successor, or null when not notifiable then). */
export function codeInVersion(version: DiseaseListVersion, code: string): string | null {
  const listed = listedDiseases(version);
  if (listed.some((d) => d.code === code)) return code;
  const successor = version.successors?.[code];
  return successor && listed.some((d) => d.code === successor) ? successor : null;
}
