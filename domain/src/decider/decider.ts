/**
 * A decider is the whole behaviour of one lifecycle: what a command produces given the past
 * (`decide`), and how the past folds into state (`evolve`). Both are pure; time and ids arrive
 * on the command, so replaying the same history always gives the same answer.
 */
export interface Decider<Command, Event, State> {
  decide(command: Command, state: State): Event[];
  evolve(state: State, event: Event): State;
  initialState(): State;
}

export function fold<Event, State>(
  decider: Pick<Decider<unknown, Event, State>, 'evolve' | 'initialState'>,
  events: readonly Event[],
): State {
  return events.reduce(decider.evolve, decider.initialState());
}

/** A rule of the domain refused the command; the message is meant for the operator. */
export class DomainRuleViolated extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'DomainRuleViolated';
  }
}
