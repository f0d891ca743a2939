import type { StoredEvent } from '@naxio/domain';
import { captureLines } from './log-capture.test-support';
import { createLogger, eventLogger, httpLogger, leadLogger } from './logger';
import { loggableData, maskPhoneNumbers } from './redaction';
import { runInTrace, startTrace } from './index';

const CALLER = '+15125550123';
const MASKED = '+1•••••••0123';
const WORDS = 'my furnace died and the baby is cold';

const callMissed: StoredEvent = {
  type: 'CallMissed',
  data: { callSessionId: 's1', callerPhone: CALLER, tenantPhone: '+15125550100', reason: 'timeout', calledAt: '2026-12-01T16:00:00.000Z', repeatCall: false },
  metadata: { eventId: 'e1', streamId: 'lead-peak-abc', tenantId: 'peak', occurredAt: '2026-12-01T16:00:00.000Z', correlationId: 'w1', causationId: null },
  streamVersion: 0,
  position: '1',
  recordedAt: '2026-12-01T16:00:00.000Z',
};

describe('phone numbers in logs', () => {
  it('keep the country digit and the last four behind a fixed-width mask', () => {
    expect(maskPhoneNumbers(`call ${CALLER} now`)).toBe(`call ${MASKED} now`);
    expect(maskPhoneNumbers('+447700900123')).toBe('+4•••••••0123');
    expect(maskPhoneNumbers('/x?to=%2B15125550123')).toBe('/x?to=%2B1•••••••0123');
  });

  it('leave other numbers alone', () => {
    expect(maskPhoneNumbers('"time":1764604800000,"attempt":3')).toBe('"time":1764604800000,"attempt":3');
    expect(maskPhoneNumbers('+1234567')).toBe('+1234567');
  });
});

describe('the logger', () => {
  it('masks numbers anywhere in a line, error messages and bindings included', () => {
    const out = captureLines();
    const log = createLogger({ destination: out }).child({ caller: CALLER });
    log.error({ err: new Error(`${CALLER} belongs to no tenant`), to: CALLER }, `no tenant for ${CALLER}`);
    expect(out.lines).toHaveLength(1);
    expect(out.lines[0]).not.toContain(CALLER);
    // The binding, the error's message and stack, the field and the message.
    expect(out.lines[0]!.split(MASKED).length - 1).toBe(5);
  });

  it('never writes message text or webhook payloads', () => {
    const out = captureLines();
    const log = createLogger({ destination: out });
    log.info({ text: WORDS, data: { text: WORDS, payload: { text: WORDS } }, body: WORDS, webhook: { payload: { text: WORDS } } }, 'received');
    expect(out.lines[0]).not.toContain(WORDS);
    expect(out.records()[0]).toMatchObject({ text: '[redacted]', data: { text: '[redacted]', payload: '[redacted]' }, body: '[redacted]', webhook: { payload: '[redacted]' } });
  });

  it('carries the lead’s ids, and the trace id of the work in progress', () => {
    const out = captureLines();
    const trace = startTrace();
    runInTrace(trace, () => leadLogger({ tenantId: 'peak', leadId: 'lead-peak-abc', correlationId: 'w1' }, createLogger({ destination: out })).warn('slow'));
    expect(out.records()[0]).toMatchObject({ tenantId: 'peak', leadId: 'lead-peak-abc', correlationId: 'w1', traceId: trace.traceId, spanId: trace.spanId, msg: 'slow' });
  });

  it('logs an event by its identifying fields only, the number masked', () => {
    const out = captureLines();
    const attempt = { ...callMissed, type: 'TextSendAttempted', data: { attemptId: 'e1#1', attempt: 1, kind: 'opening', from: '+15125550100', to: CALLER, text: WORDS } };
    eventLogger(callMissed, createLogger({ destination: out })).info('handled');
    eventLogger(attempt, createLogger({ destination: out })).info('handled');
    const [missed, attempted] = out.records();
    expect(missed).toMatchObject({ tenantId: 'peak', leadId: 'lead-peak-abc', correlationId: 'w1', eventId: 'e1', type: 'CallMissed', data: { callerPhone: MASKED, reason: 'timeout' } });
    expect(attempted).toMatchObject({ data: { to: MASKED, kind: 'opening', attemptId: 'e1#1' } });
    expect(out.lines.join('')).not.toContain(CALLER);
    expect(out.lines.join('')).not.toContain(WORDS);
  });

  it('keeps only identifying fields of event data', () => {
    expect(loggableData({ callerPhone: CALLER, text: WORDS, address: '44 Elm St', kind: 'opening' })).toEqual({ callerPhone: CALLER, kind: 'opening' });
    expect(loggableData(null)).toEqual({});
  });

  it('honours its level', () => {
    const out = captureLines();
    const log = createLogger({ destination: out, level: 'warn' });
    log.info('quiet');
    log.warn('loud');
    expect(out.records().map((r) => r.msg)).toEqual(['loud']);
  });

  it('gives an HTTP app its request lines only when asked, and its errors always', () => {
    const out = captureLines();
    const base = createLogger({ destination: out });
    for (const requestLines of [false, true]) {
      httpLogger(requestLines, base).info(`request (${requestLines})`);
      httpLogger(requestLines, base).error(`failed (${requestLines})`);
    }
    expect(out.records().map((r) => r.msg)).toEqual(['failed (false)', 'request (true)', 'failed (true)']);
  });
});
