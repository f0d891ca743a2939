/** The figures as one JSON object on the last line of stdout, for scripts that compare runs. */
export function printJsonLine(figures: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}
