import type { CallScriptRequest, CallScriptWriter } from '../ports/call-script';
import { callbackGreeting, describeSlot } from './callback-texts';

/**
 * What any opening of Jordan's call must say, whoever wrote it: the business, that this is an
 * automated assistant, the recording notice when the call is recorded, the offered times and none
 * other, and how to opt out; no prices. A script that misses one is not spoken.
 */
export function checkCallGreeting(text: string, request: CallScriptRequest): { ok: true } | { ok: false; problem: string } {
  const { tenant, slots, recorded } = request;
  if (text.length > 700) return { ok: false, problem: 'longer than a caller will listen to' };
  if (!text.includes(tenant.company)) return { ok: false, problem: 'does not name the business' };
  if (!/automated/i.test(text)) return { ok: false, problem: 'does not say it is an automated assistant' };
  if (recorded && !/record/i.test(text)) return { ok: false, problem: 'does not say the call is recorded' };
  if (!/stop calling/i.test(text)) return { ok: false, problem: 'does not say how to opt out' };
  if (/\$\s?\d/.test(text)) return { ok: false, problem: 'quotes a price' };
  const offered = slots.map((s) => describeSlot(s, tenant.timezone));
  if (!offered.every((slot) => text.includes(slot))) return { ok: false, problem: 'does not say every offered time as given' };
  return { ok: true };
}

export const templateCallScript: CallScriptWriter = {
  async greeting(request) {
    return callbackGreeting(request.tenant, request.slots, request.recorded, request.qualification?.summary);
  },
};
