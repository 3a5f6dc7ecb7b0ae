import type { ValueSet } from './value-set';

/** ABO血型代码表 CV04.50.005. */
export const ABO_BLOOD_GROUP: ValueSet = {
  id: 'CV04.50.005',
  name: { zh: 'ABO血型代码表', en: 'ABO blood group' },
  version: '2011',
  // Part of WS 364 not re-checked here; the codes are those in STANDARDS.md.
  source: 'WS 364 CV04.50.005',
  entries: [
    { code: '1', zh: 'A型', en: 'A' },
    { code: '2', zh: 'B型', en: 'B' },
    { code: '3', zh: 'O型', en: 'O' },
    { code: '4', zh: 'AB型', en: 'AB' },
    { code: '5', zh: '不详', en: 'Unknown' },
  ],
};

/**
 * The discharge front sheet (住院病案首页) uses the same codes plus 6 未查 ("not
 * tested"); kept as its own table so a 6 on other records stays a finding.
 */
export const ABO_BLOOD_GROUP_FRONT_SHEET: ValueSet = {
  id: 'CV04.50.005-front-sheet',
  name: { zh: 'ABO血型代码（病案首页）', en: 'ABO blood group (discharge front sheet)' },
  version: '2011',
  source: 'CV04.50.005 + 住院病案首页 6 未查',
  entries: [...ABO_BLOOD_GROUP.entries, { code: '6', zh: '未查', en: 'Not tested' }],
};

/**
 * Rh(D) blood group as used on the discharge front sheet. STANDARDS.md marks
 * these codes "confirm per source": some sources order 阴性/阳性 differently.
 */
export const RH_BLOOD_GROUP: ValueSet = {
  id: 'RH',
  name: { zh: 'Rh血型代码（病案首页）', en: 'Rh(D) blood group (discharge front sheet)' },
  version: '2011',
  source: '住院病案首页 Rh (front-sheet usage; confirm per source)',
  entries: [
    { code: '1', zh: '阴性', en: 'Rh negative' },
    { code: '2', zh: '阳性', en: 'Rh positive' },
    { code: '3', zh: '不详', en: 'Unknown' },
    { code: '4', zh: '未查', en: 'Not tested' },
  ],
};
