#!/usr/bin/env node
// `npm test`: type-check, then every jest spec (unit, integration, end-to-end), then one plain
// closing line "N passed, N failed" counted from jest's JSON results, so a run that executed no test
// can never pass for a green one. Services are found or started by test/global-setup.ts.
//
// Specs named *.alone.spec.ts (the chaos and load runs) start many processes and judge the system
// under load, so they run after the others, one at a time, with the machine to themselves.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const run = (command, args) => spawnSync(command, args, { cwd: root, stdio: 'inherit' }).status ?? 1;
const ALONE = '\\.alone\\.spec\\.ts$';

console.log('typecheck: tsc --noEmit -p tsconfig.json');
if (run('npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']) !== 0) {
  console.log('0 passed, 1 failed');
  process.exit(1);
}
mkdirSync(join(root, '.naxio'), { recursive: true });

/** Runs one jest phase; its counts, or one failure if jest left no results to count. */
function phase(name, args) {
  const resultsFile = join(root, '.naxio', `jest-results-${name}.json`);
  rmSync(resultsFile, { force: true });
  const status = run('npx', ['jest', '--json', `--outputFile=${resultsFile}`, '--passWithNoTests', ...args, ...process.argv.slice(2)]);
  if (!existsSync(resultsFile)) return { passed: 0, failed: 1, skipped: 0, status: status || 1 };
  const results = JSON.parse(readFileSync(resultsFile, 'utf8'));
  // A spec file that failed to load has no test results of its own: count it as a failure.
  const brokenSuites = results.testResults.filter((s) => s.status === 'failed' && s.assertionResults.length === 0).length;
  return { passed: results.numPassedTests, failed: results.numFailedTests + brokenSuites, skipped: results.numPendingTests + results.numTodoTests, status };
}

// One worker per core; specs use their own databases and topics, so they may run side by side.
const shared = phase('shared', ['--maxWorkers=2', '--testPathIgnorePatterns', '/node_modules/', ALONE]);
const alone = phase('alone', ['--runInBand', '--testPathPattern', ALONE]);
const passed = shared.passed + alone.passed;
const failed = shared.failed + alone.failed;
const skipped = shared.skipped + alone.skipped;
const ranNone = passed + failed === 0;
console.log(`${passed} passed, ${failed + (ranNone ? 1 : 0)} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(shared.status !== 0 || alone.status !== 0 || failed > 0 || ranNone ? 1 : 0);
