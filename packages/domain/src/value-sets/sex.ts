import type { ValueSet } from './value-set';

/** 人的性别代码 GB/T 2261.1-2003, used by DE02.01.040.00 性别代码. */
export const SEX: ValueSet = {
  id: 'GB/T 2261.1',
  name: { zh: '人的性别代码', en: 'Sex' },
  version: '2003',
  source: 'GB/T 2261.1-2003',
  dataElement: 'DE02.01.040.00',
  entries: [
    { code: '0', zh: '未知的性别', en: 'Unknown' },
    { code: '1', zh: '男性', en: 'Male' },
    { code: '2', zh: '女性', en: 'Female' },
    { code: '9', zh: '未说明的性别', en: 'Not stated' },
  ],
};

/** Codes that carry a sex and can be compared with the ID number's 17th digit. */
export const DETERMINATE_SEX_CODES: readonly string[] = ['1', '2'];
