/**
 * ICD-10 code handling. China's national clinical edition (国家临床版 2.0) and
 * the NHSA edition extend WHO categories with extra characters ("B18.101",
 * "J09.x00x003"), so a diagnosis belongs to a WHO category by prefix.
 */

/** Upper-case, no spaces, dot after the 3-character category ("b18101" → "B18.101"). */
export function normalizeIcd10(code: string): string {
  const c = code.replace(/\s+/g, '').toUpperCase();
  if (/^[A-Z]\d{2}[0-9A-Z]/.test(c) && c[3] !== '.') return `${c.slice(0, 3)}.${c.slice(3)}`;
  return c;
}

/** A letter, two digits, then optionally a dot and up to 8 extension characters. */
export function isIcd10Format(code: string): boolean {
  return /^[A-Z]\d{2}(\.[0-9A-Z]{1,8})?$/.test(normalizeIcd10(code));
}

/** True when `code` falls under `prefix` (both normalised; "B18.101" is under "B18.1" and "B18"). */
export function icd10HasPrefix(code: string, prefix: string): boolean {
  // Normalisation puts the dot right after the 3-character category, so a plain
  // string prefix test cannot confuse "A01" with a longer category.
  return normalizeIcd10(code).startsWith(normalizeIcd10(prefix));
}

/** Expands "B20–B24" style ranges of 3-character categories into the list B20, B21, … B24. */
export function expandIcd10Range(from: string, to: string): string[] {
  const letter = from[0];
  if (!letter || letter !== to[0]) throw new RangeError('a range must stay within one chapter letter');
  const a = Number(from.slice(1, 3));
  const b = Number(to.slice(1, 3));
  const out: string[] = [];
  for (let n = a; n <= b; n++) out.push(`${letter}${String(n).padStart(2, '0')}`);
  return out;
}
