import type { EventStore } from '@naxio/domain';
import { eventually } from '@naxio/infra';

/** Human output goes to stderr, so `--json` leaves stdout with one JSON line. */
export const say = (line: string) => process.stderr.write(`${line}\n`);

/** One lead's history straight from the event store, as an auditor replays it. */
export async function printHistory(store: EventStore, leadId: string, until: string): Promise<void> {
  const events = await eventually(async () => {
    const stream = (await store.readStream(leadId)).events;
    return stream.some((e) => e.type === until) ? stream : undefined;
  }, 15_000);
  say(`\nOne lead's history, from the event store (${leadId}):`);
  for (const event of events) {
    say(`  v${event.streamVersion}  ${event.metadata.occurredAt}  ${event.type.padEnd(18)} ${summarise(event.data)}`);
  }
}

function summarise(data: unknown): string {
  const d = data as Record<string, unknown>;
  if ('reason' in d) return `caller ${d.callerPhone}, ${d.reason}${d.repeatCall ? ', repeat call (no new text)' : ''}`;
  if ('text' in d) return `attempt ${d.attempt}: "${String(d.text).slice(0, 48)}…"`;
  if ('messageId' in d) return `Telnyx message ${d.messageId} (confirmed by ${d.confirmedBy})`;
  return JSON.stringify(d);
}

export function printSummary(s: { calls: number; leads: number; textBacks: number; optedOut: number; p50Ms: number; p99Ms: number }): void {
  say('\nSummary');
  say(`  missed calls        ${s.calls}`);
  say(`  leads               ${s.leads}   (repeat calls from one caller fold into one lead)`);
  say(`  text-backs sent     ${s.textBacks}`);
  say(`  opted out           ${s.optedOut}   (texted STOP before: no text)`);
  say(`  text-back latency   p50 ${s.p50Ms} ms · p99 ${s.p99Ms} ms   (webhook sent → SMS at Telnyx)`);
}
