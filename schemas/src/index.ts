export * from './codec';
export * from './examples';
export * from './compatibility';
export * from './version-resolution';
