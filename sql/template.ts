// Slots in named queries, for the few things that cannot be bound parameters: identifiers chosen at
// run time (the columns of an uploaded table) and constants a table function needs at bind time.
// A query file marks a slot `{{name}}`; only fragments built here fill it, so every identifier is
// quoted by ident() and every string literal escaped in this one file. Values are still bound.
//
//   SELECT nullif(trim({{case_col}}), '') FROM csv_raw          -- sql/queries/csv/…
//   tx.query('csv/…', { file }, { case_col: frag.ident(mapping.case) })
import { ident } from './query-files';

declare const fragmentBrand: unique symbol;
/** A piece of SQL made by `frag`; a plain string cannot fill a slot. */
export interface Fragment {
  readonly [fragmentBrand]: true;
  readonly sql: string;
}
export type Slots = Record<string, Fragment>;

const make = (sql: string): Fragment => ({ sql }) as Fragment;

/** A string as an SQL literal, quotes doubled. */
function literal(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

export const frag = {
  /** `"name"` */
  ident: (name: string): Fragment => make(ident(name)),
  /** `"name"`, or `NULL::VARCHAR` when no column is given (an optional mapping). */
  columnOrNull: (name: string | null | undefined): Fragment => make(name ? ident(name) : 'NULL::VARCHAR'),
  /** `'text'`: a value where SQL takes no parameter (a view's file path). */
  literal: (value: string): Fragment => make(literal(value)),
  /** An integer literal (checked), where SQL takes no parameter: a view's constant. */
  integer: (value: bigint | number | string): Fragment => {
    const text = String(value);
    if (!/^-?\d+$/.test(text)) throw new Error(`not an integer: ${text}`);
    return make(text);
  },
  /** `'a', "a", 'b', "b"`: name/value pairs for json_object() or struct_pack-like calls; empty for none. */
  namedColumns: (names: readonly string[]): Fragment => make(names.map((n) => `${literal(n)}, ${ident(n)}`).join(', ')),
  /**
   * `$p_0, $p_1, …`: `n` bound parameters named `<prefix>_<i>` (values still bound), for an IN list
   * the optimizer must see as constants (an index lookup); `params(prefix, values)` binds them.
   */
  paramList: (prefix: string, n: number): Fragment => {
    if (!/^[a-z]\w*$/.test(prefix) || !Number.isInteger(n) || n < 1) throw new Error(`paramList(${prefix}, ${n})`);
    return make(Array.from({ length: n }, (_, i) => `$${prefix}_${i}`).join(', '));
  },
  /** `"a", "b"`: a list of columns (UNPIVOT … ON, GROUP BY). */
  identList: (names: readonly string[]): Fragment => make(names.map((n) => ident(n)).join(', ')),
  /** `CAST("a" AS VARCHAR) AS "a", …`: columns of mixed types as text under their own names. */
  varcharColumns: (names: readonly string[]): Fragment => make(names.map((n) => `CAST(${ident(n)} AS VARCHAR) AS ${ident(n)}`).join(', ')),
  /** `{'a': 'VARCHAR', 'b': 'VARCHAR'}`: the `columns` argument of read_csv. */
  columnTypes: (names: readonly string[], type: 'VARCHAR'): Fragment => make(`{${names.map((n) => `${literal(n)}: '${type}'`).join(', ')}}`),
};

/** The values for `frag.paramList(prefix, values.length)`: `{ <prefix>_0: values[0], … }`. */
export function paramValues(prefix: string, values: readonly string[]): Record<string, string> {
  return Object.fromEntries(values.map((v, i) => [`${prefix}_${i}`, v]));
}

/** The query text with every `{{slot}}` filled; a slot left open or a fragment not used is an error. */
export function fillSlots(name: string, text: string, slots: Slots = {}): string {
  const used = new Set<string>();
  const out = text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => {
    const f = slots[key];
    if (!f || typeof f.sql !== 'string') throw new Error(`query "${name}": no fragment for the slot {{${key}}}`);
    used.add(key);
    return f.sql;
  });
  for (const key of Object.keys(slots)) if (!used.has(key)) throw new Error(`query "${name}" has no slot {{${key}}}`);
  return out;
}
