export * from './periods';
export * from './kpi';
export * from './kpi-jobs';
