// What a SQL cell's last run left: nothing yet, running, a result, an error (with the server's
// code), or cancelled by the user. The page holds one per cell; results are not saved.
import type { Table } from 'apache-arrow';
import type { ResultColumn } from './result-values';

export interface RunResult {
  table: Table;
  columns: ResultColumn[];
  rows: number;
  /** The query had more rows than were sent. */
  capped: boolean;
  elapsedMs: number;
  /** When it finished (ms since the epoch), for "ran at". */
  finishedAt: number;
}

/** REFUSED (the sandbox's gate), TIMEOUT, SQL_ERROR, BAD_REQUEST, … as the run route answers; NETWORK when no answer came. */
export interface RunFailure {
  code: string;
  message: string;
}

export type RunState =
  | { status: 'idle' }
  | { status: 'running'; startedAt: number; previous: RunResult | null }
  | { status: 'done'; result: RunResult }
  | { status: 'error'; error: RunFailure; previous: RunResult | null }
  | { status: 'cancelled'; afterMs: number; previous: RunResult | null };

export const IDLE: RunState = { status: 'idle' };

/** The result to show: the last one, also while a new run is on its way or after it failed. */
export function shownResult(state: RunState): RunResult | null {
  switch (state.status) {
    case 'done':
      return state.result;
    case 'running':
    case 'error':
    case 'cancelled':
      return state.previous;
    default:
      return null;
  }
}
