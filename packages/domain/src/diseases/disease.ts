import type { LocalizedText } from '../common/text';

/** 甲类 (A), 乙类 (B), 丙类 (C) under the Law on the Prevention and Control of Infectious Diseases. */
export type DiseaseClass = 'A' | 'B' | 'C';

export const DISEASE_CLASS_NAMES: Record<DiseaseClass, LocalizedText> = {
  A: { zh: '甲类', en: 'Class A' },
  B: { zh: '乙类', en: 'Class B' },
  C: { zh: '丙类', en: 'Class C' },
};

/** A notifiable disease (or a reported subtype of one, e.g. 乙型肝炎 under 病毒性肝炎). */
export interface DiseaseDefinition {
  /** Stable key used in rollups and report rows. */
  readonly code: string;
  /** Name as printed in the national monthly bulletin. */
  readonly nameZh: string;
  readonly nameEn: string;
  /** Other names report cards use (full legal names, abbreviations, older bulletin names). */
  readonly aliases: readonly string[];
  /**
   * ICD-10 prefixes (WHO categories or subcategories). Empty when the ICD code
   * alone cannot identify the disease (avian influenza: J09 needs the subtype
   * from the diagnosis name).
   */
  readonly icd10: readonly string[];
  /** For subtypes: the disease they are summed into. */
  readonly parent?: string;
}

/** One disease's place in a version of the list. */
export interface DiseaseListEntry {
  readonly code: string;
  readonly diseaseClass: DiseaseClass;
  /** Name in force for this version when it differs from the catalogue's (新型冠状病毒肺炎 → 感染). */
  readonly nameZh?: string;
  /** Subtype codes reported under this disease, in bulletin order. */
  readonly subtypes?: readonly string[];
  /** Left out of the national monthly bulletin table (新型冠状病毒感染 is published separately). */
  readonly excludedFromBulletin?: boolean;
}

/** The list as in force from a date (法定传染病目录). */
export interface DiseaseListVersion {
  readonly id: string;
  /** 'YYYY-MM-DD', inclusive. */
  readonly effectiveFrom: string;
  readonly basis: LocalizedText;
  /** In bulletin order within each class. */
  readonly entries: readonly DiseaseListEntry[];
  /** Codes of earlier versions now reported under another code (avian flu → 人感染新亚型流感). */
  readonly successors?: Readonly<Record<string, string>>;
}
