/**
 * How often each notifiable disease is reported (cases per 100,000 people a
 * year, roughly the national bulletins of 2023–2025 with Sichuan's higher
 * tuberculosis and HIV), who gets it, its season, the ICD-10 code a hospital
 * puts on the visit, where it is seen, and how often a card ends in death.
 * The disease identities (codes, bulletin names, classes) are
 * @rhip/domain's notifiable-disease list.
 */
import type { DepartmentKey } from './departments';

export type Season = 'flat' | 'winter' | 'summer' | 'spring';

export interface InfectionProfile {
  /** @rhip/domain disease code (subtype codes for hepatitis). */
  code: string;
  perHundredThousand: number;
  ages: readonly [number, number];
  season: Season;
  icd10: string;
  diagnosisName: string;
  dept: DepartmentKey;
  /** Share of cases admitted. */
  inpatient: number;
  /** Chronic infections are found long after onset. */
  chronic?: boolean;
  /** Probability that a card records the patient's death, for patients at least `deathAge` old. */
  death?: { p: number; minAge: number };
  labs: readonly string[];
  tag: string;
}

const PROFILES: readonly InfectionProfile[] = [
  { code: 'influenza', perHundredThousand: 1300, ages: [0, 100], season: 'winter', icd10: 'J10.100', diagnosisName: '流行性感冒', dept: 'respiratory', inpatient: 0.04, death: { p: 0.004, minAge: 80 }, labs: ['FLU', 'CBC', 'CRP'], tag: 'flu' },
  { code: 'hfmd', perHundredThousand: 150, ages: [0, 9], season: 'summer', icd10: 'B08.401', diagnosisName: '手足口病', dept: 'pediatrics', inpatient: 0.05, labs: ['CBC'], tag: 'infection' },
  { code: 'other_infectious_diarrhoea', perHundredThousand: 90, ages: [0, 100], season: 'flat', icd10: 'A08.001', diagnosisName: '轮状病毒性肠炎', dept: 'gastro', inpatient: 0.06, labs: ['CBC', 'STOOL'], tag: 'infection' },
  { code: 'hepatitis_b', perHundredThousand: 75, ages: [18, 90], season: 'flat', icd10: 'B18.100', diagnosisName: '慢性乙型病毒性肝炎', dept: 'infectious', inpatient: 0.1, chronic: true, death: { p: 0.004, minAge: 50 }, labs: ['HBV5', 'LFT'], tag: 'hbv' },
  { code: 'hepatitis_c', perHundredThousand: 17, ages: [25, 90], season: 'flat', icd10: 'B18.200', diagnosisName: '慢性丙型病毒性肝炎', dept: 'infectious', inpatient: 0.08, chronic: true, labs: ['LFT'], tag: 'liver' },
  { code: 'hepatitis_e', perHundredThousand: 2.5, ages: [20, 90], season: 'spring', icd10: 'B17.200', diagnosisName: '急性戊型病毒性肝炎', dept: 'infectious', inpatient: 0.4, labs: ['LFT'], tag: 'liver' },
  { code: 'hepatitis_a', perHundredThousand: 1, ages: [3, 70], season: 'spring', icd10: 'B15.900', diagnosisName: '甲型病毒性肝炎', dept: 'infectious', inpatient: 0.4, labs: ['LFT'], tag: 'liver' },
  { code: 'hepatitis_unspecified', perHundredThousand: 1, ages: [18, 90], season: 'flat', icd10: 'B19.900', diagnosisName: '病毒性肝炎', dept: 'infectious', inpatient: 0.1, labs: ['LFT'], tag: 'liver' },
  { code: 'tuberculosis', perHundredThousand: 52, ages: [12, 95], season: 'spring', icd10: 'A15.000', diagnosisName: '肺结核', dept: 'infectious', inpatient: 0.2, chronic: true, death: { p: 0.02, minAge: 65 }, labs: ['TB', 'CBC'], tag: 'tb' },
  { code: 'syphilis', perHundredThousand: 38, ages: [18, 85], season: 'flat', icd10: 'A51.500', diagnosisName: '早期隐性梅毒', dept: 'dermatology', inpatient: 0, chronic: true, labs: ['TPPA'], tag: 'syphilis' },
  { code: 'gonorrhoea', perHundredThousand: 7, ages: [18, 60], season: 'flat', icd10: 'A54.001', diagnosisName: '淋菌性尿道炎', dept: 'dermatology', inpatient: 0, labs: ['URINE'], tag: 'infection' },
  { code: 'aids', perHundredThousand: 10, ages: [20, 85], season: 'flat', icd10: 'B24.x01', diagnosisName: '艾滋病', dept: 'infectious', inpatient: 0.3, chronic: true, death: { p: 0.3, minAge: 20 }, labs: ['CBC'], tag: 'infection' },
  { code: 'mumps', perHundredThousand: 7, ages: [3, 15], season: 'spring', icd10: 'B26.900', diagnosisName: '流行性腮腺炎', dept: 'pediatrics', inpatient: 0.02, labs: ['CBC'], tag: 'infection' },
  { code: 'scarlet_fever', perHundredThousand: 3, ages: [3, 12], season: 'winter', icd10: 'A38.x00', diagnosisName: '猩红热', dept: 'pediatrics', inpatient: 0.05, labs: ['CBC', 'CRP'], tag: 'infection' },
  { code: 'pertussis', perHundredThousand: 8, ages: [0, 12], season: 'spring', icd10: 'A37.900', diagnosisName: '百日咳', dept: 'pediatrics', inpatient: 0.15, labs: ['CBC'], tag: 'infection' },
  { code: 'covid19', perHundredThousand: 20, ages: [0, 100], season: 'summer', icd10: 'U07.100', diagnosisName: '新型冠状病毒感染', dept: 'respiratory', inpatient: 0.05, death: { p: 0.003, minAge: 80 }, labs: ['CBC', 'CRP'], tag: 'infection' },
  { code: 'dysentery', perHundredThousand: 2, ages: [0, 100], season: 'summer', icd10: 'A03.900', diagnosisName: '细菌性痢疾', dept: 'gastro', inpatient: 0.1, labs: ['STOOL', 'CBC'], tag: 'infection' },
  { code: 'typhoid', perHundredThousand: 0.5, ages: [5, 80], season: 'summer', icd10: 'A01.000', diagnosisName: '伤寒', dept: 'infectious', inpatient: 0.6, labs: ['CBC'], tag: 'infection' },
  { code: 'brucellosis', perHundredThousand: 0.4, ages: [18, 80], season: 'spring', icd10: 'A23.900', diagnosisName: '布鲁氏菌病', dept: 'infectious', inpatient: 0.3, labs: ['CBC'], tag: 'infection' },
  { code: 'dengue', perHundredThousand: 0.3, ages: [5, 85], season: 'summer', icd10: 'A90.x00', diagnosisName: '登革热', dept: 'infectious', inpatient: 0.5, labs: ['CBC'], tag: 'infection' },
  { code: 'hfrs', perHundredThousand: 0.2, ages: [15, 80], season: 'winter', icd10: 'A98.501', diagnosisName: '肾综合征出血热', dept: 'infectious', inpatient: 0.9, labs: ['CBC', 'RFT'], tag: 'renal' },
  { code: 'acute_haemorrhagic_conjunctivitis', perHundredThousand: 2, ages: [3, 80], season: 'summer', icd10: 'B30.300', diagnosisName: '急性出血性结膜炎', dept: 'ophthalmology', inpatient: 0, labs: [], tag: 'infection' },
  { code: 'rubella', perHundredThousand: 0.2, ages: [1, 30], season: 'spring', icd10: 'B06.900', diagnosisName: '风疹', dept: 'pediatrics', inpatient: 0, labs: ['CBC'], tag: 'infection' },
];

export const INFECTIONS: readonly InfectionProfile[] = PROFILES;

/** Month (1–12) → relative incidence. */
const SEASONS: Record<Season, readonly number[]> = {
  flat: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
  winter: [3.2, 1.8, 1.5, 0.8, 0.4, 0.3, 0.4, 0.35, 0.4, 0.6, 1.3, 2.9],
  summer: [0.3, 0.3, 0.6, 1.2, 2.2, 2.4, 1.8, 1.1, 1.2, 1.1, 0.6, 0.3],
  spring: [1, 1.1, 1.4, 1.4, 1.2, 1, 0.9, 0.8, 0.8, 0.8, 0.8, 0.9],
};

export function seasonFactor(season: Season, month: number): number {
  return SEASONS[season][month - 1] ?? 1;
}
