/** A `naxio` subcommand. Each lives in its own file under commands/ and is found by its name. */
export type Command = {
  name: string;
  /** One line for `naxio help`. */
  summary: string;
  run(args: string[]): Promise<number>;
};
