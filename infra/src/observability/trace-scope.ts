import { AsyncLocalStorage } from 'node:async_hooks';
import type { EventMetadata } from '@naxio/domain';
import { childSpan, formatTraceparent, parseTraceparent, startTrace, type TraceContext } from './traceparent';

/**
 * The trace of the work in progress, without threading it through every port: a webhook or a Kafka
 * message opens a scope, and whatever that work calls (the command handler, the SMS gateway, the
 * logger) reads it from here.
 */
const scope = new AsyncLocalStorage<TraceContext>();

export const TRACEPARENT_HEADER = 'traceparent';

/** Event metadata with the trace it was written in; optional, so older events read the same. */
export type TracedMetadata = EventMetadata & { traceparent?: string };

export function currentTrace(): TraceContext | undefined {
  return scope.getStore();
}

export function runInTrace<T>(trace: TraceContext, work: () => T): T {
  return scope.run(trace, work);
}

/** Work that arrives with a traceparent continues its trace in a span of its own; without one it starts a trace. */
export function continueTrace(traceparent: string | string[] | null | undefined): TraceContext {
  const parent = parseTraceparent(Array.isArray(traceparent) ? traceparent[0] : traceparent);
  return parent ? childSpan(parent) : startTrace();
}

/** For a Fastify onRequest hook: the rest of the request (body, handler, error handler) runs in the trace. */
export function traceRequest(headers: Record<string, string | string[] | undefined>, next: () => void): void {
  runInTrace(continueTrace(headers[TRACEPARENT_HEADER]), next);
}

/** The field the command handler adds to the metadata of events written inside a trace. */
export function traceMetadata(): { traceparent?: string } {
  const trace = currentTrace();
  return trace ? { traceparent: formatTraceparent(trace) } : {};
}

/** Kafka headers for a stored event: the context it was created in (the messaging "creation context"). */
export function traceHeadersOf(event: { metadata: EventMetadata }): Record<string, string> {
  const traceparent = (event.metadata as TracedMetadata).traceparent;
  return traceparent && parseTraceparent(traceparent) ? { [TRACEPARENT_HEADER]: traceparent } : {};
}

/** Headers for a request to a vendor, as a client span of the current trace; none outside a trace. */
export function outgoingTraceHeaders(): Record<string, string> {
  const trace = currentTrace();
  return trace ? { [TRACEPARENT_HEADER]: formatTraceparent(childSpan(trace)) } : {};
}

/** What every log line inside a trace carries. */
export function traceFields(): { traceId?: string; spanId?: string } {
  const trace = currentTrace();
  return trace ? { traceId: trace.traceId, spanId: trace.spanId } : {};
}
