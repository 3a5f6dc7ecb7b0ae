/**
 * Field comparators: each maps a pair of values to an agreement level. Levels
 * are graded from strongest agreement to disagreement; 'missing' (either side
 * empty) carries no evidence either way.
 */
import { normalizePhone } from '../cleansing/phone';
import { jaroWinkler } from './jaro-winkler';
import { nameInfo } from './names';

export type NameLevel = 'exact' | 'pinyin_same' | 'pinyin_similar' | 'one_char_diff' | 'different' | 'missing';
export type BirthDateLevel = 'exact' | 'near' | 'year_month' | 'different' | 'missing';
export type AgreementLevel = 'agree' | 'disagree' | 'missing';
export type RegionAgreement = 'township' | 'county' | 'city' | 'different' | 'missing';

/** One differing syllable this close (fang/fan) is a likely typo; further apart (yi/xin) it is another name. */
const SIMILAR_SYLLABLE = 0.85;
/** Whole-name pinyin this close counts as similar when several characters differ. */
const SIMILAR_NAME = 0.93;
/** Latin names (passports, FHIR from international hospitals). */
const SIMILAR_LATIN = 0.93;

const blank = (v: string | null | undefined): v is null | undefined | '' => v === undefined || v === null || v.trim() === '';

function intersects(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  for (const x of a) if (b.has(x)) return true;
  return false;
}

/** Edit distance 1 at character level (one inserted or deleted character). */
function oneInsertion(longer: readonly string[], shorter: readonly string[]): boolean {
  if (longer.length !== shorter.length + 1) return false;
  let i = 0;
  while (i < shorter.length && longer[i] === shorter[i]) i++;
  for (let j = i; j < shorter.length; j++) if (longer[j + 1] !== shorter[j]) return false;
  return true;
}

export function compareNames(a: string | null | undefined, b: string | null | undefined): NameLevel {
  if (blank(a) || blank(b)) return 'missing';
  const x = nameInfo(a);
  const y = nameInfo(b);
  if (x.normalized === '' || y.normalized === '') return 'missing';
  if (x.normalized === y.normalized) return 'exact';

  if (x.han && y.han) {
    if (x.chars.length === y.chars.length) {
      if (x.readings.every((r, i) => intersects(r, y.readings[i] ?? new Set()))) return 'pinyin_same';
      const diff = x.chars.flatMap((c, i) => (c === y.chars[i] ? [] : [i]));
      const only = diff.length === 1 ? diff[0] : undefined;
      if (only !== undefined) {
        return jaroWinkler(x.syllables[only] ?? '', y.syllables[only] ?? '') >= SIMILAR_SYLLABLE ? 'pinyin_similar' : 'one_char_diff';
      }
      return jaroWinkler(x.pinyinKey, y.pinyinKey) >= SIMILAR_NAME ? 'pinyin_similar' : 'different';
    }
    const [longer, shorter] = x.chars.length > y.chars.length ? [x, y] : [y, x];
    return oneInsertion(longer.chars, shorter.chars) ? 'one_char_diff' : 'different';
  }

  // A Chinese name against its romanisation ("张伟" / "ZHANG WEI"), or two Latin names.
  if (x.pinyinKey === y.pinyinKey && x.pinyinKey !== '') return 'pinyin_same';
  return jaroWinkler(x.pinyinKey, y.pinyinKey) >= SIMILAR_LATIN ? 'pinyin_similar' : 'different';
}

function digits(date: string): string | null {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(date.trim());
  return m ? `${m[1]}${m[2]}${m[3] ?? ''}` : null;
}

/**
 * exact; near = one digit off, two adjacent digits swapped, or month and day
 * swapped (keying errors); year_month = same year and month only (or one side
 * only gives 'YYYY-MM'); different.
 */
export function compareBirthDates(a: string | null | undefined, b: string | null | undefined): BirthDateLevel {
  if (blank(a) || blank(b)) return 'missing';
  const x = digits(a);
  const y = digits(b);
  if (!x || !y) return 'missing';
  if (x.length !== 8 || y.length !== 8) return x.slice(0, 6) === y.slice(0, 6) ? 'year_month' : 'different';
  if (x === y) return 'exact';
  const diff: number[] = [];
  for (let i = 0; i < 8; i++) if (x[i] !== y[i]) diff.push(i);
  if (diff.length === 1) return 'near';
  const [i, j] = diff;
  if (diff.length === 2 && i !== undefined && j === i + 1 && x[i] === y[j] && x[j] === y[i]) return 'near';
  if (x.slice(0, 4) === y.slice(0, 4) && x.slice(4, 6) === y.slice(6, 8) && x.slice(6, 8) === y.slice(4, 6)) return 'near';
  if (x.slice(0, 6) === y.slice(0, 6)) return 'year_month';
  return 'different';
}

/** GB/T 2261.1: only 1 and 2 carry evidence; 0 and 9 are treated as missing. */
export function compareSex(a: string | null | undefined, b: string | null | undefined): AgreementLevel {
  const known = (v: string | null | undefined) => v === '1' || v === '2';
  if (!known(a) || !known(b)) return 'missing';
  return a === b ? 'agree' : 'disagree';
}

export function comparePhones(a: string | null | undefined, b: string | null | undefined): AgreementLevel {
  if (blank(a) || blank(b)) return 'missing';
  const x = normalizePhone(a).value.replace(/\D/g, '');
  const y = normalizePhone(b).value.replace(/\D/g, '');
  if (x.length < 7 || y.length < 7) return 'missing';
  return x === y ? 'agree' : 'disagree';
}

/** Longest shared level of GB/T 2260 (+ township) codes. */
export function compareRegions(a: string | null | undefined, b: string | null | undefined): RegionAgreement {
  if (blank(a) || blank(b) || !/^\d{6,12}$/.test(a) || !/^\d{6,12}$/.test(b)) return 'missing';
  if (a.length >= 9 && b.length >= 9 && a.slice(0, 9) === b.slice(0, 9)) return 'township';
  if (a.slice(0, 6) === b.slice(0, 6)) return 'county';
  if (a.slice(0, 4) === b.slice(0, 4)) return 'city';
  return 'different';
}

/** Opaque identifier keys (e.g. the resident ID's blind index): equal or not. */
export function compareKeys(a: string | null | undefined, b: string | null | undefined): AgreementLevel {
  if (blank(a) || blank(b)) return 'missing';
  return a === b ? 'agree' : 'disagree';
}
