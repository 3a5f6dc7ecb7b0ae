/**
 * Resolves the disease name written on a report card to a catalogue code.
 * Exact names and aliases first; then the avian influenza patterns, because
 * cards name the subtype ("人感染H5N6禽流感") rather than the list entry.
 */
import { DISEASES } from './disease-catalogue';

/** Full-width to half-width, no spaces, upper-case Latin letters (H7N9, COVID-19). */
export function normalizeDiseaseName(name: string): string {
  return name
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]+/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .toUpperCase();
}

const BY_NAME = new Map<string, string>();
for (const d of DISEASES) {
  for (const n of [d.nameZh, d.nameEn, ...d.aliases]) BY_NAME.set(normalizeDiseaseName(n), d.code);
}

/** Seasonal and pandemic human influenza subtypes: 丙类 流行性感冒, never avian. */
const HUMAN_FLU_SUBTYPE = /H1N1|H3N2/;
const AVIAN_SUBTYPE = /H\d{1,2}N\d{1,2}/;

/**
 * Catalogue code for a disease name, or null. Avian influenza names resolve to
 * 'h7n9' or 'hpai' (the pre-2025 entries); the version in force maps them on
 * to 人感染新亚型流感 where that applies.
 */
export function diseaseCodeForName(name: string): string | null {
  const n = normalizeDiseaseName(name);
  if (n === '') return null;
  const exact = BY_NAME.get(n);
  if (exact) return exact;
  const subtype = AVIAN_SUBTYPE.exec(n)?.[0];
  const mentionsAvian = n.includes('禽流感') || n.includes('AVIAN') || n.includes('新亚型流感');
  if (subtype && HUMAN_FLU_SUBTYPE.test(subtype) && !mentionsAvian) return 'influenza';
  if (n.includes('新亚型流感')) return 'novel_influenza';
  if (subtype === 'H7N9') return 'h7n9';
  if (mentionsAvian || subtype) return 'hpai';
  return null;
}
