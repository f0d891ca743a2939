import { randomFillSync } from 'node:crypto';

/**
 * W3C Trace Context (`traceparent: 00-<trace id>-<span id>-<flags>`), the one header every tracing
 * system reads. We only need to carry it and start it, so it is written out here rather than pulled
 * in with an SDK; an OpenTelemetry collector downstream sees ordinary W3C context.
 */
export type TraceContext = {
  /** 32 lowercase hex digits, shared by every span of one story (webhook → events → SMS). */
  traceId: string;
  /** 16 lowercase hex digits naming this unit of work. */
  spanId: string;
  sampled: boolean;
};

const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?$/;
const ALL_ZEROS = /^0+$/;
const SAMPLED_FLAG = 0x01;

/** undefined for anything the spec says to ignore (bad shape, version ff, all-zero ids). */
export function parseTraceparent(header: string | null | undefined): TraceContext | undefined {
  const match = TRACEPARENT.exec((header ?? '').trim());
  if (!match) return undefined;
  const [, version, traceId, spanId, flags, future] = match as unknown as [string, string, string, string, string, string | undefined];
  // Version 00 has exactly four fields; a later version may add some, which we skip over.
  if (version === 'ff' || (version === '00' && future !== undefined)) return undefined;
  if (ALL_ZEROS.test(traceId) || ALL_ZEROS.test(spanId)) return undefined;
  return { traceId, spanId, sampled: (Number.parseInt(flags, 16) & SAMPLED_FLAG) === SAMPLED_FLAG };
}

export function formatTraceparent(trace: TraceContext): string {
  return `00-${trace.traceId}-${trace.spanId}-${trace.sampled ? '01' : '00'}`;
}

/**
 * Ids are drawn from random bytes fetched 4 KiB at a time (as Node does for randomUUID): a call to
 * the system's generator for every id was 3% of the ingress's CPU under load. Each byte is used once.
 */
const randomPool = Buffer.alloc(4096);
let poolOffset = randomPool.length;

function nonZeroHex(bytes: number): string {
  for (;;) {
    if (poolOffset + bytes > randomPool.length) {
      randomFillSync(randomPool);
      poolOffset = 0;
    }
    const hex = randomPool.toString('hex', poolOffset, (poolOffset += bytes));
    if (!ALL_ZEROS.test(hex)) return hex;
  }
}

export function startTrace(): TraceContext {
  return { traceId: nonZeroHex(16), spanId: nonZeroHex(8), sampled: true };
}

/** Same trace, a span of its own: what a hop (a consumer, an outgoing request) carries on. */
export function childSpan(parent: TraceContext): TraceContext {
  return { ...parent, spanId: nonZeroHex(8) };
}
