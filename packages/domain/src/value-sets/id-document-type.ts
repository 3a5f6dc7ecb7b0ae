import type { ValueSet } from './value-set';

/** 身份证件类别代码表 CV02.01.101, used by DE02.01.031.00 证件类别. */
export const ID_DOCUMENT_TYPE: ValueSet = {
  id: 'CV02.01.101',
  name: { zh: '身份证件类别代码表', en: 'Identity document type' },
  version: '2011',
  source: 'WS 364.3-2011 CV02.01.101',
  dataElement: 'DE02.01.031.00',
  entries: [
    { code: '01', zh: '居民身份证', en: 'Resident identity card' },
    { code: '02', zh: '居民户口簿', en: 'Household register' },
    { code: '03', zh: '护照', en: 'Passport' },
    { code: '04', zh: '军官证', en: 'Military officer certificate' },
    { code: '05', zh: '驾驶证', en: 'Driving licence' },
    { code: '06', zh: '港澳居民来往内地通行证', en: 'Mainland travel permit for Hong Kong and Macao residents' },
    { code: '07', zh: '台湾居民来往内地通行证', en: 'Mainland travel permit for Taiwan residents' },
    { code: '99', zh: '其他法定有效证件', en: 'Other valid legal document' },
  ],
};

/** The document type whose number is a GB 11643 resident ID (and gets checksum rules). */
export const RESIDENT_ID_DOCUMENT_TYPE = '01';
