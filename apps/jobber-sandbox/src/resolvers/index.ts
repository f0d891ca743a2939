// The root fields the sandbox serves, by name (every one listed in output-schema's Query/Mutation).
import type { Resolver } from '../graphql/execute';
import type { JobberStore } from '../store';
import { clientCreate, propertyCreate } from './client-mutations';
import { jobCreate } from './job-create';
import { clientView, connection, jobView } from './views';

const stringOrNull = (value: unknown) => (typeof value === 'string' ? value : null);

export function rootResolvers(store: JobberStore, timeZone: string): Record<string, Resolver> {
  return {
    clients: (args) =>
      connection(
        'ClientConnection',
        store
          .searchClients(stringOrNull(args.searchTerm), Array.isArray(args.searchFields) ? (args.searchFields as string[]) : null)
          .map((client) => clientView(store, client)),
        args,
      ),
    jobs: (args) =>
      connection(
        'JobConnection',
        store.searchJobs(stringOrNull(args.searchTerm)).map((job) => jobView(store, job)),
        args,
      ),
    clientCreate: (args) => clientCreate(store, args),
    propertyCreate: (args) => propertyCreate(store, args),
    jobCreate: (args) => jobCreate(store, args, timeZone),
  };
}
