export { rootCause, outcomeById, DEFAULT_ATTRIBUTES, type RootCause, type RootCauseOptions, type Driver } from './root-cause';
export { builtInOutcomes, slaBreachOutcome, type Outcome } from './outcomes';
