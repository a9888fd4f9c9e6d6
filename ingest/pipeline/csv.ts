// Streaming RFC 4180 CSV: `,` delimiter, fields quoted only when needed, quoted fields may hold
// newlines. Row numbers count the header as row 1 (a record spanning lines has its first line's).
import { IngestError } from '../types';
import { readLines } from './lines';
import type { SourceFile } from './files';
import type { SourceRow } from './source';

export class CsvRow implements SourceRow {
  malformed?: { field: string | null; reason: string };
  constructor(
    /** What the file holds, for sources with several kinds of file (the SAP table name). */
    readonly kind: string,
    readonly file: string,
    readonly row: number,
    readonly raw: string,
    private readonly values: readonly string[],
    private readonly columns: ReadonlyMap<string, number>,
  ) {}

  /** The field's value ('' when the column or value is absent). */
  get(column: string): string {
    const i = this.columns.get(column);
    return i === undefined ? '' : (this.values[i] ?? '');
  }
}

const OPEN = Symbol('open quoted field');

/** Splits one record; OPEN when a quoted field continues on the next line; a string is an error. */
export function splitCsvRecord(text: string): string[] | typeof OPEN | string {
  if (text.indexOf('"') < 0) return text.split(',');
  const out: string[] = [];
  const n = text.length;
  let i = 0;
  for (;;) {
    if (text.charCodeAt(i) === 34) {
      let v = '';
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) return OPEN;
        if (text.charCodeAt(q + 1) === 34) {
          v += text.slice(i, q + 1);
          i = q + 2;
          continue;
        }
        v += text.slice(i, q);
        i = q + 1;
        break;
      }
      out.push(v);
      if (i === n) return out;
      if (text.charCodeAt(i) !== 44) return `unexpected text after a closing quote at position ${i + 1}`;
      i++;
      if (i === n) {
        out.push('');
        return out;
      }
    } else {
      const c = text.indexOf(',', i);
      if (c < 0) {
        out.push(text.slice(i));
        return out;
      }
      out.push(text.slice(i, c));
      i = c + 1;
      if (i === n) {
        out.push('');
        return out;
      }
    }
  }
}

/**
 * Reads a CSV file in chunks of rows. The header must contain every `required` column, else the
 * file is unreadable (IngestError naming the column), as is an unterminated quote at the end.
 */
export async function* readCsv(file: SourceFile, required: readonly string[], kind = ''): AsyncGenerator<CsvRow[]> {
  let columns: Map<string, number> | null = null;
  let width = 0;
  let lineNo = 0;
  let pending = '';
  let pendingRow = 0;
  for await (const lines of readLines(file.path, file.name)) {
    const out: CsvRow[] = [];
    for (const line of lines) {
      lineNo++;
      let text = line;
      let row = lineNo;
      if (pending !== '') {
        text = `${pending}\n${line}`;
        row = pendingRow;
        pending = '';
      } else if (line === '') continue;
      const parsed = splitCsvRecord(text);
      if (parsed === OPEN) {
        pending = text;
        pendingRow = row;
        continue;
      }
      if (columns === null) {
        if (typeof parsed === 'string') throw new IngestError(`unreadable header in ${file.name}: ${parsed}`, file.name, 1);
        columns = new Map(parsed.map((c, idx) => [c.trim(), idx]));
        width = parsed.length;
        const missing = required.filter((c) => !columns?.has(c));
        if (missing.length > 0) {
          throw new IngestError(
            `wrong header in ${file.name}: missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`,
            file.name,
            row,
            missing[0],
          );
        }
        continue;
      }
      if (typeof parsed === 'string') {
        const r = new CsvRow(kind, file.name, row, text, [], columns);
        r.malformed = { field: null, reason: `malformed CSV record: ${parsed}` };
        out.push(r);
      } else {
        const r = new CsvRow(kind, file.name, row, text, parsed, columns);
        if (parsed.length !== width) r.malformed = { field: null, reason: `${parsed.length} fields where the header has ${width}` };
        out.push(r);
      }
    }
    if (out.length > 0) yield out;
  }
  if (pending !== '') throw new IngestError(`unterminated quoted field in ${file.name} from row ${pendingRow}`, file.name, pendingRow);
  if (columns === null) throw new IngestError(`empty file ${file.name}: no header row`, file.name, 1);
}
