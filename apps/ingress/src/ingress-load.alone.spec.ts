// The ingress process under 1,000 signed missed-call webhooks a second for 30 seconds, offered open
// loop from another process: every one is acknowledged, stored once, and the process never restarts.
// How fast it answers is measured by bench/load (figures, not assertions: see the README).
import { readFileSync } from 'node:fs';
import { runLoad } from '../../../bench/load/run-load';
import { formatDistribution } from '../../../bench/lib/stats';
import { freePortPair } from '../../../test/support/ports';
import { LISTEN_BACKLOG } from './app';

jest.setTimeout(5 * 60_000);

it('holds 1,000 webhooks/s for 30 s and stores every one exactly once', async () => {
  const result = await runLoad({ rate: 1000, seconds: 30, port: await freePortPair() });
  console.log(`achieved ${result.achievedPerSecond}/s; acknowledgement ${formatDistribution(result.ackMs)}; peak RSS MB ${JSON.stringify(result.peakRssMb)}`);
  expect(result.statuses).toEqual({ 200: 30_000 });
  expect(result.stored).toBe(30_000);
  expect(result.leads).toBe(30_000);
  expect(result.ingressCrashes).toEqual([]);
  // A burst waits in the kernel's accept queue rather than being reset: the queue is as long as asked (or the kernel's cap).
  const kernelCap = Number(readFileSync('/proc/sys/net/core/somaxconn', 'utf8'));
  expect(result.listenBacklog).toBe(Math.min(LISTEN_BACKLOG, kernelCap));
});
