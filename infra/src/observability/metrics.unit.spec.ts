import { type LeadCommand, leadDecider } from '@naxio/domain';
import { handleCommand, type CommandContext } from '../eventstore/command-handler';
import { InMemoryEventStore } from '../eventstore/in-memory-event-store';
import { currentValue } from './scrape.test-support';
import { formatTraceparent, runInTrace, startTrace, type TracedMetadata, timeVendorCall, vendorOutcomeOf } from './index';

const CALLED_AT = new Date('2026-12-01T16:00:00.000Z');
const at = (ms: number) => new Date(CALLED_AT.getTime() + ms);

let store: InMemoryEventStore;
let lead = 0;
beforeEach(() => {
  store = new InMemoryEventStore();
  lead += 1;
});

const context = (now: Date, causationId: string | null = null): CommandContext => ({ tenantId: 'peak', now, correlationId: `w${lead}`, causationId });
const run = (command: LeadCommand, ctx: CommandContext) => handleCommand(store, leadDecider, `lead-peak-${lead}`, command, ctx);
const missedCall = (caller: string): LeadCommand => ({
  type: 'RecordMissedCall',
  data: { callSessionId: `s-${lead}`, callerPhone: caller, tenantPhone: '+15125550100', reason: 'timeout', calledAt: CALLED_AT.toISOString() },
});

/** A missed call, a text claimed 100 ms later and confirmed `confirmMs` after the call. */
async function openingText(confirmMs: number, kind: 'opening' | 'follow-up' = 'opening') {
  await run(missedCall(`+1512555${String(1000 + lead).slice(-4)}`), context(CALLED_AT));
  const call = (await store.readStream(`lead-peak-${lead}`)).events[0]!;
  await run({ type: 'StartText', data: { kind, requestId: call.metadata.eventId, text: 'Hi' } }, context(at(100), call.metadata.eventId));
  const attempt = (await store.readStream(`lead-peak-${lead}`)).events.find((e) => e.type === 'TextSendAttempted')!;
  const { attemptId } = attempt.data as { attemptId: string };
  return run({ type: 'ConfirmTextSent', data: { attemptId, messageId: 'm1', confirmedBy: 'api', at: at(confirmMs).toISOString() } }, context(at(confirmMs), call.metadata.eventId));
}

describe('events appended', () => {
  it('are counted by type when the append commits, and not when the decider decides nothing', async () => {
    const before = await currentValue('naxio_events_appended_total', { type: 'CallMissed' });
    await run(missedCall('+15125550001'), context(CALLED_AT));
    await run(missedCall('+15125550001'), context(CALLED_AT)); // the same call again: nothing new
    expect(await currentValue('naxio_events_appended_total', { type: 'CallMissed' })).toBe(before + 1);
  });

  it('carry the trace they were written in, and no traceparent outside one', async () => {
    const trace = startTrace();
    await runInTrace(trace, () => run(missedCall('+15125550002'), context(CALLED_AT)));
    await run({ type: 'StartText', data: { kind: 'opening', requestId: 'r', text: 'Hi' } }, context(at(5)));
    const [traced, untraced] = (await store.readStream(`lead-peak-${lead}`)).events;
    expect((traced!.metadata as TracedMetadata).traceparent).toBe(formatTraceparent(trace));
    expect(untraced!.metadata).not.toHaveProperty('traceparent');
  });
});

describe('text-back latency', () => {
  it('is observed once per opening text, from the missed call to the confirmation', async () => {
    const count = () => currentValue('naxio_text_back_latency_seconds_count');
    const sum = () => currentValue('naxio_text_back_latency_seconds_sum');
    const [countBefore, sumBefore] = [await count(), await sum()];
    await openingText(2500);
    expect(await count()).toBe(countBefore + 1);
    expect((await sum()) - sumBefore).toBeCloseTo(2.5, 6);
    expect(await currentValue('naxio_text_back_latency_seconds_bucket', { le: '2' })).toBeLessThan(await currentValue('naxio_text_back_latency_seconds_bucket', { le: '3' }));
  });

  it('ignores texts other than the opening one', async () => {
    const before = await currentValue('naxio_text_back_latency_seconds_count');
    const followUp = await openingText(1000, 'follow-up');
    expect(followUp.events.map((e) => e.type)).toContain('TextSent');
    expect(await currentValue('naxio_text_back_latency_seconds_count')).toBe(before);
  });
});

describe('vendor requests', () => {
  const labels = { vendor: 'acme', operation: 'widgets.create' };

  it('are timed and counted by outcome, answers and errors passing through', async () => {
    const ok = await currentValue('naxio_vendor_requests_total', { ...labels, outcome: 'ok' });
    const failed = await currentValue('naxio_vendor_requests_total', { ...labels, outcome: 'server_error' });
    const timed = await currentValue('naxio_vendor_request_seconds_count', labels);
    await expect(timeVendorCall('acme', 'widgets.create', async () => 42)).resolves.toBe(42);
    const error = Object.assign(new Error('bad gateway'), { status: 502 });
    await expect(timeVendorCall('acme', 'widgets.create', async () => Promise.reject(error))).rejects.toBe(error);
    expect(await currentValue('naxio_vendor_requests_total', { ...labels, outcome: 'ok' })).toBe(ok + 1);
    expect(await currentValue('naxio_vendor_requests_total', { ...labels, outcome: 'server_error' })).toBe(failed + 1);
    expect(await currentValue('naxio_vendor_request_seconds_count', labels)).toBe(timed + 2);
  });

  it.each([
    [{ status: 429 }, 'throttled'],
    [{ status: 404 }, 'client_error'],
    [{ status: 503 }, 'server_error'],
    [{ name: 'APIConnectionTimeoutError' }, 'timeout'],
    [{ name: 'APIConnectionError' }, 'connection'],
    [new TypeError('x'), 'error'],
    [undefined, 'error'],
  ])('reads %p as %s', (error, outcome) => {
    expect(vendorOutcomeOf(error)).toBe(outcome);
  });
});
