import type { ValueSet } from './value-set';

/** 婚姻状况代码 GB/T 2261.2-2003 (two-digit; the second digit refines the first). */
export const MARITAL_STATUS: ValueSet = {
  id: 'GB/T 2261.2',
  name: { zh: '婚姻状况代码', en: 'Marital status' },
  version: '2003',
  source: 'GB/T 2261.2-2003',
  dataElement: 'DE02.01.018.00',
  entries: [
    { code: '10', zh: '未婚', en: 'Never married' },
    { code: '20', zh: '已婚', en: 'Married' },
    { code: '21', zh: '初婚', en: 'First marriage', parent: '20' },
    { code: '22', zh: '再婚', en: 'Remarried', parent: '20' },
    { code: '23', zh: '复婚', en: 'Remarried to former spouse', parent: '20' },
    { code: '30', zh: '丧偶', en: 'Widowed' },
    { code: '40', zh: '离婚', en: 'Divorced' },
    { code: '90', zh: '未说明的婚姻状况', en: 'Not stated' },
  ],
};
