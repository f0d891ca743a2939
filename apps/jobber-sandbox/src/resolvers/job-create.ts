// jobCreate: a one-off job on one of the client's properties, its visit on timeframe.startAt between
// scheduling.startTime and endTime (wall clock in the account's time zone). The rules reported as
// userErrors below are the sandbox's reading of Jobber's behaviour; their wording is unconfirmed.
import type { JobberStore } from '../store';
import { wallClockToInstant } from '../wall-clock';
import { userError } from './client-mutations';
import { jobView } from './views';

interface JobCreateAttributes {
  propertyId: string;
  title?: string | null;
  instructions?: string | null;
  notes?: Array<{ message?: string | null }> | null;
  timeframe?: { startAt?: string | null } | null;
  scheduling?: { createVisits: boolean; startTime?: string | null; endTime?: string | null } | null;
  invoicing: { invoicingType: string; invoicingSchedule: string };
}

const seconds = (time: string) => time.split(':').map(Number).reduce((total, part, i) => total + part * [3600, 60, 1][i]!, 0);

export function jobCreate(store: JobberStore, args: Record<string, unknown>, timeZone: string) {
  const input = args.input as JobCreateAttributes;
  const property = store.property(input.propertyId);
  const startDate = input.timeframe?.startAt ?? null;
  const { startTime, endTime, createVisits } = input.scheduling ?? { createVisits: false };
  const errors = [];
  if (!property) errors.push(userError('Property not found', ['input', 'propertyId']));
  if (createVisits && !startDate) errors.push(userError('A start date is required to schedule visits', ['input', 'timeframe', 'startAt']));
  if (startTime && endTime && seconds(endTime) <= seconds(startTime)) {
    errors.push(userError('End time must be after start time', ['input', 'scheduling', 'endTime']));
  }
  if (errors.length > 0 || !property) return { __typename: 'JobCreatePayload', job: null, userErrors: errors };

  const at = (time: string | null | undefined) => (startDate ? wallClockToInstant(startDate, time ?? '00:00', timeZone) : null);
  const job = store.addJob({
    clientId: property.clientId,
    propertyId: property.id,
    title: input.title ?? null,
    instructions: input.instructions ?? null,
    startAt: at(startTime),
    endAt: endTime ? at(endTime) : null,
    invoicing: { invoicingType: input.invoicing.invoicingType, invoicingSchedule: input.invoicing.invoicingSchedule },
    notes: (input.notes ?? []).flatMap((note) => (note.message ? [note.message] : [])),
  });
  return { __typename: 'JobCreatePayload', job: jobView(store, job), userErrors: [] };
}
