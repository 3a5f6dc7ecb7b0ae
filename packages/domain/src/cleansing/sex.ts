/** Free-text and foreign sex values → GB/T 2261.1 codes. */
import { step, type Cleansed } from './change';
import { collapseWhitespace, halfWidth } from './text';

const SYNONYMS: Record<string, '0' | '1' | '2' | '9'> = {
  '1': '1', 男: '1', 男性: '1', m: '1', male: '1', man: '1',
  '2': '2', 女: '2', 女性: '2', f: '2', female: '2', woman: '2',
  '0': '0', 未知: '0', 未知的性别: '0', u: '0', unknown: '0',
  '9': '9', 未说明: '9', 未说明的性别: '9', other: '9', 其他: '9',
};

/** GB/T 2261.1 code for a sex value, or null when it is not recognised. */
export function sexCodeFor(value: unknown): '0' | '1' | '2' | '9' | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const key = collapseWhitespace(halfWidth(String(value))).toLowerCase();
  return SYNONYMS[key] ?? null;
}

/**
 * Maps synonyms (男 / M / male / 男性 → 1, 女 / F / female → 2, 未知 → 0, other →
 * 9) and numbers to the code string. Unrecognised values are returned unchanged
 * for the VS.SEX rule to report.
 */
export function normalizeSex(value: unknown, path = ''): Cleansed<unknown> {
  return step(value, path, 'sex_synonym', (v) => sexCodeFor(v) ?? v);
}
