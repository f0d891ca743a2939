import type { Slot } from '../lead/events';
import type { Qualification } from '../qualification/qualification';
import type { Tenant } from '../tenant/tenant';

export type CallScriptRequest = { tenant: Tenant; slots: readonly Slot[]; qualification: Qualification | null; recorded: boolean };

/** What Jordan says when the lead picks up. Adapters: Claude, the template. */
export interface CallScriptWriter {
  greeting(request: CallScriptRequest): Promise<string>;
}
