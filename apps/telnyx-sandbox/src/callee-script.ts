// Callee scripts: how the person at a dialled number behaves. Checked here so that a script
// given over the control API fails with a message naming the field, not halfway through a call.
import type { CalleeScript } from './types';

const ANSWERS: ReadonlyArray<CalleeScript['answer']> = ['human', 'voicemail', 'no-answer', 'busy'];

/** An unscripted number: a person who answers after a short ring and gives no gather anything. */
export const DEFAULT_CALLEE_SCRIPT: CalleeScript = { answer: 'human' };
export const DEFAULT_RING_MS = 20;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function optionalDelay(source: Record<string, unknown>, field: 'ringMs' | 'hangUpAfterMs'): number | undefined {
  const value = source[field];
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new Error(`\`${field}\` must be a number of milliseconds >= 0`);
  }
  return value;
}

function gatherResults(value: unknown): NonNullable<CalleeScript['gatherResults']> | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || !value.every(isPlainObject)) {
    throw new Error('`gatherResults` must be an array of objects (collected parameters, or { "hangUp": true })');
  }
  // Copies, so a caller mutating its array later changes nothing here.
  return value.map((entry) => (entry.hangUp === true ? { hangUp: true as const } : { ...entry }));
}

/** Validates and copies a script; throws an Error naming the first wrong field. */
export function parseCalleeScript(value: unknown): CalleeScript {
  if (!isPlainObject(value)) throw new Error('a callee script must be an object');
  const answer = ANSWERS.find((known) => known === value.answer);
  if (!answer) throw new Error(`\`answer\` must be one of ${ANSWERS.join(', ')}`);
  const script: CalleeScript = { answer };
  const ringMs = optionalDelay(value, 'ringMs');
  if (ringMs !== undefined) script.ringMs = ringMs;
  const hangUpAfterMs = optionalDelay(value, 'hangUpAfterMs');
  if (hangUpAfterMs !== undefined) script.hangUpAfterMs = hangUpAfterMs;
  const gathers = gatherResults(value.gatherResults);
  if (gathers !== undefined) script.gatherResults = gathers;
  return script;
}
