export * from './send-opening-text';
export * from './texter';
