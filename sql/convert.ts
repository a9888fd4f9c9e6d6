// Result conversion happens here and only here: DuckDB gives BIGINT as bigint, which JSON (and so
// tRPC) cannot carry. Counts and sums fit in a double; ids are VARCHAR and never pass through this.
export type Row = Record<string, unknown>;

export function toPlain(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (Array.isArray(value)) return value.map(toPlain);
  if (value && typeof value === 'object' && !(value instanceof Date) && !(value instanceof Uint8Array)) {
    const out: Row = {};
    for (const [k, v] of Object.entries(value)) out[k] = toPlain(v);
    return out;
  }
  return value;
}

export function toPlainRows(rows: readonly Record<string, unknown>[]): Row[] {
  return rows.map((r) => toPlain(r) as Row);
}
