// One run of a cell through POST /api/notebooks/run: the rows arrive as Arrow IPC and are decoded
// here; errors arrive as {error: {code, message}} and are kept in the server's words. Aborting the
// signal (the Cancel button) drops the request, and the server interrupts the query.
import { tableFromIPC } from 'apache-arrow';
import { resultColumns } from '../../components/notebook/result-values';
import type { RunFailure, RunResult } from '../../components/notebook/run-state';
import type { Cell, RunErrorBody } from '../../notebooks/types';
import { runCells } from './cells';

export type RunAnswer = { ok: true; result: RunResult } | { ok: false; error: RunFailure };

export async function runCell(cells: readonly Cell[], cellId: string, signal: AbortSignal, maxRows?: number): Promise<RunAnswer> {
  let res: Response;
  try {
    res = await fetch('/api/notebooks/run', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ cells: runCells(cells), cellId, ...(maxRows ? { maxRows } : {}) }),
      signal,
    });
  } catch (err) {
    if (signal.aborted) throw err;
    return { ok: false, error: { code: 'NETWORK', message: `The request did not reach the server: ${err instanceof Error ? err.message : String(err)}` } };
  }
  if (!res.ok) {
    const text = await res.text();
    try {
      const body = JSON.parse(text) as RunErrorBody;
      if (body?.error?.code) return { ok: false, error: { code: body.error.code, message: body.error.message } };
    } catch {
      // not the JSON error body: say what came back
    }
    return { ok: false, error: { code: `HTTP ${res.status}`, message: text.slice(0, 500) || res.statusText } };
  }
  const bytes = await res.arrayBuffer();
  const table = tableFromIPC(new Uint8Array(bytes));
  let declared: { name: string; type: string }[] | undefined;
  try {
    declared = JSON.parse(decodeURIComponent(res.headers.get('x-tl-columns') ?? '')) as { name: string; type: string }[];
  } catch {
    declared = undefined; // the Arrow schema still names and types the columns
  }
  const rows = Number(res.headers.get('x-tl-rows') ?? table.numRows);
  return {
    ok: true,
    result: {
      table,
      columns: resultColumns(table, declared),
      rows: Number.isFinite(rows) ? rows : table.numRows,
      capped: res.headers.get('x-tl-capped') === '1',
      elapsedMs: Number(res.headers.get('x-tl-elapsed-ms') ?? 0),
      finishedAt: Date.now(),
    },
  };
}

/** The export links of a saved cell's full result. */
export const exportHrefs = (notebookId: string, cellId: string) => {
  const q = (format: string) => `/api/notebooks/export?${new URLSearchParams({ notebook: notebookId, cell: cellId, format })}`;
  return { csv: q('csv'), parquet: q('parquet') };
};
