// The case selection every mining view is restricted to. A filter (filter/compile.ts) compiles to
// a CaseSelection: a SQL subquery yielding the `case_no`s of the selected cases of one (log,
// perspective), with its own named parameters (always bound, never spliced). View queries name it
// with the token __SELECTED_CASES__, e.g.
//     SELECT ... FROM case_trace t
//     WHERE t.log_id = $log_id AND t.perspective = $perspective AND t.case_no IN __SELECTED_CASES__
// and run through `selectedQuery`, so one filter applies identically to every view.
import type { Params, Row, Store, Tx } from '../../sql';
import { loadQuery } from '../../sql';

export interface CaseSelection {
  /** A parenthesised subquery returning case_no; its parameters are prefixed `f_`. */
  sql: string;
  params: Record<string, string | number | boolean | null>;
  /** True when nothing is filtered out (views may take a faster path). */
  all: boolean;
}

/** Every case of the log and perspective the query itself names ($log_id, $perspective). */
export const ALL_CASES: CaseSelection = {
  sql: '(SELECT case_no FROM cases WHERE log_id = $log_id AND perspective = $perspective)',
  params: {},
  all: true,
};

export const SELECTED_TOKEN = '__SELECTED_CASES__';

/** `<column> IN __SELECTED_CASES__` (not `NOT IN`). */
const IN_SELECTION = new RegExp(`\\b(?!NOT\\b)[\\w.]+ IN ${SELECTED_TOKEN}`, 'g');

/**
 * The query text of `name` with the selection put in place of every __SELECTED_CASES__. For an
 * unfiltered selection, `<column> IN __SELECTED_CASES__` becomes TRUE instead of a semi-join with
 * every case: view queries restrict their tables to ($log_id, $perspective), and every such row
 * belongs to one of its cases. Other uses of the token (NOT IN, FROM) get the subquery.
 */
export function selectedText(name: string, selection: CaseSelection): string {
  const text = loadQuery(name);
  if (!text.includes(SELECTED_TOKEN)) throw new Error(`query ${name} does not use ${SELECTED_TOKEN}`);
  const unfiltered = selection.all && Object.keys(selection.params).length === 0;
  return (unfiltered ? text.replace(IN_SELECTION, 'TRUE') : text).replaceAll(SELECTED_TOKEN, selection.sql);
}

function merged(params: Params | undefined, selection: CaseSelection): Params {
  for (const k of Object.keys(selection.params)) {
    if (params && !Array.isArray(params) && k in params) throw new Error(`parameter ${k} is both the query's and the filter's`);
  }
  return { ...(params as Record<string, never>), ...selection.params } as Params;
}

/** Runs query text that already has the selection in place (selectedText, plus the caller's own splices). */
export function selectedSql<T = Row>(store: Store | Tx, text: string, params: Params, selection: CaseSelection): Promise<T[]> {
  return store.sql<T>(text, merged(params, selection));
}

/** Runs the named view query restricted to `selection` (default: every case). */
export function selectedQuery<T = Row>(store: Store | Tx, name: string, params: Params, selection: CaseSelection = ALL_CASES): Promise<T[]> {
  return store.sql<T>(selectedText(name, selection), merged(params, selection));
}
