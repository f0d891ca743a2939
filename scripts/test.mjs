#!/usr/bin/env node
// `npm test`: type-check, then every jest spec (unit, integration, end-to-end), then one plain
// closing line "N passed, N failed" counted from jest's JSON results, so a run that executed no test
// can never pass for a green one. Services are found or started by test/global-setup.ts.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const resultsFile = join(root, '.naxio', 'jest-results.json');
const run = (command, args) => spawnSync(command, args, { cwd: root, stdio: 'inherit' }).status ?? 1;

console.log('typecheck: tsc --noEmit -p tsconfig.json');
if (run('npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']) !== 0) {
  console.log('0 passed, 1 failed');
  process.exit(1);
}

mkdirSync(join(root, '.naxio'), { recursive: true });
rmSync(resultsFile, { force: true });
// One worker per core; specs use their own databases and topics, so they may run side by side.
const status = run('npx', ['jest', '--json', `--outputFile=${resultsFile}`, '--maxWorkers=2', ...process.argv.slice(2)]);

if (!existsSync(resultsFile)) {
  console.log('0 passed, 1 failed');
  process.exit(status || 1);
}
const results = JSON.parse(readFileSync(resultsFile, 'utf8'));
// A spec file that failed to load has no test results of its own: count it as a failure.
const brokenSuites = results.testResults.filter((s) => s.status === 'failed' && s.assertionResults.length === 0).length;
const failed = results.numFailedTests + brokenSuites;
const skipped = results.numPendingTests + results.numTodoTests;
const ranNone = results.numPassedTests + failed === 0;
console.log(`${results.numPassedTests} passed, ${failed + (ranNone ? 1 : 0)} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(status !== 0 || failed > 0 || ranNone ? 1 : 0);
