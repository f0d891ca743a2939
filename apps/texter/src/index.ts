export * from './send-lead-text';
export * from './send-opening-text';
export * from './texter';
