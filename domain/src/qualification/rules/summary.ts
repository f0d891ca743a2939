import type { Intent, ServiceArea, ServiceType, Urgency } from '../qualification';

const MAX = 120;

const areaNote = (area: ServiceArea) => {
  const where = [area.city, area.zip].filter(Boolean).join(' ');
  if (area.inArea === null) return '';
  return area.inArea ? ` in ${where}` : ` OUT OF AREA (${where})`;
};

/** One line for the owner's phone: what, how urgent, where, then the lead's own words. */
export function summaryOf(parts: {
  urgency: Urgency; serviceType: ServiceType; subCategory: string; serviceArea: ServiceArea; intent: Intent; latestReply: string;
}): string {
  const what = parts.serviceType === 'unknown' ? 'unclear need' : `${parts.serviceType} ${parts.subCategory === 'general' ? '' : parts.subCategory}`.trim();
  const head = `${parts.urgency === 'emergency' ? 'EMERGENCY' : parts.urgency}: ${what}${areaNote(parts.serviceArea)}${parts.intent === 'low' ? ' (low intent)' : ''}`;
  const words = parts.latestReply.replace(/\s+/g, ' ').trim();
  const line = words ? `${head} — "${words}"` : head;
  return line.length <= MAX ? line : `${line.slice(0, MAX - 2).trimEnd()}…"`;
}
