/**
 * Synthetic residents of 内江市 and the noisy ways institutions write their
 * identities down. Pure functions of a seeded Rng.
 *
 * - `createPopulation`: residents with unique, valid GB 11643 ID numbers that
 *   agree with their sex and birth date, realistic surname frequencies and an
 *   age pyramid, spread over the five counties.
 * - `noisyIdentity`: the same resident as a clinic without the ID card might
 *   record them — a homophone or wrong character in the name, two digits of
 *   the birth date swapped, the phone missing or changed — with the list of
 *   perturbations applied (the ground truth of the match benchmark).
 */
import { childrenOf, generateResidentId } from '@rhip/domain';
import { weightedTable, type Rng } from './random';

/** The counties of 内江市 (GB/T 2260) and their rough share of residents. */
export const COUNTIES = [
  { code: '511002', name: '市中区', share: 0.17 },
  { code: '511011', name: '东兴区', share: 0.2 },
  { code: '511024', name: '威远县', share: 0.19 },
  { code: '511025', name: '资中县', share: 0.25 },
  { code: '511083', name: '隆昌市', share: 0.19 },
] as const;

/** Birth dates are drawn relative to this fixed day, so the population is the same whenever it is generated. */
export const POPULATION_ANCHOR = '2025-06-30';

// Surnames with their approximate share (per mille) of the population.
const SURNAMES: readonly (readonly [string, number])[] = [
  ['王', 72], ['李', 72], ['张', 68], ['刘', 54], ['陈', 45], ['杨', 31], ['黄', 22], ['赵', 23], ['吴', 20], ['周', 19],
  ['徐', 15], ['孙', 14], ['马', 13], ['朱', 13], ['胡', 13], ['郭', 12], ['何', 12], ['高', 10], ['林', 10], ['罗', 9],
  ['郑', 8], ['梁', 7], ['谢', 6], ['宋', 6], ['唐', 5], ['许', 5], ['韩', 4], ['冯', 4], ['邓', 4], ['曹', 4],
  ['彭', 4], ['曾', 4], ['肖', 4], ['田', 4], ['董', 4], ['袁', 4], ['潘', 3], ['于', 3], ['蒋', 3], ['蔡', 3],
  ['余', 3], ['杜', 3], ['叶', 3], ['程', 3], ['苏', 3], ['魏', 3], ['吕', 3], ['丁', 3], ['任', 3], ['沈', 2],
  ['姚', 2], ['卢', 2], ['姜', 2], ['崔', 2], ['钟', 2], ['谭', 2], ['陆', 2], ['汪', 2], ['范', 2], ['金', 2],
  ['石', 2], ['廖', 2], ['贾', 2], ['夏', 2], ['韦', 2], ['付', 2], ['方', 2], ['白', 2], ['邹', 2], ['孟', 1],
  ['熊', 1], ['秦', 1], ['邱', 1], ['江', 1], ['尹', 1], ['薛', 1], ['闫', 1], ['段', 1], ['雷', 1], ['侯', 1],
  ['龙', 1], ['史', 1], ['陶', 1], ['黎', 1], ['贺', 1], ['顾', 1], ['毛', 1], ['郝', 1], ['龚', 1], ['邵', 1],
];

/**
 * Given-name characters in homophone groups (same toneless pinyin): a
 * clerk's typo is most often a homophone (伟 → 玮), which keeps the pinyin.
 * `m` groups are common in male names, `f` in female names, `u` in both.
 */
const GIVEN_GROUPS: readonly (readonly [string, 'm' | 'f' | 'u'])[] = [
  ['伟玮炜维威', 'm'], ['强蔷', 'm'], ['军君均俊', 'm'], ['勇涌永泳', 'm'], ['涛韬滔', 'm'], ['明鸣铭', 'u'],
  ['华桦骅', 'u'], ['建剑健鉴', 'm'], ['国', 'm'], ['斌彬', 'm'], ['辉晖徽', 'm'], ['鹏', 'm'], ['宇雨羽禹', 'u'],
  ['浩昊皓', 'm'], ['磊', 'm'], ['刚钢', 'm'], ['平萍苹', 'u'], ['文雯', 'u'], ['成诚城承', 'm'], ['志智', 'm'],
  ['红宏洪鸿', 'u'], ['林琳霖', 'u'], ['海', 'm'], ['波', 'm'], ['峰锋丰', 'm'], ['飞菲非', 'u'], ['东冬', 'm'],
  ['凯楷', 'm'], ['龙', 'm'], ['亮', 'm'], ['德', 'm'], ['福', 'm'], ['生升晟', 'm'], ['春', 'u'], ['兵', 'm'],
  ['丽莉俐', 'f'], ['芳方', 'f'], ['娟鹃', 'f'], ['敏', 'f'], ['静婧晶菁', 'f'], ['燕艳彦', 'f'], ['霞', 'f'],
  ['秀', 'f'], ['英莹颖瑛', 'f'], ['梅玫', 'f'], ['兰岚澜', 'f'], ['玲灵凌', 'f'], ['婷亭', 'f'], ['雪', 'f'],
  ['慧惠蕙', 'f'], ['倩茜', 'f'], ['琴勤芹', 'f'], ['云芸韵', 'f'], ['佳嘉', 'u'], ['欣鑫馨', 'u'], ['怡宜仪', 'f'],
  ['洁婕', 'f'], ['璐露', 'f'], ['萱宣', 'f'], ['涵晗', 'u'], ['梓紫', 'u'], ['睿瑞', 'u'], ['轩', 'm'],
  ['晨辰宸', 'u'], ['思', 'u'], ['诗', 'f'], ['子', 'u'], ['淑', 'f'], ['桂', 'f'], ['珍', 'f'], ['凤', 'f'],
];

const GROUP_OF = new Map<string, string>();
for (const [chars] of GIVEN_GROUPS) for (const ch of chars) GROUP_OF.set(ch, chars);
const ALL_GIVEN = GIVEN_GROUPS.flatMap(([chars]) => [...chars]);
const givenFor = (sex: '1' | '2') =>
  GIVEN_GROUPS.filter(([, s]) => s === 'u' || s === (sex === '1' ? 'm' : 'f')).flatMap(([chars]) => [...chars]);
const GIVEN_MALE = givenFor('1');
const GIVEN_FEMALE = givenFor('2');
const pickSurname = weightedTable(SURNAMES);

/** Age in years → relative weight: a 2020s Chinese city's pyramid, roughly. */
const AGE_WEIGHTS: readonly (readonly [number, number])[] = Array.from({ length: 96 }, (_, age) => {
  const w = age < 5 ? 0.7 : age < 20 ? 1.0 : age < 60 ? 1.35 : age < 75 ? 1.1 : age < 85 ? 0.5 : 0.15;
  return [age, w] as const;
});
const pickAge = weightedTable(AGE_WEIGHTS);
const pickCounty = weightedTable(COUNTIES.map((c) => [c.code, c.share] as const));
const TOWNSHIPS = new Map(COUNTIES.map((c) => [c.code, childrenOf(c.code).map((t) => t.code)] as const));
const MOBILE_PREFIXES = ['130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '158', '159', '176', '177', '180', '181', '182', '183', '187', '188', '189', '199'];

export interface Resident {
  /** Position in the population (stable for a seed). */
  readonly index: number;
  readonly idNumber: string;
  readonly name: string;
  readonly sex: '1' | '2';
  readonly birthDate: string;
  readonly phone: string | null;
  /** County of residence (6 digits). */
  readonly regionCode: string;
  /** Township (乡镇/街道) of residence, 9 digits. */
  readonly townshipCode: string;
  readonly ethnicity: string;
}

export function randomName(rng: Rng, sex: '1' | '2'): string {
  const pool = sex === '1' ? GIVEN_MALE : GIVEN_FEMALE;
  const given = rng.chance(0.78) ? rng.pick(pool) + rng.pick(pool) : rng.pick(pool);
  return pickSurname(rng) + given;
}

export function randomPhone(rng: Rng): string {
  return rng.pick(MOBILE_PREFIXES) + String(rng.int(0, 99_999_999)).padStart(8, '0');
}

const DAY_MS = 86_400_000;

export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function randomBirthDate(rng: Rng): string {
  const anchor = Date.parse(`${POPULATION_ANCHOR}T00:00:00Z`);
  const age = pickAge(rng);
  return isoDate(anchor - (age * 365.25 + rng.int(0, 364)) * DAY_MS);
}

/**
 * One resident, unique within `taken` (ID numbers already used). The 3-digit
 * sequence is drawn at random; on a clash the next free one of the same sex is used.
 */
export function createResident(rng: Rng, index: number, taken: Set<string>): Resident {
  for (;;) {
    const sex = rng.chance(0.5) ? '1' : '2';
    const birthDate = randomBirthDate(rng);
    const regionCode = pickCounty(rng);
    const start = rng.int(0, 499);
    for (let k = 0; k < 500; k++) {
      const idNumber = generateResidentId({ regionCode, birthDate, sequence: (start + k) % 500, sex });
      if (taken.has(idNumber)) continue;
      taken.add(idNumber);
      return {
        index,
        idNumber,
        name: randomName(rng, sex),
        sex,
        birthDate,
        phone: rng.chance(0.75) ? randomPhone(rng) : null,
        regionCode,
        townshipCode: rng.pick(TOWNSHIPS.get(regionCode) ?? [`${regionCode}001`]),
        ethnicity: rng.chance(0.985) ? '01' : rng.pick(['03', '05', '06', '09', '15']),
      };
    }
  }
}

/** `size` residents; the same seed gives the same population. */
export function createPopulation(rng: Rng, size: number): Resident[] {
  const taken = new Set<string>();
  const out: Resident[] = new Array<Resident>(size);
  for (let i = 0; i < size; i++) out[i] = createResident(rng, i, taken);
  return out;
}

export function ageOn(birthDate: string, dayMs: number): number {
  return Math.floor((dayMs - Date.parse(`${birthDate}T00:00:00Z`)) / (365.25 * DAY_MS));
}

// ───────────────────────────── noisy identities ─────────────────────────────

export type IdentityPerturbation = 'name_homophone' | 'name_typo' | 'birth_date_swap' | 'phone_missing' | 'phone_changed' | 'county_only';

export interface NoiseRates {
  /** A given-name character replaced by a homophone (same pinyin). */
  readonly nameHomophone: number;
  /** A given-name character replaced by another character (pinyin differs). */
  readonly nameTypo: number;
  /** Two digits of the birth date swapped (still a real date). */
  readonly birthDateSwap: number;
  /** The phone left out. */
  readonly phoneMissing: number;
  /** A different phone number (a relative's, a new one). */
  readonly phoneChanged: number;
  /** Only the county of the address recorded, not the township. */
  readonly countyOnly: number;
}

export const DEFAULT_NOISE: NoiseRates = {
  nameHomophone: 0.12,
  nameTypo: 0.04,
  birthDateSwap: 0.06,
  phoneMissing: 0.35,
  phoneChanged: 0.05,
  countyOnly: 0.3,
};

export interface NoisyIdentity {
  readonly name: string;
  readonly sex: '1' | '2';
  readonly birthDate: string;
  readonly phone: string | null;
  /** Township code, or the county's when only that was recorded. */
  readonly regionCode: string;
  readonly perturbations: IdentityPerturbation[];
}

/** Replaces one given-name character: by a homophone, or by any other character. */
export function perturbName(rng: Rng, name: string, homophone: boolean): string {
  const chars = [...name];
  if (chars.length < 2) return name;
  const pos = rng.int(1, chars.length - 1);
  const current = chars[pos] ?? '';
  const group = GROUP_OF.get(current) ?? current;
  const options = homophone ? [...group].filter((c) => c !== current) : ALL_GIVEN.filter((c) => !group.includes(c));
  if (options.length === 0) return name;
  chars[pos] = rng.pick(options);
  return chars.join('');
}

function isRealDate(s: string): boolean {
  const t = Date.parse(`${s}T00:00:00Z`);
  return Number.isFinite(t) && isoDate(t) === s;
}

/**
 * Two adjacent digits of 'YYYY-MM-DD' swapped (1985-03-17 → 1985-03-71 is not
 * a date, 1985-03-17 → 1958-03-17 or 1985-30-17… are tried) such that the
 * result is still a real date, in the past, and different; null if none is.
 */
export function swapBirthDateDigits(rng: Rng, birthDate: string, todayMs: number): string | null {
  const digits = [...birthDate.replaceAll('-', '')];
  const candidates: string[] = [];
  for (let i = 0; i < digits.length - 1; i++) {
    if (digits[i] === digits[i + 1]) continue;
    const d = [...digits];
    [d[i], d[i + 1]] = [d[i + 1] as string, d[i] as string];
    const s = `${d.slice(0, 4).join('')}-${d.slice(4, 6).join('')}-${d.slice(6, 8).join('')}`;
    if (s !== birthDate && isRealDate(s) && Date.parse(s) < todayMs && Number(s.slice(0, 4)) > 1900) candidates.push(s);
  }
  // Month and day transposed (03-12 → 12-03) is the other classic.
  const md = `${birthDate.slice(0, 4)}-${birthDate.slice(8, 10)}-${birthDate.slice(5, 7)}`;
  if (md !== birthDate && isRealDate(md) && Date.parse(md) < todayMs) candidates.push(md);
  return candidates.length > 0 ? rng.pick(candidates) : null;
}

export function noisyIdentity(rng: Rng, r: Resident, rates: NoiseRates = DEFAULT_NOISE, todayMs = Date.parse(`${POPULATION_ANCHOR}T00:00:00Z`)): NoisyIdentity {
  const perturbations: IdentityPerturbation[] = [];
  let name = r.name;
  if (rng.chance(rates.nameHomophone)) {
    const next = perturbName(rng, name, true);
    if (next !== name) perturbations.push('name_homophone');
    name = next;
  } else if (rng.chance(rates.nameTypo)) {
    const next = perturbName(rng, name, false);
    if (next !== name) perturbations.push('name_typo');
    name = next;
  }
  let birthDate = r.birthDate;
  if (rng.chance(rates.birthDateSwap)) {
    const swapped = swapBirthDateDigits(rng, birthDate, todayMs);
    if (swapped) {
      birthDate = swapped;
      perturbations.push('birth_date_swap');
    }
  }
  let phone = r.phone;
  if (phone && rng.chance(rates.phoneMissing)) {
    phone = null;
    perturbations.push('phone_missing');
  } else if (rng.chance(rates.phoneChanged)) {
    phone = randomPhone(rng);
    perturbations.push('phone_changed');
  }
  let regionCode = r.townshipCode;
  if (rng.chance(rates.countyOnly)) {
    regionCode = r.regionCode;
    perturbations.push('county_only');
  }
  return { name, sex: r.sex, birthDate, phone, regionCode, perturbations };
}

/** A passport ('03') or other-document ('99') number that is not a resident ID. */
export function otherDocumentNumber(rng: Rng, idType: '03' | '99'): string {
  if (idType === '03') return `E${String(rng.int(0, 99_999_999)).padStart(8, '0')}`;
  return `QT${String(rng.int(0, 9_999_999_999)).padStart(10, '0')}`;
}
