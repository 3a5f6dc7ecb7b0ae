export { createPiiCipher, decodeKey, type PiiCipher, type PiiKeys } from './cipher';
export { maskIdNumber, maskName, maskPhone } from './mask';
export { SEALED_PREFIX, sealRecordIdentifiers, unsealRecordIdentifiers } from './seal-record';
