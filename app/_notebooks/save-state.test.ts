// The autosave status shown for a revision, derived from what the last save left.
import { describe, expect, it } from 'vitest';
import { shownSaveState, type HeldSaveState } from './save-state';

const saved: HeldSaveState = { state: { status: 'saved', at: '2026-11-27T10:00:00.000Z' }, revision: 3 };

describe('the save status shown', () => {
  it('is what the save left while nothing was typed since', () => {
    expect(shownSaveState(saved, 3)).toBe(saved.state);
    const failed: HeldSaveState = { state: { status: 'error', message: 'HTTP 500' }, revision: 3 };
    expect(shownSaveState(failed, 3)).toBe(failed.state);
  });
  it('is "pending" once a later revision exists, after a save or a failure, the same object each time', () => {
    const a = shownSaveState(saved, 4);
    expect(a).toEqual({ status: 'pending' });
    expect(shownSaveState(saved, 9)).toBe(a); // one stable value: nothing re-renders for it
    expect(shownSaveState({ state: { status: 'error', message: 'HTTP 500' }, revision: 3 }, 4)).toBe(a);
  });
  it('stays "saving" and "conflict" whatever is typed meanwhile', () => {
    expect(shownSaveState({ state: { status: 'saving' }, revision: 3 }, 7)).toEqual({ status: 'saving' });
    expect(shownSaveState({ state: { status: 'conflict' }, revision: 3 }, 7)).toEqual({ status: 'conflict' });
  });
});
