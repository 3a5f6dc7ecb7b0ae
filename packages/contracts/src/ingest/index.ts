/** Ingest API contracts: record schemas per data set, request/answer schemas, data set metadata, examples. */
export { INGEST_MAX_RECORDS, LOOSE_DATE_TIME, LOOSE_MONTH, PatientRefSchema, SOURCE_ID_MAX, type PatientRef } from './fields';
export * from './records';
export * from './dataset-meta';
export * from './api';
export * from './validate';
export * from './examples';
export * from './monitoring';
