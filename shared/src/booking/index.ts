export * from './capacity';
export * from './lifecycle';
export * from './schedule';
export * from './terms';
export * from './when';
