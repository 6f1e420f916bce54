export { RunOutcome } from './RunOutcome';
export { outcomeOf } from './outcome';
export type { Outcome } from './outcome';
