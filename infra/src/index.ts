export * from './ids';
export * from './postgres/pool';
export * from './postgres/migrate';
export * from './eventstore/postgres-event-store';
export * from './eventstore/in-memory-event-store';
export * from './eventstore/command-handler';
export * from './eventstore/polling-subscription';
export * from './eventstore/postgres-checkpoint-store';
