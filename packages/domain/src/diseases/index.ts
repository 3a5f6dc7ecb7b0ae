export * from './disease';
export * from './icd10';
export * from './disease-catalogue';
export * from './disease-list';
export * from './disease-names';
export * from './classify';
export * from './monthly-report';
