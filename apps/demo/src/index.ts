export * from './local-system';
