export * from './app';
export * from './deps';
export * from './errors';
export * from './api-keys';
export * from './openapi';
