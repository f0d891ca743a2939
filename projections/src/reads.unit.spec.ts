import { dailyFunnel } from './daily-funnel/daily-funnel';
import { leadSummary } from './lead-summary/lead-summary';
import type { DataRead, ProjectedEvent, Projection } from './projection';
import { storedInTimeOrder } from './testing/lead-story';
import { mixedLeads } from './testing/mixed-leads';
import { textBackLatency } from './text-back-latency/text-back-latency';

const history = storedInTimeOrder(mixedLeads(30, new Date('2026-11-03T04:30:00Z')));
const tenants = new Map([['peak-comfort', { timezone: 'America/Chicago', trade: 'hvac' }]]);

/** The events as a rebuild may hand them out: data only of the types listed, and only the fields listed. */
const narrowed = (events: readonly ProjectedEvent[], reads: DataRead): ProjectedEvent[] =>
  events.map((e) => {
    const fields = reads[e.type];
    const data = e.data as Record<string, unknown>;
    return { ...e, data: fields ? Object.fromEntries(fields.filter((f) => f in data).map((f) => [f, data[f]])) : null };
  });

// A rebuild reads and opens only what a read model says it reads: a fold that read anything else
// would build something other than the live read model, or fail.
describe('what each read model says it reads of an event', () => {
  const empty: Array<[string, Projection, unknown]> = [
    [leadSummary.name, leadSummary, new Map()],
    [dailyFunnel.name, dailyFunnel, { leads: new Map(), tenants }],
    [textBackLatency.name, textBackLatency, { leads: new Map(), tenants }],
  ];

  it.each(empty)('%s folds the same from only that', (_, projection, loaded) => {
    const handled = history.filter((e) => projection.handles.includes(e.type));
    expect(projection.fold(loaded, narrowed(handled, projection.reads))).toEqual(projection.fold(loaded, handled));
  });
});
