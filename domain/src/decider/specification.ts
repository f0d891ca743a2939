import { type Decider, fold } from './decider';

/**
 * given / when / then for deciders, with no I/O:
 *   DeciderSpecification.for(leadDecider).given([...]).when(command).then([...])
 * Only used by specs, but kept next to the decider type so every lifecycle is tested the same way.
 */
export const DeciderSpecification = {
  for<C, E, S>(decider: Decider<C, E, S>) {
    return {
      given(history: readonly E[]) {
        return {
          when(command: C) {
            const run = () => decider.decide(command, fold(decider, history));
            return {
              then(expected: readonly E[]) {
                expect(run()).toEqual(expected);
              },
              thenNothingHappens() {
                expect(run()).toEqual([]);
              },
              thenThrows(code: string) {
                expect(run).toThrow(expect.objectContaining({ code }));
              },
            };
          },
        };
      },
    };
  },
};
