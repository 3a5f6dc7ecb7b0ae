export * from './region-code';
export * from './resident-id';
export * from './resident-id-generate';
export * from './uscc';
export * from './licence-number';
