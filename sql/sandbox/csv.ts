// CSV text of result chunks (RFC 4180: comma, CRLF line ends, quotes doubled), for the
// notebook's full-result export. Values in DuckDB's text form; NULL is an empty field; dates and
// timestamps as ISO text without a zone (the store is UTC).
import type { DuckDBDataChunk, DuckDBType } from '@duckdb/node-api';

function field(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'string' ? v : String(v);
  return /[",\n\r]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function csvHeader(names: string[]): string {
  return `${names.map(field).join(',')}\r\n`;
}

export function csvRows(chunk: DuckDBDataChunk, types: DuckDBType[]): string {
  const vectors = types.map((_, c) => chunk.getColumnVector(c));
  const lines: string[] = [];
  for (let r = 0; r < chunk.rowCount; r++) {
    const cells: string[] = [];
    for (const v of vectors) cells.push(field(v.getItem(r)));
    lines.push(cells.join(','));
  }
  return lines.length ? `${lines.join('\r\n')}\r\n` : '';
}
