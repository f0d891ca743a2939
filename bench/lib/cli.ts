/** `--name value` from the command line; a missing flag gives the fallback, a bad value stops the run. */
export function numberOption(name: string, fallback: number, { min = 1, max = Number.MAX_SAFE_INTEGER } = {}): number {
  const i = process.argv.indexOf(name);
  if (i < 0) return fallback;
  const value = Number(process.argv[i + 1]);
  if (!Number.isFinite(value) || value < min || value > max) throw new Error(`${name} takes a number from ${min} to ${max}`);
  return value;
}

/** `--name 1,4,16`: a comma-separated list of whole numbers. */
export function listOption(name: string, fallback: number[]): number[] {
  const i = process.argv.indexOf(name);
  if (i < 0) return fallback;
  const values = (process.argv[i + 1] ?? '').split(',').map(Number);
  if (values.length === 0 || values.some((v) => !Number.isInteger(v) || v < 1)) throw new Error(`${name} takes whole numbers separated by commas, e.g. 1,4,16`);
  return values;
}

/** `--name` on its own: true when given. */
export const flagOption = (name: string): boolean => process.argv.includes(name);
