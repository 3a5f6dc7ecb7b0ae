export * from './jaro-winkler';
export * from './names';
export * from './comparators';
export * from './model';
export * from './score';
export * from './decide';
export * from './blocking';
