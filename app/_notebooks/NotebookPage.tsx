'use client';
// One notebook (`/notebooks/<id>`): the title edited in place, the cells in order (SQL with its
// editor, result, chart; markdown shown rendered), cell actions, runs through the run route with
// Cancel, and autosave with its status. Results live in this page only; the document is saved.
import { useQuery } from '@tanstack/react-query';
import { TRPCClientError } from '@trpc/client';
import Link from 'next/link';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { CellFrame, type CellAction } from '../../components/notebook/CellFrame';
import { MarkdownCellView } from '../../components/notebook/MarkdownCellView';
import { NotebookTitle } from '../../components/notebook/NotebookTitle';
import { IDLE, shownResult, type RunState } from '../../components/notebook/run-state';
import { SaveStatus } from '../../components/notebook/SaveStatus';
import { SqlCellView } from '../../components/notebook/SqlCellView';
import { EmptyState, ErrorState, Placeholder } from '../../components/States';
import type { Cell, ChartSpec, Notebook } from '../../notebooks/types';
import { AppHeader } from '../_shared/AppHeader';
import { useTRPC } from '../_trpc/client';
import { blankCell, duplicateCell, insertAt, moveCell, namedResultsBefore, removeCell } from './cells';
import { downloadDoc } from './download';
import styles from './Notebooks.module.css';
import { exportHrefs, runCell } from './run-cell';
import { useAutosave, type Draft } from './use-autosave';

const NO_RESULTS: never[] = [];

export function NotebookPage({ id }: { id: string }) {
  const trpc = useTRPC();
  const nbQ = useQuery(trpc.notebooks.get.queryOptions({ id }, { staleTime: Infinity, gcTime: 0, retry: false }));
  const header = <AppHeader asOf={undefined} logName="SQL notebooks" active="notebooks" />;

  let body;
  if (nbQ.error) {
    const notFound = nbQ.error instanceof TRPCClientError && (nbQ.error.data as { code?: string } | undefined)?.code === 'NOT_FOUND';
    body = notFound ? (
      <EmptyState title="No such notebook">
        <p>{nbQ.error.message}</p>
        <p>
          <Link href="/notebooks">All notebooks</Link>
        </p>
      </EmptyState>
    ) : (
      <ErrorState what="the notebook" message={nbQ.error.message} onRetry={() => void nbQ.refetch()} />
    );
  } else if (!nbQ.data) {
    body = (
      <>
        <div className={styles.titleRow}>
          <div className={`skeleton-line ${styles.titleSkeleton}`} aria-hidden />
        </div>
        <Placeholder height={260} label="Loading the notebook…" />
      </>
    );
  } else {
    body = <Editor key={nbQ.data.id} notebook={nbQ.data} />;
  }
  return (
    <>
      {header}
      <main className={styles.page}>
        <nav className={styles.crumbs} aria-label="Breadcrumb">
          <Link href="/notebooks">← All notebooks</Link>
        </nav>
        {body}
      </main>
    </>
  );
}

function Editor({ notebook }: { notebook: Notebook }) {
  const trpc = useTRPC();
  const schemaQ = useQuery(trpc.notebooks.schema.queryOptions(undefined, { staleTime: 300_000 }));
  const [draft, setDraft] = useState<Draft>({ title: notebook.title, cells: notebook.cells });
  const [revision, setRevision] = useState(0);
  const loaded = useMemo(() => ({ version: notebook.version, updatedAt: notebook.updatedAt }), [notebook]);
  const autosave = useAutosave(notebook.id, loaded, draft, revision);
  const [runs, setRuns] = useState<Record<string, RunState>>({});
  const controllers = useRef(new Map<string, AbortController>());
  const [focus, setFocus] = useState<{ cellId: string; token: number } | null>(null);
  const draftRef = useRef(draft);
  draftRef.current = draft;

  const edit = useCallback((fn: (d: Draft) => Draft) => {
    setDraft((d) => fn(d));
    setRevision((r) => r + 1);
  }, []);
  const setCells = useCallback((fn: (cells: Cell[]) => Cell[]) => edit((d) => ({ ...d, cells: fn(d.cells) })), [edit]);
  const updateCell = useCallback((cellId: string, patch: (c: Cell) => Cell) => setCells((cells) => cells.map((c) => (c.id === cellId ? patch(c) : c))), [setCells]);
  const focusCell = (cellId: string) => setFocus((f) => ({ cellId, token: (f?.token ?? 0) + 1 }));

  // The tab says which notebook (the route's metadata cannot know the title).
  useEffect(() => {
    document.title = `${draft.title} · Throughline`;
  }, [draft.title]);

  // Abandoning the page cancels its runs.
  useEffect(() => {
    const map = controllers.current;
    return () => {
      for (const c of map.values()) c.abort();
    };
  }, []);

  const run = useCallback(async (cellId: string) => {
    controllers.current.get(cellId)?.abort();
    const controller = new AbortController();
    controllers.current.set(cellId, controller);
    const startedAt = Date.now();
    setRuns((r) => ({ ...r, [cellId]: { status: 'running', startedAt, previous: shownResult(r[cellId] ?? IDLE) } }));
    const settle = (next: (prev: RunState) => RunState) => {
      if (controllers.current.get(cellId) !== controller) return; // a newer run owns the cell
      controllers.current.delete(cellId);
      setRuns((r) => ({ ...r, [cellId]: next(r[cellId] ?? IDLE) }));
    };
    try {
      const answer = await runCell(draftRef.current.cells, cellId, controller.signal);
      settle((prev) => (answer.ok ? { status: 'done', result: answer.result } : { status: 'error', error: answer.error, previous: shownResult(prev) }));
    } catch (err) {
      if (controller.signal.aborted) {
        // Cancel settles the state itself; a newer run has taken over otherwise.
        return;
      }
      settle((prev) => ({ status: 'error', error: { code: 'NETWORK', message: err instanceof Error ? err.message : String(err) }, previous: shownResult(prev) }));
    }
  }, []);

  const cancel = useCallback((cellId: string) => {
    const c = controllers.current.get(cellId);
    if (!c) return;
    controllers.current.delete(cellId);
    c.abort();
    setRuns((r) => {
      const prev = r[cellId] ?? IDLE;
      const afterMs = prev.status === 'running' ? Date.now() - prev.startedAt : 0;
      return { ...r, [cellId]: { status: 'cancelled', afterMs, previous: shownResult(prev) } };
    });
  }, []);

  const runAndNext = useCallback(
    (cellId: string) => {
      void run(cellId);
      const cells = draftRef.current.cells;
      const i = cells.findIndex((c) => c.id === cellId);
      const next = cells[i + 1];
      if (next) focusCell(next.id);
      else {
        const cell = blankCell('sql');
        setCells((cs) => insertAt(cs, cs.length, cell));
        focusCell(cell.id);
      }
    },
    [run, setCells],
  );

  const runAll = async () => {
    for (const c of draftRef.current.cells) if (c.kind === 'sql' && c.sql.trim()) await run(c.id);
  };

  const act = (index: number, action: CellAction) => {
    const cells = draftRef.current.cells;
    const cell = cells[index];
    switch (action) {
      case 'up':
      case 'down':
        setCells((cs) => moveCell(cs, index, action === 'up' ? -1 : 1));
        break;
      case 'addSqlAbove':
      case 'addSqlBelow':
      case 'addMarkdownBelow': {
        const c = blankCell(action === 'addMarkdownBelow' ? 'markdown' : 'sql');
        setCells((cs) => insertAt(cs, action === 'addSqlAbove' ? index : index + 1, c));
        focusCell(c.id);
        break;
      }
      case 'duplicate': {
        const { copy } = duplicateCell(cells, index);
        setCells((cs) => insertAt(cs, index + 1, copy));
        break;
      }
      case 'delete':
        cancel(cell.id);
        setCells((cs) => removeCell(cs, index));
        break;
    }
  };

  const addAtEnd = (kind: 'sql' | 'markdown') => {
    const c = blankCell(kind);
    setCells((cs) => insertAt(cs, cs.length, c));
    focusCell(c.id);
  };

  // The editors' completion is rebuilt only when a name or a result's columns change, not per keystroke.
  const nameSignature = draft.cells.map((c) => (c.kind === 'sql' ? `${c.id}:${c.name ?? ''}` : '-')).join('|');
  const resultsByCell = useMemo(() => {
    const columnsOf = (cellId: string) => shownResult(runs[cellId] ?? IDLE)?.columns;
    const cs = draftRef.current.cells;
    return new Map(cs.map((c, i) => [c.id, namedResultsBefore(cs, i, columnsOf)]));
  }, [nameSignature, runs]); // eslint-disable-line react-hooks/exhaustive-deps
  const saved = autosave.state.status === 'saved';
  const cells = draft.cells;
  const sqlCount = cells.filter((c) => c.kind === 'sql').length;

  return (
    <>
      <div className={styles.titleRow}>
        <div className={styles.titleBlock}>
          <NotebookTitle title={draft.title} onChange={(title) => edit((d) => ({ ...d, title }))} />
          <p className={styles.subtitle}>
            {cells.length} cell{cells.length === 1 ? '' : 's'} · by {notebook.owner} · Ctrl+Enter runs a cell, Shift+Enter runs it and moves on
          </p>
        </div>
        <div className={styles.actions}>
          <SaveStatus state={autosave.state} onReload={() => window.location.reload()} onRetry={autosave.retry} />
          <button type="button" className={styles.button} onClick={() => void runAll()} disabled={sqlCount === 0} data-testid="run-all">
            Run all
          </button>
          <button type="button" className={styles.button} onClick={() => void downloadDoc(draft.title, { format: 'throughline-notebook', version: 1, title: draft.title, cells })}>
            Export file
          </button>
        </div>
      </div>
      {autosave.state.status === 'conflict' && (
        <p className={styles.conflict} role="alert" data-testid="save-conflict">
          Someone saved this notebook elsewhere after you opened it, so your edits here are not being saved. Copy what you need, then reload to see their version.
        </p>
      )}
      <div className={styles.cells} data-testid="cells">
        {cells.length === 0 && (
          <EmptyState title="This notebook has no cells">
            <p>Add a SQL cell to query the store, or a text cell for notes.</p>
          </EmptyState>
        )}
        {cells.map((cell, i) => (
          <CellFrame
            key={cell.id}
            index={i}
            count={cells.length}
            kind={cell.kind}
            onAction={(a) => act(i, a)}
            title={cell.kind === 'sql' && cell.name ? <code className={styles.resultName}>{cell.name}</code> : null}
          >
            {cell.kind === 'sql' ? (
              <SqlCellView
                cell={cell}
                index={i}
                cells={cells}
                run={runs[cell.id] ?? IDLE}
                schema={schemaQ.data ?? null}
                results={resultsByCell.get(cell.id) ?? NO_RESULTS}
                exportHrefs={saved ? exportHrefs(notebook.id, cell.id) : null}
                focusToken={focus?.cellId === cell.id ? focus.token : undefined}
                onSql={(sql) => updateCell(cell.id, (c) => ({ ...c, sql }) as Cell)}
                onName={(name) =>
                  updateCell(cell.id, (c) => {
                    if (c.kind !== 'sql') return c;
                    const { name: _old, ...rest } = c;
                    return name ? { ...rest, name } : rest;
                  })
                }
                onChart={(chart: ChartSpec | null) => updateCell(cell.id, (c) => ({ ...c, chart }) as Cell)}
                onRun={() => void run(cell.id)}
                onRunAndNext={() => runAndNext(cell.id)}
                onCancel={() => cancel(cell.id)}
              />
            ) : (
              <MarkdownCellView cell={cell} index={i} onText={(text) => updateCell(cell.id, (c) => ({ ...c, text }) as Cell)} focusToken={focus?.cellId === cell.id ? focus.token : undefined} />
            )}
          </CellFrame>
        ))}
      </div>
      <div className={styles.addRow}>
        <button type="button" className={styles.button} onClick={() => addAtEnd('sql')} data-testid="add-sql">
          + SQL cell
        </button>
        <button type="button" className={styles.button} onClick={() => addAtEnd('markdown')} data-testid="add-markdown">
          + Text cell
        </button>
      </div>
    </>
  );
}
