// The columns the case table can show. Every column is a fixed SQL expression over `cases c` (or,
// for attributes of the case object, `json_extract_string(o.attrs, $attr_N)` with the path bound),
// so a requested column or sort key is looked up here and never spliced from the request.
import { ident, type Store } from '../../sql';
import { MiningInputError } from '../errors';
import type { CaseColumnInfo, CaseColumnType, CaseSort } from './types';

export interface ColumnDef extends CaseColumnInfo {
  /** What the row shows (timestamps as ISO text). */
  select: string;
  /** What the column sorts by. */
  sort: string;
}

const ISO = (col: string) => `strftime(${col}, '%Y-%m-%dT%H:%M:%SZ')`;
const ts = (id: string, label: string, def = true): ColumnDef => ({ id, label, type: 'datetime', default: def, select: ISO(`c.${id}`), sort: `c.${id}` });
const plain = (id: string, label: string, type: CaseColumnType, def = true): ColumnDef => ({ id, label, type, default: def, select: `c.${id}`, sort: `c.${id}` });

const DURATION = 'epoch(c.end_ts) - epoch(c.start_ts)';
const STAGE = `CASE WHEN c.cancelled_ts IS NOT NULL THEN 'cancelled' WHEN c.first_invoice_ts IS NOT NULL THEN 'invoiced'
  WHEN c.first_pgi_ts IS NOT NULL THEN 'shipped' ELSE 'created' END`;

/** Every log: the span, size and variant of the case. */
export const GENERIC_COLUMNS: ColumnDef[] = [
  plain('case_id', 'Case', 'text'),
  ts('start_ts', 'Start'),
  ts('end_ts', 'End'),
  { id: 'duration', label: 'Duration', type: 'duration', default: true, select: DURATION, sort: DURATION },
  plain('n_events', 'Events', 'integer'),
  plain('variant_no', 'Variant', 'integer'),
];

/** O2C orders (the order perspective): customer, order attributes and milestones. */
export const ORDER_COLUMNS: ColumnDef[] = [
  plain('customer_name', 'Customer', 'text'),
  plain('segment', 'Segment', 'text'),
  plain('channel', 'Channel', 'text'),
  plain('order_type', 'Order type', 'text'),
  plain('warehouse', 'Warehouse', 'text'),
  plain('net_value', 'Net value', 'money'),
  plain('currency', 'Currency', 'text'),
  plain('payment_terms', 'Payment terms', 'text'),
  { id: 'stage', label: 'Stage', type: 'text', default: true, select: STAGE, sort: STAGE },
  ts('created_ts', 'Created'),
  ts('first_pgi_ts', 'First goods issue'),
  ts('first_invoice_ts', 'First invoice'),
  ts('cancelled_ts', 'Cancelled', false),
  plain('customer_id', 'Customer id', 'text', false),
];

export interface ColumnSet {
  all: ColumnDef[];
  /** Attribute paths to bind, `attr_N` → JSON path. */
  attrParams: Record<string, string>;
  /** True when a LEFT JOIN to the case object is needed for attribute columns. */
  needsObjects: boolean;
}

/** Which columns a (log, perspective) offers: O2C orders the order columns, other perspectives the case object's attributes. */
export async function columnSet(store: Store, logId: string, perspective: string): Promise<ColumnSet> {
  if (perspective === 'order') return { all: [...GENERIC_COLUMNS, ...ORDER_COLUMNS], attrParams: {}, needsObjects: false };
  const keys = await store.query<{ key: string }>('mining/cases/attr-keys', { log_id: logId, perspective });
  const attrParams: Record<string, string> = {};
  const attrs = keys.map((k, i): ColumnDef => {
    const param = `attr_${i}`;
    attrParams[param] = `$.${ident(k.key)}`;
    const expr = `json_extract_string(o.attrs, $${param})`;
    return { id: `attr:${k.key}`, label: k.key, type: 'text', default: i < 6, select: expr, sort: expr };
  });
  return { all: [...GENERIC_COLUMNS, ...attrs], attrParams, needsObjects: attrs.length > 0 };
}

export const info = (c: ColumnDef): CaseColumnInfo => ({ id: c.id, label: c.label, type: c.type, default: c.default });

/** The requested columns (default: the default ones), case_id always first; unknown ids are an input error. */
export function chooseColumns(set: ColumnSet, requested: readonly string[] | undefined): ColumnDef[] {
  const byId = new Map(set.all.map((c) => [c.id, c]));
  if (!requested || requested.length === 0) return set.all.filter((c) => c.default);
  const unknown = requested.filter((id) => !byId.has(id));
  if (unknown.length) {
    throw new MiningInputError(`unknown case column(s) ${unknown.map((u) => `"${u}"`).join(', ')}; available: ${set.all.map((c) => c.id).join(', ')}`);
  }
  const ids = ['case_id', ...requested.filter((id) => id !== 'case_id')];
  return [...new Set(ids)].map((id) => byId.get(id)!);
}

export function sortOrder(set: ColumnSet, sort: CaseSort | undefined): { sql: string; sort: CaseSort } {
  const s = sort ?? { column: 'start_ts', dir: 'desc' as const };
  const col = set.all.find((c) => c.id === s.column);
  if (!col) throw new MiningInputError(`cannot sort cases by "${s.column}"; sortable columns: ${set.all.map((c) => c.id).join(', ')}`);
  if (s.dir !== 'asc' && s.dir !== 'desc') throw new MiningInputError(`sort direction must be asc or desc, not "${String(s.dir)}"`);
  return { sql: `${col.sort} ${s.dir.toUpperCase()} NULLS LAST, c.case_no ASC`, sort: { column: col.id, dir: s.dir } };
}

/** The select list: each column's expression under its id as alias. */
export const selectList = (cols: readonly ColumnDef[], asText = false): string =>
  cols.map((c) => `${asText ? `CAST(${c.select} AS VARCHAR)` : c.select} AS ${ident(c.id)}`).join(', ');

/** The join to the case object, when any expression (shown or sorted by) reads its attributes. */
export const objectJoin = (exprs: readonly string[]): string =>
  exprs.some((e) => e.includes('o.attrs')) ? 'LEFT JOIN objects o ON o.log_id = c.log_id AND o.object_id = c.case_id' : '';

/** The attribute paths the expressions use (DuckDB refuses named parameters a statement does not have). */
export function usedAttrParams(set: ColumnSet, exprs: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(set.attrParams)) if (exprs.some((e) => new RegExp(`\\$${k}\\b`).test(e))) out[k] = v;
  return out;
}
