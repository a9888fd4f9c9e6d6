import { describe, expect, it } from 'vitest';
import { InvalidTransitionError, RUN_STATES, canTransition, isFinal, transition } from './states';

describe('run state transitions', () => {
  it('allows the paths of a run', () => {
    const paths: [string, string][] = [
      ['requested', 'approved'],
      ['requested', 'awaiting_approval'],
      ['awaiting_approval', 'approved'],
      ['awaiting_approval', 'cancelled'],
      ['approved', 'running'],
      ['running', 'succeeded'],
      ['running', 'failed'],
      ['running', 'dead_lettered'],
      ['failed', 'running'],
      ['failed', 'dead_lettered'],
      ['dead_lettered', 'approved'],
      ['dead_lettered', 'succeeded'],
      ['dead_lettered', 'cancelled'],
    ];
    for (const [from, to] of paths) expect(transition(from, to as never)).toBe(to);
  });

  it('refuses skipping the approval, leaving a final state, and re-running a running run', () => {
    expect(() => transition('awaiting_approval', 'running')).toThrow(InvalidTransitionError);
    expect(() => transition('requested', 'running')).toThrow('a run cannot go from requested to running');
    expect(() => transition('succeeded', 'running')).toThrow('succeeded is final');
    expect(() => transition('cancelled', 'approved')).toThrow(InvalidTransitionError);
    expect(() => transition('running', 'running')).toThrow(InvalidTransitionError);
    expect(() => transition('running', 'cancelled')).toThrow(InvalidTransitionError);
    expect(() => transition('bogus', 'approved')).toThrow('unknown run state "bogus"');
  });

  it('has exactly two final states, and every other state has a way out', () => {
    expect(RUN_STATES.filter(isFinal)).toEqual(['succeeded', 'cancelled']);
    for (const s of RUN_STATES) if (!isFinal(s)) expect(RUN_STATES.some((t) => canTransition(s, t))).toBe(true);
  });
});
