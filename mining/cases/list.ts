// The case table: one page of the selected cases (sorted by a whitelisted column, ties by case_no so
// pages are stable) and the same rows streamed as CSV. One query per page over `cases`, no per-row
// subqueries; the filters apply through the shared case selection (__SELECTED_CASES__).
import { loadQuery, type Store } from '../../sql';
import { selectedQuery, selectedText, type CaseSelection } from '../filter/selection';
import { scope, type ViewOptions } from '../views/common';
import { MiningInputError } from '../errors';
import { chooseColumns, columnSet, info, objectJoin, selectList, sortOrder, usedAttrParams, type ColumnDef, type ColumnSet } from './columns';
import type { CaseColumnsInfo, CaseListPage, CaseRow, CaseSort } from './types';

export interface CaseListOptions extends ViewOptions {
  sort?: CaseSort;
  offset?: number;
  limit?: number;
  /** Column ids (default: the default columns); case_id is always included. */
  columns?: string[];
}

/** Rows per page at most. */
export const MAX_PAGE = 5000;
/** Rows a CSV export streams at most. */
export const MAX_CSV_ROWS = 2_000_000;

interface Prepared {
  logId: string;
  perspective: string;
  selection: CaseSelection;
  set: ColumnSet;
  cols: ColumnDef[];
  sort: CaseSort;
  text: string;
  params: Record<string, string | number | boolean | null>;
}

async function prepare(store: Store, opts: CaseListOptions, asText: boolean): Promise<Prepared> {
  const s = await scope(store, opts);
  const set = await columnSet(store, s.logId, s.perspective);
  const cols = chooseColumns(set, opts.columns);
  const order = sortOrder(set, opts.sort);
  const exprs = [...cols.map((c) => c.select), order.sql];
  const text = selectedText('mining/cases/page', s.selection)
    .replaceAll('__COLUMNS__', selectList(cols, asText))
    .replaceAll('__OBJECT_JOIN__', objectJoin(exprs))
    .replaceAll('__ORDER__', order.sql);
  return {
    logId: s.logId, perspective: s.perspective, selection: s.selection, set, cols, sort: order.sort, text,
    params: { ...s.base, ...usedAttrParams(set, exprs), ...s.selection.params },
  };
}

const strip = (r: Record<string, unknown>): CaseRow => {
  const { case_no: _drop, ...rest } = r;
  return rest as CaseRow;
};

/** The columns a (log, perspective) offers. */
export async function caseColumns(store: Store, opts: { logId?: string; perspective?: string }): Promise<CaseColumnsInfo> {
  const s = await scope(store, { logId: opts.logId, perspective: opts.perspective });
  const set = await columnSet(store, s.logId, s.perspective);
  return { logId: s.logId, perspective: s.perspective, columns: set.all.map(info) };
}

/** One page of the selected cases: total over all pages, the columns and the rows. */
export async function caseList(store: Store, opts: CaseListOptions = {}): Promise<CaseListPage> {
  const offset = opts.offset ?? 0;
  const limit = opts.limit ?? 200;
  if (!Number.isInteger(offset) || offset < 0) throw new MiningInputError(`offset must be a whole number ≥ 0, not ${offset}`);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) throw new MiningInputError(`limit must be 1…${MAX_PAGE}, not ${limit}`);
  const p = await prepare(store, opts, false);
  const [rows, count] = await Promise.all([
    store.sql<Record<string, unknown>>(p.text, { ...p.params, limit, offset }),
    selectedQuery<{ total: number }>(store, 'mining/cases/count', { log_id: p.logId, perspective: p.perspective }, p.selection),
  ]);
  return {
    logId: p.logId, perspective: p.perspective, total: count[0]?.total ?? 0, offset, sort: p.sort,
    columns: p.cols.map(info), rows: rows.map(strip),
  };
}

/** How many cases the selection holds (the case table's total, without a page). */
export async function caseCount(store: Store, opts: ViewOptions): Promise<number> {
  const s = await scope(store, opts);
  const [row] = await selectedQuery<{ total: number }>(store, 'mining/cases/count', s.base, s.selection);
  return row?.total ?? 0;
}

/** RFC 4180: a field with a comma, quote, CR or LF is quoted, quotes doubled. */
export function csvField(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export interface CaseCsv {
  logId: string;
  perspective: string;
  columns: string[];
  /** The header line, then one line per case (each ends with CRLF), in chunks. */
  chunks: AsyncGenerator<string>;
}

/**
 * Every selected case (up to MAX_CSV_ROWS) with the chosen columns, as CSV text streamed chunk by
 * chunk from DuckDB (bounded memory). The connection is closed when the stream ends or is abandoned.
 */
export async function caseCsv(store: Store, opts: Omit<CaseListOptions, 'offset' | 'limit'> & { maxRows?: number }): Promise<CaseCsv> {
  const p = await prepare(store, opts, true);
  const maxRows = Math.min(opts.maxRows ?? MAX_CSV_ROWS, MAX_CSV_ROWS);
  const ids = p.cols.map((c) => c.id);
  async function* chunks(): AsyncGenerator<string> {
    yield `${ids.map(csvField).join(',')}\r\n`;
    const conn = await store.connect();
    try {
      const result = await conn.stream(p.text, { ...p.params, limit: maxRows, offset: 0 });
      for (;;) {
        const chunk = await result.fetchChunk();
        if (!chunk || chunk.rowCount === 0) return;
        const vectors = Array.from({ length: chunk.columnCount }, (_, i) => chunk.getColumnVector(i));
        const lines: string[] = [];
        for (let r = 0; r < chunk.rowCount; r++) {
          const fields: string[] = [];
          for (let c = 1; c < vectors.length; c++) fields.push(csvField(vectors[c].getItem(r)));
          lines.push(`${fields.join(',')}\r\n`);
        }
        yield lines.join('');
      }
    } finally {
      conn.closeSync();
    }
  }
  return { logId: p.logId, perspective: p.perspective, columns: ids, chunks: chunks() };
}

/** Used by caseDetail: the same column expressions for one case. */
export async function caseRow(store: Store, logId: string, perspective: string): Promise<{ set: ColumnSet; text: string; params: Record<string, string>; cols: ColumnDef[] }> {
  const set = await columnSet(store, logId, perspective);
  const cols = set.all;
  const exprs = cols.map((c) => c.select);
  const text = loadQuery('mining/cases/case').replaceAll('__COLUMNS__', selectList(cols)).replaceAll('__OBJECT_JOIN__', objectJoin(exprs));
  return { set, text, params: usedAttrParams(set, exprs), cols };
}
