import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { AppName, AppRuntime } from '../../test/support/app-processes';
import { flagOption } from './cli';

const ROOT = join(__dirname, '..', '..');

/**
 * The benches run the app processes as the image does, from their bundles, unless `--tsx` asks for
 * the TypeScript sources through tsx's loader (as the specs run them), to compare the two.
 */
export const appRuntimeOption = (): AppRuntime => (flagOption('--tsx') ? 'tsx' : 'compiled');

/**
 * Bundles the apps a compiled run starts (`npm run build`, for these apps only) so that it measures
 * the sources as they are now, not a stale dist/. Its output goes to stderr: stdout ends with the
 * bench's JSON line.
 */
export function buildAppBundles(apps: readonly AppName[]): void {
  try {
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-apps.mjs'), ...apps], { cwd: ROOT, stdio: ['ignore', 2, 2] });
  } catch {
    throw new Error('could not bundle the apps (see above); `npm run build` does the same, or run the bench with --tsx');
  }
}
