// The run state machine: the one place that says which state may follow which. Every write of a
// run's state goes through `transition` (a refused change throws, naming both states).
export const RUN_STATES = [
  'requested',
  'awaiting_approval',
  'approved',
  'running',
  'succeeded',
  'failed',
  'dead_lettered',
  'cancelled',
] as const;
export type RunState = (typeof RUN_STATES)[number];

const NEXT: Readonly<Record<RunState, readonly RunState[]>> = {
  requested: ['awaiting_approval', 'approved', 'cancelled'],
  awaiting_approval: ['approved', 'cancelled'],
  approved: ['running', 'cancelled'],
  // running → failed also when a restarted worker finds a run its predecessor left in flight.
  running: ['succeeded', 'failed', 'dead_lettered'],
  // failed = waiting for its next attempt; an override may close it by hand.
  failed: ['running', 'dead_lettered', 'cancelled', 'succeeded'],
  // manual retry (→ approved) or manual override (→ succeeded / cancelled), each with a reason.
  dead_lettered: ['approved', 'succeeded', 'cancelled'],
  succeeded: [],
  cancelled: [],
};

export class InvalidTransitionError extends Error {
  constructor(
    readonly from: RunState,
    readonly to: RunState,
  ) {
    super(`a run cannot go from ${from} to ${to}${NEXT[from].length ? ` (from ${from}: ${NEXT[from].join(', ')})` : ` (${from} is final)`}`);
    this.name = 'InvalidTransitionError';
  }
}

export function isRunState(s: string): s is RunState {
  return (RUN_STATES as readonly string[]).includes(s);
}

export function canTransition(from: RunState, to: RunState): boolean {
  return NEXT[from].includes(to);
}

/** Returns `to` when the change is allowed, throws InvalidTransitionError otherwise. */
export function transition(from: string, to: RunState): RunState {
  if (!isRunState(from)) throw new Error(`unknown run state "${from}"`);
  if (!canTransition(from, to)) throw new InvalidTransitionError(from, to);
  return to;
}

export const isFinal = (s: RunState): boolean => NEXT[s].length === 0;
