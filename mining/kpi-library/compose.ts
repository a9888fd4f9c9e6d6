// Composes the KPI library's query files: __ORDER_FACTS__ / __INVOICE_FACTS__ become the shared
// per-order / per-invoice fact subqueries (sql/queries/mining/kpi/facts-*.sql), __INVOICE_STAGES__
// the per-invoice stage excess days (sql/queries/mining/dso/invoice-stages.sql), {{group}} the
// grouping column of `cases` (quoted by sql/template), and __SELECTED_CASES__ the case selection
// (mining/filter/selection.ts), whose parameters are bound next to the query's own.
import type { Params, Row, Slots, Store } from '../../sql';
import { loadQuery } from '../../sql';
import { frag } from '../../sql';
import { fillSlots } from '../../sql/template';
import { ALL_CASES, SELECTED_TOKEN, type CaseSelection } from '../filter/selection';

// In this order: the invoice stages name the facts.
const FACTS: Record<string, string> = {
  __INVOICE_STAGES__: 'mining/dso/invoice-stages',
  __ORDER_FACTS__: 'mining/kpi/facts-orders',
  __INVOICE_FACTS__: 'mining/kpi/facts-invoices',
};

export interface ComposeOptions {
  /** A column of `cases` to group by (already checked by `groupColumn`), or none. */
  group?: string | null;
  selection?: CaseSelection;
  /** Further {{slots}} (fragments from sql/template's `frag`). */
  slots?: Slots;
  /** Further __TOKENS__ → SQL from code (root-cause outcome predicates), never from users. */
  tokens?: Record<string, string>;
}

/** The text of query `name` with the shared fact subqueries in place of their tokens. */
export function factsText(name: string): string {
  let text = loadQuery(name);
  for (const [token, file] of Object.entries(FACTS)) if (text.includes(token)) text = text.replaceAll(token, loadQuery(file).trim());
  return text;
}

export function composedText(name: string, opts: ComposeOptions = {}): string {
  let text = factsText(name);
  for (const [token, sql] of Object.entries(opts.tokens ?? {})) text = text.replaceAll(token, sql);
  const slots: Slots = { ...(text.includes('{{group}}') ? { group: frag.columnOrNull(opts.group) } : {}), ...opts.slots };
  if (text.includes('{{')) text = fillSlots(name, text, slots);
  if (!text.includes(SELECTED_TOKEN)) throw new Error(`query ${name} does not use ${SELECTED_TOKEN}`);
  return text.replaceAll(SELECTED_TOKEN, (opts.selection ?? ALL_CASES).sql);
}

/** Runs a composed query; binds $perspective ('order') and $all_cases besides `params`. */
export function composedQuery<T = Row>(store: Store, name: string, params: Record<string, string | number | boolean | null>, opts: ComposeOptions = {}): Promise<T[]> {
  const selection = opts.selection ?? ALL_CASES;
  const text = composedText(name, opts);
  const own: Record<string, string | number | boolean | null> = { ...params };
  if (text.includes('$perspective')) own.perspective = 'order';
  if (text.includes('$all_cases')) own.all_cases = selection.all;
  for (const k of Object.keys(selection.params)) if (k in own) throw new Error(`parameter ${k} is both the query's and the filter's`);
  return store.sql<T>(text, { ...own, ...selection.params } as Params);
}

const NOT_GROUPS = new Set(['log_id', 'perspective', 'case_no', 'case_id', 'start_ts', 'end_ts', 'created_ts', 'first_pgi_ts', 'first_invoice_ts', 'cancelled_ts', 'n_events']);
/** Friendly dimension names for columns of `cases`. */
export const DIMENSION_ALIASES: Record<string, string> = { customer: 'customer_name' };

let columnsCache: Promise<string[]> | null = null;
/** The columns of `cases` a KPI can be grouped by (attributes, not keys or times). */
export async function groupableColumns(store: Store): Promise<string[]> {
  columnsCache ??= store
    .sql<{ column_name: string }>(`SELECT column_name FROM information_schema.columns WHERE table_name = 'cases' ORDER BY ordinal_position`)
    .then((rows) => rows.map((r) => r.column_name).filter((c) => !NOT_GROUPS.has(c)));
  const cols = await columnsCache;
  if (cols.length === 0) columnsCache = null;
  return cols;
}

/** The `cases` column for a dimension name; throws for anything else. */
export async function groupColumn(store: Store, dimension: string | null | undefined): Promise<string | null> {
  if (!dimension) return null;
  const col = DIMENSION_ALIASES[dimension] ?? dimension;
  const cols = await groupableColumns(store);
  if (!cols.includes(col)) throw new Error(`cannot group by "${dimension}": expected one of ${[...Object.keys(DIMENSION_ALIASES), ...cols].join(', ')}`);
  return col;
}
