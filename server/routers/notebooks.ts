// SQL notebooks (issue 6): the documents (list, get, create, save with a version check, rename,
// duplicate, remove, import and export as files, starters), the store's schema for the editor's
// autocompletion, and running a cell or exporting its full result through the sandbox
// (server/notebook-run.ts). `run` and `exportResult` answer binary bodies, so only the routes in
// app/api/notebooks/ call them, through createCaller (the caller is checked here like any other).
// Every notebook is readable and editable by anyone with the 'notebook' permission; the owner is
// who created it (issue 7 brings sign-in and may narrow editing to owners).
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { starter, starterInfos } from '../../notebooks/starters';
import { insertNotebook, newCellId, readNotebook, withFreshIds } from '../../notebooks/store';
import type { Cell, Notebook, NotebookDoc, NotebookSummary, RunCell } from '../../notebooks/types';
import { LIMITS, slugOf } from '../../notebooks/types';
import { checkCells, checkTitle, NotebookInputError, parseDoc, toDoc } from '../../notebooks/validate';
import type { Store, Tx } from '../../sql';
import { NotFoundError } from '../errors';
import { exportCell, runCell, sandboxOf } from '../notebook-run';
import { procedure, router } from '../trpc';

const notebookProcedure = procedure.meta({ permission: 'notebook' });

const notebookId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'a notebook id');
/** Cells are checked by notebooks/validate.ts, whose errors name the cell number and field. */
const cellsInput = z.custom<Cell[]>((v) => Array.isArray(v), 'cells must be a list');
const runCells = z
  .array(
    z.object({
      id: z.string().min(1).max(LIMITS.cellIdChars),
      kind: z.enum(['sql', 'markdown']).optional(),
      name: z.string().max(63).nullish(),
      sql: z
        .string()
        .refine((v) => Buffer.byteLength(v, 'utf8') <= LIMITS.sqlBytes, `a SQL cell holds at most ${LIMITS.sqlBytes / 1000} kB`)
        .optional(),
    }),
  )
  .min(1)
  .max(LIMITS.cells);

interface ListRow {
  id: string;
  title: string;
  owner: string;
  created_at: string;
  updated_at: string;
  cell_count: number;
  version: number;
}

const ownerOf = (ctx: { user: { id: string } | null }) => ctx.user?.id ?? 'anonymous';

/** Turns an invalid document into a bad request that keeps its message. */
function checked<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof NotebookInputError) throw new TRPCError({ code: 'BAD_REQUEST', message: err.message, cause: err });
    throw err;
  }
}

async function load(s: Pick<Store, 'query'> | Tx, id: string): Promise<Notebook> {
  const nb = await readNotebook(s, id);
  if (!nb) throw new NotFoundError(`No notebook with id "${id}"; it may have been deleted.`);
  return nb;
}

/** The SQL cells of a saved notebook as a run sees them (markdown cells kept for numbering). */
const asRunCells = (cells: Cell[]) => cells.map((c) => (c.kind === 'sql' ? { id: c.id, kind: c.kind, name: c.name, sql: c.sql } : { id: c.id, kind: c.kind }));

export const notebooksRouter = router({
  list: notebookProcedure.query(async ({ ctx }): Promise<NotebookSummary[]> => {
    const rows = await (await ctx.store()).query<ListRow>('notebooks/list');
    return rows.map((r) => ({ id: r.id, title: r.title, owner: r.owner, createdAt: r.created_at, updatedAt: r.updated_at, cells: r.cell_count, version: r.version }));
  }),

  get: notebookProcedure.input(z.object({ id: notebookId })).query(async ({ ctx, input }) => load(await ctx.store(), input.id)),

  create: notebookProcedure
    .input(z.object({ title: z.string().max(1000).optional(), cells: cellsInput.optional(), starter: z.string().max(100).optional() }).default({}))
    .mutation(async ({ ctx, input }) => {
      let title = 'Untitled notebook';
      let cells: Cell[] = [{ id: newCellId(), kind: 'sql', sql: '' }];
      if (input.starter) {
        const s = starter(input.starter);
        if (!s) throw new NotFoundError(`No starter notebook "${input.starter}"; the starters are ${starterInfos().map((x) => x.id).join(', ')}.`);
        title = s.doc.title;
        cells = withFreshIds(s.doc.cells);
      }
      if (input.title !== undefined) title = checked(() => checkTitle(input.title));
      if (input.cells !== undefined) cells = checked(() => checkCells(input.cells));
      return insertNotebook(await ctx.store(), ownerOf(ctx), { title, cells });
    }),

  save: notebookProcedure
    .input(z.object({ id: notebookId, version: z.number().int().min(1), title: z.string().max(1000), cells: cellsInput }))
    .mutation(async ({ ctx, input }) => {
      const title = checked(() => checkTitle(input.title));
      const cells = checked(() => checkCells(input.cells));
      const store = await ctx.store();
      return store.transaction(async (tx) => {
        const [current] = await tx.query<{ version: number }>('notebooks/version', { id: input.id });
        if (!current) throw new NotFoundError(`No notebook with id "${input.id}"; it was deleted, so this edit cannot be saved.`);
        if (current.version !== input.version) {
          throw new TRPCError({
            code: 'CONFLICT',
            message: `Someone else saved this notebook since you opened it (you edited version ${input.version}, the saved one is version ${current.version}). Reload it to see their changes; copy your edits first.`,
          });
        }
        const [saved] = await tx.query<{ version: number; updated_at: string }>('notebooks/save', {
          id: input.id,
          version: input.version,
          title,
          cells: JSON.stringify(cells),
          cell_count: cells.length,
        });
        return { version: saved.version, updatedAt: saved.updated_at };
      });
    }),

  /** Renames without touching the cells; the version goes up (the editor takes the new one). */
  rename: notebookProcedure.input(z.object({ id: notebookId, title: z.string().max(1000) })).mutation(async ({ ctx, input }) => {
    const title = checked(() => checkTitle(input.title));
    const [r] = await (await ctx.store()).transaction((tx) => tx.query<{ version: number; updated_at: string }>('notebooks/rename', { id: input.id, title }));
    if (!r) throw new NotFoundError(`No notebook with id "${input.id}"; it may have been deleted.`);
    return { version: r.version, updatedAt: r.updated_at, title };
  }),

  duplicate: notebookProcedure.input(z.object({ id: notebookId })).mutation(async ({ ctx, input }) => {
    const store = await ctx.store();
    const nb = await load(store, input.id);
    const title = `Copy of ${nb.title}`.slice(0, LIMITS.titleChars).trim();
    return insertNotebook(store, ownerOf(ctx), { title, cells: withFreshIds(nb.cells) });
  }),

  /** Permanent: the row is deleted (issue 7 adds an audit trail). */
  remove: notebookProcedure.input(z.object({ id: notebookId })).mutation(async ({ ctx, input }) => {
    const [r] = await (await ctx.store()).transaction((tx) => tx.query<{ id: string }>('notebooks/remove', { id: input.id }));
    if (!r) throw new NotFoundError(`No notebook with id "${input.id}"; it may have been deleted already.`);
    return { id: r.id };
  }),

  /** A `.tlnb.json` file (parsed JSON or its text); errors name the cell number and field. */
  importDoc: notebookProcedure.input(z.object({ doc: z.unknown() })).mutation(async ({ ctx, input }) => {
    const doc = checked(() => parseDoc(input.doc));
    return insertNotebook(await ctx.store(), ownerOf(ctx), { title: doc.title, cells: doc.cells });
  }),

  exportDoc: notebookProcedure.input(z.object({ id: notebookId })).query(async ({ ctx, input }): Promise<NotebookDoc> => {
    const nb = await load(await ctx.store(), input.id);
    return toDoc(nb.title, nb.cells);
  }),

  starters: notebookProcedure.query(() => starterInfos()),

  schema: notebookProcedure.query(async ({ ctx }) => sandboxOf(await ctx.store()).schema()),

  /** Used by POST /api/notebooks/run only: the cells as currently edited (unsaved edits run). */
  run: notebookProcedure
    .input(z.object({ cells: runCells, cellId: z.string().min(1).max(LIMITS.cellIdChars), maxRows: z.number().int().min(1).max(1_000_000).optional() }))
    .mutation(async ({ ctx, input, signal }) => runCell(await ctx.store(), { cells: input.cells as RunCell[], cellId: input.cellId, maxRows: input.maxRows }, signal, ctx.user?.id)),

  /** Used by GET /api/notebooks/export only: the SAVED notebook's cell, full result, as a byte stream. */
  exportResult: notebookProcedure
    .input(z.object({ notebook: notebookId, cell: z.string().min(1).max(LIMITS.cellIdChars), format: z.enum(['csv', 'parquet']) }))
    .query(async ({ ctx, input, signal }) => {
      const store = await ctx.store();
      const nb = await load(store, input.notebook);
      const index = nb.cells.findIndex((c) => c.id === input.cell);
      const cell = nb.cells[index];
      if (!cell) throw new NotFoundError(`The saved notebook "${nb.title}" has no cell "${input.cell}"; save the notebook first.`);
      const chunks = await exportCell(store, asRunCells(nb.cells), input.cell, input.format, signal, ctx.user?.id);
      const part = cell.kind === 'sql' && cell.name ? cell.name : `cell-${index + 1}`;
      return { filename: `${slugOf(nb.title)}-${part}.${input.format}`, contentType: input.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.apache.parquet', chunks };
    }),
});
