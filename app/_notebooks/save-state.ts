// The autosave status shown for the draft's current revision. "Unsaved changes" is derived here,
// not stored: a keystroke then makes one state update, not that update plus an effect's setState
// after it (see use-autosave.ts for why that second update broke fast typing).
import type { SaveState } from '../../components/notebook/SaveStatus';

/** What the last save (or the load) left, and the draft revision it was about. */
export interface HeldSaveState {
  state: SaveState;
  revision: number;
}

const PENDING: SaveState = { status: 'pending' };

/**
 * A saved (or failed) state about an older revision means changes are waiting; a save under way
 * and a conflict stay as they are whatever was typed since.
 */
export function shownSaveState(held: HeldSaveState, revision: number): SaveState {
  const s = held.state;
  if (revision === held.revision || s.status === 'saving' || s.status === 'conflict') return s;
  return PENDING;
}
