import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { round } from './stats';

/** Peak resident set of this process so far, in MiB (resourceUsage reports KiB). */
export const peakRssMb = (): number => round(process.resourceUsage().maxRSS / 1024, 1);

/** The 1-minute load average: on a shared 2-core machine a figure means little without it. */
export const loadAverage = (): number => round(loadavg()[0] ?? 0, 2);

/**
 * CPU this process used over a span, as a share of one core: near 1.0 means the event loop's
 * thread (plus libuv's helpers) had no time to spare.
 */
export function cpuMeter(): { stop(): { cpuCores: number; wallMs: number } } {
  const start = process.cpuUsage();
  const began = performance.now();
  return {
    stop() {
      const used = process.cpuUsage(start);
      const wallMs = performance.now() - began;
      return { cpuCores: round((used.user + used.system) / 1000 / wallMs, 2), wallMs: round(wallMs, 0) };
    },
  };
}

/**
 * CPU another process used over a span, as a share of one core (from /proc: utime + stime); NaN when
 * the process is not there to read at either end (it died, or was started again with another pid).
 */
export function processCpuMeter(pid: number | undefined): { stop(): number } {
  const ticks = () => {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return Number(fields[11]) + Number(fields[12]);
    } catch {
      return NaN;
    }
  };
  const [start, began] = [ticks(), performance.now()];
  // Linux counts in clock ticks of 10 ms (USER_HZ 100).
  return { stop: () => Math.round(((ticks() - start) * 10 / (performance.now() - began)) * 100) / 100 };
}

/** CPU the whole machine used over a span, in cores (from /proc/stat: everything but idle and iowait). */
export function machineCpuMeter(): { stop(): number } {
  const busyTicks = () => {
    const [user, nice, system, , , irq, softirq, steal] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    return user! + nice! + system! + irq! + softirq! + steal!;
  };
  const [start, began] = [busyTicks(), performance.now()];
  return { stop: () => Math.round(((busyTicks() - start) * 10 / (performance.now() - began)) * 100) / 100 };
}

/** How late timers and I/O callbacks ran: a busy event loop delays every stage that shares it. */
export function eventLoopDelayMeter(): { stop(): { p50Ms: number; p99Ms: number; maxMs: number } } {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  return {
    stop() {
      histogram.disable();
      const ms = (ns: number) => round(ns / 1e6, 1);
      return { p50Ms: ms(histogram.percentile(50)), p99Ms: ms(histogram.percentile(99)), maxMs: ms(histogram.max) };
    },
  };
}

/**
 * The share of a span in which some runnable task on the machine waited for a core (Linux PSI,
 * /proc/pressure/cpu "some"): on a shared machine it says how much of a tail was the scheduler's.
 * Undefined where the kernel does not report pressure.
 */
export function cpuPressureMeter(): { stop(): number | undefined } {
  const waitedUs = (): number | undefined => {
    try {
      const total = /^some .*total=(\d+)/m.exec(readFileSync('/proc/pressure/cpu', 'utf8'))?.[1];
      return total === undefined ? undefined : Number(total);
    } catch {
      return undefined;
    }
  };
  const start = waitedUs();
  const began = performance.now();
  return {
    stop() {
      const end = waitedUs();
      return start === undefined || end === undefined ? undefined : round((end - start) / 1000 / (performance.now() - began), 2);
    },
  };
}
