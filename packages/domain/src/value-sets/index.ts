export * from './value-set';
export * from './id-document-type';
export * from './sex';
export * from './marital-status';
export * from './ethnicity';
export * from './blood-group';
export * from './encounter-type';
export * from './registry';
