export * from './handle-reply';
