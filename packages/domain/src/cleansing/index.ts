export * from './change';
export * from './text';
export * from './sex';
export * from './id-number';
export * from './phone';
export * from './datetime';
export * from './record';
