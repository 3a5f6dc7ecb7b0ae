export * from './common/errors';
export * from './common/paging';
export * from './auth/auth';
export * from './regions/regions';
export * from './institutions/institutions';
export * from './queues/queues';
export * from './ingest';
