import type { ConversationTurn } from '../ports/qualifier';
import type { LeadEvent } from './events';

/**
 * The SMS conversation as the qualifier reads it: the lead's replies and the texts we sent the lead,
 * oldest first. Alerts to the owner are not part of it.
 */
export function conversationOf(history: ReadonlyArray<{ event: LeadEvent; at: string }>): ConversationTurn[] {
  const turns: ConversationTurn[] = [];
  for (const { event, at } of history) {
    if (event.type === 'ReplyReceived') turns.push({ from: 'lead', text: event.data.text, at: event.data.receivedAt });
    if (event.type === 'TextSendAttempted' && event.data.kind !== 'owner-alert') turns.push({ from: 'business', text: event.data.text, at });
  }
  return turns;
}
