// Result conversion for notebooks (architecture: result conversion lives at one place in sql/):
// DuckDB result chunks → an apache-arrow Table → Arrow IPC stream bytes for the browser.
//
// Types: BOOLEAN → Bool; TINYINT…INTEGER, UTINYINT, USMALLINT → Int32; UINTEGER, BIGINT, UBIGINT,
// HUGEINT, UHUGEINT, FLOAT, DOUBLE, DECIMAL → Float64 (plain numbers the table and charts use as
// they are; integers beyond ±2^53 are rounded — counts and sums never get there, hash() values do);
// VARCHAR, UUID, ENUM → Utf8; DATE → DateDay; TIMESTAMP (any precision) and TIMESTAMPTZ →
// Timestamp in milliseconds (TZ: 'UTC'); everything else (TIME, INTERVAL, LIST, STRUCT, MAP,
// ARRAY, UNION, BLOB, BIT, JSON …) → Utf8 in DuckDB's text form. The column's DuckDB type text
// travels beside the bytes (SandboxColumn.type), so the UI can still say what it was.
import {
  Bool,
  DateDay,
  Float64,
  Int32,
  Struct,
  Field,
  RecordBatch,
  Schema,
  Table,
  TimestampMillisecond,
  Utf8,
  makeData,
  tableToIPC,
  vectorFromArray,
  type DataType,
} from 'apache-arrow';
import { DuckDBTypeId, type DuckDBDataChunk, type DuckDBType } from '@duckdb/node-api';

type Converter = { arrow: () => DataType; value: (v: unknown) => unknown };

const num = (v: unknown): number | null => {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  const d = v as { toDouble?: () => number };
  return d.toDouble ? d.toDouble() : Number(v);
};

const finite = (v: unknown) => (v as { isFinite?: boolean }).isFinite !== false;

const ms = (scale: (v: never) => number) => (v: unknown) => (v === null || v === undefined || !finite(v) ? null : scale(v as never));

function converter(type: DuckDBType): Converter {
  switch (type.typeId) {
    case DuckDBTypeId.BOOLEAN:
      return { arrow: () => new Bool(), value: (v) => (v === null || v === undefined ? null : Boolean(v)) };
    case DuckDBTypeId.TINYINT:
    case DuckDBTypeId.SMALLINT:
    case DuckDBTypeId.INTEGER:
    case DuckDBTypeId.UTINYINT:
    case DuckDBTypeId.USMALLINT:
      return { arrow: () => new Int32(), value: num };
    case DuckDBTypeId.UINTEGER:
    case DuckDBTypeId.BIGINT:
    case DuckDBTypeId.UBIGINT:
    case DuckDBTypeId.HUGEINT:
    case DuckDBTypeId.UHUGEINT:
    case DuckDBTypeId.FLOAT:
    case DuckDBTypeId.DOUBLE:
    case DuckDBTypeId.DECIMAL:
      return { arrow: () => new Float64(), value: num };
    case DuckDBTypeId.DATE:
      return { arrow: () => new DateDay(), value: ms((v: { days: number }) => v.days * 86_400_000) };
    case DuckDBTypeId.TIMESTAMP:
    case DuckDBTypeId.TIMESTAMP_TZ:
      return { arrow: () => timestampType(type), value: ms((v: { micros: bigint }) => Number(v.micros / 1000n)) };
    case DuckDBTypeId.TIMESTAMP_MS:
      return { arrow: () => timestampType(type), value: ms((v: { millis: bigint }) => Number(v.millis)) };
    case DuckDBTypeId.TIMESTAMP_S:
      return { arrow: () => timestampType(type), value: ms((v: { seconds: bigint }) => Number(v.seconds) * 1000) };
    case DuckDBTypeId.TIMESTAMP_NS:
      return { arrow: () => timestampType(type), value: ms((v: { nanos: bigint }) => Number(v.nanos / 1_000_000n)) };
    default:
      return { arrow: () => new Utf8(), value: (v) => (v === null || v === undefined ? null : String(v)) };
  }
}

function timestampType(type: DuckDBType): DataType {
  return new TimestampMillisecond(type.typeId === DuckDBTypeId.TIMESTAMP_TZ ? 'UTC' : null);
}

/** Collects result chunks column by column, up to a row limit. */
export class ArrowCollector {
  private readonly converters: Converter[];
  private readonly values: unknown[][];
  rows = 0;

  constructor(
    private readonly names: string[],
    types: DuckDBType[],
  ) {
    this.converters = types.map(converter);
    this.values = names.map(() => []);
  }

  /** Adds up to `limit` rows of `chunk`; returns how many it took. */
  add(chunk: DuckDBDataChunk, limit = Infinity): number {
    const n = Math.min(chunk.rowCount, limit);
    for (let c = 0; c < this.names.length; c++) {
      const vector = chunk.getColumnVector(c);
      const conv = this.converters[c].value;
      const out = this.values[c];
      for (let r = 0; r < n; r++) out.push(conv(vector.getItem(r)));
    }
    this.rows += n;
    return n;
  }

  /** The rows as an Arrow table (duplicate column names are kept as they are). */
  table(): Table {
    const fields = this.names.map((name, c) => new Field(name, this.converters[c].arrow(), true));
    const children = fields.map((f, c) => vectorFromArray(this.values[c] as never[], f.type).data[0]);
    const schema = new Schema(fields);
    const data = makeData({ type: new Struct(fields), length: this.rows, nullCount: 0, children });
    return new Table(schema, [new RecordBatch(schema, data)]);
  }

  ipc(): Uint8Array {
    return tableToIPC(this.table(), 'stream');
  }
}
