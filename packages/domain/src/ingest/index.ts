export * from './check-ingest-record';
export { extraFields } from './extra-fields';
