// Cancelling reads when nobody waits for them any more (a dashboard user moved on). The server
// runs each request inside `cancellable(signal, …)`; every read the request makes on a store
// (`Store.sql`, `Store.query`, `Store.session`) interrupts its DuckDB connection when the signal
// aborts, so an abandoned query stops using the cores other users need.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { DuckDBConnection } from '@duckdb/node-api';

const current = new AsyncLocalStorage<AbortSignal>();

/** Runs `fn` so that the reads it starts are interrupted when `signal` aborts. */
export function cancellable<T>(signal: AbortSignal | undefined | null, fn: () => T): T {
  return signal ? current.run(signal, fn) : fn();
}

/** Thrown instead of running a read whose request was already abandoned. */
export class QueryCancelledError extends Error {
  constructor() {
    super('The query was cancelled: its request was abandoned.');
    this.name = 'QueryCancelledError';
  }
}

/** Ties `conn` to the current request's signal; call the returned function when the read is done. */
export function watchCancel(conn: DuckDBConnection): () => void {
  const signal = current.getStore();
  if (!signal) return () => {};
  if (signal.aborted) throw new QueryCancelledError();
  const onAbort = () => conn.interrupt();
  signal.addEventListener('abort', onAbort, { once: true });
  return () => signal.removeEventListener('abort', onAbort);
}

/** Whether an error is DuckDB's answer to interrupt() or our refusal to start. */
export function isCancelled(err: unknown): boolean {
  if (err instanceof QueryCancelledError) return true;
  return err instanceof Error && /INTERRUPT|Interrupted/.test(err.message);
}
