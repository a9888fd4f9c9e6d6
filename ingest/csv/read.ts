// Reading a CSV or Parquet file into DuckDB temp tables on one connection, mapping and validating
// it in SQL. Shared by preview (a fresh read connection, nothing written) and import (the writer's
// transaction). Temp tables: csv_raw (all columns as VARCHAR, file order), csv_read_rejects (lines
// the CSV reader could not split or decode), csv_input (mapped), csv_rows (+ reject field/reason).
import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { ident, loadQuery } from '../../sql';
import { toPlainRows, type Row } from '../../sql/convert';
import { IngestError } from '../types';
import { DELIMITERS, TIMESTAMP_FORMATS, type ColumnMapping, type NamedTimestampFormat, type PartialMapping, type Problem, type TableFormat } from './types';

/** Longest CSV line read (bytes); longer lines are rejects, not a crash. */
export const MAX_LINE_BYTES = 1 << 20;
const SAMPLE = 1000;

export async function all<T = Row>(conn: DuckDBConnection, sql: string, params?: Record<string, DuckDBValue>): Promise<T[]> {
  return toPlainRows((await conn.runAndReadAll(sql, params)).getRowObjectsJS()) as T[];
}

export function formatOf(path: string): TableFormat | null {
  const ext = extname(path).toLowerCase();
  if (ext === '.parquet' || ext === '.pq') return 'parquet';
  if (ext === '.csv' || ext === '.tsv' || ext === '.txt') return 'csv';
  return null;
}

/** Splits a line on `d` outside double quotes and counts the fields. */
function fieldCount(line: string, d: string): number {
  let n = 1;
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === d && !quoted) n++;
  }
  return n;
}

/**
 * The delimiter of a CSV head: among , ; TAB |, the one that splits the lines into the same number
 * (> 1) of fields most consistently, more fields breaking ties. Null when none splits the header.
 */
export function sniffDelimiter(head: string): string | null {
  const lines = head.split(/\r?\n/).slice(0, 30);
  if (lines.length > 1 && !head.endsWith('\n')) lines.pop(); // a cut-off last line
  const nonEmpty = lines.filter((l) => l.trim() !== '');
  if (nonEmpty.length === 0) return null;
  let best: { d: string; score: number; fields: number } | null = null;
  for (const d of DELIMITERS) {
    const counts = nonEmpty.map((l) => fieldCount(l, d));
    const fields = counts[0];
    if (fields < 2) continue;
    const score = counts.filter((c) => c === fields).length / counts.length;
    if (!best || score > best.score || (score === best.score && fields > best.fields)) best = { d, score, fields };
  }
  return best?.d ?? null;
}

/**
 * The column names of the header line (first non-blank line), as DuckDB would name them: an empty
 * name becomes `column<i>`, a repeated one gets `_<n>`. Null when the line does not end in `head`.
 */
export function headerNames(head: string, d: string): string[] | null {
  const start = head.search(/\S/);
  const nl = head.indexOf('\n', start);
  if (nl < 0 && head.length >= MAX_LINE_BYTES) return null;
  const line = head.slice(start, nl < 0 ? head.length : nl).replace(/\r$/, '');
  const fields: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === d) {
      fields.push(cur);
      cur = '';
    } else cur += ch;
  }
  fields.push(cur);
  const seen = new Map<string, number>();
  return fields.map((f, i) => {
    let name = f.trim() === '' ? `column${i}` : f;
    const n = seen.get(name) ?? 0;
    seen.set(name, n + 1);
    if (n > 0) name = `${name}_${n}`;
    return name;
  });
}

function readHead(path: string, bytes = 64 * 1024): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const n = readSync(fd, buf, 0, bytes, 0);
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

export interface Loaded {
  format: TableFormat;
  delimiter: string | null;
  delimiterDetected: boolean;
  columns: string[];
  rows: number;
  readRejects: number;
  /** rowid of csv_raw's first row (rowids inside a transaction do not start at 0). */
  rowBase: string;
}

function duckMessage(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).replace(/\s+/g, ' ').slice(0, 400);
}

/** Loads the file into csv_raw (+ csv_read_rejects). `file` is the name used in messages. */
export async function loadRaw(conn: DuckDBConnection, path: string, file: string, mapping: PartialMapping): Promise<Loaded> {
  const format = formatOf(path);
  if (!format) throw new IngestError(`${file}: not a CSV (.csv, .tsv, .txt) or Parquet (.parquet) file`, file);
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new IngestError(`${file}: no such file`, file);
  }
  if (size === 0) throw new IngestError(`${file} is empty (0 bytes)`, file);
  await conn.run('DROP TABLE IF EXISTS csv_rej_errors; DROP TABLE IF EXISTS csv_rej_scans; DROP TABLE IF EXISTS csv_read_rejects; DROP TABLE IF EXISTS csv_adjust');
  let delimiter: string | null = null;
  let delimiterDetected = false;
  try {
    if (format === 'csv') {
      const headBuf = readHead(path, MAX_LINE_BYTES);
      const head = headBuf.toString('utf8').replace(/^\uFEFF/, '');
      if (head.trim() === '') throw new IngestError(`${file} is empty (only blank lines)`, file);
      if (mapping.delimiter) delimiter = mapping.delimiter;
      else {
        delimiter = sniffDelimiter(head.slice(0, 64 * 1024)) ?? ',';
        delimiterDetected = true;
      }
      if (delimiter.length !== 1) throw new IngestError(`${file}: the delimiter must be one character, not "${delimiter}"`, file, null, 'delimiter');
      const names = headerNames(head, delimiter);
      if (!names) throw new IngestError(`${file}: the header line is longer than ${MAX_LINE_BYTES} bytes`, file, 1, null);
      // Columns given, so DuckDB's sniffer does not run (it fails on a bad line instead of rejecting it).
      const lit = (x: string) => `'${x.replaceAll("'", "''")}'`;
      const columns = `{${names.map((c) => `${lit(c)}: 'VARCHAR'`).join(', ')}}`;
      await conn.run(
        `CREATE OR REPLACE TEMP TABLE csv_raw AS SELECT * FROM read_csv($path, delim = $delim, header = true, auto_detect = false,
           columns = ${columns}, quote = '"', escape = '"', null_padding = false, max_line_size = ${MAX_LINE_BYTES},
           store_rejects = true, rejects_table = 'csv_rej_errors', rejects_scan = 'csv_rej_scans')`,
        { path, delim: delimiter },
      );
      await conn.run(
        `CREATE OR REPLACE TEMP TABLE csv_read_rejects AS
         SELECT line::INTEGER AS line, column_name AS field,
                CASE error_type WHEN 'INVALID ENCODING' THEN 'not UTF-8 text (convert the file to UTF-8)'
                                WHEN 'LINE SIZE OVER MAXIMUM' THEN 'the line is longer than ${MAX_LINE_BYTES} bytes'
                                ELSE error_message END AS reason,
                left(csv_line, 2000) AS raw
         FROM csv_rej_errors QUALIFY row_number() OVER (PARTITION BY line ORDER BY byte_position) = 1`,
      );
      await conn.run('DROP TABLE IF EXISTS csv_rej_errors; DROP TABLE IF EXISTS csv_rej_scans');
    } else {
      const desc = await all<{ column_name: string }>(conn, 'DESCRIBE SELECT * FROM read_parquet($path)', { path });
      const cols = desc.map((d) => `${ident(d.column_name)}::VARCHAR AS ${ident(d.column_name)}`).join(', ');
      await conn.run(`CREATE OR REPLACE TEMP TABLE csv_raw AS SELECT ${cols} FROM read_parquet($path)`, { path });
      await conn.run('CREATE OR REPLACE TEMP TABLE csv_read_rejects (line INTEGER, field VARCHAR, reason VARCHAR, raw VARCHAR)');
    }
  } catch (err) {
    if (err instanceof IngestError) throw err;
    throw new IngestError(`cannot read ${file}: ${duckMessage(err)}`, file);
  }
  // Good row k (1-based) sits on line k + 1 + (rejected lines before it): L_i - i <= k for the i-th rejected line L_i.
  await conn.run(
    `CREATE OR REPLACE TEMP TABLE csv_adjust AS
     SELECT t, max(c) AS c FROM (SELECT line - row_number() OVER (ORDER BY line) AS t, row_number() OVER (ORDER BY line) AS c FROM csv_read_rejects) GROUP BY t`,
  );
  const columns = (await all<{ column_name: string }>(conn, 'DESCRIBE csv_raw')).map((d) => d.column_name);
  const [{ n }] = await all<{ n: number }>(conn, 'SELECT count(*)::BIGINT AS n FROM csv_raw');
  const [{ r }] = await all<{ r: number }>(conn, 'SELECT count(*)::BIGINT AS r FROM csv_read_rejects');
  const [{ b }] = await all<{ b: string }>(conn, 'SELECT coalesce(min(rowid), 0)::VARCHAR AS b FROM csv_raw');
  return { format, delimiter, delimiterDetected, columns, rows: n, readRejects: r, rowBase: b };
}

/** SQL for the row number of csv_raw's row `k` (its rowid): CSV header is row 1; Parquet rows from 1. */
function rowNoExpr(loaded: Loaded): string {
  if (loaded.format === 'parquet') return '(k + 1)';
  return loaded.readRejects > 0 ? '(k + 2 + coalesce(adj.c, 0))' : '(k + 2)';
}

const FORMAT_PATTERNS: Record<Exclude<NamedTimestampFormat, 'iso' | 'epoch_s' | 'epoch_ms'>, string[]> = {
  ymd: ['%Y/%m/%d %H:%M:%S', '%Y/%m/%d %H:%M', '%Y/%m/%d', '%Y-%m-%d %H:%M', '%Y-%m-%d'],
  dmy: ['%d/%m/%Y %H:%M:%S', '%d/%m/%Y %H:%M', '%d/%m/%Y', '%d-%m-%Y %H:%M:%S', '%d-%m-%Y %H:%M'],
  mdy: ['%m/%d/%Y %H:%M:%S', '%m/%d/%Y %H:%M', '%m/%d/%Y', '%m/%d/%Y %I:%M:%S %p', '%m/%d/%Y %I:%M %p'],
  dmy_dot: ['%d.%m.%Y %H:%M:%S', '%d.%m.%Y %H:%M', '%d.%m.%Y'],
};

function isNamed(f: string): f is NamedTimestampFormat {
  return (TIMESTAMP_FORMATS as readonly string[]).includes(f);
}

/** Checks a format given by the user: a known name or a strptime pattern. */
export function checkFormat(f: string, file: string): void {
  if (!isNamed(f) && !f.includes('%')) {
    throw new IngestError(`unknown timestamp format "${f}": use one of ${TIMESTAMP_FORMATS.join(', ')} or a strptime pattern such as %d/%m/%Y %H:%M`, file, null, 'timestampFormat');
  }
}

/**
 * SQL turning the trimmed VARCHAR `x` into a UTC TIMESTAMP (NULL when it does not parse). Local
 * times are read in the zone `tz` (checked by checkTimezone first). The zone and a custom pattern
 * are inlined as string literals (the expression goes into a view, which takes no parameters).
 */
export function tsExpr(format: string, x: string, tz: string): string {
  const local = (e: string) => (tz !== 'UTC' ? `timezone(${sqlString(tz)}, ${e})::TIMESTAMP` : e);
  const list = (p: string[]) => `[${p.map((s) => `'${s}'`).join(', ')}]`;
  switch (format) {
    case 'iso': {
      // A cast to TIMESTAMP ignores an offset, one to TIMESTAMPTZ is slow: look for an offset first.
      const offset = `(right(${x}, 1) IN ('Z', 'z') OR contains(substr(${x}, 11), '+') OR contains(substr(${x}, 12), '-'))`;
      return `(CASE WHEN ${offset} THEN try_cast(${x} AS TIMESTAMPTZ)::TIMESTAMP ELSE ${local(`try_cast(${x} AS TIMESTAMP)`)} END)`;
    }
    case 'epoch_s':
      return `(CASE WHEN abs(try_cast(${x} AS DOUBLE)) < 1e11 THEN to_timestamp(try_cast(${x} AS DOUBLE))::TIMESTAMP END)`;
    case 'epoch_ms':
      return `(CASE WHEN abs(try_cast(${x} AS DOUBLE)) < 1e14 THEN epoch_ms(try_cast(${x} AS DOUBLE)::BIGINT) END)`;
    case 'ymd':
    case 'dmy':
    case 'mdy':
    case 'dmy_dot':
      return local(`try_strptime(${x}, ${list(FORMAT_PATTERNS[format])})`);
    default:
      return format.includes('%z') ? `try_strptime(${x}, ${sqlString(format)})::TIMESTAMP` : local(`try_strptime(${x}, ${sqlString(format)})`);
  }
}

/** A value as an SQL string literal (quotes doubled), for the few values that cannot be bound. */
export function sqlString(v: string): string {
  return `'${v.replaceAll("'", "''")}'`;
}

export interface DetectedFormat {
  format: string | null;
  problems: Problem[];
}

/** Picks the first named format that reads every sampled value of `column` as a year 1900–2199. */
export async function detectTimestampFormat(conn: DuckDBConnection, column: string, file: string): Promise<DetectedFormat> {
  const col = `trim(${ident(column)})`;
  const src = `(SELECT ${col} AS v FROM csv_raw WHERE nullif(${col}, '') IS NOT NULL LIMIT ${SAMPLE})`;
  const parts = TIMESTAMP_FORMATS.map((f) => `count(*) FILTER (WHERE year(${tsExpr(f, 'v', 'UTC')}) BETWEEN 1900 AND 2199)::INTEGER AS "${f}"`);
  const [counts] = await all<Record<string, number>>(conn, `SELECT count(*)::INTEGER AS n, ${parts.join(', ')} FROM ${src}`);
  const n = counts.n;
  const problems: Problem[] = [];
  if (n === 0) {
    problems.push({ severity: 'error', message: `the timestamp column "${column}" is empty`, file, row: null, field: column });
    return { format: null, problems };
  }
  const full = TIMESTAMP_FORMATS.filter((f) => counts[f] === n);
  if (full.length) {
    const format = full[0];
    if (format === 'dmy' && full.includes('mdy')) {
      problems.push({
        severity: 'warning',
        message: `"${column}" reads as day-first and as month-first; day-first (DD/MM/YYYY) was assumed: choose the format if that is wrong`,
        file,
        row: null,
        field: column,
      });
    }
    return { format, problems };
  }
  const best = [...TIMESTAMP_FORMATS].sort((a, b) => counts[b] - counts[a])[0];
  if (counts[best] === 0) {
    problems.push({ severity: 'error', message: `no known timestamp format reads "${column}"; give the format (a strptime pattern)`, file, row: null, field: column });
    return { format: null, problems };
  }
  problems.push({
    severity: 'warning',
    message: `${n - counts[best]} of the first ${n} values of "${column}" do not read as ${best}; those rows will be rejected`,
    file,
    row: null,
    field: column,
  });
  return { format: best, problems };
}

export async function checkTimezone(conn: DuckDBConnection, tz: string, file: string): Promise<void> {
  if (tz === 'UTC') return;
  const [{ n }] = await all<{ n: number }>(conn, 'SELECT count(*)::INTEGER AS n FROM pg_timezone_names() WHERE name = $tz', { tz });
  if (n === 0) throw new IngestError(`unknown time zone "${tz}" (use an IANA name such as Europe/Amsterdam)`, file, null, 'timezone');
}

const ROLES = [
  ['case', 'case'],
  ['activity', 'activity'],
  ['timestamp', 'timestamp'],
  ['startTimestamp', 'start timestamp'],
  ['resource', 'resource'],
] as const;

/** The mapped columns that are not in the file, as errors naming the field. */
export function missingColumns(mapping: PartialMapping, columns: readonly string[], file: string): Problem[] {
  const problems: Problem[] = [];
  const have = new Set(columns);
  const list = columns.map((c) => `"${c}"`).join(', ');
  for (const [key, label] of ROLES) {
    const c = mapping[key];
    if (c && !have.has(c)) problems.push({ severity: 'error', message: `the ${label} column "${c}" is not in the file; its columns are ${list}`, file, row: 1, field: c });
  }
  for (const c of mapping.attributes ?? []) {
    if (!have.has(c)) problems.push({ severity: 'error', message: `the attribute column "${c}" is not in the file; its columns are ${list}`, file, row: 1, field: c });
  }
  for (const key of ['case', 'activity', 'timestamp'] as const) {
    if (!mapping[key]) problems.push({ severity: 'error', message: `choose the ${key} column`, file, row: null, field: null });
  }
  return problems;
}

/** Builds csv_input and csv_rows for a complete mapping (columns checked, format and zone known). */
export async function mapAndValidate(conn: DuckDBConnection, loaded: Loaded, mapping: ColumnMapping, format: string, tz: string, file: string): Promise<void> {
  const v = (c: string | undefined) => (c ? `nullif(trim(${ident(c)}), '')` : 'NULL::VARCHAR');
  const lit = (s: string) => `'${s.replaceAll("'", "''")}'`;
  const attrs = mapping.attributes?.length
    ? `json_object(${mapping.attributes.map((a) => `${lit(a)}, ${ident(a)}`).join(', ')})::VARCHAR`
    : `'{}'`;
  await conn.run(
    `CREATE OR REPLACE TEMP VIEW csv_input AS
     SELECT k, row_no, case_id, activity, ts_raw, ${tsExpr(format, 'ts_raw', tz)} AS ts,
            start_raw, ${tsExpr(format, 'start_raw', tz)} AS start_ts, resource, attrs
     FROM (SELECT r.k, ${rowNoExpr(loaded)}::BIGINT AS row_no, ${v(mapping.case)} AS case_id,
                  ${v(mapping.activity)} AS activity, ${v(mapping.timestamp)} AS ts_raw,
                  ${v(mapping.startTimestamp)} AS start_raw, ${v(mapping.resource)} AS resource, ${attrs} AS attrs
           FROM (SELECT rowid - ${rowKeyBase(loaded)} AS k, * FROM csv_raw) r${loaded.readRejects > 0 ? ' ASOF LEFT JOIN csv_adjust adj ON r.k + 1 >= adj.t' : ''})`,
  );
  await conn.run(loadQuery('csv/meta'), {
    file,
    f_case: mapping.case,
    f_activity: mapping.activity,
    f_ts: mapping.timestamp,
    f_start: mapping.startTimestamp ?? null,
    ts_format: format,
  });
  await conn.run(loadQuery('csv/validate'));
}

/** The rowid base as an SQL literal (BigInt-safe). */
export function rowKeyBase(loaded: Loaded): string {
  return BigInt(loaded.rowBase).toString(); // validated integer text
}

/** SQL for the raw line of csv_raw row alias `r` (for rejects). */
export function rawExpr(columns: readonly string[], delimiter: string | null): string {
  const d = (delimiter ?? ',').replaceAll("'", "''");
  return `concat_ws('${d}', ${columns.map((c) => `coalesce(r.${ident(c)}, '')`).join(', ')})`;
}

/** Guesses the columns a mapping leaves open, from common names (XES-style names included). */
export function guessMapping(columns: readonly string[], given: PartialMapping): PartialMapping {
  const find = (...res: RegExp[]) => {
    for (const re of res) {
      const c = columns.find((x) => re.test(x));
      if (c) return c;
    }
    return undefined;
  };
  const m: PartialMapping = { ...given };
  m.case ??= find(/^case:concept:name$/i, /^case[ _-]?id$/i, /^case$/i, /case/i);
  m.activity ??= find(/^concept:name$/i, /^activity$/i, /activity/i, /^event$/i);
  m.timestamp ??= find(/^time:timestamp$/i, /^(complete|end)[ _-]?(time|timestamp)$/i, /^timestamp$/i, /time/i, /date/i);
  m.resource ??= find(/^org:resource$/i, /^resource$/i, /^user$/i);
  m.startTimestamp ??= find(/^start[ _-]?(time|timestamp)$/i);
  return m;
}

export function displayName(path: string, fileName?: string): string {
  return fileName ?? basename(path);
}
