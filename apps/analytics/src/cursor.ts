import { AnalyticsError } from './errors';

/** Where a page of leads ended: the list is ordered by (openedAt, leadId), newest first. */
export type LeadCursor = { openedAt: string; leadId: string };

export const encodeCursor = (c: LeadCursor): string => Buffer.from(JSON.stringify([c.openedAt, c.leadId]), 'utf8').toString('base64url');

/** Opaque to callers; anything we did not hand out is a 400, never a silently wrong page. */
export function decodeCursor(cursor: string): LeadCursor {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2) {
      const [openedAt, leadId] = parsed as unknown[];
      if (typeof openedAt === 'string' && !Number.isNaN(Date.parse(openedAt)) && typeof leadId === 'string') return { openedAt, leadId };
    }
  } catch {
    // falls through to the error below
  }
  throw new AnalyticsError('invalid_cursor', 'cursor is not one this API handed out; start again without it');
}
