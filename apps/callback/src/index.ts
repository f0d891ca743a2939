export * from './deps';
export * from './slots';
export * from './book';
export * from './offer-by-text';
export * from './start-callback';
export * from './call-flow';
export * from './book-from-reply';
export * from './deps-from-env';
