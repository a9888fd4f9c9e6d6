// Running a notebook cell: compose its named results (notebooks/compose.ts), hand the statement to
// the store's sandbox (sql/sandbox), and turn what went wrong into an answer an analyst can act
// on: REFUSED (the gate), TIMEOUT (the time limit), SQL_ERROR (DuckDB's message, without the
// server's paths), BAD_REQUEST (the notebook itself, e.g. a name used above its cell).
import { createHash } from 'node:crypto';
import { dirname, resolve } from 'node:path';
import { TRPCError } from '@trpc/server';
import * as audit from '../audit';
import { ComposeError, composeCell, type ComposableCell } from '../notebooks/compose';
import { isCancelled, type Store } from '../sql';
import { sandboxFor, SqlRefusedError, SqlTimeoutError, type Sandbox } from '../sql';

export type RunFailure = 'REFUSED' | 'TIMEOUT' | 'SQL_ERROR' | 'BAD_REQUEST';

/** Carried as the `cause` of the TRPCError, so the routes can answer the contract's codes. */
export class NotebookRunError extends Error {
  constructor(
    readonly code: RunFailure,
    message: string,
  ) {
    super(message);
    this.name = 'NotebookRunError';
  }
}

const TRPC_CODE: Record<RunFailure, 'BAD_REQUEST' | 'TIMEOUT'> = { REFUSED: 'BAD_REQUEST', TIMEOUT: 'TIMEOUT', SQL_ERROR: 'BAD_REQUEST', BAD_REQUEST: 'BAD_REQUEST' };

function fail(code: RunFailure, message: string): TRPCError {
  return new TRPCError({ code: TRPC_CODE[code], message, cause: new NotebookRunError(code, message) });
}

/** DuckDB's errors read "<Kind> Error: …" (Parser, Binder, Catalog, Conversion, Invalid Input, …). */
const DUCKDB_ERROR = /^[A-Z][A-Za-z]*( [A-Z][A-Za-z]*)* Error: /;

/** DuckDB's message without the server's folders (the store's, the snapshot's, the working directory). */
export function withoutServerPaths(message: string, store: Store): string {
  const folders = [dirname(resolve(store.path)), process.cwd()].filter((f) => f.length > 1).sort((a, b) => b.length - a.length);
  let out = message;
  for (const f of folders) out = out.split(`${f}/`).join('').split(f).join('<server>');
  return out;
}

/** The error to answer for what the sandbox threw; cancellation stays as it is (→ 499). */
export function runError(err: unknown, store: Store, cells?: readonly ComposableCell[], cellId?: string): unknown {
  if (isCancelled(err)) return err;
  if (err instanceof ComposeError) return fail('BAD_REQUEST', err.message);
  if (err instanceof SqlRefusedError) return fail('REFUSED', err.message);
  if (err instanceof SqlTimeoutError) return fail('TIMEOUT', err.message);
  if (err instanceof Error && DUCKDB_ERROR.test(err.message)) {
    let message = withoutServerPaths(err.message, store);
    const hint = laterResultHint(message, cells, cellId);
    if (hint) message = `${message}\n${hint}`;
    return fail('SQL_ERROR', message);
  }
  return err;
}

/** When DuckDB misses a table that is a later cell's result, say so. */
function laterResultHint(message: string, cells?: readonly ComposableCell[], cellId?: string): string | null {
  const m = /Table with name ([A-Za-z_][A-Za-z0-9_]*) does not exist/.exec(message);
  if (!m || !cells || !cellId) return null;
  const at = cells.findIndex((c) => c.id === cellId);
  const later = cells.findIndex((c, i) => i > at && c.kind !== 'markdown' && c.name?.toLowerCase() === m[1].toLowerCase());
  return later < 0 ? null : `${m[1]} is the result of cell ${later + 1}, below cell ${at + 1}; a cell can only use the results of cells above it.`;
}

export interface RunInput {
  cells: readonly ComposableCell[];
  cellId: string;
  maxRows?: number;
}

/** The audit entry of a run or export: who, which cell, a fingerprint of the SQL, the outcome. */
function auditRun(store: Store, actor: string | undefined, action: string, cellId: string, sql: string | null, outcome: Record<string, unknown>): void {
  if (!actor) return;
  const fingerprint = sql === null ? null : createHash('sha256').update(sql).digest('hex').slice(0, 16);
  audit.appendSoon(store, { actor, action, target: cellId, detail: { sqlSha256: fingerprint, sql: sql?.slice(0, 500) ?? null, ...outcome } });
}

export async function runCell(store: Store, input: RunInput, signal?: AbortSignal, actor?: string) {
  let sql: string | null = null;
  try {
    const composed = composeCell(input.cells, input.cellId);
    sql = composed.sql;
    const result = await sandboxOf(store).run(composed.sql, { signal, maxRows: input.maxRows });
    auditRun(store, actor, 'notebook.run', input.cellId, sql, { rows: result.rows, ok: true });
    return { ...result, uses: composed.uses };
  } catch (err) {
    auditRun(store, actor, 'notebook.run', input.cellId, sql, { ok: false });
    throw runError(err, store, input.cells, input.cellId);
  }
}

export async function exportCell(store: Store, cells: readonly ComposableCell[], cellId: string, format: 'csv' | 'parquet', signal?: AbortSignal, actor?: string) {
  try {
    const composed = composeCell(cells, cellId);
    auditRun(store, actor, 'notebook.export', cellId, composed.sql, { format });
    return await sandboxOf(store).export(composed.sql, format, { signal });
  } catch (err) {
    throw runError(err, store, cells, cellId);
  }
}

export function sandboxOf(store: Store): Sandbox {
  return sandboxFor(store);
}
