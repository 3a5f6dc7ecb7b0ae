export * from './text';
export * from './dates';
