import { isWithinBusinessHours, localTime, nextOpening, type ConversationTurn, type Tenant } from '@naxio/domain';

/**
 * What both prompts tell Claude about the contractor and the conversation. The lead's words go
 * inside <conversation> tags as data; the system prompt says never to follow instructions there.
 */
export function contractorContext(tenant: Tenant, at: Date): string {
  const open = isWithinBusinessHours(tenant.businessHours, localTime(at, tenant.timezone));
  const zips = tenant.coverage.zips.length > 0 ? tenant.coverage.zips.join(', ') : 'none listed';
  const cities = tenant.coverage.cities.length > 0 ? tenant.coverage.cities.join(', ') : 'none listed';
  return [
    `Contractor: ${tenant.company} (trade: ${tenant.trade}). Texts to leads come from ${tenant.persona}.`,
    `Service area: ZIP codes ${zips}; cities ${cities}.`,
    `Local time at the contractor: ${localStamp(at, tenant.timezone, 'full')} (${tenant.timezone}).`,
    open ? 'The office is open now.' : `The office is closed now; it opens ${nextOpening(tenant, at)}.`,
  ].join('\n');
}

export function conversationBlock(conversation: readonly ConversationTurn[], timezone: string): string {
  const lines = conversation.map((turn) => {
    const who = turn.from === 'lead' ? 'Lead' : 'Business';
    return `[${localStamp(new Date(turn.at), timezone, 'clock')}] ${who}: ${withoutTags(turn.text)}`;
  });
  return ['<conversation>', ...(lines.length > 0 ? lines : ['(no messages yet)']), '</conversation>'].join('\n');
}

// A lead cannot close the data block early and write "instructions" after it.
const withoutTags = (text: string) => text.replace(/<\/?\s*conversation\s*>/gi, '').trim();

function localStamp(at: Date, timezone: string, style: 'full' | 'clock'): string {
  if (Number.isNaN(at.getTime())) return 'unknown time';
  const options: Intl.DateTimeFormatOptions =
    style === 'full'
      ? { timeZone: timezone, weekday: 'long', month: 'long', day: 'numeric', year: 'numeric', hour: 'numeric', minute: '2-digit' }
      : { timeZone: timezone, weekday: 'short', hour: 'numeric', minute: '2-digit' };
  return new Intl.DateTimeFormat('en-US', options).format(at);
}
