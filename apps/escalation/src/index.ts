export * from './alert-owner';
