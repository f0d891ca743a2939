import pg from 'pg';
import { EsdbEventStore } from './esdb-event-store';
import { createEventStore, EventStoreConfigError, eventStoreKind } from './event-store-factory';
import { PostgresEventStore } from './postgres-event-store';

// Building a store opens no connection (pg and the gRPC client both connect on first use), so these
// specs do no I/O; the stores are closed all the same.
describe('choosing the event store from the environment', () => {
  const pool = new pg.Pool({ connectionString: 'postgres://nobody@127.0.0.1:1/none' });
  afterAll(() => pool.end());

  it('defaults to PostgreSQL on the pool it is given', () => {
    expect(eventStoreKind({})).toBe('postgres');
    expect(createEventStore({}, pool)).toBeInstanceOf(PostgresEventStore);
    expect(createEventStore({ EVENT_STORE: '' }, pool)).toBeInstanceOf(PostgresEventStore);
    expect(createEventStore({ EVENT_STORE: 'postgres' }, pool)).toBeInstanceOf(PostgresEventStore);
  });

  it('builds an EventStoreDB store from EVENTSTORE_URL, whatever the case of EVENT_STORE', async () => {
    for (const name of ['eventstoredb', 'EventStoreDB']) {
      const store = createEventStore({ EVENT_STORE: name, EVENTSTORE_URL: 'esdb://127.0.0.1:2113?tls=false' });
      expect(store).toBeInstanceOf(EsdbEventStore);
      await (store as EsdbEventStore).close();
    }
  });

  it('refuses an unknown store, naming the ones it knows', () => {
    expect(() => createEventStore({ EVENT_STORE: 'mongo' }, pool)).toThrow(EventStoreConfigError);
    expect(() => createEventStore({ EVENT_STORE: 'mongo' }, pool)).toThrow('EVENT_STORE=mongo is not one of: postgres, eventstoredb');
  });

  it('refuses EventStoreDB without a usable EVENTSTORE_URL', () => {
    expect(() => createEventStore({ EVENT_STORE: 'eventstoredb' })).toThrow(/needs EVENTSTORE_URL/);
    expect(() => createEventStore({ EVENT_STORE: 'eventstoredb', EVENTSTORE_URL: '  ' })).toThrow(/needs EVENTSTORE_URL/);
    expect(() => createEventStore({ EVENT_STORE: 'eventstoredb', EVENTSTORE_URL: 'http://127.0.0.1:2113' })).toThrow(
      expect.objectContaining({ code: 'invalid_event_store_config', message: expect.stringMatching(/not a usable EventStoreDB connection string/) }),
    );
  });
});
