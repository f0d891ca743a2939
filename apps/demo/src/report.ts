import type { Funnel } from './funnel';
import type { Sandboxes } from './local-sandboxes';
import type { DemoCaller } from './scenario';

/** Human output goes to stderr, so `--json` leaves stdout with one JSON line. */
export const say = (line: string) => process.stderr.write(`${line}\n`);

export type Reply = { caller: string; text: string; at: number };

/** Everything the caller and the owner saw and heard about one lead, in the order it happened. */
export function printConversation(sandboxes: Sandboxes, c: DemoCaller, replies: readonly Reply[]): void {
  const { telnyx } = sandboxes;
  const spokenCaller = c.caller.replace(/^\+1/, '').split('').join(' ');
  const lines: Array<{ at: number; text: string }> = replies.filter((r) => r.caller === c.caller).map((r) => ({ at: r.at, text: `  🗨️  caller: ${r.text}` }));
  for (const m of telnyx.sentMessages()) {
    if (m.to === c.caller) lines.push({ at: m.receivedAt, text: `  💬 ${c.tenant.persona} → caller: ${m.text}` });
    if (m.to === c.tenant.ownerPhone && m.text.includes(c.caller)) lines.push({ at: m.receivedAt, text: `  🚨 text to the owner: ${m.text}` });
  }
  for (const call of telnyx.calls()) {
    const spoken = call.spoken.map((s) => `"${s}"`).join(' … ');
    const at = call.answeredAt ?? call.endedAt ?? 0;
    if (call.to === c.caller) lines.push({ at, text: `  ☎️  ${c.tenant.persona} calls back (${call.hangupCause ?? call.status}): ${spoken}` });
    if (call.to === c.tenant.ownerPhone && call.spoken.some((s) => s.includes(spokenCaller))) lines.push({ at, text: `  🚨 call to the owner: ${spoken}` });
  }
  say(`\n${c.caller} at ${c.tenant.company} — ${c.story}`);
  lines.sort((a, b) => a.at - b.at);
  say(lines.length > 0 ? lines.map((l) => l.text).join('\n') : '  (nothing sent)');
}

export function printCrm(sandboxes: Sandboxes): void {
  say('\nJobs in the contractors’ CRMs');
  for (const job of sandboxes.jobber.jobs()) say(`  Jobber         ${job.title ?? '(untitled)'} — starts ${job.startAt ?? 'unscheduled'}`);
  for (const job of sandboxes.housecallpro.jobs()) say(`  Housecall Pro  ${job.id} for ${job.customer_id} — ${job.schedule ? `${job.schedule.scheduled_start} to ${job.schedule.scheduled_end}` : 'unscheduled'}`);
}

export function printSummary(s: Funnel & { calls: number; leads: number; textBacks: number; p50Ms: number; p99Ms: number }): void {
  const rate = s.missed ? Math.round((100 * s.booked) / s.missed) : 0;
  say('\nAll contractors, counted from the event store');
  say(`  missed calls ${s.calls} → leads ${s.missed} → texted ${s.texted} → replied ${s.replied} → qualified ${s.qualified} → escalated ${s.escalated} → booked ${s.booked} → synced ${s.synced}`);
  say(`  follow-up texts sent  ${s.followUps}`);
  say(`  recovery rate         ${rate}% (booked ÷ missed leads)`);
  say(`  text-back latency     p50 ${s.p50Ms} ms · p99 ${s.p99Ms} ms (webhook sent → SMS at Telnyx)`);
}
