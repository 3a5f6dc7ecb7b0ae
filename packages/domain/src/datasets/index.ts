export * from './dataset';
export * from './datasets';
export * from './paths';
export * from './completeness';
