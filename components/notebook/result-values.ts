// A query result as people and charts read it: the kind of each column (from DuckDB's type text,
// else the Arrow type), cell text for the table (en-US, UTC) and plain values for Plot.
import { DataType, type Table } from 'apache-arrow';
import { formatCount, formatUtc } from '../format';

export type ColumnKind = 'integer' | 'number' | 'time' | 'date' | 'text' | 'boolean' | 'other';

export interface ResultColumn {
  name: string;
  /** The DuckDB type text as the server sent it (or the Arrow type when it did not). */
  type: string;
  kind: ColumnKind;
}

const INTEGER = /^(TINYINT|SMALLINT|INTEGER|INT|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|INT[1248]|LONG|SHORT)$/;
const NUMBER = /^(DOUBLE|FLOAT|REAL|FLOAT[48]|DECIMAL(\(.*\))?|NUMERIC(\(.*\))?)$/;

/** The kind of a DuckDB type text such as 'BIGINT', 'DECIMAL(18,2)', 'TIMESTAMP WITH TIME ZONE'. */
export function kindOfType(type: string): ColumnKind {
  const t = type.trim().toUpperCase();
  if (INTEGER.test(t)) return 'integer';
  if (NUMBER.test(t)) return 'number';
  if (t === 'DATE') return 'date';
  if (t.startsWith('TIMESTAMP') || t === 'DATETIME' || t === 'TIMESTAMPTZ') return 'time';
  if (t === 'VARCHAR' || t === 'TEXT' || t === 'STRING' || t === 'UUID' || t.startsWith('ENUM') || t === 'CHAR' || t.startsWith('VARCHAR(')) return 'text';
  if (t === 'BOOLEAN' || t === 'BOOL') return 'boolean';
  return 'other';
}

function kindOfArrow(type: DataType): ColumnKind {
  if (DataType.isInt(type)) return 'integer';
  if (DataType.isFloat(type) || DataType.isDecimal(type)) return 'number';
  if (DataType.isTimestamp(type)) return 'time';
  if (DataType.isDate(type)) return 'date';
  if (DataType.isUtf8(type) || DataType.isLargeUtf8(type) || DataType.isDictionary(type)) return 'text';
  if (DataType.isBool(type)) return 'boolean';
  return 'other';
}

/** The result's columns: the server's DuckDB types where given, the Arrow schema otherwise. */
export function resultColumns(table: Table, declared?: readonly { name: string; type: string }[]): ResultColumn[] {
  return table.schema.fields.map((f, i) => {
    const d = declared?.[i]?.name === f.name ? declared[i] : declared?.find((c) => c.name === f.name);
    if (d) {
      const kind = kindOfType(d.type);
      return { name: f.name, type: d.type, kind: kind === 'other' ? kindOfArrow(f.type) : kind };
    }
    return { name: f.name, type: String(f.type), kind: kindOfArrow(f.type) };
  });
}

export const isNumericKind = (k: ColumnKind): boolean => k === 'integer' || k === 'number';
export const isTimeKind = (k: ColumnKind): boolean => k === 'time' || k === 'date';

const decimals = new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 });
const bigints = new Intl.NumberFormat('en-US');

function jsonText(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? x.toString() : x)) ?? String(v);
}

/** Cell text for the table; null for SQL NULL (the table shows it muted). */
export function displayValue(v: unknown, kind: ColumnKind): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') return bigints.format(v);
  if (typeof v === 'number') {
    if (kind === 'time' || kind === 'date') return timeText(v, kind);
    if (!Number.isFinite(v)) return String(v);
    if (Number.isInteger(v)) return formatCount(v);
    if (v !== 0 && Math.abs(v) < 1e-3) return v.toExponential(3);
    return decimals.format(v);
  }
  if (v instanceof Date) return timeText(v.getTime(), kind === 'date' ? 'date' : 'time');
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'object' && 'toJSON' in v && typeof v.toJSON === 'function') return jsonText(v.toJSON());
  return jsonText(v);
}

function timeText(ms: number, kind: 'time' | 'date'): string {
  const iso = new Date(ms).toISOString();
  if (kind === 'date') return iso.slice(0, 10);
  // formatUtc works in whole seconds; the milliseconds, when there are any, come from the ISO text.
  const text = formatUtc(iso, 'yyyy-MM-dd HH:mm:ss');
  return ms % 1000 === 0 ? text : `${text}.${iso.slice(20, 23)}`;
}

/** A value for Plot: numbers as numbers (bigints too), times as Dates, the rest as text. */
export function plotValue(v: unknown, kind: ColumnKind): number | Date | string | boolean | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'number') return isTimeKind(kind) ? new Date(v) : v;
  if (v instanceof Date || typeof v === 'string' || typeof v === 'boolean') return v;
  return displayValue(v, kind);
}

export type PlotRow = Record<string, number | Date | string | boolean | null>;

/** Plain rows of the named columns, for Plot. */
export function plotRows(table: Table, columns: readonly ResultColumn[], names: readonly string[]): PlotRow[] {
  const wanted = columns.filter((c) => names.includes(c.name));
  const vectors = wanted.map((c) => ({ c, v: table.getChild(c.name) }));
  const rows: PlotRow[] = new Array(table.numRows);
  for (let i = 0; i < table.numRows; i++) {
    const row: PlotRow = {};
    for (const { c, v } of vectors) row[c.name] = v ? plotValue(v.get(i), c.kind) : null;
    rows[i] = row;
  }
  return rows;
}
