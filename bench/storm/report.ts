import { type Distribution, formatDistribution } from '../lib/stats';

export type StormFigures = {
  shape: string; calls: number; rate: number; warmupCalls: number; sendSpanMs: number; generatorLagMs: Distribution; peakInFlight: number; recorded: number; firstOtherAnswer?: string;
  ackMs: Distribution; textBackMs: Distribution; textsPerSecond: number; storedEvents: number; eventsPerSecond: number; eventCounts: Record<string, number>;
  exactlyOneTextPerLead: boolean; leadsTexted: number; leadsWithoutText: number; leadsWithSeveralTexts: number;
  stagesMs: { ingress: Distribution; relay: Distribution; texterQueue: Distribution; smsRequest: Distribution; complete: number }; smsGapMs: Distribution;
  busyWallMs: number; machineCores: number; processes: Record<string, { cpuCores: number; peakRssMb: number }>; crashes: string[];
  oneProcess?: { eventLoopDelayMs: { p50Ms: number; p99Ms: number; maxMs: number }; sqlStatementsPerLead: number; sqlPerLeadByKind: Record<string, number> };
  dbActiveByWait: Record<string, number>;
  loggedErrors: number; firstLoggedError?: string; whatIf: string[];
  anchors: { valueBytes: number; kafkaBatchedPerSecond: number; kafkaOneBySendPerSecond: number; postgresWriters: number; postgresAppendsPerSecond: number };
  ratios: { textsOverKafkaBatched: number; textsOverKafkaOneBySend: number; textsOverPostgresAppends: number; eventsOverPostgresAppends: number };
  generator: { cpuCores: number; peakRssMb: number }; loadAverage: { before: number; after: number };
};

export function printStorm(f: StormFigures): void {
  const line = (text = '') => console.log(text);
  if (f.whatIf.length > 0) line(`  what-if run (not the shipped system): ${f.whatIf.join('; ')}`);
  line(`\n  ${f.shape}; offered ${f.rate}/s after ${f.warmupCalls} warm-up calls; sent ${f.calls} in ${(f.sendSpanMs / 1000).toFixed(2)} s (generator lag ${formatDistribution(f.generatorLagMs)}), peak ${f.peakInFlight} in flight`);
  line(`  webhooks answered 200 "recorded": ${f.recorded}/${f.calls}${f.firstOtherAnswer ? ` (first other: ${f.firstOtherAnswer})` : ''}`);
  line(`  webhook ack        ${formatDistribution(f.ackMs)}`);
  line(`  text-back latency  ${formatDistribution(f.textBackMs)}`);
  line(`  throughput         ${f.textsPerSecond} texts/s; ${f.storedEvents} events stored (${f.eventsPerSecond}/s): ${JSON.stringify(f.eventCounts)}`);
  line(`  exactly one text per lead: ${f.exactlyOneTextPerLead ? 'yes' : 'NO'} (${f.leadsTexted} leads texted, ${f.leadsWithoutText} without a text, ${f.leadsWithSeveralTexts} with more than one)`);
  line(`\n  where the time goes (per lead, ${f.stagesMs.complete} with every timestamp)`);
  line(`    ingress        webhook sent → CallMissed append     ${formatDistribution(f.stagesMs.ingress)}`);
  line(`    relay          CallMissed append → Kafka publish    ${formatDistribution(f.stagesMs.relay)}`);
  line(`    texter queue   publish → TextSendAttempted append   ${formatDistribution(f.stagesMs.texterQueue)}`);
  line(`    SMS request    claim → sandbox received the SMS     ${formatDistribution(f.stagesMs.smsRequest)}`);
  line(`    gap between consecutive SMS requests: ${formatDistribution(f.smsGapMs)}`);
  line(`    database sessions active, mean per sample, by wait: ${JSON.stringify(f.dbActiveByWait)}`);
  line(`    errors the apps logged: ${f.loggedErrors}${f.firstLoggedError ? ` (first: ${f.firstLoggedError})` : ''}`);
  const byProcess = Object.entries(f.processes).sort((a, b) => b[1].cpuCores - a[1].cpuCores);
  line(`\n  ${f.shape}, from the first send to the last text (${(f.busyWallMs / 1000).toFixed(1)} s): CPU and peak RSS`);
  for (const [name, p] of byProcess) line(`    ${name.padEnd(12)} ${p.cpuCores.toFixed(2).padStart(5)} cores  ${String(p.peakRssMb).padStart(6)} MiB`);
  line(`    load         ${f.generator.cpuCores.toFixed(2).padStart(5)} cores  ${String(f.generator.peakRssMb).padStart(6)} MiB (the load process, over its own span)`);
  line(`    machine      ${f.machineCores.toFixed(2).padStart(5)} cores (every process: Naxio's, PostgreSQL, Kafka, the load)`);
  if (f.crashes.length > 0) line(`    crashes: ${f.crashes.join('; ')}`);
  if (f.oneProcess) {
    const o = f.oneProcess;
    line(`    event-loop delay p50 ${o.eventLoopDelayMs.p50Ms} ms p99 ${o.eventLoopDelayMs.p99Ms} ms max ${o.eventLoopDelayMs.maxMs} ms; SQL statements ${o.sqlStatementsPerLead} per lead:`);
    for (const [kind, perLead] of Object.entries(o.sqlPerLeadByKind)) line(`      ${String(perLead).padStart(6)} per lead  ${kind}`);
  }
  line('\n  anchors (same broker, same database, after the storm)');
  line(`    kafkajs produce→consume, ${f.anchors.valueBytes} B values: ${f.anchors.kafkaBatchedPerSecond} msg/s in sends of 100; ${f.anchors.kafkaOneBySendPerSecond} msg/s one per send`);
  line(`    event store single appends, ${f.anchors.postgresWriters} writers: ${f.anchors.postgresAppendsPerSecond} events/s`);
  line(`    pipeline ${f.textsPerSecond} texts/s = ${f.ratios.textsOverKafkaBatched}x Kafka (batched), ${f.ratios.textsOverKafkaOneBySend}x Kafka (one per send), ${f.ratios.textsOverPostgresAppends}x raw appends`);
  line(`    pipeline ${f.eventsPerSecond} events/s = ${f.ratios.eventsOverPostgresAppends}x raw appends`);
  line(`  load average ${f.loadAverage.before} → ${f.loadAverage.after}`);
}
