// Reading a CSV or Parquet file into DuckDB temp tables on one session, mapping and validating it
// in SQL (sql/queries/csv/). Shared by preview (a fresh read session, nothing written) and import
// (the writer's transaction). Temp tables and views: csv_source (all columns as VARCHAR with their
// row: a CSV is read into the table csv_raw, a Parquet file is read where it is), csv_read_rejects
// (lines the CSV reader could not split or decode), csv_numbered (rows with their position after
// rejected lines), csv_rows (mapped, with reject field/reason).
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { frag, type Session } from '../../sql';
import { IngestError } from '../types';
import { DELIMITERS, TIMESTAMP_FORMATS, type ColumnMapping, type NamedTimestampFormat, type PartialMapping, type Problem, type TableFormat } from './types';

/** Longest CSV line read (bytes); longer lines are rejects, not a crash. */
export const MAX_LINE_BYTES = 1 << 20;
const SAMPLE = 1000;

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
}

function duckMessage(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).replace(/\s+/g, ' ').slice(0, 400);
}

/** Loads the file as csv_source (+ csv_read_rejects, csv_numbered). `file` is the name used in messages. */
export async function loadRaw(s: Session, path: string, file: string, mapping: PartialMapping): Promise<Loaded> {
  const format = formatOf(path);
  if (!format) throw new IngestError(`${file}: not a CSV (.csv, .tsv, .txt) or Parquet (.parquet) file`, file);
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new IngestError(`${file}: no such file`, file);
  }
  if (size === 0) throw new IngestError(`${file} is empty (0 bytes)`, file);
  await s.script('csv/macros');
  await s.script('csv/read_reset');
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
      await s.query('csv/read_csv', { path, delim: delimiter, max_line: MAX_LINE_BYTES }, { columns: frag.columnTypes(names, 'VARCHAR') });
      await s.query('csv/read_rejects', { max_line: MAX_LINE_BYTES });
      await s.script('csv/read_done');
      const [{ base }] = await s.query<{ base: string }>('csv/rowid_base');
      await s.script('csv/source_csv', { rowid_base: frag.integer(base) });
    } else {
      await s.script('csv/read_parquet', { path: frag.literal(path) });
    }
  } catch (err) {
    if (err instanceof IngestError) throw err;
    throw new IngestError(`cannot read ${file}: ${duckMessage(err)}`, file);
  }
  const columns = (await s.query<{ column_name: string }>('csv/raw_columns')).map((d) => d.column_name);
  const [{ rows, read_rejects: readRejects }] = await s.query<{ rows: number; read_rejects: number }>('csv/raw_counts');
  await s.script(readRejects > 0 ? 'csv/numbered_after_rejects' : 'csv/numbered');
  return { format, delimiter, delimiterDetected, columns, rows, readRejects };
}

function isNamed(f: string): f is NamedTimestampFormat {
  return (TIMESTAMP_FORMATS as readonly string[]).includes(f);
}

/** Checks a format given by the user: a known name or a strptime pattern. */
export function checkFormat(f: string, file: string): void {
  if (!isNamed(f) && !f.includes('%')) {
    throw new IngestError(`unknown timestamp format "${f}": use one of ${TIMESTAMP_FORMATS.join(', ')} or a strptime pattern such as %d/%m/%Y %H:%M`, file, null, 'timestampFormat');
  }
}

export interface DetectedFormat {
  format: string | null;
  problems: Problem[];
}

/** Picks the first named format that reads every sampled value of `column` as a year 1900–2199. */
export async function detectTimestampFormat(s: Session, column: string, file: string): Promise<DetectedFormat> {
  const [counts] = await s.query<Record<string, number>>('csv/detect_format', { sample: SAMPLE }, { ts_col: frag.ident(column) });
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

export async function checkTimezone(s: Session, tz: string, file: string): Promise<void> {
  if (tz === 'UTC') return;
  const [{ n }] = await s.query<{ n: number }>('csv/timezone_known', { tz });
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

/** Builds csv_rows for a complete mapping (columns checked, format and zone known). */
export async function mapAndValidate(s: Session, loaded: Loaded, mapping: ColumnMapping, format: string, tz: string): Promise<void> {
  await s.query(
    'csv/rows',
    {
      row_offset: loaded.format === 'parquet' ? 1 : 2,
      ts_format: format,
      tz,
      f_case: mapping.case,
      f_activity: mapping.activity,
      f_ts: mapping.timestamp,
      f_start: mapping.startTimestamp ?? null,
    },
    {
      case_col: frag.ident(mapping.case),
      activity_col: frag.ident(mapping.activity),
      ts_col: frag.ident(mapping.timestamp),
      start_col: frag.columnOrNull(mapping.startTimestamp),
      resource_col: frag.columnOrNull(mapping.resource),
      attr_pairs: frag.namedColumns(mapping.attributes ?? []),
    },
  );
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
