import type { Qualification } from '../qualification/qualification';
import type { Tenant } from '../tenant/tenant';

/** One message of the SMS conversation, oldest first. */
export type ConversationTurn = { from: 'lead' | 'business'; text: string; at: string };

export type QualificationRequest = {
  tenant: Tenant;
  conversation: readonly ConversationTurn[];
  /** Now, for "today", "tonight", seasons and business hours. */
  at: Date;
};

/** Reads a conversation and says what the lead needs. Adapters: Claude, the rules. */
export interface Qualifier {
  qualify(request: QualificationRequest): Promise<Qualification>;
}

export type ReplyRequest = QualificationRequest & {
  qualification: Qualification;
  /** Free slots the calendar offered, if any: the reply may name only these. */
  offeredSlots: readonly { start: string; end: string }[];
};

/** Writes the next SMS to the lead in the tenant's persona. Adapters: Claude, templates. */
export interface ReplyWriter {
  write(request: ReplyRequest): Promise<string>;
}
