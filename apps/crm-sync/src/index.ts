export * from './sync-job';
