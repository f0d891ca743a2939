// GET /v2/connections/{connection_id}/active_calls ("List all active calls for given connection"):
// the calls of a connection that are still up, each as Telnyx lists it. Paged the way the official
// SDK pages it: page[number] and page[size] in, meta.page_number and meta.total_pages out.
import type { OutboundCall } from './outbound-call';
import { telnyxErrors, type TelnyxErrorResponse } from './telnyx-errors';

const DEFAULT_PAGE_SIZE = 20;
const MAX_PAGE_SIZE = 250;

export type ActiveCallsAnswer = { status: number; body: unknown };

function pageParameter(query: URLSearchParams, name: string, fallback: number, max: number): number | TelnyxErrorResponse {
  const raw = query.get(`page[${name}]`);
  if (raw === null) return fallback;
  const value = Number(raw);
  return Number.isInteger(value) && value >= 1 && value <= max ? value : telnyxErrors.invalidPageParameter(name);
}

export function listActiveCalls(live: readonly OutboundCall[], query: URLSearchParams, now = Date.now()): ActiveCallsAnswer {
  const pageSize = pageParameter(query, 'size', DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
  if (typeof pageSize !== 'number') return pageSize;
  const pageNumber = pageParameter(query, 'number', 1, Number.MAX_SAFE_INTEGER);
  if (typeof pageNumber !== 'number') return pageNumber;
  const data = live.slice((pageNumber - 1) * pageSize, pageNumber * pageSize).map((call) => ({
    call_control_id: call.leg.callControlId,
    call_leg_id: call.leg.callLegId,
    call_session_id: call.leg.callSessionId,
    client_state: call.clientState ?? '',
    call_duration: Math.max(0, Math.floor((now - call.leg.startTime.getTime()) / 1000)),
    record_type: 'call',
  }));
  const meta = { page_number: pageNumber, page_size: pageSize, total_pages: Math.max(1, Math.ceil(live.length / pageSize)), total_results: live.length };
  return { status: 200, body: { data, meta } };
}
