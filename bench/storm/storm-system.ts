import type { Pool } from 'pg';
import type { Tenant } from '@naxio/domain';
import { startLocalSystem } from '@naxio/demo';
import type { TelnyxSandbox } from '@naxio/telnyx-sandbox';
import { cpuMeter, eventLoopDelayMeter, machineCpuMeter, peakRssMb } from '../lib/process-figures';
import { countQueries } from './samplers';

/** Per process over the storm: CPU as a share of one core, peak resident memory. */
export type ProcessFigures = {
  /** Every process on the machine, PostgreSQL and Kafka included. */
  machineCores: number;
  byProcess: Record<string, { cpuCores: number; peakRssMb: number }>;
  crashes: string[];
  /** Only where the whole system shares this process: its event loop and every statement it sent. */
  oneProcess?: { eventLoopDelayMs: { p50Ms: number; p99Ms: number; maxMs: number }; sqlStatements: { total: number; byKind: Map<string, number> } };
};

/** What the storm drives and reads back, however Naxio's processes are laid out. */
export type StormSystem = {
  shape: string;
  tenants: Tenant[];
  sandboxes: { telnyx: TelnyxSandbox };
  /** For reading back what the storm left; not one the system itself uses. */
  pool: Pool;
  ingressUrl: string;
  /** Errors the apps logged: consumer and relay failures, crashes' stack traces. */
  problems(): string[];
  /** Starts measuring the system's processes; `stop` says what they used since. */
  meter(): { stop(): ProcessFigures };
  stop(): Promise<void>;
};

/** Connections the whole system shares when it runs in one process. */
export const ONE_PROCESS_POOL_SIZE = 40;

export type OneProcessOptions = { databaseUrl: string; brokers: string[]; topic: string; tenantsFile: string };

/** Every app in this process (startLocalSystem, as the demo runs): one core for all of it. */
export async function startOneProcessSystem(options: OneProcessOptions): Promise<StormSystem> {
  const problems: string[] = [];
  const log = (message: string) => void problems.push(message);
  const system = await startLocalSystem({ databaseUrl: options.databaseUrl, kafkaBrokers: options.brokers, topic: options.topic, tenantsFile: options.tenantsFile, log, poolSize: ONE_PROCESS_POOL_SIZE });
  return {
    shape: 'every app in one process',
    tenants: system.tenants,
    sandboxes: system.sandboxes,
    pool: system.pool,
    ingressUrl: system.ingressUrl,
    problems: () => problems,
    meter() {
      const [machine, cpu, loop, queries] = [machineCpuMeter(), cpuMeter(), eventLoopDelayMeter(), countQueries()];
      return {
        stop: () => ({
          machineCores: machine.stop(),
          byProcess: { naxio: { cpuCores: cpu.stop().cpuCores, peakRssMb: peakRssMb() } },
          crashes: [],
          oneProcess: { eventLoopDelayMs: loop.stop(), sqlStatements: queries.stop() },
        }),
      };
    },
    stop: () => system.stop(),
  };
}
