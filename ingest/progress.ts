// Progress of the ingest running in the current async context. A caller that wants to show a
// progress bar wraps the run in `withProgress(listener, fn)`; the pipeline reports from deep inside
// without every importer having to thread a callback through its options. Runs without a listener
// pay one AsyncLocalStorage lookup per batch.
import { AsyncLocalStorage } from 'node:async_hooks';

export type IngestPhase = 'reading' | 'merging' | 'refreshing' | 'done';

export interface IngestProgress {
  phase: IngestPhase;
  /** Source rows read so far (events, objects, table rows: whatever the source counts). */
  rows: number;
  /** Milliseconds since the run began. */
  elapsedMs: number;
}

export type ProgressListener = (p: IngestProgress) => void;

interface Tracker {
  listener: ProgressListener;
  started: number;
  rows: number;
  phase: IngestPhase;
}

const current = new AsyncLocalStorage<Tracker>();

function emit(t: Tracker): void {
  try {
    t.listener({ phase: t.phase, rows: t.rows, elapsedMs: Math.round(performance.now() - t.started) });
  } catch {
    // A broken progress display must never fail an ingest.
  }
}

/** Runs `fn` with `listener` receiving the progress of every ingest it starts. */
export function withProgress<T>(listener: ProgressListener, fn: () => Promise<T>): Promise<T> {
  return current.run({ listener, started: performance.now(), rows: 0, phase: 'reading' }, fn);
}

/** Called by readers and the pipeline: `n` more source rows were read. */
export function reportRows(n: number): void {
  const t = current.getStore();
  if (!t) return;
  t.rows += n;
  t.phase = 'reading';
  emit(t);
}

/** Called when a run moves on to its next phase. */
export function reportPhase(phase: IngestPhase): void {
  const t = current.getStore();
  if (!t) return;
  t.phase = phase;
  emit(t);
}
