export * from './codec';
export * from './examples';
