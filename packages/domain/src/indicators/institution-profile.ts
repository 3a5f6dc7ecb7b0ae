/**
 * The institution attributes plan indicators are derived from (field names as
 * in the institutions table). Levels follow the contracts: '3A' 三级甲等 …
 * '2' 二级, '1' 一级, 'unrated' 未定级.
 */
export interface InstitutionProfile {
  readonly id?: string;
  readonly regionCode: string;
  readonly level: string;
  readonly type: string;
  readonly ownership: 'public' | 'private';
  readonly active?: boolean;
  /** Connected to the platform: sent data in the period (interconnection status). */
  readonly connected?: boolean;
  readonly onHealthPrivateNetwork?: boolean;
  /** 电子病历系统应用水平分级评价 0–8. */
  readonly emrLevel?: number | null;
  /** 互联互通标准化成熟度测评等级, e.g. "四级甲等", "4A". */
  readonly interopLevel?: string | null;
  readonly isInternetHospital?: boolean;
  readonly isSmartHospital?: boolean;
  readonly hasRemoteCare?: boolean;
  readonly hasConvenienceServices?: boolean;
  readonly hasDigitalImaging?: boolean;
  /** 网络安全等级保护测评 completed. */
  readonly securityAssessed?: boolean;
}

/** 3 tertiary, 2 secondary, 1 primary, 0 unrated. */
export function gradeTier(level: string): 0 | 1 | 2 | 3 {
  const first = level.trim()[0];
  return first === '3' ? 3 : first === '2' ? 2 : first === '1' ? 1 : 0;
}

/** Types that are hospitals (医院); 妇幼保健院 are graded and assessed like hospitals. */
const HOSPITAL_TYPES = new Set(['general_hospital', 'tcm_hospital', 'specialized_hospital', 'maternal_child']);
/** Public-health bodies that are 卫生机构 but not 医疗机构. */
const NON_MEDICAL_TYPES = new Set(['cdc', 'blood_center']);

export function isHospital(i: Pick<InstitutionProfile, 'type'>): boolean {
  return HOSPITAL_TYPES.has(i.type);
}

export function isMedicalInstitution(i: Pick<InstitutionProfile, 'type'>): boolean {
  return !NON_MEDICAL_TYPES.has(i.type);
}

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7 };

/**
 * Orders interoperability ratings: 三级 < 四级乙等 < 四级甲等 < 五级乙等 < 五级甲等.
 * Accepts "四级甲等", "4A", "4甲", "四级" (level only). Returns level × 10 plus
 * 2 for 甲等 / 1 for 乙等, or null when unrecognised.
 */
export function interopRank(value: string | null | undefined): number | null {
  if (!value) return null;
  const v = value.trim().toUpperCase();
  const m = /^([1-7一二三四五六七])级?\s*(甲等|乙等|甲|乙|A|B)?$/.exec(v);
  if (!m) return null;
  const level = CN_DIGITS[m[1] ?? ''] ?? Number(m[1]);
  const grade = m[2] === undefined ? 0 : m[2].startsWith('甲') || m[2] === 'A' ? 2 : 1;
  return level * 10 + grade;
}

/** 四级以上 includes 四级乙等. */
export function interopAtLeastLevel4(value: string | null | undefined): boolean {
  const r = interopRank(value);
  return r !== null && r >= 40;
}
