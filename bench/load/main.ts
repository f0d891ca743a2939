import { appRuntimeOption } from '../lib/app-runtime';
import { numberOption } from '../lib/cli';
import { printJsonLine } from '../lib/json-line';
import { loadAverage } from '../lib/process-figures';
import { formatDistribution } from '../lib/stats';
import { freePortPair } from '../../test/support/ports';
import { runLoad } from './run-load';

// `npx tsx bench/load/main.ts [--rate R] [--seconds S] [--tsx]`: the ingress process under R signed
// missed-call webhooks/s for S seconds. Target: 1,000/s for 30 s, p99 acknowledgement under 50 ms,
// every webhook stored. The first `--warmup` seconds (default 5) of the same load are not counted.
// `--profile DIR` writes the ingress's CPU profile there. The ingress runs from its bundle, as the
// image runs it (built first), or with `--tsx` from its TypeScript sources through tsx.
const rate = numberOption('--rate', 1000, { min: 1, max: 5000 });
const seconds = numberOption('--seconds', 30, { min: 1, max: 300 });
const warmupSeconds = numberOption('--warmup', 5, { min: 0, max: 60 });
const profileAt = process.argv.indexOf('--profile');
const profileDir = profileAt >= 0 ? process.argv[profileAt + 1] : undefined;
const runtime = appRuntimeOption();
const TARGET_P99_MS = 50;

async function main() {
  console.log(`the ingress ${runtime === 'compiled' ? 'from its bundle' : 'from TypeScript through tsx'}, ${rate} webhooks/s for ${seconds} s`);
  const result = await runLoad({ rate, seconds, port: await freePortPair(), warmupSeconds, profileDir, runtime });
  console.log(`offered ${result.sent} webhooks at ${rate}/s (achieved ${result.achievedPerSecond}/s); acknowledged ${result.acknowledged}; stored ${result.stored} CallMissed; statuses ${JSON.stringify(result.statuses)}`);
  console.log(`acknowledgement ${formatDistribution(result.ackMs)}`);
  console.log(`p99 per second: ${result.p99BySecond.join(' ')}`);
  console.log(`generator lateness ${formatDistribution(result.lateStartMs)} (CPU ${result.generatorCpuCores} cores); ingress CPU ${result.ingressCpuCores} cores`);
  console.log(`peak RSS MB ${JSON.stringify(result.peakRssMb)}; ingress crashes: ${result.ingressCrashes.length}; load average ${loadAverage()}`);
  const met = result.ackMs.p99 < TARGET_P99_MS && result.stored === result.sent && result.acknowledged === result.sent;
  console.log(`target (p99 < ${TARGET_P99_MS} ms, nothing lost): ${met ? 'met' : 'not met'}`);
  printJsonLine({ ...result, rate, seconds, runtime, targetMet: met });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
