import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, readFileSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import appEntries from '../../infra/docker/app-entries.json';

const ROOT = join(__dirname, '..', '..');

/** Every Naxio process kind that does the work, by the entry point its container runs (the analytics API only reads). */
const { analytics: _readOnly, ...workers } = appEntries;
export const APP_ENTRIES = workers;
export type AppName = keyof typeof APP_ENTRIES;
export const ALL_APPS = Object.keys(APP_ENTRIES) as AppName[];

/** The heap flags the image sets in NODE_OPTIONS (infra/docker/Dockerfile): apps run here as they run there. */
export const APP_HEAP_FLAGS = ['--max-old-space-size=128'];

/**
 * How an app's process runs: `tsx` from its TypeScript sources through tsx's loader (the specs: no
 * build step), `compiled` from its bundle, dist/<app>.js, as the image runs it (`npm run build`).
 */
export type AppRuntime = 'tsx' | 'compiled';

/** The bundle `npm run build` (scripts/build-apps.mjs) makes of an app's entry point. */
export const appBundle = (name: AppName): string => `dist/${name}.js`;

type Running = { child: ChildProcess; log: WriteStream; killedOnPurpose: boolean };

/**
 * Runs each app as its own OS process, the way an orchestrator would: one that dies is started again
 * after `restartDelayMs`. `kill9` is the chaos: SIGKILL, no chance to clean up. Peak memory (VmHWM)
 * of every process is sampled while it lives, since a killed process cannot report its own.
 */
export class AppProcesses {
  private readonly running = new Map<AppName, Running>();
  private readonly peakRssKb = new Map<AppName, number>();
  private readonly unexpectedExits: string[] = [];
  private readonly sampler: NodeJS.Timeout;
  private stopping = false;

  constructor(
    private readonly env: NodeJS.ProcessEnv,
    private readonly logDir: string,
    private readonly options: { restartDelayMs?: number; nodeArgs?: string[]; runtime?: AppRuntime } = {},
  ) {
    this.sampler = setInterval(() => this.samplePeaks(), 250);
  }

  start(name: AppName): void {
    // node --import tsx rather than the tsx CLI: the CLI runs the app in a child of its own, which
    // a SIGKILL to the CLI would leave running. A bundle runs as the image runs it.
    const program = this.options.runtime === 'compiled' ? ['--enable-source-maps', appBundle(name)] : ['--import', 'tsx', APP_ENTRIES[name]];
    const child = spawn(process.execPath, [...APP_HEAP_FLAGS, ...(this.options.nodeArgs ?? []), ...program], { cwd: ROOT, env: { ...this.env, ...appEnv(name, this.env) }, stdio: ['ignore', 'pipe', 'pipe'] });
    const log = createWriteStream(join(this.logDir, `${name}.log`), { flags: 'a' });
    child.stdout?.pipe(log, { end: false });
    child.stderr?.pipe(log, { end: false });
    const entry: Running = { child, log, killedOnPurpose: false };
    this.running.set(name, entry);
    child.on('exit', (code, signal) => {
      if (!entry.killedOnPurpose && !this.stopping) this.unexpectedExits.push(`${name} exited (${signal ?? code})`);
      if (this.stopping || this.running.get(name) !== entry) return;
      setTimeout(() => !this.stopping && this.start(name), this.options.restartDelayMs ?? 500);
    });
  }

  kill9(name: AppName): void {
    const entry = this.running.get(name);
    if (!entry) return;
    this.samplePeaks();
    entry.killedOnPurpose = true;
    entry.child.kill('SIGKILL');
  }

  pid(name: AppName): number | undefined {
    return this.running.get(name)?.child.pid;
  }

  /** Processes that died without being killed on purpose: a crash the chaos did not ask for. */
  crashes(): readonly string[] {
    return this.unexpectedExits;
  }

  peakRssMb(): Record<string, number> {
    return Object.fromEntries([...this.peakRssKb].map(([name, kb]) => [name, Math.round(kb / 102.4) / 10]));
  }

  logTail(name: AppName, lines = 20): string {
    try {
      return readFileSync(join(this.logDir, `${name}.log`), 'utf8').split('\n').slice(-lines).join('\n');
    } catch {
      return '';
    }
  }

  async stopAll(): Promise<void> {
    this.stopping = true;
    clearInterval(this.sampler);
    this.samplePeaks();
    await Promise.all(
      [...this.running.values()].map(
        ({ child, log }) =>
          new Promise<void>((resolve) => {
            const done = () => (log.end(), resolve());
            if (child.exitCode !== null || child.signalCode !== null) return done();
            const force = setTimeout(() => child.kill('SIGKILL'), 5000);
            child.once('exit', () => (clearTimeout(force), done()));
            child.kill('SIGTERM');
          }),
      ),
    );
  }

  private samplePeaks(): void {
    for (const [name, { child }] of this.running) {
      if (!child.pid || child.exitCode !== null) continue;
      try {
        const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1];
        if (hwm) this.peakRssKb.set(name, Math.max(this.peakRssKb.get(name) ?? 0, Number(hwm)));
      } catch {
        // The process ended between the check and the read.
      }
    }
  }
}

/** Settings that differ by process: only the ingress listens. */
function appEnv(name: AppName, env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return name === 'ingress' ? { PORT: env.INGRESS_PORT, HOST: '127.0.0.1' } : {};
}
