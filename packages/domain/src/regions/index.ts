export * from './region';
export * from './neijiang';
export * from './region-tree';
