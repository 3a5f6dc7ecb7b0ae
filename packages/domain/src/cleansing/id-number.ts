/** Resident ID numbers: half-width, no separators, upper-case X, 15 → 18 digits. */
import { upgradeResidentId15 } from '../identifiers/resident-id';
import { pipe, type Cleansed } from './change';
import { halfWidth } from './text';

export function normalizeIdNumber(value: string, path = ''): Cleansed<string> {
  return pipe(value, path, [
    ['half_width', halfWidth],
    ['whitespace', (v) => v.replace(/[\s\u00A0\u200B-\u200D\uFEFF-]+/g, '')],
    ['id_uppercase', (v) => (/^\d{17}x$/.test(v) ? v.toUpperCase() : v)],
    ['id_upgrade_15', (v) => upgradeResidentId15(v) ?? v],
  ]);
}
