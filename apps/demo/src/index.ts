export * from './local-system';
export * from './local-sandboxes';
