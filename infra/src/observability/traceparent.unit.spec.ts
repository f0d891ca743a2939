import { childSpan, formatTraceparent, parseTraceparent, startTrace } from './traceparent';
import { continueTrace, currentTrace, outgoingTraceHeaders, runInTrace, traceHeadersOf, traceMetadata } from './trace-scope';

// The example from the W3C Trace Context recommendation.
const EXAMPLE = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';

describe('traceparent', () => {
  it('reads and writes the W3C form', () => {
    expect(parseTraceparent(EXAMPLE)).toEqual({ traceId: '0af7651916cd43dd8448eb211c80319c', spanId: 'b7ad6b7169203331', sampled: true });
    expect(formatTraceparent(parseTraceparent(EXAMPLE)!)).toBe(EXAMPLE);
    expect(parseTraceparent('00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-00')?.sampled).toBe(false);
  });

  it.each([
    ['empty', ''],
    ['upper-case hex', '00-0AF7651916CD43DD8448EB211C80319C-B7AD6B7169203331-01'],
    ['all-zero trace id', '00-00000000000000000000000000000000-b7ad6b7169203331-01'],
    ['all-zero span id', '00-0af7651916cd43dd8448eb211c80319c-0000000000000000-01'],
    ['version ff', 'ff-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01'],
    ['version 00 with extra fields', `${EXAMPLE}-extra`],
    ['short trace id', '00-0af7651916cd43dd8448eb211c8031-b7ad6b7169203331-01'],
  ])('ignores a traceparent that is %s', (_why, header) => {
    expect(parseTraceparent(header)).toBeUndefined();
  });

  it('reads a later version by its first four fields', () => {
    expect(parseTraceparent(`01-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01-future`)?.traceId).toBe('0af7651916cd43dd8448eb211c80319c');
  });

  it('starts traces with fresh ids and keeps the trace id in a child span', () => {
    const a = startTrace();
    const b = startTrace();
    expect(a.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(a.traceId).not.toBe(b.traceId);
    const child = childSpan(a);
    expect(child.traceId).toBe(a.traceId);
    expect(child.spanId).not.toBe(a.spanId);
  });

  it('never hands out the same id twice, across many refills of its random bytes', () => {
    const traces = Array.from({ length: 2000 }, () => startTrace());
    const ids = traces.flatMap((t) => [t.traceId, t.spanId, childSpan(t).spanId]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(traces.every((t) => /^[0-9a-f]{32}$/.test(t.traceId) && /^[0-9a-f]{16}$/.test(t.spanId))).toBe(true);
  });
});

describe('the trace in scope', () => {
  it('continues an incoming trace in a span of its own, or starts one', () => {
    const continued = continueTrace(EXAMPLE);
    expect(continued.traceId).toBe('0af7651916cd43dd8448eb211c80319c');
    expect(continued.spanId).not.toBe('b7ad6b7169203331');
    expect(continueTrace([EXAMPLE, 'ignored']).traceId).toBe(continued.traceId);
    expect(continueTrace('garbage').traceId).not.toBe(continued.traceId);
  });

  it('is seen by everything the work calls, across awaits, and by nothing outside it', async () => {
    const trace = startTrace();
    const seen = await runInTrace(trace, async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      return { trace: currentTrace(), metadata: traceMetadata(), outgoing: outgoingTraceHeaders() };
    });
    expect(seen.trace).toEqual(trace);
    expect(seen.metadata).toEqual({ traceparent: formatTraceparent(trace) });
    expect(parseTraceparent(seen.outgoing.traceparent)?.traceId).toBe(trace.traceId);
    expect(currentTrace()).toBeUndefined();
    expect(traceMetadata()).toEqual({});
    expect(outgoingTraceHeaders()).toEqual({});
  });

  it('puts an event’s own traceparent in its Kafka headers, and nothing for an event without one', () => {
    const metadata = { eventId: 'e', streamId: 's', tenantId: 't', occurredAt: '', correlationId: 'c', causationId: null };
    expect(traceHeadersOf({ metadata: { ...metadata, traceparent: EXAMPLE } as typeof metadata })).toEqual({ traceparent: EXAMPLE });
    expect(traceHeadersOf({ metadata })).toEqual({});
    expect(traceHeadersOf({ metadata: { ...metadata, traceparent: 'not one' } as typeof metadata })).toEqual({});
  });
});
