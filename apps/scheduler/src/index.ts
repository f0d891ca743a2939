export * from './timer-index';
export * from './fire-timer';
export * from './scheduler';
